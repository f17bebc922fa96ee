import * as assert from 'assert';
import { lines, scan, tagNames, targets, textOf } from './helpers';

/** The context text of each link, in order. */
const contexts = (text: string) => scan(text).links.map((l) => textOf(text, l.context));

suite('scanner: contexts for backlinks', () => {
  test('a link in a paragraph has the paragraph as context', () => {
    const text = lines('First paragraph.', '', 'A link to [[a]]', 'on two lines.', '', 'Last.');
    assert.deepStrictEqual(contexts(text), [lines('A link to [[a]]', 'on two lines.')]);
  });

  test('a list item is its own context, not the whole list', () => {
    const text = lines('- one [[a]]', '- two [[b]]', '  continued');
    assert.deepStrictEqual(contexts(text), ['one [[a]]', lines('two [[b]]', '  continued')]);
  });

  test('a nested item is its own context', () => {
    const text = lines('- parent [[a]]', '  - child [[b]]', '    - grandchild [[c]]');
    assert.deepStrictEqual(contexts(text), ['parent [[a]]', 'child [[b]]', 'grandchild [[c]]']);
  });

  test('an ordered item too', () => {
    assert.deepStrictEqual(contexts(lines('1. first', '2) second [[x]]')), ['second [[x]]']);
  });

  test('a paragraph in a blockquote is the context, and its links and tags are found', () => {
    const text = lines('> Quoted [[a]]', '> still quoted #t', '', 'outside');
    assert.deepStrictEqual(contexts(text), [lines('Quoted [[a]]', '> still quoted #t')]);
    assert.deepStrictEqual(tagNames(text), ['t']);
  });

  test('lazy continuation lines belong to the quoted paragraph', () => {
    assert.deepStrictEqual(contexts(lines('> quoted', 'lazy [[a]]')), [lines('quoted', 'lazy [[a]]')]);
  });

  test('nested blockquotes and lists inside quotes', () => {
    assert.deepStrictEqual(targets(lines('> > deep [[a]]', '> - item [[b]]')), ['a', 'b']);
  });

  test('a table cell has its row as context', () => {
    const text = lines('| a | b |', '|---|---|', '| x | [[y]] |');
    assert.deepStrictEqual(contexts(text), ['| x | [[y]] |']);
  });

  test('items of one paragraph share one context', () => {
    const syntax = scan('[[a]] and [[b]] #t');
    assert.strictEqual(syntax.links[0].context, syntax.links[1].context);
    assert.strictEqual(syntax.tags[0].context, syntax.links[0].context);
  });

  test('the seed note: the Backlinks paragraph is the context of its links', () => {
    const text = lines(
      'Backlinks',
      '- [[gpt3]]',
      '- This is a 175b-parameter language model. (see [[transformers]]) and #BERT.',
      'Episode with Ilya',
    );
    assert.deepStrictEqual(contexts(text), [
      '[[gpt3]]',
      lines('This is a 175b-parameter language model. (see [[transformers]]) and #BERT.', 'Episode with Ilya'),
    ]);
  });
});
