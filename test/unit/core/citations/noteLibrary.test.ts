// A note's own bibliography (frontmatter `bibliography:`, relative to the note as Pandoc reads
// it): which files it names, and the note's library (its files first, then the workspace's).
import * as assert from 'assert';
import { CitationLibrary } from '../../../../src/core/citations/library';
import { NoteBibliographies, noteBibliographyPaths } from '../../../../src/core/citations/noteLibrary';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { MemoryHost } from '../index/memoryHost';

const fm = (...l: string[]) => ['---', ...l, '---', 'Text.'].join('\n');

suite('citations: a note\'s frontmatter bibliography', () => {
  test('a path, a flow list, a block list, quoted, relative to the note', () => {
    assert.deepStrictEqual(noteBibliographyPaths('notes/a.md', fm('bibliography: refs.bib')), ['notes/refs.bib']);
    assert.deepStrictEqual(noteBibliographyPaths('notes/a.md', fm('title: A', 'bibliography: [one.bib, "../lib/two.json"]')), ['notes/one.bib', 'lib/two.json']);
    assert.deepStrictEqual(noteBibliographyPaths('a.md', fm('bibliography:', '  - ./x.bib', "  - 'y y.bib'", 'tags: [t]')), ['x.bib', 'y y.bib']);
    assert.deepStrictEqual(noteBibliographyPaths('deep/er/a.md', fm('bibliography: ../../refs.bib # the shared one')), ['refs.bib']);
  });

  test('the scanner keeps the field in the note\'s frontmatter (the index and its cache have it), both YAML readers alike', () => {
    assert.deepStrictEqual(scanNote(fm('bibliography: [a.bib, b.json]', 'related: x')).frontmatter?.bibliography, ['a.bib', 'b.json']);
    // A shape the fast reader leaves to the `yaml` package (a quoted key) reads the same.
    assert.deepStrictEqual(scanNote(fm('bibliography:', '  - a.bib', '"quoted key": 1')).frontmatter?.bibliography, ['a.bib']);
    assert.strictEqual(scanNote(fm('title: x')).frontmatter?.bibliography, undefined);
  });

  test('nothing outside the vault, nothing without frontmatter, nothing from the body', () => {
    assert.deepStrictEqual(noteBibliographyPaths('a.md', fm('bibliography: [../out.bib, /etc/x.bib, C:/x.bib]')), []);
    assert.deepStrictEqual(noteBibliographyPaths('a.md', 'bibliography: refs.bib\n'), []);
    assert.deepStrictEqual(noteBibliographyPaths('a.md', fm('title: x') + '\nbibliography: refs.bib\n'), []);
  });

  test("the note's files answer first, the workspace's after; other notes see only the workspace's", async () => {
    const host = new MemoryHost({
      'refs.bib': '@book{shared, title = {Workspace}, year = {2000}}\n@book{both, title = {From the workspace}}\n',
      'p/own.bib': '@book{mine, title = {Own}, author = {Roe, Ann}, year = {2021}}\n@book{both, title = {From the note}}\n',
    });
    const workspace = new CitationLibrary(host);
    await workspace.load('refs.bib');
    const notes = new NoteBibliographies(host);
    const lookup = await notes.lookupFor(workspace, 'p/n.md', fm('bibliography: own.bib'));
    assert.deepStrictEqual([lookup.has('mine'), lookup.has('shared'), lookup.item('both')?.title], [true, true, 'From the note']);
    assert.deepStrictEqual(lookup.search('').map(c => c.key), ['mine', 'both', 'shared']);
    assert.deepStrictEqual(lookup.paths(), ['p/own.bib', 'refs.bib']);
    assert.deepStrictEqual(lookup.closestKeys('mina', 1), ['mine']);
    assert.strictEqual(lookup.size, 3);
    assert.strictEqual(lookup.entry('mine')?.file, 'p/own.bib');
    const other = await notes.lookupFor(workspace, 'q.md', 'No frontmatter.');
    assert.strictEqual(other, workspace);
    assert.strictEqual(other.has('mine'), false);
  });

  test('a file named by a note that does not exist is a problem naming it; the workspace still answers', async () => {
    const host = new MemoryHost({ 'refs.bib': '@book{shared, title = {W}}\n' });
    const workspace = new CitationLibrary(host);
    await workspace.load('refs.bib');
    const lookup = await new NoteBibliographies(host).lookupFor(workspace, 'n.md', fm('bibliography: missing.bib'));
    assert.ok(lookup.has('shared'));
    assert.deepStrictEqual(lookup.problems().map(p => p.file), ['missing.bib']);
  });

  test('a reload re-reads a note file', async () => {
    const host = new MemoryHost({ 'refs.bib': '', 'own.bib': '@book{a, title = {A}}\n' });
    const workspace = new CitationLibrary(host);
    const notes = new NoteBibliographies(host);
    const text = fm('bibliography: own.bib');
    assert.ok((await notes.lookupFor(workspace, 'n.md', text)).has('a'));
    host.files['own.bib'] = '@book{b, title = {B}}\n';
    assert.ok(notes.holds('own.bib'));
    await notes.reload('own.bib');
    const lookup = await notes.lookupFor(workspace, 'n.md', text);
    assert.deepStrictEqual([lookup.has('a'), lookup.has('b')], [false, true]);
  });
});
