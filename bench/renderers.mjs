// usage: npm run bench -- --graph --renderers [--sizes 1000,10000] [--seconds 3] [--rounds 1]
//          [--only ours,sigma,sigma-lod,webgl] [--modes no-gpu,default] [--screenshots DIR]
//   (or node bench/renderers.mjs with the same flags, after `npm run build`)
// The graph's renderers side by side (issue 21): the bench vaults' graph messages
// (bench/graphHost.ts), one layout run for all (media/src/graph/layout.ts, cached beside the
// vault), drawn in headless chromium on a 1,400x900 canvas by sigma 3 + graphology (as it comes,
// and with edges and labels hidden while moving), our Canvas 2D renderer, and a plain WebGL
// points-and-lines baseline (bench/renderersPage.ts). For each: the first frame (wall, and the
// page's main-thread CPU from DevTools' ThreadTime), then frames while panning and zooming for a
// few seconds: frames a second, the longest gap between two, and CPU per frame drawn (the page's
// main thread, and all chromium's processes: software WebGL runs in the GPU process). On a loaded
// machine the wall figures mean little; CPU per frame is what to compare. Chromium runs with --disable-gpu and with its default flags; the table names the
// GL renderer chromium reports (WEBGL_debug_renderer_info) and chrome://gpu's status for Canvas
// and WebGL. With --rounds N the renderers take turns N times (order rotated), medians printed.
// Measures; never asserts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = arg('--sizes', '1000,10000').split(',').map(Number);
const seconds = Number(arg('--seconds', '3'));
const rounds = Number(arg('--rounds', '1'));
const renderers = arg('--only', 'ours,sigma,sigma-lod,webgl').split(',');
const modes = arg('--modes', 'no-gpu,default').split(',');
/** Where to put a picture of each renderer's first frame (to see that they draw the same graph). */
const shots = arg('--screenshots', undefined);
const FLAGS = { 'no-gpu': ['--disable-gpu'], default: [] };
const LABELS = { ours: 'ours (Canvas 2D, level of detail)', sigma: 'sigma 3 (WebGL)', 'sigma-lod': 'sigma 3, edges and labels hidden while moving', webgl: 'plain WebGL points + lines' };
for (const m of modes) if (!FLAGS[m]) throw new Error(`unknown mode ${m} (no-gpu, default)`);
for (const r of renderers) if (!LABELS[r]) throw new Error(`unknown renderer ${r} (${Object.keys(LABELS).join(', ')})`);

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mg-renderers-bench-'));
const common = { bundle: true, logLevel: 'warning', sourcemap: false };
await esbuild.build({ ...common, entryPoints: [path.join(here, 'graphHost.ts')], outfile: path.join(out, 'host.js'), platform: 'node', format: 'cjs', target: 'node20' });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'media/src/graph/layout.ts')], outfile: path.join(out, 'layout.cjs'), platform: 'node', format: 'cjs', target: 'node20' });
await esbuild.build({ ...common, entryPoints: [path.join(here, 'renderersPage.ts')], outfile: path.join(out, 'page.js'), platform: 'browser', format: 'iife', target: 'es2022' });
fs.writeFileSync(path.join(out, 'page.html'), '<!DOCTYPE html><html><body style="margin:0"><script src="page.js"></script></body></html>');
const require = createRequire(import.meta.url);
const { createLayout, placeNodes } = require(path.join(out, 'layout.cjs'));

/** The graph message of an n-note bench vault, and positions from one layout run (cached: the layout is the slow part). */
function graphOf(n) {
  const dir = path.join(here, 'vaults', `${n}-42`);
  if (!fs.existsSync(dir)) spawnSync(process.execPath, [path.join(here, 'gen-vault.mjs'), String(n), dir, '42'], { stdio: 'inherit' });
  const host = spawnSync(process.execPath, [path.join(out, 'host.js'), dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (host.status !== 0) throw new Error(`bench/graphHost.ts failed on ${dir}: ${host.stderr}`);
  const graph = JSON.parse(host.stdout).graph;
  const edges = graph.edges.length / 4;
  const cache = path.join(here, 'vaults', `${n}-42.layout-${graph.ids.length}-${edges}.json`);
  if (fs.existsSync(cache)) return { graph, positions: JSON.parse(fs.readFileSync(cache, 'utf8')) };
  console.error(`renderers bench ${n}: laying out ${graph.ids.length} nodes, ${edges} edges (once; cached in ${path.relative(root, cache)})`);
  const nodes = graph.ids.map(id => ({ id, x: 0, y: 0 }));
  const links = [];
  for (let i = 0; i < graph.edges.length; i += 4) links.push({ source: graph.ids[graph.edges[i]], target: graph.ids[graph.edges[i + 1]] });
  placeNodes(nodes, links, new Map());
  const layout = createLayout(nodes, links);
  layout.reheat(1);
  // step(0) is one tick: the same picture whatever the machine's load.
  for (let ticks = 0; layout.running && ticks < 300; ticks++) layout.step(0);
  const positions = nodes.flatMap(p => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]);
  fs.writeFileSync(cache, JSON.stringify(positions));
  return { graph, positions };
}

/** CPU ms (user + system) of every process below this one: chromium's browser, renderer and GPU processes. */
function chromiumCpuMs() {
  const parent = new Map();
  const ticks = new Map();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(f[1]));
      ticks.set(Number(pid), Number(f[11]) + Number(f[12]));
    } catch {
      // gone meanwhile
    }
  }
  const below = pid => { for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) return true; return false; };
  let sum = 0;
  for (const [pid, t] of ticks) if (below(pid)) sum += t;
  return (sum * 1000) / 100; // USER_HZ is 100 on Linux
}

