import * as assert from 'assert';
import * as path from 'node:path';
import { buildIndex } from '../../../../src/core/index/build';
import type { NoteIndex } from '../../../../src/core/index/noteIndex';
import { NodeVaultHost } from '../../../../src/node/nodeHost';
import { buildGraphData, type GraphData } from '../../../../src/core/graph/graphData';
import { applyGraphDiff, diffGraph, isEmptyDiff } from '../../../../src/core/graph/graphDiff';
import { QueryError } from '../../../../src/core/graph/query';
import { lines, vaultIndex } from '../index/vault';

const SAMPLE = path.resolve(__dirname, '../../../../../samples/research-notes');
const ids = (g: GraphData) => g.nodes.map(n => n.id);
const linkSum = (g: GraphData) => g.edges.reduce((s, e) => s + e.count, 0);

suite('graph data on the sample vault (test/fixtures/EXPECTED.md)', () => {
  let index: NoteIndex;
  suiteSetup(async () => {
    index = (await buildIndex(new NodeVaultHost(SAMPLE), {})).index as NoteIndex;
  });

  test('the whole vault: 13 notes, and the 54 links between notes as 48 edges', () => {
    const g = buildGraphData(index);
    assert.strictEqual(g.nodes.length, 13);
    assert.strictEqual(g.edges.length, 48);
    assert.strictEqual(linkSum(g), 54);
  });

  test('notes not written yet add the 5 placeholders and their 16 links', () => {
    const g = buildGraphData(index, { placeholders: true });
    assert.strictEqual(g.nodes.filter(n => n.type === 'placeholder').length, 5);
    assert.strictEqual(linkSum(g) - 54, 16);
    assert.strictEqual(g.nodes.find(n => n.id === 'bitter-lesson')?.inLinks, 4);
  });

  test('attachments add figure.png and its 3 embeds', () => {
    const g = buildGraphData(index, { attachments: true });
    assert.deepStrictEqual(g.nodes.filter(n => n.type === 'attachment').map(n => n.id), ['attachments/figure.png']);
    assert.strictEqual(linkSum(g), 57);
    assert.ok(g.edges.filter(e => e.target === 'attachments/figure.png').every(e => e.kind === 'embed'));
  });

  test('tags add the 15 distinct tags as nodes', () => {
    const g = buildGraphData(index, { tags: true });
    assert.strictEqual(g.nodes.filter(n => n.type === 'tag').length, 15);
    assert.ok(g.edges.some(e => e.source === 'transformers.md' && e.target === '#ml/transformers' && e.kind === 'tag'));
  });

  test('local graph of transformers.md: depth 1 is its 8 neighbours, depth 2 reaches every note', () => {
    const one = buildGraphData(index, { local: { path: 'transformers.md', depth: 1 } });
    assert.strictEqual(one.center, 'transformers.md');
    assert.strictEqual(one.nodes.length, 9);
    assert.strictEqual(buildGraphData(index, { local: { path: 'transformers.md', depth: 2 } }).nodes.length, 13);
  });

  test('local graph of geoffrey-hinton.md grows with depth: 5, 12, 13', () => {
    const sizes = [1, 2, 3].map(depth => buildGraphData(index, { local: { path: 'people/geoffrey-hinton.md', depth } }).nodes.length);
    assert.deepStrictEqual(sizes, [5, 12, 13]);
  });

  test('a filter keeps the matching notes and the edges between them', () => {
    const g = buildGraphData(index, { filter: 'path:papers/' });
    assert.deepStrictEqual(ids(g), ['papers/attention-is-all-you-need.md', 'papers/language-models-are-few-shot-learners.md']);
    assert.strictEqual(g.edges.length, 0);
  });

  test('a bad filter throws a QueryError', () => {
    assert.throws(() => buildGraphData(index, { filter: 'folder:x' }), QueryError);
  });

  test('groups by top-level folder by default, with a legend of counts', () => {
    const g = buildGraphData(index);
    assert.deepStrictEqual(g.groups.map(x => `${x.name} ${x.count}`), ['/ 8', 'papers/ 2', 'people/ 2', 'podcasts/ 1']);
    const hinton = g.nodes.find(n => n.id === 'people/geoffrey-hinton.md')!;
    assert.strictEqual(g.groups[hinton.group].name, 'people/');
  });

  test('by first tag, or by its top level: #math/algebra and #Math/analysis in one #math group, a note without tags in none', () => {
    const tagged = vaultIndex({
      'a.md': '#math/algebra #logic',
      'b.md': '#Math/analysis',
      'c.md': '#logic/modal',
      'd.md': 'no tag',
    });
    const legend = (g: GraphData) => g.groups.map(x => `${x.name} ${x.count}`);
    assert.deepStrictEqual(legend(buildGraphData(tagged, { groupBy: 'tag' })), ['#math/algebra 1', '#Math/analysis 1', '#logic/modal 1']);
    const g = buildGraphData(tagged, { groupBy: 'topTag' });
    assert.deepStrictEqual(legend(g), ['#math 2', '#logic 1']);
    assert.strictEqual(g.nodes.find(n => n.id === 'd.md')!.group, -1);
  });

  test('user groups by query win; a note in none has group -1', () => {
    const g = buildGraphData(index, { groups: [{ query: 'path:papers/', color: '#f00' }, { name: 'people', query: 'tag:people' }] });
    assert.deepStrictEqual(g.groups, [{ name: 'path:papers/', color: '#f00', count: 2 }, { name: 'people', count: 2 }]);
    assert.strictEqual(g.nodes.find(n => n.id === 'bert.md')!.group, -1);
  });

  test('PageRank sizes: mean 1, the most linked note largest', () => {
    const g = buildGraphData(index, { sizeBy: 'pagerank' });
    const mean = g.nodes.reduce((s, n) => s + n.weight, 0) / g.nodes.length;
    assert.ok(Math.abs(mean - 1) < 1e-9);
    const top = [...g.nodes].sort((a, b) => b.weight - a.weight)[0];
    assert.strictEqual(top.id, 'transformers.md');
  });
});

