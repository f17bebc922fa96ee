// An index that keeps no texts (readTextsThrough): queries that need a text read it back, and a
// text that changed on disk since it was indexed never gets the old ranges.
import * as assert from 'assert';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { textHash } from '../../../../src/core/index/noteTexts';
import { snapshot } from '../../../../src/core/index/snapshot';
import { lines, vaultIndex } from './vault';

/** An index of `files` that reads them back from `disk` (which a test may change behind its back). */
function textsOut(files: Record<string, string>): { index: NoteIndex; disk: Map<string, string>; reads: string[] } {
  const disk = new Map(Object.entries(files));
  const reads: string[] = [];
  const index = vaultIndex(files);
  index.readTextsThrough(async path => {
    reads.push(path);
    return disk.get(path);
  });
  return { index, disk, reads };
}

const files = {
  'a.md': lines('# A', '', 'First paragraph mentions Beta and links [[b]].', '', '- a list item with [[b|the other]]'),
  'b.md': lines('---', 'title: Beta', '---', 'Back to [[a]].'),
  'c.md': lines('Beta, again, without a link.'),
};

suite('NoteIndex without texts', () => {
  test('keeps no text, and answers every query as an index that keeps them', async () => {
    const { index } = textsOut(files);
    const kept = vaultIndex(files);
    assert.strictEqual(index.textOf('a.md'), undefined);
    assert.strictEqual(index.keepsTexts(), false);
    assert.strictEqual(await index.readText('a.md'), files['a.md']);
    assert.deepStrictEqual(await index.loadBacklinks('b.md'), kept.backlinks('b.md'));
    assert.deepStrictEqual(await index.loadUnlinkedMentions('b.md'), kept.unlinkedMentions('b.md'));
    assert.deepStrictEqual(await index.readTexts(['a.md', 'c.md', 'gone.md']), new Map([['a.md', files['a.md']], ['c.md', files['c.md']]]));
  });

  test('the synchronous queries give what needs no text: links without contexts, no mentions', () => {
    const { index } = textsOut(files);
    const b = index.backlinks('b.md');
    assert.deepStrictEqual(b.map(l => [l.source, l.context, l.contextStart]), b.map(l => [l.source, '', l.link.range.start]));
    assert.deepStrictEqual(index.unlinkedMentions('b.md'), []);
  });

  test('a later mention search reads only the notes whose word filter may hold the title', async function () {
    this.timeout(5000);
    const { index, reads } = textsOut({ ...files, 'd.md': 'nothing of the kind', 'e.md': 'nor here' });
    await index.loadUnlinkedMentions('b.md');
    await new Promise(resolve => setTimeout(resolve, 1100)); // past the reuse of texts just read
    reads.length = 0;
    const found = await index.loadUnlinkedMentions('b.md');
    assert.deepStrictEqual(found.map(m => m.source), ['a.md', 'c.md']);
    assert.ok(!reads.includes('d.md') && !reads.includes('e.md'), `read ${reads.join(', ')}`);
  });

  test('a note changed on disk since it was indexed is indexed again before its ranges are used', async () => {
    const { index, disk } = textsOut(files);
    // Two lines more above the link, and a second link: the old ranges would cut the wrong text.
    const changed = lines('# A', '', 'New lines', 'push it down.', '', 'Here [[b]] and [[b]] twice.');
    disk.set('a.md', changed);
    const backlinks = await index.loadBacklinks('b.md');
    const fresh = vaultIndex({ ...files, 'a.md': changed });
    assert.deepStrictEqual(backlinks, fresh.backlinks('b.md'));
    assert.deepStrictEqual(backlinks.map(b => changed.slice(b.link.range.startOffset, b.link.range.endOffset)), ['[[b]]', '[[b]]']);
    // The reindexed note answers every query as a fresh build of the files on disk.
    assert.deepStrictEqual(snapshot(index, { backlinks: new Map(), mentions: new Map() }).notes.map(n => n.links), snapshot(fresh).notes.map(n => n.links));
    assert.ok(index.indexedFrom('a.md', changed));
  });

  test('readText of a changed note reindexes it; mentions are searched in the text on disk', async function () {
    this.timeout(5000);
    const { index, disk } = textsOut(files);
    disk.set('c.md', 'No more of it. But [[b]] now, and Beta.');
    assert.strictEqual(await index.readText('c.md'), disk.get('c.md'));
    assert.deepStrictEqual(index.forwardLinks('c.md').map(l => l.link.target), ['b']);
    // A text read back is reused for a second (one view reads a note twice in a refresh): after that the disk is read again.
    await new Promise(resolve => setTimeout(resolve, 1100));
    disk.set('c.md', 'Beta moved: here Beta is.');
    const mentions = await index.loadUnlinkedMentions('b.md');
    const fresh = vaultIndex({ ...files, 'c.md': disk.get('c.md')! });
    assert.deepStrictEqual(mentions, fresh.unlinkedMentions('b.md'));
  });

  test('a note put back with the same text while texts are read is still searched and quoted', async function () {
    this.timeout(5000);
    // A watcher's late change event reindexes a note with the text it already had, between the
    // read of its text and the search (CI, workspace.fs host: the mention in c.md was lost).
    const disk = new Map<string, string>(Object.entries(files));
    const index = vaultIndex(files);
    let putBack = (): void => {};
    index.readTextsThrough(async path => {
      const text = disk.get(path);
      await new Promise(resolve => setTimeout(resolve, path === 'c.md' ? 0 : 5));
      if (path === 'a.md') {
        putBack(); // once: the late event comes once
        putBack = () => {};
      }
      return text;
    });
    await index.loadUnlinkedMentions('b.md'); // the word filters made: the next search reads only a.md and c.md
    await new Promise(resolve => setTimeout(resolve, 1100)); // past the reuse of texts just read
    putBack = () => index.upsert('c.md', files['c.md']);
    const before = index.note('c.md');
    const mentions = await index.loadUnlinkedMentions('b.md');
    assert.notStrictEqual(index.note('c.md'), before, 'c.md was put back during the search');
    assert.deepStrictEqual(mentions, vaultIndex(files).unlinkedMentions('b.md'));
    assert.ok(mentions.some(m => m.source === 'c.md'));
    putBack = () => index.upsert('a.md', files['a.md']);
    await new Promise(resolve => setTimeout(resolve, 1100)); // past the reuse of texts just read
    assert.deepStrictEqual(await index.loadBacklinks('b.md'), vaultIndex(files).backlinks('b.md'));
  });

  test('a note that cannot be read back is left out of a mention search, not read again and again', async () => {
    const { index, disk, reads } = textsOut(files);
    disk.delete('c.md');
    const mentions = await index.loadUnlinkedMentions('b.md');
    assert.deepStrictEqual(mentions.map(m => m.source), ['a.md']);
    // Once with the others, once more as a candidate its filter could not rule out: then it is known unreadable.
    assert.strictEqual(reads.filter(p => p === 'c.md').length, 2, `read ${reads.join(', ')}`);
  });

  test('a note that cannot be read back has backlinks without context, never a crash', async () => {
    const { index, disk } = textsOut(files);
    disk.delete('a.md');
    const backlinks = await index.loadBacklinks('b.md');
    assert.deepStrictEqual(backlinks.map(b => b.context), ['', '']);
    assert.strictEqual(await index.readText('a.md'), undefined);
  });

  test('a rename keeps what is known of the text: read back under the new name, it is not reindexed', async () => {
    const { index, disk } = textsOut(files);
    index.rename('a.md', 'x/a.md');
    disk.set('x/a.md', disk.get('a.md')!);
    disk.delete('a.md');
    const before = index.note('x/a.md');
    assert.strictEqual(await index.readText('x/a.md'), files['a.md']);
    assert.strictEqual(index.note('x/a.md'), before, 'the same record: not scanned again');
  });

  test('the hash tells texts of the same length apart', () => {
    assert.notStrictEqual(textHash('[[ab]] cd'), textHash('[[abc]]d'));
    assert.strictEqual(textHash('same'), textHash('same'));
  });
});

suite('NoteIndex without texts: reads', () => {
  test('a read back that an edit overtakes never puts the older text back', async () => {
    const index = vaultIndex(files);
    const edited = lines('# A', '', 'Typed: [[c]].');
    // The first read of a.md answers when the test says (the file's text); later ones give the editor's.
    let answer: ((text: string) => void) | undefined;
    let first = true;
    index.readTextsThrough(path => {
      if (path !== 'a.md') return Promise.resolve(files[path as keyof typeof files]);
      if (!first) return Promise.resolve(edited);
      first = false;
      return new Promise<string>(resolve => (answer = resolve));
    });
    const loading = index.loadBacklinks('b.md');
    // The editor's text arrives while the file's is on its way.
    index.upsert('a.md', edited);
    answer!(files['a.md']);
    await loading;
    assert.ok(index.indexedFrom('a.md', edited), 'the note is the edit, not the file read before it');
    assert.deepStrictEqual(index.backlinks('c.md').map(b => b.source), ['a.md']);
  });

  test('a refresh that reads a note twice reads the file once', async () => {
    const { index, reads } = textsOut(files);
    await index.loadBacklinks('b.md');
    await index.readTexts(['a.md']);
    assert.deepStrictEqual(reads, ['a.md']);
  });
});
