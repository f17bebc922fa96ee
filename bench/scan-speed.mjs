#!/usr/bin/env node
// Scanner throughput on a vault: reads every .md into memory, then times scanNote over all of
// them (the first pass is cold: it includes the JIT warming up; then the best of a few more).
//
//   npx tsc -p . && node bench/gen-vault.mjs 10000 /tmp/v10k 42
//   node bench/scan-speed.mjs /tmp/v10k [passes=5]
//
// Measures, never asserts: the budget (DESIGN.md §7) is checked by reading the numbers.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'out/src/core/syntax/scanNote.js');
if (!fs.existsSync(compiled)) {
  console.error('out/ is missing: run `npx tsc -p .` first');
  process.exit(2);
}
const { scanNote } = createRequire(import.meta.url)(compiled);

const [, , dir, passesArg = '5'] = process.argv;
if (!dir) {
  console.error('usage: node bench/scan-speed.mjs <vault dir> [passes]');
  process.exit(2);
}

function* notes(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* notes(full);
    else if (entry.name.endsWith('.md')) yield full;
  }
}

const texts = [...notes(dir)].map(file => fs.readFileSync(file, 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// CPU time as well as wall time: on a machine shared with other work, CPU time is the steadier number.
// Per 1,000 notes as well: in a cold pass the first thousand cost several times the later ones
// (V8 compiling the scanner), which is how a cold index meets the scanner.
function pass() {
  let items = 0;
  const perThousand = [];
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let last = cpuStart;
  texts.forEach((text, i) => {
    const syntax = scanNote(text);
    items += syntax.links.length + syntax.tags.length;
    if ((i + 1) % 1000 === 0 || i === texts.length - 1) {
      const used = process.cpuUsage(last);
      perThousand.push(Math.round((used.user + used.system) / 1000));
      last = process.cpuUsage();
    }
  });
  const cpu = process.cpuUsage(cpuStart);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, items, perThousand };
}

const mb = bytes / 1e6;
const cold = pass();
let best = cold;
for (let i = 1; i < Number(passesArg); i++) {
  const run = pass();
  if (run.ms < best.ms) best = run;
}
console.log(
  `${texts.length} notes, ${mb.toFixed(1)} MB (${chars} UTF-16 units), ${cold.items} links+tags\n` +
    `cold pass: ${cold.ms.toFixed(0)} ms = ${(mb / (cold.ms / 1000)).toFixed(0)} MB/s (CPU ${cold.cpuMs.toFixed(0)} ms)\n` +
    `cold pass, CPU ms per 1,000 notes: ${cold.perThousand.join(' ')}\n` +
    `best pass: ${best.ms.toFixed(0)} ms = ${(mb / (best.ms / 1000)).toFixed(0)} MB/s (CPU ${best.cpuMs.toFixed(0)} ms)`,
);
