import * as assert from 'assert';
import { createMarkdown } from '../../../../src/core/render/markdown';
import { lines, scan, tagNames, targets, textOf } from './helpers';

/** Links and tags found, as one list: each exclusion should leave only `[[after]]`. */
const found = (text: string) => [...targets(text), ...tagNames(text)];

suite('scanner: where nothing is found', () => {
  test('nothing inside a ``` fence', () => {
    assert.deepStrictEqual(found(lines('```python', '# [[not-a-link]] #not-a-tag', '```', '[[after]]')), ['after']);
  });

  test('nothing inside a ~~~ fence', () => {
    assert.deepStrictEqual(found(lines('~~~', '[[no]] #no', '~~~', '[[after]]')), ['after']);
  });

  test('a fence closes only with the same character, at least as many, alone on its line', () => {
    const text = lines('````', '```', '~~~~', '```` trailing', '[[inside]]', '````', '[[after]]');
    assert.deepStrictEqual(found(text), ['after']);
  });

  test('an unclosed fence runs to the end of the note', () => {
    assert.deepStrictEqual(found(lines('[[before]]', '```', '[[never]]', '#never')), ['before']);
  });

  test('a fence inside a list item ends with the item', () => {
    assert.deepStrictEqual(found(lines('- item', '  ```', '  [[code]]', '[[after]]')), ['after']);
  });

  test('nothing inside indented code after a blank line', () => {
    assert.deepStrictEqual(found(lines('Text', '', '    [[code]] #code', '', '[[after]]')), ['after']);
  });

  test('an indented line continuing a paragraph is not code', () => {
    assert.deepStrictEqual(found(lines('Text', '    [[lazy]]')), ['lazy']);
  });

  test('an indented line continuing a list item is not code', () => {
    assert.deepStrictEqual(found(lines('- item', '', '    [[in-item]]')), ['in-item']);
  });

  test('nothing inside a code span', () => {
    assert.deepStrictEqual(found('`[[no]] #no` [[after]]'), ['after']);
  });

  test('a code span closes only with a backtick run of the same length', () => {
    assert.deepStrictEqual(found('``a ` [[in]] `` [[after]]'), ['after']);
  });

  test('an unclosed backtick run is text', () => {
    assert.deepStrictEqual(found('`` [[after]] `'), ['after']);
  });

  test('nothing inside an HTML comment, inline or over lines', () => {
    assert.deepStrictEqual(found('a <!-- [[no]] #no --> [[after]]'), ['after']);
    assert.deepStrictEqual(found(lines('<!-- [[no]]', '', '#no -->', '[[after]]')), ['after']);
  });

  test('an unclosed comment inside a paragraph is text', () => {
    assert.deepStrictEqual(found('a <!-- [[after]]'), ['after']);
  });

  test('nothing inside an HTML block (the preview passes raw HTML, which is no markdown); after a blank line, markdown again', () => {
    assert.deepStrictEqual(found(lines('<div>', '[[inside]] #1a1a1a', '</div>', '', '[[after]]')), ['after']);
    assert.deepStrictEqual(found(lines('<table>', '<tr><td>--accent: #8000ff</td></tr>', '</table>')), []);
    assert.deepStrictEqual(found(lines('<details>', '', '[[markdown again]]', '', '</details>')), ['markdown again']);
    assert.deepStrictEqual(found(lines('text <span> #inline</span> and [[link]]')), ['link', 'inline']);
  });

  // Issue 16: the preview hid `%%comments%%` while the index counted the links in them.
  test('nothing inside a %%comment%%, inline or a block, as the preview hides them; an unclosed %% is text', () => {
    assert.deepStrictEqual(found(lines('a %%draft [[hidden]] #todo%% b [[shown]]', '', '%%', '[[also hidden]] #x', '%%', '', '50%% off [[after]]')), ['shown', 'after']);
    const text = lines('a %%draft [[hidden]]%% [[shown]]', '', '%%', '[[gone]]', '%%', '', '50%% off [[after]]');
    const rendered = createMarkdown({ html: true }).render(text);
    assert.ok(!rendered.includes('hidden') && !rendered.includes('gone') && rendered.includes('after'), rendered);
  });

  test('nothing inside an autolink', () => {
    assert.deepStrictEqual(found('<https://example.com/#no> [[after]]'), ['after']);
  });

  test('nothing inside math', () => {
    assert.deepStrictEqual(found('$[[no]]$ [[after]]'), ['after']);
  });

  test('nothing inside frontmatter but its own fields', () => {
    assert.deepStrictEqual(found(lines('---', 'x: "[[no]] #no"', '---', '[[after]]')), ['after']);
  });

  test('nothing inside a link destination', () => {
    assert.deepStrictEqual(found('[a](b.png#no) [[after]]'), ['after']);
  });

  test('cells past the header row\'s count are not read (the preview drops them)', () => {
    assert.deepStrictEqual(found(lines('| a |', '|---|', '| [[in]] | [[dropped]] |')), ['in']);
  });

  test('containers nested past the preview\'s limit (100 levels) are not read', () => {
    assert.deepStrictEqual(found('> '.repeat(10) + '[[shallow]]'), ['shallow']);
    assert.deepStrictEqual(found('> '.repeat(120) + '[[too-deep]]'), []);
  });

  test('code blocks and code spans are reported, for unlinked mentions to skip', () => {
    const text = lines('a `b` c', '', '```', 'code', '```', '', '    indented');
    assert.deepStrictEqual(
      scan(text).code!.map((c) => textOf(text, c)),
      ['`b`', lines('```', 'code', '```'), 'indented'],
    );
  });
});
