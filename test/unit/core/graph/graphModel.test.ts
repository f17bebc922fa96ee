import * as assert from 'assert';
import { buildGraphData, type GraphData, type GraphOptions } from '../../../../src/core/graph/graphData';
import { applyGraphDiff } from '../../../../src/core/graph/graphDiff';
import { GraphModel } from '../../../../src/core/graph/graphModel';
import { packGraph, unpackGraph, alignPositions } from '../../../../src/core/graph/packedGraph';
import { vaultIndex } from '../index/vault';

/** A small deterministic random (mulberry32), so a failure names its seed and step. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const names = ['a', 'b', 'c', 'sub/d', 'sub/e', 'other/f'];
const targets = ['a', 'b', 'c', 'd', 'e', 'f', 'missing', 'gone', 'pic.png', 'nothing.png'];
const tags = ['#ml', '#ML/rl', '#x', '#y/z'];

function noteText(next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const parts: string[] = [];
  if (next() < 0.3) parts.push(`---\nrelated: "[[${pick(targets)}]]"\ntags: [${pick(tags).slice(1)}]\n---`);
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) {
    const r = next();
    parts.push(r < 0.6 ? `[[${pick(targets)}]]` : r < 0.8 ? `![[${pick(targets)}]]` : pick(tags));
  }
  return parts.join('\n\n') + '\n';
}

const variants: GraphOptions[] = [
  {},
  { placeholders: true, attachments: true },
  { tags: true, placeholders: true },
  { groupBy: 'tag', tags: true },
  { groups: [{ query: 'tag:#ml' }, { name: 'sub', query: 'path:sub/' }] },
  { filter: 'path:sub/', placeholders: true },
  { orphans: false, attachments: true },
  { sizeBy: 'pagerank' },
  { local: { path: 'a.md', depth: 2 }, placeholders: true },
];

suite('graph model: an open graph kept up to date by diffs', () => {
  for (const [v, options] of variants.entries()) {
    test(`after each of 60 random edits its picture and diff equal a whole rebuild (options ${JSON.stringify(options)})`, () => {
      const next = random(7 + v);
      const files: Record<string, string> = { 'pic.png': '' };
      for (const n of names) files[`${n}.md`] = noteText(next);
      const index = vaultIndex(files);
      const model = new GraphModel(index, options);
      let before: GraphData = model.data();
      assert.deepStrictEqual(before, buildGraphData(index, options));
      for (let step = 0; step < 60; step++) {
        const r = next();
        const path = `${names[Math.floor(next() * names.length)]}.md`;
        if (r < 0.75 || !index.has(path)) index.upsert(path, noteText(next));
        else if (r < 0.85) index.remove(path);
        else if (r < 0.92) index.upsert('gone.md', noteText(next));
        else index.remove('gone.md');
        const diff = model.update();
        const want = buildGraphData(index, options);
        assert.deepStrictEqual(applyGraphDiff(before, diff), want, `step ${step}: the diff applied`);
        assert.deepStrictEqual(model.data(), want, `step ${step}: the model's picture`);
        before = want;
      }
    });
  }

  test('an edit to one note sends only that note and the nodes its links touch', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`n${i}.md`] = `[[n${(i + 1) % 50}]] [[n${(i + 7) % 50}]]`;
    const index = vaultIndex(files);
    const model = new GraphModel(index, {});
    index.upsert('n3.md', '[[n4]] [[n10]] [[n20]]');
    const diff = model.update();
    assert.deepStrictEqual(diff.upsertNodes.map(n => n.id).sort(), ['n20.md', 'n3.md']);
    assert.deepStrictEqual(diff.upsertEdges.map(e => e.target), ['n20.md']);
    assert.deepStrictEqual(diff.removeEdges, []);
    assert.strictEqual(diff.groups, undefined);
  });

  test('packed for the page: unpacks to the same picture, positions in node order', () => {
    const index = vaultIndex({ 'a.md': '[[b]] [[b]] ![[c]] [[later]]', 'b.md': '# Bee\n[[a]]', 'c.md': '#t' });
    const data = buildGraphData(index, { placeholders: true, tags: true });
    const packed = packGraph(data);
    assert.deepStrictEqual(unpackGraph(JSON.parse(JSON.stringify(packed))), data);
    assert.deepStrictEqual(alignPositions(packed.ids, { 'b.md': [1, 2] }).map(x => (Number.isNaN(x) ? 'none' : String(x))), packed.ids.flatMap(id => (id === 'b.md' ? ['1', '2'] : ['none', 'none'])));
  });
});
