// The index's citation questions: which keys a note cites, which notes cite a key, and the
// Backlinks of a literature note (by file name or frontmatter citekey) listing the citing notes.
import * as assert from 'assert';
import { citationsOfKey, citationsOfLiteratureNote, keysCited } from '../../../../src/core/citations/cited';
import { buildIndex } from '../../../../src/core/index/build';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { backlinkGroups } from '../../../../src/core/views/backlinkRows';
import { MemoryHost } from '../index/memoryHost';

const files = {
  'a.md': 'First [@vaswani2017; @devlin2019].\n\nLater @vaswani2017 again.\n',
  'b.md': 'Only [see @devlin2019, p. 2].\n',
  'lit/vaswani2017.md': '# Attention\n',
  'lit/bert-notes.md': '---\ncitekey: devlin2019\n---\n# BERT\n',
};

suite('citations: the index', () => {
  test('which keys a note cites, once each, in order', async () => {
    assert.deepStrictEqual(keysCited(scanNote(files['a.md']).citations), ['vaswani2017', 'devlin2019']);
  });

  test('which notes cite a key, each citation with its paragraph', async () => {
    const { index } = await buildIndex(new MemoryHost(files));
    const found = citationsOfKey('devlin2019', index.packedNotes());
    assert.deepStrictEqual(found.map(c => [c.path, c.citation.range.start.line, c.citation.range.start.character]), [['a.md', 0, 21], ['b.md', 0, 10]]);
    assert.deepStrictEqual(found[1]!.citation.context, { startOffset: 0, endOffset: 29 });
  });

  test('the Backlinks of a literature note list the notes citing its key (by file name or citekey)', async () => {
    const { index } = await buildIndex(new MemoryHost(files));
    const byName = (await backlinkGroups(index, 'lit/vaswani2017.md', { citedBy: citationsOfLiteratureNote('lit/vaswani2017.md', files['lit/vaswani2017.md'], index.packedNotes()) }));
    assert.deepStrictEqual(byName.map(g => [g.source, g.links.map(l => l.context)]), [['a.md', ['First [@vaswani2017; @devlin2019].', 'Later @vaswani2017 again.']]]);
    const byKey = (await backlinkGroups(index, 'lit/bert-notes.md', { citedBy: citationsOfLiteratureNote('lit/bert-notes.md', files['lit/bert-notes.md'], index.packedNotes()) }));
    assert.deepStrictEqual(byKey.map(g => g.source), ['a.md', 'b.md']);
    assert.deepStrictEqual((await backlinkGroups(index, 'lit/bert-notes.md')), []);
  });
});
