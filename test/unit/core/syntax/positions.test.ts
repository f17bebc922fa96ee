import * as assert from 'assert';
import { at, lines, scan, tagNames, targets, textOf } from './helpers';

suite('scanner: positions and line endings', () => {
  test('ranges give 0-based line and UTF-16 character, and offsets', () => {
    const text = lines('# Title', '', 'See [[a]] and #t.');
    const syntax = scan(text);
    assert.deepStrictEqual(syntax.links[0].range, {
      start: { line: 2, character: 4 },
      end: { line: 2, character: 9 },
      startOffset: 13,
      endOffset: 18,
    });
    assert.strictEqual(at(syntax.tags[0].range), '2:14-2:16');
  });

  test('CRLF: \\r\\n is one line break; characters on a line exclude \\r', () => {
    const text = '# T\r\n\r\nSee [[a]]\r\n#t\r\n';
    const syntax = scan(text);
    assert.deepStrictEqual([at(syntax.links[0].range), at(syntax.tags[0].range)], ['2:4-2:9', '3:0-3:2']);
    assert.deepStrictEqual([syntax.links[0].range.startOffset, syntax.lineCount], [11, 5]);
    assert.strictEqual(textOf(text, syntax.headings[0].range), '# T');
  });

  test('CRLF paragraphs, lists and fences read as with LF', () => {
    const text = ['- a [[x]]', '- b', '', '```', '[[no]]', '```', 'after [[y]]'].join('\r\n');
    assert.deepStrictEqual(targets(text), ['x', 'y']);
  });

  test('a lone \\r breaks lines too', () => {
    const syntax = scan('a\r[[b]]');
    assert.strictEqual(at(syntax.links[0].range), '1:0-1:5');
  });

  test('a BOM counts in offsets but not in the characters of line 0 (VS Code hides it)', () => {
    const text = '\ufeff# Title [[a]]';
    const syntax = scan(text);
    assert.deepStrictEqual([syntax.title, at(syntax.links[0].range), syntax.links[0].range.startOffset], ['Title a', '0:8-0:13', 9]);
  });

  test('tabs count as one character; they indent as tab stops of 4', () => {
    // `-\t` puts the item's text at column 4, so a tab-indented line after a blank stays in the item.
    assert.deepStrictEqual(targets(lines('-\t[[a]]', '', '\tstill the item [[b]]')), ['a', 'b']);
    assert.deepStrictEqual(targets(lines('Para', '', '\tcode [[no]]', '', 'after [[c]]')), ['c']);
    assert.strictEqual(at(scan('x\t[[a]]').links[0].range), '0:2-0:7');
  });

  test('emoji are two UTF-16 units each', () => {
    const syntax = scan('😀😀 [[a]]');
    assert.strictEqual(at(syntax.links[0].range), '0:5-0:10');
  });

  test('Cyrillic, CJK and Arabic notes', () => {
    const text = lines('# Внимание', 'Смотри [[трансформер]] #мл', '注意力 [[変換器|ラベル]] #深層学習', 'انظر [[المحول]] #تعلم');
    assert.deepStrictEqual(targets(text), ['трансформер', '変換器', 'المحول']);
    assert.deepStrictEqual(tagNames(text), ['мл', '深層学習', 'تعلم']);
    assert.strictEqual(at(scan(text).links[1].range), '2:4-2:15');
  });

  test('lineCount counts lines as VS Code does', () => {
    assert.deepStrictEqual([scan('').lineCount, scan('a').lineCount, scan('a\n').lineCount, scan('a\r\nb').lineCount], [1, 1, 2, 2]);
  });
});
