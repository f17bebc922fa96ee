#!/usr/bin/env node
// The floor a cold index is compared with: a plain script that walks the vault, reads every
// note and runs one regex for `[[…]]` and `#tags`. Nothing an index needs beyond that is done,
// so `cold index / floor` says how much the engine costs over merely touching the vault.
//   node bench/floor.mjs DIR   ->  {"notes":N,"matches":M}
import fs from 'node:fs';

const dir = process.argv[2];
const pattern = /\[\[([^\]\n]+)\]\]|(?:^|[\s(])#([\p{L}\p{N}_\-/]+)/gmu;
let notes = 0;
let matches = 0;
const walk = folder => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
    } else if (entry.name.endsWith('.md')) {
      const text = fs.readFileSync(full, 'utf8');
      notes++;
      for (const _ of text.matchAll(pattern)) matches++;
    }
  }
};
walk(dir);
console.log(JSON.stringify({ notes, matches }));
