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

  test('a nested map under tags drops only the tags, not the other fields', () => {
    const syntax = scan(lines('---', 'title: ok', 'tags:', '  nested: map', 'aliases: [a]', '---', 'Body [[link]] #tag'));
    assert.deepStrictEqual([syntax.frontmatter?.error, syntax.frontmatter?.title, syntax.frontmatter?.tags, syntax.frontmatter?.aliases], [undefined, 'ok', [], ['a']]);
    assert.deepStrictEqual([syntax.links.map((l) => l.target), syntax.tags.map((t) => t.name)], [['link'], ['tag']]);
  });

  test('a block scalar title is read as YAML reads it', () => {
    assert.strictEqual(fm('title: |', '  long', 'tags: [x]')?.title, 'long');
  });

  test('a list title gives its first string; the other fields stay', () => {
    const front = fm('title:', '  - First', '  - Second', 'tags: [x]', 'aliases: y');
    assert.deepStrictEqual([front?.title, front?.tags, front?.aliases], ['First', ['x'], ['y']]);
  });

  test('a title over two lines, a date and a number beside it keep tags and aliases', () => {
    const front = fm('title: "two', '  lines"', 'created: 2024-03-01', 'rating: 4', 'tags: [x]', 'aliases: [y]');
    assert.deepStrictEqual([front?.title, front?.tags, front?.aliases, front?.error], ['two lines', ['x'], ['y'], undefined]);
  });

  test('a date or a number as title is its text as written', () => {
    assert.deepStrictEqual([fm('title: 2024-03-01')?.title, fm('title: 1984')?.title], ['2024-03-01', '1984']);
  });

  test('invalid YAML sets one error naming the line, keeps no fields, and the body is still scanned', () => {
    const syntax = scan(lines('---', 'title: T', 'tags: [a, b', '---', 'Body [[link]] #tag'));
    assert.match(syntax.frontmatter?.error ?? '', /^line \d+: /);
    assert.deepStrictEqual([syntax.frontmatter?.title, syntax.frontmatter?.tags, syntax.links.map((l) => l.target), syntax.tags.map((t) => t.name)], [undefined, [], ['link'], ['tag']]);
  });

  test('a line that is no key in an otherwise valid document is YAML\'s business: a lone word is invalid', () => {
    const front = fm('title: x', 'just text');
    assert.deepStrictEqual([front?.error, front?.errorLine], ['line 3: Implicit map keys need to be followed by map values', 2]);
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

  test('nothing in frontmatter is an inline tag', () => {
    const text = lines('---', 'note: "#draft"', '---', 'body');
    assert.deepStrictEqual(tagNames(text), []);
  });

  test('a property whose value is a quoted wiki-link is a link, with its property and exact range', () => {
    const text = lines('---', 'related: "[[Movies]]"', '---', 'body');
    const [link] = scan(text).links;
    assert.deepStrictEqual([link.kind, link.target, link.property, textOf(text, link.range), textOf(text, link.targetRange), textOf(text, link.context)], ['wiki', 'Movies', 'related', '[[Movies]]', 'Movies', 'related: "[[Movies]]"']);
  });

  test('a list of quoted wiki-links is one link per item', () => {
    const text = lines('---', 'director:', '  - "[[Ridley Scott]]"', "  - '[[Fancher|H. F.]]'", '---');
    assert.deepStrictEqual(scan(text).links.map((l) => [l.target, l.label, l.property, textOf(text, l.range)]), [
      ['Ridley Scott', undefined, 'director', '[[Ridley Scott]]'],
      ['Fancher', 'H. F.', 'director', '[[Fancher|H. F.]]'],
    ]);
  });

  test('an unquoted key: [[X]] (a list in a list to YAML) is a link, as Obsidian reads it', () => {
    const text = lines('---', 'up: [[Index]]', 'tags: [a]', '---');
    const syntax = scan(text);
    assert.deepStrictEqual([syntax.links.map((l) => [l.target, textOf(text, l.range)]), syntax.frontmatter?.tags], [[['Index', '[[Index]]']], ['a']]);
  });

  test('a link inside longer text, a tag list or a link in a comment is no property link', () => {
    assert.deepStrictEqual(targets(lines('---', 'review: "see [[X]] there"', 'aliases: ["[[Y]]"]', '# up: "[[Z]]"', '---')), []);
  });

  test('property links come first, then the body links', () => {
    assert.deepStrictEqual(targets(lines('---', 'up: "[[A]]"', '---', '[[B]]')), ['A', 'B']);
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
