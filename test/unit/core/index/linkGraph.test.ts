import * as assert from 'assert';
import { LinkGraph, linkIdAt, linkIdList } from '../../../../src/core/index/linkGraph';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { scanNotePacked } from '../../../../src/core/syntax/scanNote';
import { VaultNames } from '../../../../src/core/index/vaultNames';

suite('LinkGraph: a note\'s link ids', () => {
  test('rows only appended: a note\'s ids are told by the first (no array per note)', () => {
    const graph = new LinkGraph();
    const a = graph.add('a.md', scanNotePacked('[[x]] [[y]] [[#H]]'));
    const b = graph.add('b.md', scanNotePacked('[[x]] [[z]]'));
    assert.strictEqual(a, 0);
    assert.strictEqual(b, 3);
    assert.deepStrictEqual(linkIdList(b, 2), [3, 4]);
    assert.strictEqual(linkIdAt(b, 1), 4);
    // No links: one shared empty list.
    assert.strictEqual(graph.add('c.md', scanNotePacked('text')), graph.add('d.md', scanNotePacked('more')));
  });

  test('once rows are free, a note\'s new ids (free rows first) are an array, and both kinds drop', () => {
    const graph = new LinkGraph();
    const names = new VaultNames();
    for (const p of ['x.md', 'y.md']) names.addNote(p, { aliases: [] });
    const a = graph.add('a.md', scanNotePacked('[[x]] [[y]]'));
    const b = graph.add('b.md', scanNotePacked('[[x]]'));
    graph.drop(a, 2);
    const c = graph.add('c.md', scanNotePacked('[[y]] [[x]] [[y]]'));
    assert.ok(Array.isArray(c));
    assert.deepStrictEqual([...(c as number[])].sort(), [0, 1, 3]);
    graph.resolvePending(names);
    assert.deepStrictEqual(graph.linksTo('x.md').map(id => graph.sourceOf(id)).sort(), ['b.md', 'c.md']);
    assert.strictEqual(graph.linkCountTo('y.md'), 2);
    graph.drop(c, 3);
    graph.drop(b, 1);
    assert.deepStrictEqual(graph.linksTo('x.md'), []);
    assert.strictEqual(graph.linkCountTo('y.md'), 0);
  });

  test('an index built then edited answers as its links say, whichever form their ids take', () => {
    const index = new NoteIndex();
    index.beginBulk();
    index.upsert('a.md', '[[b]] [[c]]');
    index.upsert('b.md', '[[c]] [[missing]]');
    index.upsert('c.md', 'no links');
    index.endBulk();
    index.upsert('a.md', '[[c]]'); // frees two rows, takes one
    index.upsert('d.md', '[[a]] [[b]] [[c]]'); // one free row, then two new
    assert.deepStrictEqual(index.forwardLinks('d.md').map(l => (l.resolution.kind === 'note' ? l.resolution.path : l.resolution.kind)), ['a.md', 'b.md', 'c.md']);
    assert.deepStrictEqual(index.brokenLinks().map(l => l.link.target), ['missing']);
    assert.deepStrictEqual(index.orphans(), []);
    assert.strictEqual(index.stats().links, 6);
    index.remove('b.md');
    assert.strictEqual(index.stats().links, 4);
    assert.deepStrictEqual(index.backlinks('c.md').map(l => l.source), ['a.md', 'd.md']);
  });
});
