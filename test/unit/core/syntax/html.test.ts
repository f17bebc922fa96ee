import * as assert from 'assert';
import { lines, tagNames, targets } from './helpers';

suite('scanner: raw HTML', () => {
  test('a colour inside an HTML tag is no tag', () => {
    assert.deepStrictEqual(tagNames('<span style="color: #dcddde">grey</span>'), []);
  });

  test('tags in the text around and between HTML tags still count', () => {
    assert.deepStrictEqual(tagNames('#a <span style="color: #fff"> #b</span> #c'), ['a', 'b', 'c']);
  });

  test('attributes in single quotes, unquoted, or none; closing and self-closing tags', () => {
    assert.deepStrictEqual(tagNames("a <p title='x #y' data-x=z hidden>t</p> <br/> <hr /> #ok"), ['ok']);
  });

  test('a wiki-link inside an attribute is no link; one in the element text is', () => {
    assert.deepStrictEqual(targets('<a title="[[inside]]">[[outside]]</a>'), ['outside']);
  });

  test('a < that opens no tag leaves the text as it was', () => {
    assert.deepStrictEqual(tagNames(lines('a < b #c', '<3 #d', '<not a tag #e')), ['c', 'd', 'e']);
  });
});