suite('graph data', () => {
  test('embeds and frontmatter links are their own edge kinds', () => {
    const index = vaultIndex({ 'a.md': lines('---', 'related: "[[c]]"', '---', '![[b]]'), 'b.md': 'b', 'c.md': 'c' });
    const kinds = buildGraphData(index).edges.map(e => `${e.target} ${e.kind}`);
    assert.deepStrictEqual(kinds, ['b.md embed', 'c.md property']);
  });

  test('without orphans a note with no edge is left out, but never the local centre', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': 'b', 'alone.md': 'x' });
    assert.deepStrictEqual(ids(buildGraphData(index, { orphans: false })), ['a.md', 'b.md']);
    assert.deepStrictEqual(ids(buildGraphData(index, { orphans: false, local: { path: 'alone.md', depth: 2 } })), ['alone.md']);
  });

  test('a local graph of a note not in the vault is empty', () => {
    const index = vaultIndex({ 'a.md': '[[b]]' });
    assert.deepStrictEqual(buildGraphData(index, { local: { path: 'nope.md', depth: 1 } }).nodes, []);
  });

  test('a hostile title is carried as data, unchanged', () => {
    const index = vaultIndex({ 'a.md': '---\ntitle: "<img src=x onerror=alert(1)>"\n---\n#<b>tag' });
    assert.strictEqual(buildGraphData(index).nodes[0].title, '<img src=x onerror=alert(1)>');
  });

  test('the diff after an edit, a create, a delete and a rename turns the old picture into the new one', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': '[[c]]', 'c.md': 'c' });
    let before = buildGraphData(index);
    const steps: (() => void)[] = [
      () => index.upsert('a.md', '[[c]]'),
      () => index.upsert('d.md', '[[a]] [[b]]'),
      () => index.remove('b.md'),
      () => index.rename('c.md', 'sub/c.md'),
    ];
    for (const step of steps) {
      step();
      const after = buildGraphData(index);
      const diff = diffGraph(before, after);
      assert.ok(!isEmptyDiff(diff));
      assert.deepStrictEqual(applyGraphDiff(before, diff), after);
      assert.ok(diff.upsertNodes.length < after.nodes.length || after.nodes.length <= 2, 'a diff, not the whole graph');
      before = after;
    }
  });

  test('no change, an empty diff', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': 'b' });
    assert.ok(isEmptyDiff(diffGraph(buildGraphData(index), buildGraphData(index))));
  });
});
