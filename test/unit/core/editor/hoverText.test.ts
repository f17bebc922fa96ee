import * as assert from 'assert';
import { noteHoverHead, notesLinkHere, tagHoverParts } from '../../../../src/core/editor/hoverText';
import { escapeMarkdown } from '../../../../src/core/editor/inertText';

suite('hoverText: the words of a hover', () => {
  test('note text cannot become a link or a command in the hover', () => {
    const hostile = '[Open](command:workbench.action.terminal.new)';
    assert.strictEqual(escapeMarkdown(hostile), '&#91;Open&#93;&#40;command\\:workbench\\.action\\.terminal\\.new&#41;');
    assert.strictEqual(escapeMarkdown('two\nlines'), 'two lines');
  });

  test('a note hover names the note, the section the link names and the folder', () => {
    assert.strictEqual(noteHoverHead('Attention', { heading: 'Method' }, 'papers'), '**Attention** › Method · papers');
    assert.strictEqual(noteHoverHead('A_b', { block: 'x1' }, ''), '**A\\_b** › ^x1');
  });

  test('how many notes link here, in words', () => {
    assert.deepStrictEqual([0, 1, 7].map(notesLinkHere), ['no note links here', '1 note links here', '7 notes link here']);
  });

  test('a tag hover counts every note and lists the few shown, then how many more', () => {
    const shown = [{ title: 'A', path: 'a.md', href: 'file:///v/a.md' }];
    assert.deepStrictEqual(tagHoverParts('ml', 3, shown), ['**#ml** · 3 notes carry it', '- [A](file:///v/a.md) · a\\.md\n- … and 2 more']);
    assert.deepStrictEqual(tagHoverParts('ml', 1, shown), ['**#ml** · 1 note carries it', '- [A](file:///v/a.md) · a\\.md']);
  });
});
