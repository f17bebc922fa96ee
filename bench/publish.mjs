// npm run bench -- --publish [--sizes 1000,10000] [--cli path/to/cli.js]: `marginalia publish` on the bench vaults
// (generated into $BENCH_VAULTS, default the system's temporary folder; --cli times another build, for A/B).
// Cold: from process start to exit (wall, CPU time of every thread, peak RSS), the site's size
// and its search index's; then --watch: one note's text changed, the time until the site says
// it rewrote the pages (the CLI's own count, from the change seen to the files written), the
// time from the write to that message, and then the search index's and graph's rewrite. Measures; never asserts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const cli = args.includes('--cli') ? path.resolve(args[args.indexOf('--cli') + 1]) : path.join(root, 'dist', 'cli.js');
const vaults = process.env.BENCH_VAULTS || path.join(os.tmpdir(), 'marginalia-bench-vaults');
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
const sizes = sizesArg ? sizesArg.split(',').map(Number) : [1000, 10000];

function vaultOf(n) {
  const dir = path.join(vaults, `${n}-42`);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(here, 'gen-vault.mjs'), String(n), dir, '42'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`gen-vault failed for ${n}`);
  }
  return dir;
}

function sizeOf(p) {
  const s = fs.statSync(p);
  if (!s.isDirectory()) return s.size;
  return fs.readdirSync(p).reduce((sum, e) => sum + sizeOf(path.join(p, e)), 0);
}

function cold(vault, out) {
  fs.rmSync(out, { recursive: true, force: true });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(here, 'report-rss.cjs'), cli, 'publish', vault, out], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`publish failed: ${r.stderr}`);
  const [rssKB, userUs, systemUs] = r.output[3].toString().trim().split(' ').map(Number);
  return { ms, cpuMs: (userUs + systemUs) / 1000, rssMB: rssKB / 1024 };
}

/** Starts --watch, changes one note three times (waiting for each), returns the CLI's times and the write-to-message times. */
async function watch(vault, out) {
  const child = spawn(process.execPath, [cli, 'publish', vault, out, '--watch'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const waitFor = (re, from) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}: ${err.slice(-500)}`)), 600000);
    const check = () => {
      const m = re.exec(err.slice(from));
      if (m) { clearTimeout(timer); child.stderr.off('data', check); resolve(m); }
    };
    child.stderr.on('data', d => { err += d; check(); });
    check();
  });
  await waitFor(/watching for changes/, 0);
  const note = fs.readdirSync(path.join(vault, 'areas')).find(f => f.endsWith('.md'));
  const file = path.join(vault, 'areas', note);
  const original = fs.readFileSync(file, 'utf8');
  const runs = [];
  try {
    for (let i = 0; i < 3; i++) {
      const from = err.length;
      const t = process.hrtime.bigint();
      fs.writeFileSync(file, `${original}\n\nAn edit for the bench, number ${i}.\n`);
      const m = await waitFor(/published [^\n]*: (\d+) files in (\d+) ms(?: \(CPU (\d+) ms\))?/, from);
      const pagesMs = Number(process.hrtime.bigint() - t) / 1e6;
      const x = await waitFor(/search index and graph updated in (\d+) ms(?: \(CPU (\d+) ms\))?/, from);
      runs.push({ files: Number(m[1]), cliMs: Number(m[2]), cpuMs: Number(m[3] ?? NaN), wallMs: pagesMs, indexMs: Number(x[1]), indexCpuMs: Number(x[2] ?? NaN) });
    }
  } finally {
    fs.writeFileSync(file, original);
    child.kill('SIGINT');
  }
  return runs;
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`publish bench, ${os.cpus().length} cores, load average before: ${os.loadavg().map(l => l.toFixed(2)).join(' ')}`);
console.log(`cli: ${cli}`);
console.log('| notes | cold publish (wall) | CPU time | peak RSS | site | search index | one note changed under --watch: its pages (CLI wall, CPU / write to done) | then search index and graph (wall, CPU) | load average after |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const vault = vaultOf(n);
  const out = path.join(os.tmpdir(), `marginalia-bench-site-${n}-${process.pid}`);
  const c = cold(vault, out);
  const site = sizeOf(out) / 1e6;
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'search.json'), 'utf8'));
  // Split by word (docs + chunks), or an older build's shards by note.
  const shards = Array.isArray(manifest.chunks) ? [manifest.docs, ...manifest.chunks.map(c => c.file)] : Array.isArray(manifest.shards) ? manifest.shards : [];
  const search = (fs.statSync(path.join(out, 'search.json')).size + shards.reduce((sum, f) => sum + fs.statSync(path.join(out, f)).size, 0)) / 1e6;
  const docsMB = manifest.docs ? fs.statSync(path.join(out, manifest.docs)).size / 1e6 : undefined;
  const w = await watch(vault, out);
  console.log(`| ${n.toLocaleString('en')} | ${(c.ms / 1000).toFixed(1)} s | ${(c.cpuMs / 1000).toFixed(1)} s | ${Math.round(c.rssMB)} MB | ${site.toFixed(0)} MB | ${search.toFixed(1)} MB${manifest.chunks ? ` (documents ${docsMB.toFixed(1)} MB + ${manifest.chunks.length} word chunks)` : shards.length ? ` (${shards.length} shards)` : ''} | ${median(w.map(r => r.cliMs))} ms, ${median(w.map(r => r.cpuMs))} ms CPU / ${Math.round(median(w.map(r => r.wallMs)))} ms (${w[0].files} files) | ${median(w.map(r => r.indexMs))} ms, ${median(w.map(r => r.indexCpuMs))} ms CPU | ${os.loadavg()[0].toFixed(2)} |`);
  fs.rmSync(out, { recursive: true, force: true });
}
