// Titles are text wherever they show (issue 16): a researcher's notes open with `# [[Their name]]`
// or `# _Genus species_`, and the tab, Backlinks header, rows and completion showed the markup.
import * as assert from 'assert';
import { plainText } from '../../../../src/core/syntax/plainText';
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
