import * as assert from 'assert';
import { lines, scan, targets, textOf } from './helpers';

suite('scanner: block ids', () => {
  test('^id at the end of a paragraph names the paragraph', () => {
    const text = lines('Intro.', '', 'A claim worth quoting', 'over two lines. ^quote-1', '', 'After.');
    const [id] = scan(text).blockIds;
    assert.strictEqual(id.id, 'quote-1');
    assert.strictEqual(textOf(text, id.range), '^quote-1');
    assert.strictEqual(textOf(text, id.block), lines('A claim worth quoting', 'over two lines. ^quote-1'));
  });

  test('^id at the end of a list item names the item, with its sub-items', () => {
    const text = lines('- first', '- second ^item', '  - child', '- third');
    const [id] = scan(text).blockIds;
    assert.strictEqual(textOf(text, id.block), lines('- second ^item', '  - child'));
  });

  test('^id of a nested item names only that item', () => {
    const text = lines('- parent', '  - child ^kid', '- next');
    assert.strictEqual(textOf(text, scan(text).blockIds[0].block), '- child ^kid');
  });

  test('^id not at the end, or glued to a word, is no block id', () => {
    assert.deepStrictEqual(scan(lines('a ^mid text', '', 'word^glued', '', 'x ^bad_char')).blockIds, []);
  });

  test('a block id takes letters, digits and -', () => {
    assert.deepStrictEqual(scan('Text ^Block-2024').blockIds.map((b) => b.id), ['Block-2024']);
  });
});

suite('scanner: footnotes', () => {
  test('[^label] refers to a footnote defined by [^label]: text', () => {
    const text = lines('A claim[^1] and another[^note].', '', '[^1]: The source.', '[^note]: More.');
    assert.deepStrictEqual(
      scan(text).footnotes.map((f) => [f.kind, f.label, textOf(text, f.range)]),
      [
        ['ref', '1', '[^1]'],
        ['ref', 'note', '[^note]'],
        ['definition', '1', '[^1]'],
        ['definition', 'note', '[^note]'],
      ],
    );
  });

  test('[^1](note.md) is a link, not a footnote reference (links are tried first)', () => {
    const syntax = scan(lines('[^1](note.md)', '', '[^1]: The source here.'));
    assert.deepStrictEqual([syntax.links.map((l) => l.target), syntax.footnotes.map((f) => f.kind)], [['note.md'], ['definition']]);
  });

  test('a reference to a footnote defined nowhere is plain text', () => {
    assert.deepStrictEqual(scan('A claim[^missing].').footnotes, []);
  });

  test('^[text] is an inline footnote', () => {
    const text = 'A claim^[Said by [[someone]].] here.';
    const syntax = scan(text);
    assert.deepStrictEqual(
      syntax.footnotes.map((f) => [f.kind, f.label, textOf(text, f.range)]),
      [['inline', '', '^[Said by [[someone]].]']],
    );
    assert.deepStrictEqual(targets(text), ['someone']);
  });

  test('an inline footnote may hold brackets', () => {
    const text = 'x^[see [a] and [b]] y';
    assert.strictEqual(textOf(text, scan(text).footnotes[0].range), '^[see [a] and [b]]');
  });

  test('links in a footnote definition are found, the definition as context', () => {
    const text = lines('Text[^1].', '', '[^1]: See [[source]] for more.');
    const [link] = scan(text).links;
    assert.strictEqual(link.target, 'source');
    assert.strictEqual(textOf(text, link.context), 'See [[source]] for more.');
  });

  test('a footnote definition continues on lines indented by 4', () => {
    const text = lines('[^1]: First paragraph.', '', '    Second paragraph with [[inside]].', '', 'Outside [[out]].');
    assert.deepStrictEqual(targets(text), ['inside', 'out']);
  });
});
