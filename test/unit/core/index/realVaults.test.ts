// What real Obsidian and Foam vaults rely on (issue 9): each test is one habit of theirs.
import * as assert from 'assert';
import { lines, linksOf, vaultIndex } from './vault';

suite('NoteIndex on real vaults', () => {
  suite('links in frontmatter properties', () => {
    const vault = () =>
      vaultIndex({
        'Movies.md': '# Movies',
        'Blade Runner.md': lines('---', 'related: "[[Movies]]"', 'director:', '  - "[[Ridley Scott]]"', '---', 'A film.'),
        'Ridley Scott.md': 'Director.',
      });

    test('a property link is a backlink, with its property as context', () => {
      const backlinks = vault().backlinks('Movies.md');
      assert.deepStrictEqual(backlinks.map((b) => [b.source, b.link.property, b.context, b.contextStart.line]), [['Blade Runner.md', 'related', 'related: "[[Movies]]"', 1]]);
    });

    test('a property link is a forward link, and makes neither note an orphan', () => {
      const index = vault();
      assert.deepStrictEqual(linksOf(index, 'Blade Runner.md'), ['Movies -> Movies.md', 'Ridley Scott -> Ridley Scott.md']);
      assert.deepStrictEqual(index.orphans(), []);
    });

    test('a property link to a note that does not exist is broken and a placeholder', () => {
      const index = vaultIndex({ 'a.md': lines('---', 'up: "[[Nowhere]]"', '---') });
      assert.deepStrictEqual([index.brokenLinks().map((b) => b.link.target), index.placeholders().map((p) => p.name)], [['Nowhere'], ['nowhere']]);
    });
  });

  suite('missing headings and blocks', () => {
    const vault = () =>
      vaultIndex({
        'n.md': lines('# N', '## Part', '### Section', 'text ^b1'),
        'a.md': lines('[[n#Part]] [[n#Part#Section]] [[n#^b1]] [[n#Sectoin]] [[n#^b2]] [[gone#X]] [[#Nope]]'),
      });

    test('a link to a heading or block the note lacks is broken, with its kind and the closest names', () => {
      assert.deepStrictEqual(vault().brokenLinksIn('a.md').map((b) => [b.link.target, b.kind, b.suggestions]), [
        ['n', 'missing-heading', ['Section']],
        ['n', 'missing-block', ['b1']],
        ['gone', 'missing-note', []],
        ['', 'missing-heading', []],
      ]);
    });

    test('the nested form Part#Section names Section under Part', () => {
      const index = vault();
      assert.ok(index.headingExists('n.md', 'Part#Section'));
      assert.ok(index.headingExists('n.md', 'N#Section'));
      assert.ok(!index.headingExists('n.md', 'Section#Part'));
    });

    test('a heading the note gains mends the link at once', () => {
      const index = vault();
      index.upsert('n.md', lines('# N', '## Part', '### Section', '## Sectoin', 'text ^b1 ^b2'));
      assert.deepStrictEqual(index.brokenLinks().map((b) => b.kind), ['missing-block', 'missing-note', 'missing-heading']);
    });
  });

  suite('names with dots are notes', () => {
    test('[[1.ORI]], [[v2.0 plan]] and [[ucld.mean]] are notes to write, not missing attachments', () => {
      const index = vaultIndex({ 'a.md': '[[1.ORI]] [[v2.0 plan]] [[ucld.mean]] [[figure.png]] [[talk.mp3]]' });
      assert.deepStrictEqual(index.brokenLinks().map((b) => [b.link.target, b.kind]), [
        ['1.ORI', 'missing-note'],
        ['v2.0 plan', 'missing-note'],
        ['ucld.mean', 'missing-note'],
        ['figure.png', 'missing-attachment'],
        ['talk.mp3', 'missing-attachment'],
      ]);
      assert.deepStrictEqual(index.completionCandidates('a.md').filter((c) => c.placeholder).map((c) => c.insertText), ['1.ORI', 'ucld.mean', 'v2.0 plan']);
    });

    test('a dotted name resolves to a note of that name, or to a file of exactly that name', () => {
      const index = vaultIndex({ 'a.md': '[[1.ORI]] [[ucld.mean]]', '1.ORI.md': '', 'data/ucld.mean': '' });
      assert.deepStrictEqual(linksOf(index, 'a.md'), ['1.ORI -> 1.ORI.md', 'ucld.mean -> data/ucld.mean']);
    });
  });

  suite('which candidate an ambiguous link means', () => {
    test('the candidate whose name matches the link\'s case exactly comes first, before the same folder', () => {
      const index = vaultIndex({ 'People/BookFusion.md': '', 'Plugins/bookfusion.md': '', 'People/x.md': '[[bookfusion]] [[BookFusion]]' });
      assert.deepStrictEqual(linksOf(index, 'People/x.md'), ['bookfusion -> Plugins/bookfusion.md', 'BookFusion -> People/BookFusion.md']);
    });

    test('a bare [[name]] never means the linking note itself when another candidate exists', () => {
      const index = vaultIndex({ 'People/BookFusion.md': '[[BookFusion]]', 'Plugins/BookFusion.md': '' });
      assert.deepStrictEqual(linksOf(index, 'People/BookFusion.md'), ['BookFusion -> Plugins/BookFusion.md']);
      assert.deepStrictEqual(index.resolve('BookFusion', 'People/BookFusion.md'), { kind: 'note', path: 'Plugins/BookFusion.md', ambiguous: ['Plugins/BookFusion.md', 'People/BookFusion.md'], via: 'path' });
    });

    test('then the linking note\'s folder, then the shortest path', () => {
      const index = vaultIndex({ 'a/deep/n.md': '', 'b/n.md': '', 'c/n.md': '', 'a/x.md': '[[n]]', 'c/x.md': '[[n]]' });
      assert.deepStrictEqual([linksOf(index, 'a/x.md'), linksOf(index, 'c/x.md')], [['n -> b/n.md'], ['n -> c/n.md']]);
    });
  });
});
