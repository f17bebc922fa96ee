import * as assert from 'assert';
import { collectLinksAndTags, createMarkdown } from '../../../../src/core/render/markdown';
import { lines } from './lines';

const md = createMarkdown();
const collect = (text: string) => collectLinksAndTags(md, text);

suite('render: the pipeline', () => {
  test('raw HTML is escaped by default', () => {
    assert.strictEqual(md.render('<b onclick="x">hi</b>'), '<p>&lt;b onclick=&quot;x&quot;&gt;hi&lt;/b&gt;</p>\n');
  });

  test('a bare URL stays text, and its #anchor is no tag', () => {
    assert.strictEqual(md.render('https://example.com/page#intro'), '<p>https://example.com/page#intro</p>\n');
  });

  test('a byte-order mark does not hide a first-line heading', () => {
    assert.strictEqual(md.render('\ufeff# Title'), '<h1>Title</h1>\n');
  });

  test('quotes are left as typed', () => {
    assert.strictEqual(md.render('"quoted" -- text'), '<p>&quot;quoted&quot; -- text</p>\n');
  });
});

suite('render: frontmatter', () => {
  test('frontmatter renders as nothing, not as a setext heading', () => {
    assert.strictEqual(md.render(lines('---', 'title: Attention', '---', 'Body')), '<p>Body</p>\n');
  });

  test('links and tags in frontmatter are not inline ones', () => {
    const found = collect(lines('---', 'related: "[[attention]]"', 'note: "#draft"', '---', '#real'));
    assert.deepStrictEqual(found, { links: [], tags: [{ name: 'real', line: 4 }] });
  });

  test('frontmatter after a byte-order mark is still frontmatter', () => {
    assert.strictEqual(md.render(lines('\ufeff---', 'title: x', '---', 'Body')), '<p>Body</p>\n');
  });

  test('the closing fence may be ...', () => {
    assert.strictEqual(md.render(lines('---', 'title: x', '...', 'Body')), '<p>Body</p>\n');
  });

  test('--- that is not closed is a thematic break', () => {
    assert.strictEqual(md.render(lines('---', 'text')), '<hr>\n<p>text</p>\n');
  });

  test('--- that does not start the note is not frontmatter', () => {
    assert.strictEqual(md.render(lines('', '---', 'a: b', '---')), '<hr>\n<h2>a: b</h2>\n');
  });
});

suite('render: HTML comments', () => {
  test('a comment block hides what it holds', () => {
    const text = lines('<!-- [[draft]]', '', '#todo -->', 'after');
    assert.strictEqual(md.render(text), '<p>after</p>\n');
    assert.deepStrictEqual(collect(text), { links: [], tags: [] });
  });

  test('an inline comment hides what it holds', () => {
    const text = 'see <!-- [[draft]] #todo --> [[real]]';
    assert.strictEqual(md.renderInline(text), 'see  <a class="wikilink" data-target="real" href="real">real</a>');
  });

  test('text after a comment on the line that opens a comment block stays visible, escaped', () => {
    assert.strictEqual(md.render('<!-- note --> <b>x</b>'), '<p>&lt;b&gt;x&lt;/b&gt;</p>\n');
  });

  test('an unclosed inline comment is text', () => {
    assert.strictEqual(md.renderInline('a <!-- b'), 'a &lt;!-- b');
  });

  test('a closed comment stays hidden when a later one on the line is unclosed', () => {
    // markdown-it scans `[a ...` ahead as a link label, which meets the unclosed comment first.
    assert.deepStrictEqual(collect('[a <!-- [[x]] --> <!-- b'), { links: [], tags: [] });
  });

  test('with html on, markdown-it reads comments itself and the sanitizer drops them', () => {
    const md = createMarkdown({ html: true });
    assert.strictEqual(md.render('<!-- [[x]] -->'), '');
    assert.deepStrictEqual(collectLinksAndTags(md, '<!-- [[x]] -->'), { links: [], tags: [] });
  });
});

suite('render: collectLinksAndTags', () => {
  test('reports wiki-links, embeds and tags with their parts and lines', () => {
    const found = collect(lines('# Title', '', 'See [[attention#Results|paper]] and', '![[figure.png|300]] #ml/transformers'));
    assert.deepStrictEqual(found, {
      links: [
        { kind: 'wiki', target: 'attention', heading: 'Results', label: 'paper', line: 2 },
        { kind: 'embed', target: 'figure.png', label: '300', line: 3 },
      ],
      tags: [{ name: 'ml/transformers', line: 3 }],
    });
  });

  test('a markdown link to a .md note counts, percent-decoded, with its heading and text', () => {
    assert.deepStrictEqual(collect('[the paper](papers/my%20note.md#Key%20Ideas)').links, [
      { kind: 'markdown', target: 'papers/my note.md', heading: 'Key Ideas', label: 'the paper', line: 0 },
    ]);
  });

  test('a markdown link label is reported as written', () => {
    assert.deepStrictEqual(collect('[**bold** text](a.md)').links[0]?.label, '**bold** text');
  });

  test('links to the web, to non-notes and images are not note links', () => {
    assert.deepStrictEqual(collect('[a](https://x.org/a.md) [b](b.pdf) ![c](c.md) [d](#local)').links, []);
  });

  test('a reference-style link to a note counts on the line of its use', () => {
    assert.deepStrictEqual(collect(lines('text', '[the paper][p]', '', '[p]: attention.md')).links, [
      { kind: 'markdown', target: 'attention.md', label: 'the paper', line: 1 },
    ]);
  });

  test('lines are right inside quotes, lists, headings and tables', () => {
    const text = lines(
      '> quoted', '> [[in-quote]]', '', '- item', '  - [[in-list]]', '', '## Heading #in-heading', '',
      '| a | b |', '|---|---|', '| x | [[in-table]] |',
    );
    const found = collect(text);
    assert.deepStrictEqual(found.links.map((l) => [l.target, l.line]), [['in-quote', 1], ['in-list', 4], ['in-table', 10]]);
    assert.deepStrictEqual(found.tags, [{ name: 'in-heading', line: 6 }]);
  });

  test('nothing is found in fenced or indented code', () => {
    assert.deepStrictEqual(collect(lines('```', '[[a]] #b', '```', '', '    [[c]] #d')), { links: [], tags: [] });
  });
});
