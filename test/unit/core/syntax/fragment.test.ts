// Which heading or block a link's `#…` names (syntax/fragment.ts), from the links Obsidian writes
// on vaults we did not write: it drops the characters a link cannot hold from a heading.
import * as assert from 'assert';
import { findHeading, headingKey, resolveFragment, splitFragment } from '../../../../src/core/syntax/fragment';
import { createMarkdown } from '../../../../src/core/render/markdown';
import { scanNote } from '../../../../src/core/syntax/scanNote';

const named = (text: string, fragment: string) => findHeading(scanNote(text).headings, fragment)?.text;

suite('fragment: which heading a link names', () => {
  test('Obsidian\'s link-safe form: a question mark, a dot, a slash and link brackets dropped', () => {
    const text = ['# Help', '### Can a shelf hold two boxes?', '## 4.2', '## [[2024-02-01]] 0900 UTC / 1900 AEDT', '## Read: then write'].join('\n');
    assert.strictEqual(named(text, 'Can a shelf hold two boxes'), 'Can a shelf hold two boxes?');
    assert.strictEqual(named(text, '4 2'), '4.2');
    assert.strictEqual(named(text, '2024-02-01 0900 UTC 1900 AEDT'), '[[2024-02-01]] 0900 UTC / 1900 AEDT');
    assert.strictEqual(named(text, 'Read then write'), 'Read: then write');
    assert.strictEqual(named(text, 'read-then-write'), 'Read: then write', 'the GitHub slug');
    assert.strictEqual(named(text, 'Can a shelf hold three boxes'), undefined);
  });

  test('headingKey: what both sides are compared as', () => {
    assert.strictEqual(headingKey('[[2024-02-01]] 0900 / 1900'), headingKey('2024-02-01 0900 1900'));
    assert.strictEqual(headingKey('_Rattus rattus_'), 'rattus rattus');
    assert.notStrictEqual(headingKey("Don't"), headingKey('Don t'), 'Obsidian keeps the apostrophe');
  });

  test('the exact text wins over a forgiving match earlier in the note', () => {
    const text = ['## a-b', '## a b'].join('\n');
    assert.strictEqual(named(text, 'a b'), 'a b');
    assert.strictEqual(named(text, 'a-b'), 'a-b');
  });

  test('Part#Section names a Section under a Part; a heading holding # is named whole', () => {
    const text = ['# Top', '## One', '### Notes', '## Two', '### Notes', '## C# tips'].join('\n');
    const s = scanNote(text);
    assert.strictEqual(s.headings.indexOf(findHeading(s.headings, 'Two#Notes')!), 4);
    assert.strictEqual(s.headings.indexOf(findHeading(s.headings, 'Top#One#Notes')!), 2);
    assert.strictEqual(findHeading(s.headings, 'Notes#Two'), undefined);
    assert.strictEqual(named(text, 'C# tips'), 'C# tips');
  });

  test('blocks: ^id any case, and Part#^id reads the block', () => {
    const s = scanNote(['# A', 'a claim ^Claim-1'].join('\n'));
    const found = resolveFragment(s, { heading: 'A#^claim-1' });
    assert.ok(found && 'block' in found && found.block.id === 'Claim-1');
    assert.deepStrictEqual(splitFragment('^x'), { block: 'x' });
    assert.deepStrictEqual(splitFragment('A#B'), { heading: 'A#B' });
  });
});

// Issue 16: Obsidian's help writes an image's block id right after it, with no space.
suite('a block id right after an embed', () => {
  test('is read, so an embed of that block resolves; the preview does not print it', () => {
    const text = ['Where the history lives:', '', '![[history.png]]^history-shot'].join('\n');
    const syntax = scanNote(text);
    assert.deepStrictEqual(syntax.blockIds.map(b => b.id), ['history-shot']);
    const found = resolveFragment(syntax, { block: 'history-shot' });
    assert.ok(found && 'block' in found);
    const html = createMarkdown({ html: true }).render(text);
    assert.ok(!html.includes('^history-shot'), html);
    assert.deepStrictEqual(scanNote('a word^not-an-id').blockIds, []);
  });
});
