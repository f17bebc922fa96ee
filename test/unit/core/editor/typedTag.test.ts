import * as assert from 'assert';
import { typedTagAt } from '../../../../src/core/editor/typedTag';

/** The tag being typed at the `‸` of the note. */
function at(...lines: string[]) {
  const withCursor = lines.join('\n');
  const offset = withCursor.indexOf('‸');
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + 1);
  const tag = typedTagAt(text, offset);
  return tag && { ...tag, replaced: text.slice(tag.replaceStart, tag.replaceEnd) };
}

suite('typedTagAt: the #tag being typed', () => {
  test('# after a space starts a tag, with nothing typed yet', () => {
    assert.deepStrictEqual(at('see #‸')?.typed, '');
  });

  test('letters after # are what is typed', () => {
    assert.strictEqual(at('see #tra‸')?.typed, 'tra');
  });

  test('a nested tag is typed whole', () => {
    assert.strictEqual(at('see #ml/tr‸')?.typed, 'ml/tr');
  });

  test('inside a word the whole tag is replaced', () => {
    const tag = at('see #tra‸ns and more');
    assert.strictEqual(tag?.typed, 'tra');
    assert.strictEqual(tag?.replaced, 'trans');
  });

  test('# at the start of a line is a tag position', () => {
    assert.strictEqual(at('#at‸')?.typed, 'at');
  });

  test('a heading is not a tag', () => {
    assert.strictEqual(at('# At‸'), undefined);
  });

  test('# inside a word is not a tag (an anchor, a channel name)', () => {
    assert.strictEqual(at('C#‸'), undefined);
    assert.strictEqual(at('page#se‸c'), undefined);
  });

  test('no tag in a code span, a fenced block or math', () => {
    assert.strictEqual(at('see `#tr‸`'), undefined);
    assert.strictEqual(at('```', '#tr‸', '```'), undefined);
    assert.strictEqual(at('$x #tr‸ y$'), undefined);
  });

  test('no tag inside a wiki-link (a heading reference)', () => {
    assert.strictEqual(at('see [[note#Int‸]]'), undefined);
  });

  test('after a space the tag is over', () => {
    assert.strictEqual(at('#done now‸'), undefined);
  });

  test('in the frontmatter, a tags: list item completes a tag', () => {
    const tag = at('---', 'tags:', '  - ml/tr‸', '---', 'Body');
    assert.strictEqual(tag?.where, 'frontmatter');
    assert.strictEqual(tag?.replaced, 'ml/tr');
  });

  test('in the frontmatter, tags: [a, b] completes the word under the cursor', () => {
    const tag = at('---', 'tags: [ml, tr‸]', '---');
    assert.strictEqual(tag?.typed, 'tr');
    assert.strictEqual(tag?.replaced, 'tr');
  });

  test('in the frontmatter, tags: as a string completes each word', () => {
    assert.strictEqual(at('---', 'tags: ml research tr‸', '---')?.typed, 'tr');
  });

  test('a # written in a frontmatter tag is kept out of the replaced word', () => {
    assert.strictEqual(at('---', 'tags: [#tr‸]', '---')?.replaced, 'tr');
  });

  test('other frontmatter keys complete no tags', () => {
    assert.strictEqual(at('---', 'title: My #tr‸', '---'), undefined);
    assert.strictEqual(at('---', 'aliases:', '  - tr‸', '---'), undefined);
  });

  test('a tags key itself is not a value', () => {
    assert.strictEqual(at('---', 'ta‸gs: [ml]', '---'), undefined);
  });
});
