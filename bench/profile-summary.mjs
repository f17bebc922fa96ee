#!/usr/bin/env node
// node bench/profile-summary.mjs FILE.cpuprofile [--top 30] [--window START_MS-END_MS]: a CPU profile
// (`bench/vscode.mjs --profile DIR`, `node --cpu-prof`) summed by function and by source file, self and
// total time (a function counted once per sample however deep it recurses). Frames of a bundle with a
// source map beside it (dist/extension.js.map) are named by their source file (src/core/index/...).
// Also prints where the main thread's time went in 100 ms steps (busy vs idle, the file that took most),
// so the gaps a wall-clock figure includes show. Measures; never asserts.
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const file = args.find(a => !a.startsWith('--') && !/^\d/.test(a));
if (!file) {
  console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [--top 30] [--window 0-1500]');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const top = +opt('--top', 30);
const [windowFrom, windowTo] = (opt('--window', '') || '-').split('-').map(x => (x === '' ? undefined : +x));

const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Source maps, one per bundle url, read once.
const maps = new Map();
function mapOf(url) {
  if (!maps.has(url)) {
    let map;
    try {
      const p = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (p.endsWith('.js') && fs.existsSync(p + '.map')) map = new SourceMap(JSON.parse(fs.readFileSync(p + '.map', 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** A frame's source file: the mapped source where a map says, else the url's last parts. */
function fileOf(frame) {
  const { url, lineNumber, columnNumber } = frame;
  if (!url) return `(${frame.functionName || 'native'})`;
  const map = mapOf(url);
  if (map && lineNumber >= 0) {
    const entry = map.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) return shorten(entry.originalSource);
  }
  return shorten(url);
}

function shorten(u) {
  const s = u.replace(/^file:\/\//, '');
  const at = s.lastIndexOf('/src/');
  if (at >= 0) return s.slice(at + 1);
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) return s.slice(nm);
  return s.split('/').slice(-3).join('/');
}

const frameKey = new Map();
function keysOf(id) {
  if (!frameKey.has(id)) {
    const f = byId.get(id).callFrame;
    const fileName = fileOf(f);
    frameKey.set(id, { fn: `${f.functionName || '(anonymous)'} ${fileName}:${f.lineNumber + 1}`, file: fileName });
  }
  return frameKey.get(id);
}

const selfFn = new Map();
const totalFn = new Map();
const selfFile = new Map();
const totalFile = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
const steps = new Map(); // 100 ms step -> Map(file -> ms)
let t = profile.startTime;
let sampled = 0;
let idle = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i] ?? 0;
  const at = (t - profile.startTime) / 1000;
  if (windowFrom !== undefined && at < windowFrom) continue;
  if (windowTo !== undefined && at > windowTo) continue;
  // A sample's time is the gap to the next one (what the profiler was in for it).
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const id = profile.samples[i];
  const own = keysOf(id);
  sampled += ms;
  if (own.file === '((idle))' || own.file === '((program))') {
    if (own.file === '((idle))') idle += ms;
  }
  add(selfFn, own.fn, ms);
  add(selfFile, own.file, ms);
  const seenFn = new Set();
  const seenFile = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const k = keysOf(n);
    if (!seenFn.has(k.fn)) {
      seenFn.add(k.fn);
      add(totalFn, k.fn, ms);
    }
    if (!seenFile.has(k.file)) {
      seenFile.add(k.file);
      add(totalFile, k.file, ms);
    }
  }
  const step = Math.floor(at / 100);
  if (!steps.has(step)) steps.set(step, new Map());
  add(steps.get(step), own.file, ms);
}

const ms = x => x.toFixed(1).padStart(8);
function table(title, self, total) {
  console.log(`\n${title} (ms; self / total)`);
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) console.log(`${ms(v)} ${ms(total.get(k) ?? 0)}  ${k}`);
}
console.log(`${path.basename(file)}: ${sampled.toFixed(0)} ms sampled, ${idle.toFixed(0)} ms idle, ${(sampled - idle).toFixed(0)} ms busy`);
table('By function, by self time', selfFn, totalFn);
table('By file, by self time', selfFile, totalFile);
console.log(`\nBy file, by total time (ms)`);
for (const [k, v] of [...totalFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
console.log('\nEach 100 ms: busy ms, and the two files with most self time');
for (const [step, files] of [...steps.entries()].sort((a, b) => a[0] - b[0])) {
  const busy = [...files.entries()].filter(([k]) => k !== '((idle))').reduce((s, [, v]) => s + v, 0);
  const most = [...files.entries()].filter(([k]) => k !== '((idle))').sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  console.log(`${String(step * 100).padStart(6)} ms  busy ${busy.toFixed(0).padStart(3)}  ${most}`);
}

// --callers PATTERN: the call chains (innermost first, up to 8 frames) under which frames matching PATTERN spent their self time.
const callers = opt('--callers', undefined);
if (callers) {
  const re = new RegExp(callers);
  const chains = new Map();
  let tt = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    tt += profile.timeDeltas[i] ?? 0;
    const id = profile.samples[i];
    if (!re.test(keysOf(id).fn)) continue;
    const chain = [];
    for (let n = id; n !== undefined && chain.length < 8; n = parent.get(n)) chain.push(keysOf(n).fn);
    add(chains, chain.join(' < '), (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  console.log(`\nCallers of /${callers}/ (self ms)`);
  for (const [k, v] of [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
}
