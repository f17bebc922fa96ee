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
});
