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

// The first pass (src/core/citations/bibtex.ts) reads a file without citation-js; an entry is
// read in full by citation-js when its `item` is asked for. Both must agree on what both read.
suite('citations: the first pass over a .bib file', () => {
  const briefOf = (text: string) => parseBibtex(text, 'refs.bib').entries.map(e => e.brief);

  test('@string macros, concatenation with #, quotes and braces, numbers and month names', () => {
    const text = lines(
      '@string{ml = "Machine"}',
      '@STRING(first = {Ada})',
      '@article{k1, title = "On " # ml # { {L}earning}, author = first # " Lovelace", year = 1843, month = jan,',
      '  journal = {J. of "quoted" {braces}}}',
    );
    const [brief] = briefOf(text);
    assert.deepStrictEqual(brief, { id: 'k1', type: 'article-journal', title: 'On Machine Learning', author: [{ family: 'Lovelace', given: 'Ada' }], issued: { 'date-parts': [[1843]] } });
  });

  test('a quoted value may hold a brace-protected quote; a braced one may hold quotes', () => {
    const [a, b] = briefOf(lines('@misc{q1, title = "Say {"}hi{"}"}', '@misc{q2, title = {Say "hi"}}'));
    assert.deepStrictEqual([a!.title, b!.title], ['Say "hi"', 'Say "hi"']);
  });

  test('@comment, @preamble and text between entries are skipped', () => {
    const text = lines('Exported by hand.', '@comment{jabref-meta: whatever}', '@preamble{"\\newcommand{\\noop}[1]{}"}', 'Free text @ here is a comment too', '@book{b1, title = {Kept}}');
    const parsed = parseBibtex(text, 'refs.bib');
    assert.deepStrictEqual(parsed.entries.map(e => [e.brief.id, e.line]), [['b1', 4]]);
    assert.deepStrictEqual(parsed.problems, []);
  });

  test('LaTeX accents and commands in titles and names become Unicode', () => {
    const [brief] = briefOf(
      '@article{acc, title = {{\\"U}ber {\\\'e}t{\\\'e}s -- {\\c{c}}a \\& \\emph{so} --- \\v{S}koda {\\ss} \\o}, author = {M{\\"u}ller, J{\\"o}rg and Ji\\v{r}\\\'{\\i} \\v{S}imon and Fran\\c{c}ois {\\AE}sir}}',
    );
    assert.strictEqual(brief!.title, 'Über étés – ça & so — Škoda ß ø');
    assert.deepStrictEqual(brief!.author, [
      { family: 'Müller', given: 'Jörg' },
      { family: 'Šimon', given: 'Jiří' },
      { family: 'Æsir', given: 'François' },
    ]);
  });

  test('names: von particles, Jr, institutions in braces, and "others"', () => {
    const [brief] = briefOf('@book{n1, editor = {John von Neumann and de la Fontaine, Jean and King, Jr, Martin and {World Health Organization} and others}}');
    assert.deepStrictEqual(brief!.editor, [
      { family: 'Neumann', given: 'John', 'non-dropping-particle': 'von' },
      { family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' },
      { family: 'King', given: 'Martin' },
      { literal: 'World Health Organization' },
    ]);
  });

  test('BibLaTeX: parentheses around an entry, `date` for the year', () => {
    const [brief] = briefOf('@online(w1, title = {A Page}, date = {2021-03-04})');
    assert.deepStrictEqual([brief!.type, brief!.issued], ['webpage', { 'date-parts': [[2021]] }]);
  });

  test('each kind of malformed entry is named by its line; the next entry is read', () => {
    const text = lines(
      '@article{nokey1, title = {x}', // 0: not closed before the next @
      '@article{, title = {no key}}', // 1
      '@article{k2 title = {x}}', // 2: no comma after the key
      '@article{k3, title {x}}', // 3: no =
      '@article{k4, title = "open}', // 4: quote never closed
      '@article{k5, title = {x} author = {y}}', // 5: no comma between fields
      '@article{fine, title = {Fine}}', // 6
    );
    const parsed = parseBibtex(text, 'refs.bib');
    assert.deepStrictEqual(parsed.entries.map(e => e.brief.id), ['fine']);
    assert.deepStrictEqual(parsed.problems.map(p => p.line), [0, 1, 2, 3, 4, 5]);
    assert.deepStrictEqual(parsed.problems.map(p => /^entry (\S+):/.exec(p.message)?.[1]), ['nokey1', undefined, 'k2', 'k3', 'k4', 'k5']);
    assert.ok(parsed.problems.every(p => p.file === 'refs.bib'));
  });

  test('a value may hold a line starting with @: only outside values does @ start an entry', () => {
    const text = lines(
      '@article{a1, title = {Handles},',
      '  abstract = {We asked',
      '@someone and',
      '  @another},',
      '  year = 2020}',
      '@misc(q1, note = "quoted',
      '@still inside", title = {Q})',
      '@book{b2, title = {After}}',
    );
    const parsed = parseBibtex(text, 'refs.bib');
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.entries.map(e => [e.brief.id, e.line]), [['a1', 0], ['q1', 5], ['b2', 7]]);
    assert.deepStrictEqual([parsed.entries[0]!.brief.issued, parsed.entries[1]!.brief.title], [{ 'date-parts': [[2020]] }, 'Q']);
    assert.match(parsed.entries[0]!.item.abstract ?? '', /^We asked @someone and @another$/);
  });

  test('a line that reads as an entry still starts one after a brace never closed', () => {
    const parsed = parseBibtex(lines('@article{open, title = {never closed', '@book{next, title = {Next}}'), 'refs.bib');
    assert.deepStrictEqual(parsed.entries.map(e => e.brief.id), ['next']);
    assert.deepStrictEqual(parsed.problems.map(p => p.line), [0]);
  });

  test('the full reading (citation-js) gets the macros the entry uses', () => {
    const text = lines('@string{jml = {Journal of Machine Learning}}', '@string{unused = {x}}', '@article{m1, journal = jml, title = {T}, year = 2001}');
    const [entry] = parseBibtex(text, 'refs.bib').entries;
    assert.strictEqual(entry!.item['container-title'], 'Journal of Machine Learning');
    assert.strictEqual(entry!.line, 2);
  });

  test('the first pass agrees with citation-js on 300 entries of the bench library', async () => {
    // @ts-expect-error a plain .mjs generator
    const { generateBib } = (await import('../../../../../bench/gen-bib.mjs')) as { generateBib(n: number): string };
    const entries = parseBibtex(generateBib(300), 'bench.bib').entries;
    assert.strictEqual(entries.length, 300);
    for (const { brief, item } of entries) {
      assert.deepStrictEqual(
        [brief.type, brief.title, brief.author, brief.issued],
        [item.type, item.title, item.author?.map(n => ({ family: n.family, given: n.given })), { 'date-parts': [[item.issued!['date-parts']![0]![0]]] }],
        brief.id,
      );
    }
  });

  test('has() answers without reading the entry in full; item() reads it once', async () => {
    const library = new CitationLibrary(new MemoryHost({ 'refs.bib': '@string{p = {Press}}\n@book{b, title = {B}, publisher = p}\n' }));
    await library.load('refs.bib');
    assert.ok(library.has('b') && !library.has('c'));
    assert.strictEqual(library.item('b')?.publisher, 'Press');
    assert.strictEqual(library.item('b'), library.item('b'));
  });
});
