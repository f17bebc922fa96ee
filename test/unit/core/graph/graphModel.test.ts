import * as assert from 'assert';
import { buildGraphData, type GraphData, type GraphOptions } from '../../../../src/core/graph/graphData';
import { applyGraphDiff, diffPackedGraphs } from '../../../../src/core/graph/graphDiff';
import { PublishedView } from '../../../../src/core/publish/publishedView';
import { buildPackedGraph } from '../../../../src/core/graph/graphData';
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
  { groupBy: 'topTag' },
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
      let steppedNotes = 0;
      let rebuilt = 0;
      for (let step = 0; step < 60; step++) {
        const r = next();
        const path = `${names[Math.floor(next() * names.length)]}.md`;
        const notes = [...index.notes()].length;
        if (r < 0.75 || !index.has(path)) index.upsert(path, noteText(next));
        else if (r < 0.85) index.remove(path);
        else if (r < 0.92) index.upsert('gone.md', noteText(next));
        else index.remove('gone.md');
        const diff = model.update();
        if (model.lastUpdate === 'step' && [...index.notes()].length !== notes) steppedNotes++;
        if (model.lastUpdate === 'rebuild') rebuilt++;
        const want = buildGraphData(index, options);
        assert.deepStrictEqual(applyGraphDiff(before, diff), want, `step ${step}: the diff applied`);
        assert.deepStrictEqual(model.data(), want, `step ${step}: the model's picture`);
        before = want;
      }
      // A created or deleted note, and a colour group appearing or emptying with it, go through
      // the small step wherever the picture allows one: here, every change does.
      const stepwise = !options.local && !options.filter && options.sizeBy !== 'pagerank' && options.orphans !== false;
      if (stepwise) {
        assert.ok(steppedNotes >= 3, `${steppedNotes} creates and deletes took the small step`);
        assert.strictEqual(rebuilt, 0, 'no change needed a whole rebuild');
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

  test('a note created, renamed and deleted: each a diff of its node and edges; a rename the editor reported names the moved node, its links kept', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`n${i}.md`] = `[[n${(i + 1) % 30}]]`;
    const index = vaultIndex(files);
    const model = new GraphModel(index, {});

    index.upsert('idea.md', '# Idea\n[[n3]] [[n4]]');
    let diff = model.update();
    assert.deepStrictEqual(diff.upsertNodes.map(n => n.id).sort(), ['idea.md', 'n3.md', 'n4.md']);
    assert.deepStrictEqual(diff.upsertEdges.map(e => `${e.source} -> ${e.target}`), ['idea.md -> n3.md', 'idea.md -> n4.md']);
    assert.deepStrictEqual([diff.removeNodes, diff.removeEdges, diff.renamed], [[], [], undefined]);

    assert.strictEqual(model.lastUpdate, 'step', 'a created note is a small step, not a rebuild');
    index.rename('idea.md', 'first-idea.md');
    diff = model.update(new Map([['idea.md', 'first-idea.md']]));
    assert.deepStrictEqual(diff.renamed, [['idea.md', 'first-idea.md']]);
    assert.deepStrictEqual(diff.removeNodes, ['idea.md']);
    assert.deepStrictEqual(diff.upsertNodes.map(n => n.id), ['first-idea.md']);
    assert.deepStrictEqual(diff.upsertEdges.map(e => `${e.source} -> ${e.target}`), ['first-idea.md -> n3.md', 'first-idea.md -> n4.md'], 'its links kept, under the new id');
    assert.strictEqual(diff.upsertNodes[0].title, 'Idea');

    assert.strictEqual(model.lastUpdate, 'step');
    index.remove('first-idea.md');
    diff = model.update(new Map([['first-idea.md', 'elsewhere.md']]));
    assert.strictEqual(diff.renamed, undefined, 'a rename reported for a note that is not in the picture now is no rename');
    assert.deepStrictEqual(diff.removeNodes, ['first-idea.md']);
    assert.deepStrictEqual(diff.upsertNodes.map(n => n.id).sort(), ['n3.md', 'n4.md']);
    assert.deepStrictEqual(diff.removeEdges.map(([s, t]) => `${s} -> ${t}`).sort(), ['first-idea.md -> n3.md', 'first-idea.md -> n4.md']);
    assert.strictEqual(model.lastUpdate, 'step');
    assert.deepStrictEqual(model.data(), buildGraphData(index, {}));
  });

  test('a new top-level folder is a small step: its group joins the legend and the renumbered groups are sent as numbers, not nodes', () => {
    const index = vaultIndex({ 'm/one.md': '[[two]]', 'm/two.md': '', 'z/three.md': '[[one]]', 'z/four.md': '' });
    const model = new GraphModel(index, {});
    const before = model.data();
    assert.deepStrictEqual(before.groups.map(g => g.name), ['m/', 'z/']);
    index.upsert('a/new.md', '[[four]]');
    const diff = model.update();
    assert.strictEqual(model.lastUpdate, 'step');
    assert.deepStrictEqual(diff.upsertNodes.map(n => n.id).sort(), ['a/new.md', 'z/four.md'], 'only the new note and the note it links');
    assert.deepStrictEqual(diff.groups?.map(g => g.name), ['a/', 'm/', 'z/']);
    assert.deepStrictEqual(diff.regroup, [1, 2]);
    assert.deepStrictEqual(applyGraphDiff(before, diff), buildGraphData(index, {}));
    assert.deepStrictEqual(model.data(), buildGraphData(index, {}));
  });

  test('a group that empties leaves the legend by a small step; the groups after it move up', () => {
    const index = vaultIndex({ 'a/only.md': '[[two]]', 'm/two.md': '', 'z/three.md': '[[two]]' });
    const model = new GraphModel(index, {});
    const before = model.data();
    index.remove('a/only.md');
    const diff = model.update();
    assert.strictEqual(model.lastUpdate, 'step');
    assert.deepStrictEqual(diff.removeNodes, ['a/only.md']);
    assert.deepStrictEqual(diff.upsertNodes.map(n => n.id), ['m/two.md']);
    assert.deepStrictEqual(diff.regroup, [-1, 0, 1]);
    assert.deepStrictEqual(applyGraphDiff(before, diff), buildGraphData(index, {}));
  });

  test('a rebuild\'s diff sends a renumbered legend as numbers too, not every node of the groups that moved', () => {
    const index = vaultIndex({ 'm/one.md': '[[two]]', 'm/two.md': '', 'z/three.md': '' });
    const before = buildPackedGraph(index, {});
    index.upsert('a/new.md', '');
    const after = buildPackedGraph(index, {});
    const diff = diffPackedGraphs(before, after);
    assert.deepStrictEqual(diff.upsertNodes.map(n => n.id), ['a/new.md']);
    assert.deepStrictEqual(diff.regroup, [1, 2]);
    assert.deepStrictEqual(applyGraphDiff(unpackGraph(before), diff), unpackGraph(after));
  });

  test('a deleted note\'s linkers are found from its own edges in (no look through every note)', () => {
    const files: Record<string, string> = { 'hub.md': '' };
    for (let i = 0; i < 40; i++) files[`n${i}.md`] = i % 4 === 0 ? '[[hub]]' : `[[n${(i + 1) % 40}]]`;
    const index = vaultIndex(files);
    const model = new GraphModel(index, {});
    const before = model.data();
    index.remove('hub.md');
    const diff = model.update();
    assert.strictEqual(model.lastUpdate, 'step');
    assert.deepStrictEqual(diff.removeNodes, ['hub.md']);
    assert.deepStrictEqual(diff.removeEdges.map(([s]) => s).sort(), Array.from({ length: 10 }, (_, i) => `n${4 * i}.md`).sort());
    assert.deepStrictEqual(applyGraphDiff(before, diff), buildGraphData(index, {}));
  });

  test('the small step\'s objects are made a slice at a time; an edit meanwhile finishes them and gives the right diff', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`f${i % 7}/n${i}.md`] = `[[n${(i + 1) % 3000}]] [[n${(i * 7) % 3000}]]`;
    const index = vaultIndex(files);
    const model = new GraphModel(index, {});
    const before = model.data();
    // A deadline already past: one chunk per call, never the whole.
    assert.strictEqual(model.prepareUntil(0), false);
    assert.strictEqual(model.prepareUntil(0), false);
    index.upsert('f1/n1.md', '[[n5]]');
    const diff = model.update();
    assert.strictEqual(model.lastUpdate, 'step');
    assert.deepStrictEqual(applyGraphDiff(before, diff), buildGraphData(index, {}));
    assert.strictEqual(model.prepareUntil(0), true, 'made by the step');
    let calls = 0;
    const fresh = new GraphModel(index, {});
    while (!fresh.prepareUntil(0)) calls++;
    assert.ok(calls >= 3, `${calls} slices`);
    index.remove('f1/n1.md');
    const after = fresh.data();
    assert.deepStrictEqual(applyGraphDiff(after, fresh.update()), buildGraphData(index, {}));
    assert.strictEqual(fresh.lastUpdate, 'step');
  });

  test('the packed diff equals a diff of the pictures as objects, over random changes', () => {
    const next = random(99);
    const files: Record<string, string> = { 'pic.png': '' };
    for (const n of names) files[`${n}.md`] = noteText(next);
    const index = vaultIndex(files);
    const options: GraphOptions = { placeholders: true, attachments: true, tags: true };
    let before = buildPackedGraph(index, options);
    for (let step = 0; step < 40; step++) {
      const path = `${names[Math.floor(next() * names.length)]}.md`;
      if (next() < 0.8 || !index.has(path)) index.upsert(path, noteText(next));
      else index.remove(path);
      const after = buildPackedGraph(index, options);
      assert.deepStrictEqual(applyGraphDiff(unpackGraph(before), diffPackedGraphs(before, after)), unpackGraph(after), `step ${step}`);
      before = after;
    }
  });

  test('an index that cannot hand out link ends one by one (a published view) gives the picture linkEnds gives', () => {
    const index = vaultIndex({ 'a.md': '[[b]] [[b]] ![[c]] [[later]]\n#t', 'b.md': '---\nrelated: "[[c]]"\n---\n[[a]]', 'c.md': '![[pic.png]]', 'pic.png': '' });
    const all = new PublishedView(index, new Set(['a.md', 'b.md', 'c.md']));
    assert.strictEqual('eachLinkEnd' in all, false);
    for (const options of [{}, { placeholders: true, attachments: true, tags: true }] as GraphOptions[]) {
      assert.deepStrictEqual(buildGraphData(all, options), buildGraphData(index, options));
    }
  });

  test('opening makes no object per node or edge: the packed picture is what is sent, and the first edit still gives the right diff', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': '[[c]]', 'c.md': '' });
    const model = new GraphModel(index, {});
    const packed = model.packedData();
    assert.deepStrictEqual(packed, buildPackedGraph(index, {}));
    assert.strictEqual(model.packedData(), packed, 'the same arrays, not packed again');
    index.upsert('a.md', '[[c]]');
    const diff = model.update();
    assert.deepStrictEqual(applyGraphDiff(unpackGraph(packed), diff), buildGraphData(index, {}));
    assert.deepStrictEqual(model.packedData(), buildPackedGraph(index, {}));
  });
});
