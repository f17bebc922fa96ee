import * as assert from 'assert';
import { lines, scan, tagNames, targets, textOf } from './helpers';

const fm = (...yaml: string[]) => scan(lines('---', ...yaml, '---', 'Body')).frontmatter;

suite('scanner: frontmatter', () => {
  test('YAML between --- lines at the top is frontmatter; its range covers both fences', () => {
    const text = lines('---', 'title: Attention', '---', 'Body');
    const syntax = scan(text);
    assert.strictEqual(textOf(text, syntax.frontmatter!.range), lines('---', 'title: Attention', '---'));
  });

  test('title is read, and is the note title', () => {
    const syntax = scan(lines('---', 'title: Attention Is All You Need', '---', '# Another'));
    assert.strictEqual(syntax.frontmatter?.title, 'Attention Is All You Need');
    assert.strictEqual(syntax.title, 'Attention Is All You Need');
  });

  test('aliases as a flow list, with quotes', () => {
    assert.deepStrictEqual(fm('aliases: [transformer paper, "AIAYN", \'Vaswani 2017\']')?.aliases, ['transformer paper', 'AIAYN', 'Vaswani 2017']);
  });

  test('aliases as a block list, indented or not', () => {
    assert.deepStrictEqual(fm('aliases:', '  - one', '- two')?.aliases, ['one', 'two']);
  });

  test('aliases as a single string', () => {
    assert.deepStrictEqual(fm('aliases: The Paper')?.aliases, ['The Paper']);
  });

  test('alias is accepted too', () => {
    assert.deepStrictEqual(fm('alias: [a]', 'aliases: [b]')?.aliases, ['a', 'b']);
  });

  test('tags as a list, with or without #', () => {
    assert.deepStrictEqual(fm('tags: [ml, "#nlp", ml/transformers]')?.tags, ['ml', 'nlp', 'ml/transformers']);
  });

  test('tags as a string of words, and tag: too', () => {
    assert.deepStrictEqual(fm('tags: ml, research', 'tag: draft')?.tags, ['ml', 'research', 'draft']);
  });

  test('frontmatter tags become tags with source frontmatter, first, with the value as range', () => {
    const text = lines('---', 'tags:', '  - ml', '---', '#inline');
    const syntax = scan(text);
    assert.deepStrictEqual(
      syntax.tags.map((t) => [t.name, t.source, textOf(text, t.range)]),
      [
        ['ml', 'frontmatter', 'ml'],
        ['inline', 'inline', '#inline'],
      ],
    );
    assert.strictEqual(textOf(text, syntax.tags[0].context), lines('---', 'tags:', '  - ml', '---'));
  });

  test('a value that is no valid tag is left out of the tags', () => {
    assert.deepStrictEqual(fm('tags: [1984, ok, "two words"]')?.tags, ['ok']);
  });

  test('double-quoted strings take escapes; single-quoted take doubled quotes', () => {
    assert.deepStrictEqual(fm('title: "A \\"quoted\\" \\u00e9"', "aliases: ['it''s']"), {
      range: fm('title: "A \\"quoted\\" \\u00e9"', "aliases: ['it''s']")!.range,
      title: 'A "quoted" é',
      aliases: ["it's"],
      tags: [],
    });
  });

  test('comments are ignored', () => {
    const front = fm('# a comment', 'title: Real # trailing comment', 'tags: [a] # more');
    assert.deepStrictEqual([front?.title, front?.tags], ['Real', ['a']]);
  });

  test('other keys are ignored, whatever their shape', () => {
    const front = fm('created: 2024-01-02', 'nested:', '  deep: [1, {a: b}]', 'text: |', '  many', '  lines', 'title: T');
    assert.deepStrictEqual([front?.title, front?.error], ['T', undefined]);
  });

  test('a shape the reader cannot take sets error naming the line, and the body is still scanned', () => {
    const syntax = scan(lines('---', 'title: ok', 'tags:', '  nested: map', '---', 'Body [[link]] #tag'));
    assert.strictEqual(syntax.frontmatter?.error, 'line 4: tags: a nested value (only a text or a list of texts is read)');
    assert.deepStrictEqual([syntax.frontmatter?.title, syntax.frontmatter?.tags, syntax.title], [undefined, [], undefined]);
    assert.deepStrictEqual([syntax.links.map((l) => l.target), syntax.tags.map((t) => t.name)], [['link'], ['tag']]);
  });

  test('a block scalar title is refused with its line', () => {
    assert.strictEqual(fm('title: |', '  long')?.error, 'line 2: title: a block scalar (| or >); write the value on one line');
  });

  test('an unclosed flow list is refused', () => {
    assert.strictEqual(fm('tags: [a, b')?.error, 'line 2: tags: a [list] that does not end on its line (put it on one line)');
  });

  test('a line that is no key is refused', () => {
    assert.strictEqual(fm('just text')?.error, 'line 2: expected "key: value"');
  });

  test('an unclosed --- block is not frontmatter', () => {
    const syntax = scan(lines('---', 'title: x', 'text #tag'));
    assert.deepStrictEqual([syntax.frontmatter, tagNames(lines('---', 'title: x', 'text #tag'))], [undefined, ['tag']]);
  });

  test('--- that does not start the note is not frontmatter', () => {
    assert.strictEqual(scan(lines('', '---', 'title: x', '---')).frontmatter, undefined);
  });

  test('... closes frontmatter as --- does', () => {
    assert.strictEqual(scan(lines('---', 'title: x', '...', 'body')).frontmatter?.title, 'x');
  });

  test('nothing in frontmatter is a link or an inline tag', () => {
    const text = lines('---', 'related: "[[attention]]"', 'note: "#draft"', '---', 'body');
    assert.deepStrictEqual([targets(text), tagNames(text)], [[], []]);
  });

  test('frontmatter after a BOM is read', () => {
    assert.strictEqual(scan('\ufeff' + lines('---', 'title: x', '---')).frontmatter?.title, 'x');
  });

  test('without a frontmatter title, the first level-1 heading is the title', () => {
    assert.strictEqual(scan(lines('## Not this', 'Intro', '# This one', '# Not this')).title, 'This one');
  });

  test('a setext === heading counts as a level-1 title', () => {
    assert.strictEqual(scan(lines('The Title', '===')).title, 'The Title');
  });

  test('a note without title or H1 has no title (the index uses the file name)', () => {
    assert.strictEqual(scan('just text').title, undefined);
  });
});
