// npm run bench -- --graph [--sizes 1000,10000]: the graph's budgets (issue 21). The host side
// (bench/graphHost.ts, in Node) times building the graph message and an edit's diff; the
// webview side (bench/graphPage.ts) runs the renderer in headless chromium (software drawing:
// this machine has no GPU) and times first frames, frames while panning and zooming, and a diff
// applied, with the performance API inside the page. Measures; never asserts.
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

const round = x => (x === undefined ? '–' : x < 10 ? x.toFixed(1) : String(Math.round(x)));
const rows = [];
for (const n of sizes) {
  const dir = path.join(here, 'vaults', `${n}-42`);
  if (!fs.existsSync(dir)) spawnSync(process.execPath, [path.join(here, 'gen-vault.mjs'), String(n), dir, '42'], { stdio: 'inherit' });
  const host = spawnSync(process.execPath, [path.join(out, 'host.js'), dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (host.status !== 0) throw new Error(host.stderr);
  const h = JSON.parse(host.stdout);
  const cpu0 = process.cpuUsage();
  console.error(`graph bench ${n}: host done (build ${h.buildMs.toFixed(1)} ms)`);
  const fresh = await page.evaluate(([data, settle]) => window.benchGraph(data, undefined, settle), [h.graph, n >= 10000 ? 8000 : 4000]);
  console.error(`graph bench ${n}: fresh layout done`);
  const kept = await page.evaluate(([data, positions, diff]) => window.benchGraph(data, positions, 500, diff), [h.graph, fresh.positions, h.diff]);
  rows.push({ n, nodes: h.graph.ids.length, edges: h.graph.edges.length / 4, h, fresh, kept, cpu: process.cpuUsage(cpu0) });
  console.error(`graph bench ${n}: done`);
}
await browser.close();
fs.rmSync(out, { recursive: true, force: true });

console.log(`\nGraph (load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}; chromium headless, no GPU, canvas 1400x900):\n`);
console.log('| notes | nodes / edges | first frame, positions kept | first frame, no positions | longest frame while the layout runs | longest frame panning/zooming (LOD frames) | edit → diff applied in the page (host + page) | host: build the graph message, wall / CPU (+ JSON, size) | host: edit → diff, wall / CPU |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.nodes.toLocaleString('en')} / ${r.edges.toLocaleString('en')} | ${round(r.kept.firstFrameMs)} ms | ${round(r.fresh.firstFrameMs)} ms | ${round(r.fresh.layoutFrameMs)} ms | ${round(r.kept.longestFrameMs)} ms (${r.kept.reducedFrames}/${r.kept.framesWhileMoving}) | ${round(r.kept.diffMs + r.h.editMs)} ms (${round(r.h.editMs)} + ${round(r.kept.diffMs)}; wall to the frame ${round(r.kept.diffWallMs)} ms) | ${round(r.h.buildMs)} / ${round(r.h.buildCpuMs)} ms (+${round(r.h.stringifyMs)} ms, ${(r.h.messageBytes / 1e6).toFixed(1)} MB) | ${round(r.h.editMs)} / ${round(r.h.editCpuMs)} ms |`);
}
