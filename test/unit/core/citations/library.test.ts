// The library: BibTeX entry by entry (a malformed one named by file and line, the rest used),
// CSL-JSON, reloads that re-parse only what changed, and matching for completion.
import * as assert from 'assert';
import { parseBibtex } from '../../../../src/core/citations/bibtex';
import { parseCslJson } from '../../../../src/core/citations/cslJson';
import { bibliographyFiles } from '../../../../src/core/citations/discovery';
import { CitationLibrary } from '../../../../src/core/citations/library';
import { MemoryHost } from '../index/memoryHost';

const lines = (...l: string[]) => l.join('\n');

const GOOD_AND_BAD = lines(
  '@article{good1,',
  '  title = {A Fine Paper},',
  '  author = {Doe, Jane and Roe, Richard},',
  '  year = {2020},',
  '}',
  '',
  '@book{broken,',
  '  title = {Never closed,',
  '  year = 2001',
  '',
  '@misc{good2, title = {Also Fine}, author = {Poe, Edgar}, year = {1999}}',
  '',
);

suite('citations: reading the library', () => {
  test('a malformed BibTeX entry is named by file and line, the others are used', () => {
    const parsed = parseBibtex(GOOD_AND_BAD, 'refs.bib');
    assert.deepStrictEqual(parsed.entries.map(e => [e.item.id, e.line]), [['good1', 0], ['good2', 10]]);
    assert.strictEqual(parsed.problems.length, 1);
    assert.strictEqual(parsed.problems[0]!.file, 'refs.bib');
    assert.strictEqual(parsed.problems[0]!.line, 6);
    assert.match(parsed.problems[0]!.message, /^entry broken: /);
  });

  test('BibTeX fields become CSL-JSON: names, year, type, LaTeX braces gone', () => {
    const [entry] = parseBibtex(GOOD_AND_BAD, 'refs.bib').entries;
    assert.strictEqual(entry!.item.type, 'article-journal');
    assert.strictEqual(entry!.item.title, 'A Fine Paper');
    assert.deepStrictEqual(entry!.item.author, [{ family: 'Doe', given: 'Jane' }, { family: 'Roe', given: 'Richard' }]);
    assert.deepStrictEqual(entry!.item.issued, { 'date-parts': [[2020]] });
  });

  test('an unchanged entry is not parsed again on reload (the memo gives the same object)', () => {
    const memo = new Map();
    const first = parseBibtex(GOOD_AND_BAD, 'refs.bib', memo);
    const second = parseBibtex(GOOD_AND_BAD.replace('Also Fine', 'Also Changed'), 'refs.bib', memo);
    assert.strictEqual(second.entries[0]!.item, first.entries[0]!.item);
    assert.notStrictEqual(second.entries[1]!.item, first.entries[1]!.item);
    assert.strictEqual(second.entries[1]!.item.title, 'Also Changed');
  });

  test('CSL-JSON: items by id with their lines; an item without id is named, the rest used', () => {
    const text = lines('[', '  {"id": "a1", "type": "book", "title": "One"},', '  {"type": "book", "title": "No id"},', '  {"id": "b2", "title": "Two"}', ']');
    const parsed = parseCslJson(text, 'lib.json');
    assert.deepStrictEqual(parsed.entries.map(e => [e.item.id, e.item.type, e.line]), [['a1', 'book', 1], ['b2', 'document', 3]]);
    assert.deepStrictEqual(parsed.problems.map(p => [p.file, p.message]), [['lib.json', 'item 2 has no "id"']]);
  });

  test('CSL-JSON that is not JSON is one problem naming the file', () => {
    const parsed = parseCslJson('[{"id": "a",', 'lib.json');
    assert.strictEqual(parsed.entries.length, 0);
    assert.match(parsed.problems[0]!.message, /^not valid JSON/);
  });

  test('default discovery: *.bib and *.json at the root and under bib/ or references/', () => {
    const all = ['refs.bib', 'lib.json', 'bib/more.bib', 'references/z.json', 'notes/x.bib', 'a.md', 'deep/bib/y.bib'];
    assert.deepStrictEqual(bibliographyFiles(all, []), ['bib/more.bib', 'lib.json', 'references/z.json', 'refs.bib']);
    assert.deepStrictEqual(bibliographyFiles(all, ['./notes/x.bib', '../outside.bib', '/abs.bib']), ['notes/x.bib']);
  });

  test('the library matches a query against key, first author, year and title', async () => {
    const library = new CitationLibrary(new MemoryHost({ 'refs.bib': GOOD_AND_BAD }));
    await library.load('refs.bib');
    assert.strictEqual(library.size, 2);
    assert.deepStrictEqual(library.search('poe').map(c => c.key), ['good2']);
    assert.deepStrictEqual(library.search('2020').map(c => c.key), ['good1']);
    assert.deepStrictEqual(library.search('fine').map(c => c.key), ['good1', 'good2']);
    assert.deepStrictEqual(library.search('doe fine').map(c => c.key), ['good1']);
    assert.deepStrictEqual(library.search('good1')[0], { key: 'good1', author: 'Doe and Roe', year: '2020', title: 'A Fine Paper' });
    assert.deepStrictEqual(library.closestKeys('good3', 1), ['good1']);
    assert.strictEqual(library.problems()[0]!.line, 6);
  });

  test('a reload after the file changes sees the new entries; a removed file takes its entries along', async () => {
    const host = new MemoryHost({ 'refs.bib': GOOD_AND_BAD });
    const library = new CitationLibrary(host);
    await library.load('refs.bib');
    host.files['refs.bib'] = '@misc{fresh, title = {New}, year = {2024}}\n';
    await library.load('refs.bib');
    assert.deepStrictEqual([library.item('fresh')?.title, library.item('good1')], ['New', undefined]);
    library.remove('refs.bib');
    assert.strictEqual(library.size, 0);
  });

  test('a JSON file found by default that is no CSL-JSON array is not a bibliography', async () => {
    const library = new CitationLibrary(new MemoryHost({ 'settings.json': '{"a": 1}' }));
    await library.load('settings.json', false);
    assert.deepStrictEqual([library.size, library.problems().length], [0, 0]);
  });
});
