import * as assert from 'assert';
import { at, lines, scan, tagNames, textOf } from './helpers';

suite('scanner: inline tags', () => {
  test('#tag at the start of a line is a tag', () => {
    assert.deepStrictEqual(tagNames('#attention'), ['attention']);
  });

  test('a tag may follow whitespace or (', () => {
    assert.deepStrictEqual(tagNames('via #attention, (#ml) and\t#nlp'), ['attention', 'ml', 'nlp']);
  });

  test('# inside a word or after other punctuation starts no tag', () => {
    assert.deepStrictEqual(tagNames('C#sharp a#b "#q" [#x] /#y'), []);
  });

  test('nested tags keep their slashes', () => {
    assert.deepStrictEqual(tagNames('#ml/transformers/attention'), ['ml/transformers/attention']);
  });

  test('a trailing / is not part of the tag', () => {
    assert.deepStrictEqual(tagNames('#ml/ and #a//'), ['ml', 'a']);
  });

  test('a tag ends at anything that is not a tag character (#a.b is #a)', () => {
    assert.deepStrictEqual(tagNames('#a.b #c,d #e:f #g!'), ['a', 'c', 'e', 'g']);
  });

  test('digits, _ and - are tag characters', () => {
    assert.deepStrictEqual(tagNames('#reinforcement_learning #gpt-3 #2024-notes'), ['reinforcement_learning', 'gpt-3', '2024-notes']);
  });

  test('a tag needs one character that is not a digit (#1984 is no tag)', () => {
    assert.deepStrictEqual(tagNames('#1984 #42/7 #1984a'), ['1984a']);
  });

  test('letters of any script are tag characters', () => {
    assert.deepStrictEqual(tagNames('#внимание #注意力 #انتباه #naïve #ελληνικά'), ['внимание', '注意力', 'انتباه', 'naïve', 'ελληνικά']);
  });

  test('emoji are tag characters, whole (surrogate pairs, joiners, variation selectors)', () => {
    assert.deepStrictEqual(tagNames('#🚀 #idea💡 #❤️ #👩‍💻'), ['🚀', 'idea💡', '❤️', '👩‍💻']);
  });

  test('# Heading is a heading, not a tag', () => {
    const syntax = scan('# Heading');
    assert.deepStrictEqual([syntax.tags, syntax.headings.length], [[], 1]);
  });

  test('# followed by a space is no tag, and #x right after a heading marker is a tag', () => {
    assert.deepStrictEqual(tagNames('a # b'), []);
    assert.deepStrictEqual(tagNames('## Section #todo'), ['todo']);
  });

  test('\\#tag is no tag', () => {
    assert.deepStrictEqual(tagNames('\\#escaped'), []);
  });

  test('a tag in a blockquote, list item and table cell is found', () => {
    assert.deepStrictEqual(tagNames(lines('> #quoted', '', '- #listed', '', '|#cell|b|', '|-|-|')), ['quoted', 'listed', 'cell']);
  });

  test('the range covers # and the name, in UTF-16 units', () => {
    const text = 'x #идея🚀 y';
    const [tag] = scan(text).tags;
    assert.strictEqual(textOf(text, tag.range), '#идея🚀');
    assert.strictEqual(at(tag.range), '0:2-0:9');
  });

  test('inline tags are reported with source inline and in text order', () => {
    const syntax = scan(lines('#b', 'then #a'));
    assert.deepStrictEqual(
      syntax.tags.map((t) => [t.name, t.source]),
      [
        ['b', 'inline'],
        ['a', 'inline'],
      ],
    );
  });
});