const graphs = new Map(sizes.map(n => [n, graphOf(n)]));
const playwright = createRequire(path.join(root, 'test/harness/package.json'))('playwright-core');
const results = [];
const heads = [];
for (const mode of modes) {
  const browser = await playwright.chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', ...FLAGS[mode]] });
  const status = await browser.newPage();
  await status.goto('chrome://gpu');
  await status.waitForTimeout(1000);
  const gpuText = await status.evaluate(() => document.querySelector('info-view')?.shadowRoot?.textContent ?? document.body.innerText);
  const feature = name => (gpuText.match(new RegExp(`${name}:\\s*([^*\\n]*)`)) ?? [])[1]?.trim() ?? '?';
  await status.close();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto('file://' + path.join(out, 'page.html'));
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Performance.enable');
  const threadMs = async () => (await devtools.send('Performance.getMetrics')).metrics.find(m => m.name === 'ThreadTime').value * 1000;
  const b = (step, ...a) => page.evaluate(([s, x]) => window.benchRenderers[s](...x), [step, a]);
  const cpu = async f => {
    const t = await threadMs();
    const c = chromiumCpuMs();
    const value = await f();
    return { ...value, pageCpuMs: (await threadMs()) - t, allCpuMs: chromiumCpuMs() - c };
  };
  const head = `${mode === 'no-gpu' ? '--disable-gpu' : 'default flags'}: WebGL by "${await b('glRenderer')}"; chrome://gpu: Canvas "${feature('Canvas')}", WebGL "${feature('WebGL')}", chromium ${browser.version()}`;
  heads.push(head);
  console.error(`renderers bench: ${head}`);
  for (const n of sizes) {
    const { graph, positions } = graphs.get(n);
    const counts = await b('load', JSON.stringify(graph), positions);
    for (let round = 0; round < rounds; round++) {
      const order = renderers.map((_, i) => renderers[(i + round) % renderers.length]);
      for (const r of order) {
        try {
          const opened = await cpu(() => b('open', r));
          if (shots && round === 0) {
            fs.mkdirSync(shots, { recursive: true });
            await page.waitForTimeout(1000);
            await page.screenshot({ path: path.join(shots, `renderers-${mode}-${n}-${r}.png`) });
          }
          await b('settle', n >= 10000 ? 1500 : 500);
          const moved = await cpu(() => b('move', seconds * 1000));
          await b('close');
          results.push({ mode, n, ...counts, r, opened, moved });
          console.error(`renderers bench ${mode} ${n} ${r}: first frame ${opened.firstFrameMs.toFixed(0)} ms, ${moved.fps.toFixed(1)} fps`);
        } catch (e) {
          results.push({ mode, n, ...counts, r, error: String(e).split('\n')[0] });
          console.error(`renderers bench ${mode} ${n} ${r}: ${e}`);
          await b('close').catch(() => {});
        }
      }
    }
  }
  if (errors.length) console.error(`renderers bench ${mode}: page errors:\n  ${errors.join('\n  ')}`);
  await browser.close();
}
fs.rmSync(out, { recursive: true, force: true });

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = x => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en'));
/** The median of a measure over the rounds, with its range when there were several. */
const show = (rs, f) => {
  const xs = rs.map(f);
  const m = round(median(xs));
  return xs.length > 1 ? `${m} (${round(Math.min(...xs))}–${round(Math.max(...xs))})` : m;
};
console.log(`\nGraph renderers side by side (load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}; ${os.cpus().length} cores; headless chromium, canvas 1400x900, ${seconds} s of panning and zooming, ${rounds} round${rounds > 1 ? 's' : ''}):`);
for (const h of heads) console.log(`- ${h}`);
console.log('\n| chromium | notes (nodes / edges) | renderer | first frame: wall / page CPU | frames a second while moving | longest gap between frames | its drawing code per frame: median / longest | CPU per frame while moving: page main thread / all chromium processes |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|');
for (const mode of modes) {
  for (const n of sizes) {
    for (const r of renderers) {
      const rs = results.filter(x => x.mode === mode && x.n === n && x.r === r);
      if (!rs.length) continue;
      const where = `${mode === 'no-gpu' ? '--disable-gpu' : 'default'} | ${n.toLocaleString('en')} (${rs[0].nodes.toLocaleString('en')} / ${rs[0].edges.toLocaleString('en')})`;
      const ok = rs.filter(x => !x.error);
      if (!ok.length) {
        console.log(`| ${where} | ${LABELS[r]} | failed: ${rs[0].error} | | | | |`);
        continue;
      }
      // CPU of the gesture over the frames drawn in it: the work a frame costs, whatever the load.
      const perFrame = (x, f) => f(x) / Math.max(1, x.moved.frames);
      console.log(
        `| ${where} | ${LABELS[r]} | ${show(ok, x => x.opened.firstFrameMs)} / ${show(ok, x => x.opened.pageCpuMs)} ms | ${show(ok, x => x.moved.fps)} | ${show(ok, x => x.moved.longestGapMs)} ms | ${show(ok, x => x.moved.medianDrawMs)} / ${show(ok, x => x.moved.longestDrawMs)} ms | ${show(ok, x => perFrame(x, y => y.moved.pageCpuMs))} / ${show(ok, x => perFrame(x, y => y.moved.allCpuMs))} ms |`,
      );
    }
  }
}
