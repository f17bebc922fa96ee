// Containers nested past markdown-it's limit (100 levels) are not rendered by the preview, so
// the scanner finds nothing in them either: one meaning, two readers. A quote is one level, a
// list two (the list and its item). What follows the deep block is read as usual.
import * as assert from 'assert';
import { createMarkdown } from '../../../../src/core/render/markdown';
import { lines, tagNames, targets } from './helpers';

const md = createMarkdown();
const previewShowsLink = (text: string) => md.render(text).includes('data-target="x"');

suite('scanner: nesting depth limit', () => {
  test('a link in a quote nested 99 deep is found, and the preview shows it', () => {
    const text = '> '.repeat(99) + '[[x]] #t';
    assert.deepStrictEqual(targets(text), ['x']);
    assert.deepStrictEqual(tagNames(text), ['t']);
    assert.strictEqual(previewShowsLink(text), true);
  });

  test('a link in a quote nested 100 deep is not found, as the preview does not show it', () => {
    const text = '> '.repeat(100) + '[[x]] #t';
    assert.deepStrictEqual(targets(text), []);
    assert.deepStrictEqual(tagNames(text), []);
    assert.strictEqual(previewShowsLink(text), false);
  });

  test('a list nested 49 deep is read, 50 deep is not', () => {
    assert.deepStrictEqual(targets('- '.repeat(49) + '[[x]]'), ['x']);
    assert.strictEqual(previewShowsLink('- '.repeat(49) + '[[x]]'), true);
    assert.deepStrictEqual(targets('- '.repeat(50) + '[[x]]'), []);
    assert.strictEqual(previewShowsLink('- '.repeat(50) + '[[x]]'), false);
  });

  test('the text after a block nested too deep is read as usual', () => {
    assert.deepStrictEqual(targets(lines('> '.repeat(10_000) + '[[deep]]', '', '[[after]]')), ['after']);
  });
});
