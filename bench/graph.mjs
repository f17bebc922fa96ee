// npm run bench -- --graph --headless [--sizes 1000,10000]: the graph's budgets (issue 21), the renderer alone (--graph without --headless also runs graphVscode.mjs, through code-server). The host side
// (bench/graphHost.ts, in Node) times building the graph message and an edit's diff; the
// webview side (bench/graphPage.ts) runs the renderer in headless chromium (software drawing:
// this machine has no GPU) and times first frames, the whole picture, frames while panning and
// zooming, an edit's diff and a hover, with the performance API inside the page and the page's
// main-thread CPU time from DevTools (wall times on a loaded machine mislead). Measures; never asserts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { inlineWorker } from '../scripts/inlineWorker.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
const sizes = sizesArg ? sizesArg.split(',').map(Number) : [1000, 10000];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mg-graph-bench-'));
const common = { bundle: true, logLevel: 'warning', sourcemap: false };
await esbuild.build({ ...common, entryPoints: [path.join(here, 'graphHost.ts')], outfile: path.join(out, 'host.js'), platform: 'node', format: 'cjs', target: 'node20' });
await esbuild.build({ ...common, entryPoints: [path.join(here, 'graphPage.ts')], outfile: path.join(out, 'page.js'), platform: 'browser', format: 'iife', target: 'es2022', plugins: [inlineWorker] });
fs.writeFileSync(path.join(out, 'page.html'), '<!DOCTYPE html><html><body style="margin:0"><script src="page.js"></script></body></html>');

const require = createRequire(path.join(root, 'test/harness/package.json'));
const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto('file://' + path.join(out, 'page.html'));
const devtools = await page.context().newCDPSession(page);
await devtools.send('Performance.enable');
const threadTime = async () => (await devtools.send('Performance.getMetrics')).metrics.find(m => m.name === 'ThreadTime').value * 1000;

const round = x => (x === undefined ? '–' : x < 10 ? x.toFixed(1) : String(Math.round(x)));
const rows = [];
for (const n of sizes) {
  const dir = path.join(here, 'vaults', `${n}-42`);
  if (!fs.existsSync(dir)) spawnSync(process.execPath, [path.join(here, 'gen-vault.mjs'), String(n), dir, '42'], { stdio: 'inherit' });
  const host = spawnSync(process.execPath, [path.join(out, 'host.js'), dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (host.status !== 0) throw new Error(host.stderr);
  const h = JSON.parse(host.stdout);
  console.error(`graph bench ${n}: host done (build ${h.buildMs.toFixed(1)} ms)`);
  const b = (step, ...args) => page.evaluate(([s, a]) => window.benchGraph[s](...a), [step, args]);
  // The page's main-thread CPU time around a step (DevTools' ThreadTime), beside its wall time.
  const cpu = async f => {
    const t0 = await threadTime();
    const value = await f();
    return { ...value, cpuMs: (await threadTime()) - t0 };
  };
  await b('load', JSON.stringify(h.graph));
  const freshFirst = await cpu(() => b('open', undefined));
  const fresh = { ...freshFirst, ...(await b('settle', n >= 10000 ? 8000 : 4000)) };
  console.error(`graph bench ${n}: fresh layout done`);
  const kept = await cpu(() => b('open', fresh.positions));
  const whole = await cpu(() => b('whole', 10000));
  await page.waitForTimeout(300);
  const diff = await cpu(() => b('diff', h.diff));
  await page.waitForTimeout(300);
  const hover = await cpu(async () => ({ frameMs: await b('hover') }));
  const moving = await b('panZoom');
  await b('close');
  rows.push({ n, nodes: h.graph.ids.length, edges: h.graph.edges.length / 4, h, fresh, kept, whole: { ...whole, cpuMs: whole.cpuMs + kept.cpuMs }, diff, hover, moving });
  console.error(`graph bench ${n}: done`);
}
await browser.close();
fs.rmSync(out, { recursive: true, force: true });

console.log(`\nGraph (load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}; chromium headless, no GPU, canvas 1400x900):\n`);
console.log('| notes | nodes / edges | first frame, positions kept: wall / page CPU | … whole picture (edges in slices): wall / page CPU | first frame, no positions: wall / CPU | longest frame while the layout runs | longest frame panning/zooming (LOD frames) / after the gesture | edit → graph updated: host CPU + page (diff applied + its frame), page CPU | hover frame / CPU | host: build the graph message, wall / CPU (+ JSON, size) | host: edit → diff, wall / CPU |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.nodes.toLocaleString('en')} / ${r.edges.toLocaleString('en')} | ${round(r.kept.firstFrameMs)} / ${round(r.kept.cpuMs)} ms | ${round(r.whole.wholeMs)} / ${round(r.whole.cpuMs)} ms | ${round(r.fresh.firstFrameMs)} / ${round(r.fresh.cpuMs)} ms | ${round(r.fresh.layoutFrameMs)} ms | ${round(r.moving.longestFrameMs)} ms (${r.moving.reducedFrames}/${r.moving.framesWhileMoving}) / ${round(r.moving.longestAfterMs)} ms | ${round(r.h.editCpuMs + r.diff.appliedMs + r.diff.frameMs)} ms (${round(r.h.editCpuMs)} + ${round(r.diff.appliedMs)} + ${round(r.diff.frameMs)}), page CPU ${round(r.diff.cpuMs)} ms | ${round(r.hover.frameMs)} / ${round(r.hover.cpuMs)} ms | ${round(r.h.buildMs)} / ${round(r.h.buildCpuMs)} ms (+${round(r.h.stringifyMs)} ms, ${(r.h.messageBytes / 1e6).toFixed(1)} MB) | ${round(r.h.editMs)} / ${round(r.h.editCpuMs)} ms |`);
}

console.log('\nThe host\'s model after the graph message (CPU ms; one task unless sliced):\n');
console.log('| notes | small-step objects: one task / in 12 ms slices (longest slice\'s CPU, slices) | note created / deleted / renamed | a note with linkers deleted or written again | how each went |');
console.log('|---:|---:|---:|---:|---|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${round(r.h.prepareCpuMs)} / ${round(r.h.prepareSlicedCpuMs)} (${round(r.h.prepareLongestMs)} ms, ${r.h.prepareSlices}) | ${round(r.h.createCpuMs)} / ${round(r.h.deleteCpuMs)} / ${round(r.h.renameCpuMs)} | ${round(r.h.deleteLinkedCpuMs)} (${r.h.linkers} linkers) | ${r.h.steps.join(' ')} |`);
}
