#!/usr/bin/env node
// What a V8 heap snapshot (`bench/restore.ts` HEAP_SNAPSHOT=FILE, `bench/vscode.mjs --heap DIR`)
// holds, by holder: the heap's total, the biggest kinds of object by their own size, and the
// dominator tree below the objects of one class (what each of their fields keeps alive alone,
// "retained" as in DevTools). Weak edges are not followed.
//   node bench/heap-summary.mjs FILE [--class NoteIndex] [--depth 3] [--top 20] [--min 0.2]
// --min is in MB: holders retaining less are not listed.
import fs from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const file = args[0];
if (!file || file.startsWith('--')) {
  console.error('usage: node bench/heap-summary.mjs FILE [--class NoteIndex] [--depth 3] [--top 20] [--min 0.2]');
  process.exit(2);
}
const className = option('--class', 'NoteIndex');
const depth = Number(option('--depth', '3'));
const top = Number(option('--top', '20'));
const minBytes = Number(option('--min', '0.2')) * 1e6;

const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const [nType, nName, nSelf, nEdges] = ['type', 'name', 'self_size', 'edge_count'].map(f => meta.node_fields.indexOf(f));
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map(f => meta.edge_fields.indexOf(f));
const nodes = snap.nodes;
const edges = snap.edges;
const strings = snap.strings;
const count = nodes.length / NF;
const WEAK = edgeTypes.indexOf('weak');
const SHORTCUT = edgeTypes.indexOf('shortcut');

const firstEdge = new Uint32Array(count + 1);
for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * NF + nEdges] * EF;
const selfOf = i => nodes[i * NF + nSelf];
const typeOf = i => nodeTypes[nodes[i * NF + nType]];
/** A node's kind: its constructor's name for objects, its V8 type in parentheses otherwise. */
function kindOf(i) {
  const t = typeOf(i);
  if (t === 'object' || t === 'native') return strings[nodes[i * NF + nName]];
  if (t === 'hidden' || t === 'array') {
    const n = strings[nodes[i * NF + nName]];
    return `(${t}${n ? ' ' + n : ''})`;
  }
  return `(${t})`;
}
function edgeName(e) {
  const t = edgeTypes[edges[e + eType]];
  const v = edges[e + eName];
  return t === 'element' || t === 'hidden' ? `[${v}]` : String(strings[v]);
}
const followed = e => { const t = edges[e + eType]; return t !== WEAK && t !== SHORTCUT; };

// Depth-first order from the root (node 0), then dominators (Cooper, Harvey and Kennedy).
const post = new Int32Array(count).fill(-1);
const order = new Int32Array(count);
let visited = 0;
{
  const stack = new Int32Array(count);
  const next = new Uint32Array(count);
  const seen = new Uint8Array(count);
  let sp = 0;
  stack[sp++] = 0; seen[0] = 1; next[0] = firstEdge[0];
  while (sp) {
    const n = stack[sp - 1];
    if (next[n] < firstEdge[n + 1]) {
      const e = next[n]; next[n] += EF;
      if (!followed(e)) continue;
      const to = edges[e + eTo] / NF;
      if (!seen[to]) { seen[to] = 1; next[to] = firstEdge[to]; stack[sp++] = to; }
    } else {
      sp--; post[n] = visited; order[visited++] = n;
    }
  }
}
const predStart = new Uint32Array(count + 1);
for (let n = 0; n < count; n++) {
  if (post[n] < 0) continue;
  for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EF) if (followed(e)) predStart[edges[e + eTo] / NF + 1]++;
}
for (let i = 0; i < count; i++) predStart[i + 1] += predStart[i];
const preds = new Int32Array(predStart[count]);
{
  const fill = predStart.slice(0, count);
  for (let n = 0; n < count; n++) {
    if (post[n] < 0) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EF) if (followed(e)) preds[fill[edges[e + eTo] / NF]++] = n;
  }
}
const idom = new Int32Array(count).fill(-1);
idom[0] = 0;
for (let changed = true; changed;) {
  changed = false;
  for (let k = visited - 2; k >= 0; k--) {
    const n = order[k];
    let d = -1;
    for (let p = predStart[n]; p < predStart[n + 1]; p++) {
      let a = preds[p];
      if (idom[a] < 0) continue;
      if (d < 0) { d = a; continue; }
      let b = d;
      while (a !== b) {
        while (post[a] < post[b]) a = idom[a];
        while (post[b] < post[a]) b = idom[b];
      }
      d = a;
    }
    if (d >= 0 && idom[n] !== d) { idom[n] = d; changed = true; }
  }
}
const retained = new Float64Array(count);
for (let k = 0; k < visited; k++) {
  const n = order[k];
  retained[n] += selfOf(n);
  if (n !== 0) retained[idom[n]] += retained[n];
}

