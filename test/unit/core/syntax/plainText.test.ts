// Titles are text wherever they show (issue 16): a researcher's notes open with `# [[Their name]]`
// or `# _Genus species_`, and the tab, Backlinks header, rows and completion showed the markup.
import * as assert from 'assert';
import { plainText, plainTextMapped } from '../../../../src/core/syntax/plainText';
import { snippetOf } from '../../../../src/core/views/snippet';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { vaultIndex } from '../index/vault';

suite('plainText: a heading as a reader sees it', () => {
  test('links become the words they show', () => {
    assert.strictEqual(plainText('[[Rattus norvegicus]]'), 'Rattus norvegicus');
    assert.strictEqual(plainText('[[2024-02-01]] 0900 UTC'), '2024-02-01 0900 UTC');
    assert.strictEqual(plainText('[[rats|Brown rat]] notes'), 'Brown rat notes');
    assert.strictEqual(plainText('See [the paper](https://example.org/x)'), 'See the paper');
  });

  test('emphasis, highlight, strike and code marks are dropped; snake_case and escapes keep their characters', () => {
    assert.strictEqual(plainText('_Rattus norvegicus_'), 'Rattus norvegicus');
    assert.strictEqual(plainText('**Bold** and *it* ==hi== ~~no~~'), 'Bold and it hi no');
    assert.strictEqual(plainText('`snake_case` in my_var'), 'snake_case in my_var');
    assert.strictEqual(plainText('5 \\* 3 \\_x\\_'), '5 * 3 _x_');
    assert.strictEqual(plainText('a <span class="x">b</span>'), 'a b');
    assert.strictEqual(plainText('Plain title'), 'Plain title');
  });

  test('a note titled by its first heading gets the text, the frontmatter title stays as written', () => {
    assert.strictEqual(scanNote('# [[Rattus norvegicus]]\n\ntext').title, 'Rattus norvegicus');
    assert.strictEqual(scanNote('# _Rattus_ notes').title, 'Rattus notes');
    assert.strictEqual(scanNote('---\ntitle: "A_b"\n---\n# x').title, 'A_b');
    const index = vaultIndex({ 'rat.md': '# [[rat]]\nsee [[mouse]]', 'mouse.md': '# *Mus* musculus\n[[rat]]' });
    assert.deepStrictEqual([...index.notes()].map(n => n.title).sort(), ['Mus musculus', 'rat']);
    assert.deepStrictEqual(index.completionCandidates('rat.md').filter(c => !c.placeholder).map(c => c.title).sort(), ['Mus musculus', 'rat']);
  });
});

// One rule for titles and tree rows (issue 16): the rows' cleanText and the titles' plainText
// were two functions that differed (rows kept HTML tags, titles kept callout markers and table
// pipes); each case below is held for both.
suite('plainText: one rule for titles and rows', () => {
  const both = (markdown: string) => [plainText(markdown), snippetOf(markdown, -1, -1).text];

  test('HTML tags go and an autolink shows its address, in a title and in a row', () => {
    assert.deepStrictEqual(both('a <span class="x">b</span> <br> c'), ['a b c', 'a b c']);
    assert.deepStrictEqual(both('see <https://example.org/moths> now'), ['see https://example.org/moths now', 'see https://example.org/moths now']);
  });

  test('a code span keeps what it holds, marks and all', () => {
    assert.deepStrictEqual(both('run `a *b* [[c]]` first'), ['run a *b* [[c]] first', 'run a *b* [[c]] first']);
  });

  test('a callout marker, a footnote reference and emphasis go', () => {
    assert.deepStrictEqual(both('[!note] Moths **fly** at night[^2]'), ['Moths fly at night', 'Moths fly at night']);
  });

  test('a pipe is a table cell only in a table: a heading keeps it', () => {
    assert.deepStrictEqual(both('Moths | butterflies'), ['Moths | butterflies', 'Moths | butterflies']);
    assert.deepStrictEqual(both('| moth | night |\n| --- | --- |\n| lark | day |'), ['moth · night lark · day', 'moth · night lark · day']);
    assert.strictEqual(scanNote('# Either | or\n').title, 'Either | or');
  });

  test('offsets into the markdown map onto the text, through tags and code', () => {
    const markdown = '<b>see</b> `x` [[moth|the moth]] fly';
    const at = markdown.indexOf('[[');
    const mapped = plainTextMapped(markdown);
    assert.strictEqual(mapped.text.slice(mapped.map(at, false), mapped.map(markdown.indexOf(']]') + 2, true)), 'the moth');
    const s = snippetOf(markdown, at, markdown.indexOf(']]') + 2);
    assert.strictEqual(s.text.slice(s.highlights[0]![0], s.highlights[0]![1]), 'the moth');
  });
});
