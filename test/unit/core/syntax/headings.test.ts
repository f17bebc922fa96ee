import * as assert from 'assert';
import { at, lines, scan, textOf } from './helpers';

const headings = (text: string) => scan(text).headings.map((h) => [h.level, h.text, h.slug]);

suite('scanner: headings', () => {
  test('ATX headings of levels 1 to 6', () => {
    assert.deepStrictEqual(headings(lines('# One', '## Two', '###### Six')), [
      [1, 'One', 'one'],
      [2, 'Two', 'two'],
      [6, 'Six', 'six'],
    ]);
  });

  test('seven # are no heading', () => {
    assert.deepStrictEqual(headings('####### Seven'), []);
  });

  test('#Word is no heading (a space must follow the #s)', () => {
    assert.deepStrictEqual(headings('#hashtag'), []);
  });

  test('closing #s are stripped, unless glued to the text', () => {
    assert.deepStrictEqual(headings(lines('## Title ##', '## C# ##', '## Issue #1')), [
      [2, 'Title', 'title'],
      [2, 'C#', 'c'],
      [2, 'Issue #1', 'issue-1'],
    ]);
  });

  test('up to 3 spaces of indent; 4 make code', () => {
    assert.deepStrictEqual(headings(lines('   # Indented', '', '    # Code')), [[1, 'Indented', 'indented']]);
  });

  test('setext headings: === is level 1, --- is level 2, over a paragraph line', () => {
    assert.deepStrictEqual(headings(lines('Title', '=====', '', 'Sub', '---')), [
      [1, 'Title', 'title'],
      [2, 'Sub', 'sub'],
    ]);
  });

  test('--- after a blank line is a thematic break, not a heading', () => {
    assert.deepStrictEqual(headings(lines('Text', '', '---')), []);
  });

  test('a heading range covers the whole line; setext both lines', () => {
    const text = lines('## Two ##', 'Sub', '===');
    const [two, sub] = scan(text).headings;
    assert.strictEqual(textOf(text, two.range), '## Two ##');
    assert.strictEqual(at(sub.range), '1:0-2:3');
  });

  test("GitHub's slug: lowercase, punctuation dropped, spaces to -", () => {
    assert.deepStrictEqual(
      scan(lines('# Key Ideas: (part 1)!', '# snake_case and kebab-case', '# `code` *em* [[x]]')).headings.map((h) => h.slug),
      ['key-ideas-part-1', 'snake_case-and-kebab-case', 'code-em-x'],
    );
  });

  test('slugs keep letters of every script and drop emoji', () => {
    assert.deepStrictEqual(
      scan(lines('# Привет non-latin 你好', '# 🚀 Launch', '# Ünïcödé')).headings.map((h) => h.slug),
      ['привет-non-latin-你好', '-launch', 'ünïcödé'],
    );
  });

  test('repeated slugs get -1, -2', () => {
    assert.deepStrictEqual(
      scan(lines('# Notes', '## Notes', '### Notes', '# Notes 1')).headings.map((h) => h.slug),
      ['notes', 'notes-1', 'notes-2', 'notes-1-1'],
    );
  });

  test('a heading inside a blockquote or list item counts', () => {
    assert.deepStrictEqual(headings(lines('> # Quoted', '', '- ## Listed')), [
      [1, 'Quoted', 'quoted'],
      [2, 'Listed', 'listed'],
    ]);
  });

  test('links and tags in a heading are found, with the heading as context', () => {
    const text = '## About [[attention]] #ml';
    const syntax = scan(text);
    assert.deepStrictEqual([syntax.links[0].target, syntax.tags[0].name], ['attention', 'ml']);
    assert.strictEqual(textOf(text, syntax.links[0].context), text);
  });
});