const mb = b => (b / 1e6).toFixed(2).padStart(7) + ' MB';
let total = 0;
for (let k = 0; k < visited; k++) total += selfOf(order[k]);
console.log(`${file}: ${mb(total)} reachable in ${visited.toLocaleString('en-US')} objects (${count.toLocaleString('en-US')} in the file)`);

// The biggest kinds by their own size.
const byKind = new Map();
for (let k = 0; k < visited; k++) {
  const n = order[k];
  const kind = kindOf(n);
  const s = byKind.get(kind) ?? { count: 0, self: 0 };
  s.count++; s.self += selfOf(n);
  byKind.set(kind, s);
}
console.log(`\nBiggest kinds by own size (top ${top}):`);
for (const [kind, s] of [...byKind].sort((a, b) => b[1].self - a[1].self).slice(0, top)) {
  console.log(`${mb(s.self)}  ${String(s.count).padStart(9)}  ${kind.slice(0, 80)}`);
}

// The dominator tree under each object of the class: children grouped by the edge that holds
// them (when the holder points at them directly) or else by their kind.
const children = new Map();
for (let k = 0; k < visited; k++) {
  const n = order[k];
  if (n === 0) continue;
  const d = idom[n];
  let list = children.get(d);
  if (!list) children.set(d, (list = []));
  list.push(n);
}
function labelFrom(holder, child) {
  for (let e = firstEdge[holder]; e < firstEdge[holder + 1]; e += EF) {
    if (edges[e + eTo] / NF === child) {
      const name = edgeName(e);
      return name.startsWith('[') || /^\d+$/.test(name) ? `[] ${kindOf(child)}` : `.${name} ${kindOf(child)}`;
    }
  }
  return `… ${kindOf(child)}`;
}
/** Holders of one kind together: what they keep alone, grouped across all of them. */
function show(holders, indent, level) {
  const groups = new Map();
  for (const holder of holders) {
    for (const c of children.get(holder) ?? []) {
      const label = labelFrom(holder, c);
      const g = groups.get(label) ?? { count: 0, retained: 0, members: [] };
      g.count++; g.retained += retained[c]; g.members.push(c);
      groups.set(label, g);
    }
  }
  for (const [label, g] of [...groups].sort((a, b) => b[1].retained - a[1].retained)) {
    if (g.retained < minBytes) break;
    console.log(`${indent}${mb(g.retained)}  ${g.count > 1 ? `×${g.count} ` : ''}${label.slice(0, 90)}`);
    if (level < depth) show(g.members, indent + '  ', level + 1);
  }
}
for (let k = 0; k < visited; k++) {
  const n = order[k];
  if (typeOf(n) === 'object' && strings[nodes[n * NF + nName]] === className) {
    console.log(`\n${className} @${nodes[n * NF + meta.node_fields.indexOf('id')]}: retains ${mb(retained[n])}`);
    show([n], '  ', 1);
  }
}

// --who KIND: what holds the objects of one kind (`(string)`, `Object`, ...): their own size summed
// by the chain of holders above them in the dominator tree, nearest first.
const who = option('--who', undefined);
if (who !== undefined) {
  const chains = new Map();
  for (let k = 0; k < visited; k++) {
    const n = order[k];
    if (kindOf(n) !== who) continue;
    const parts = [];
    for (let c = n, i = 0; i < depth && c !== 0; i++) {
      const d = idom[c];
      parts.push(labelFrom(d, c));
      c = d;
    }
    const chain = parts.join(' < ');
    const s = chains.get(chain) ?? { count: 0, self: 0 };
    s.count++; s.self += selfOf(n);
    chains.set(chain, s);
  }
  console.log(`\nWhat holds ${who} (own size, by holders, nearest first):`);
  for (const [chain, s] of [...chains].sort((a, b) => b[1].self - a[1].self).slice(0, top)) {
    console.log(`${mb(s.self)}  ${String(s.count).padStart(8)}  ${chain.slice(0, 220)}`);
  }
}
