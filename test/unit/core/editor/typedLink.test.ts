import * as assert from 'assert';
import { isLinkPosition, typedLinkAt } from '../../../../src/core/editor/typedLink';

/** The typed link at the `‸` of `text`, with the text without the `‸`. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { text, link: typedLinkAt(text, offset) };
}

/** What the line reads after replacing the link's span with `insert` (and `]]` when it adds it). */
function accept(textWithCursor: string, insert: string): string {
  const { text, link } = at(textWithCursor);
  assert.ok(link);
  return text.slice(0, link.replaceStart) + insert + (link.addsClosing ? ']]' : '') + text.slice(link.replaceEnd);
}

suite('typedLinkAt: the wiki-link being typed', () => {
  test('[[ then letters is a link being typed, with what is typed as its target', () => {
    assert.strictEqual(at('see [[tra‸').link?.target, 'tra');
  });

  test('accepting after [[tra closes the link', () => {
    assert.strictEqual(accept('see [[tra‸', 'transformers'), 'see [[transformers]]');
  });

  test('accepting inside an auto-closed [[tra]] does not double the brackets', () => {
    assert.strictEqual(accept('see [[tra‸]] then', 'transformers'), 'see [[transformers]] then');
  });

  test('accepting before a lone ] (an editor that paired only one [) still leaves two', () => {
    assert.strictEqual(accept('see [[tra‸] then', 'transformers'), 'see [[transformers]] then');
  });

  test('accepting in the middle of a target replaces all of it', () => {
    assert.strictEqual(accept('see [[tra‸nsfo]]', 'transformers'), 'see [[transformers]]');
  });

  test('accepting before a label keeps the label', () => {
    assert.strictEqual(accept('see [[tra‸|the paper]]', 'transformers'), 'see [[transformers|the paper]]');
  });

  test('accepting before a heading keeps the heading', () => {
    assert.strictEqual(accept('see [[tra‸#Intro]]', 'transformers'), 'see [[transformers#Intro]]');
  });

  test('text after the cursor that is not the link is left alone', () => {
    assert.strictEqual(accept('see [[tra‸ and more', 'transformers'), 'see [[transformers]] and more');
  });

  test('after # the heading is being typed, and only it is replaced', () => {
    const { link } = at('see [[outline#Me‸');
    assert.deepStrictEqual([link?.target, link?.subpath], ['outline', { kind: 'heading', typed: 'Me' }]);
    assert.strictEqual(accept('see [[outline#Me‸]]', 'Method'), 'see [[outline#Method]]');
  });

  test('after #^ a block id is being typed', () => {
    assert.deepStrictEqual(at('see [[outline#^cl‸').link?.subpath, { kind: 'block', typed: 'cl' });
    assert.strictEqual(accept('see [[outline#^cl‸', 'claim-1'), 'see [[outline#^claim-1]]');
  });

  test('a closed link before the cursor is not being typed', () => {
    assert.strictEqual(at('see [[transformers]] and ‸').link, undefined);
  });

  test('after | the label is being typed, not a target', () => {
    assert.strictEqual(at('see [[transformers|the pa‸').link, undefined);
  });

  test('[[ on an earlier line does not count', () => {
    assert.strictEqual(at('see [[\nand then ‸').link, undefined);
  });

  test('a single [ is not a wiki-link', () => {
    assert.strictEqual(at('see [tra‸').link, undefined);
  });
});

suite('isLinkPosition: where a [[ would make a link', () => {
  const linkable = (textWithCursor: string) => {
    const { text, link } = at(textWithCursor);
    assert.ok(link);
    return isLinkPosition(text, link);
  };

  test('in a paragraph', () => {
    assert.strictEqual(linkable('see [[tra‸'), true);
  });

  test('not in a code span', () => {
    assert.strictEqual(linkable('see `[[tra‸`'), false);
  });

  test('not in a fenced code block', () => {
    assert.strictEqual(linkable('```\n[[tra‸\n```'), false);
  });

  test('not after a backslash', () => {
    assert.strictEqual(linkable('see \\[[tra‸'), false);
  });

  test('in an embed', () => {
    assert.strictEqual(linkable('![[fig‸'), true);
  });
});
