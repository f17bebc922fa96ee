import * as assert from 'assert';
import { createMarkdown } from '../../../../src/core/render/markdown';
import type { RenderEnv, ResolvedHref } from '../../../../src/core/render/types';
import { lines } from './lines';

const md = createMarkdown();
const inline = (text: string, env: RenderEnv = {}) => md.renderInline(text, env);
const resolveTo = (result: ResolvedHref): RenderEnv => ({ resolveLink: () => result });

suite('render: wiki-links', () => {
  test('[[target]] is a wikilink anchor showing the target', () => {
    assert.strictEqual(
      inline('see [[attention]]'),
      'see <a class="wikilink" data-target="attention" href="attention">attention</a>',
    );
  });

  test('the text after | is the label', () => {
    assert.strictEqual(
      inline('[[attention|the paper]]'),
      '<a class="wikilink" data-target="attention" href="attention">the paper</a>',
    );
  });

  test('#Heading goes to data-heading and the fragment', () => {
    assert.strictEqual(
      inline('[[attention#Results]]'),
      '<a class="wikilink" data-target="attention" data-heading="Results" href="attention#Results">attention#Results</a>',
    );
  });

  test('#^id is a block reference, not a heading', () => {
    assert.strictEqual(
      inline('[[attention#^quote-1|q]]'),
      '<a class="wikilink" data-target="attention" data-block="quote-1" href="attention#%5Equote-1">q</a>',
    );
  });

  test('[[#Heading]] links within the same note', () => {
    assert.strictEqual(
      inline('[[#Results]]'),
      '<a class="wikilink" data-target="" data-heading="Results" href="#Results">#Results</a>',
    );
  });

  test('a target keeps its folders and .md', () => {
    assert.strictEqual(
      inline('[[papers/attention.md]]'),
      '<a class="wikilink" data-target="papers/attention.md" href="papers/attention.md">papers/attention.md</a>',
    );
  });

  test('target, heading and label are trimmed', () => {
    assert.strictEqual(
      inline('[[ attention # Results | paper ]]'),
      '<a class="wikilink" data-target="attention" data-heading="Results" href="attention#Results">paper</a>',
    );
  });

  test('the resolver in env gives the href, and is asked with target and heading', () => {
    const asked: unknown[] = [];
    const env: RenderEnv = {
      resolveLink: (target, fragment) => {
        asked.push([target, fragment]);
        return { href: 'vault/papers/attention.md#results', exists: true };
      },
    };
    assert.strictEqual(
      inline('[[attention#Results]]', env),
      '<a class="wikilink" data-target="attention" data-heading="Results" href="vault/papers/attention.md#results">attention#Results</a>',
    );
    assert.deepStrictEqual(asked, [['attention', 'Results']]);
  });

  test('the resolver is asked for a block with its caret', () => {
    const asked: unknown[] = [];
    inline('[[a#^id]]', { resolveLink: (t, f) => (asked.push([t, f]), undefined) });
    assert.deepStrictEqual(asked, [['a', '^id']]);
  });

  test('an unresolved link gets the class "wikilink missing"', () => {
    assert.strictEqual(
      inline('[[bitter-lesson]]', resolveTo({ href: '#', exists: false })),
      '<a class="wikilink missing" data-target="bitter-lesson" href="#" title="Not written yet: bitter-lesson">bitter-lesson</a>',
    );
  });

  test('an ambiguous link says so in its class', () => {
    assert.match(inline('[[notes]]', resolveTo({ href: 'a/notes.md', exists: true, ambiguous: true })), /class="wikilink ambiguous"/);
  });

  test('[[]] and [[ ]] and [[|label]] are not links', () => {
    assert.strictEqual(inline('[[]] [[ ]] [[|label]] [[#]]'), '[[]] [[ ]] [[|label]] [[#]]');
  });

  test('a link does not run over a line break', () => {
    assert.strictEqual(md.render(lines('[[atten', 'tion]]')), '<p>[[atten\ntion]]</p>\n');
  });

  test('\\[[ is not a link', () => {
    assert.strictEqual(inline('\\[[attention]]'), '[[attention]]');
  });

  test('an escaped backslash before [[ leaves the link a link', () => {
    assert.strictEqual(
      inline('\\\\[[a]]'),
      '\\<a class="wikilink" data-target="a" href="a">a</a>',
    );
  });

  test('an unclosed [[ before a link leaves the inner link a link', () => {
    assert.strictEqual(inline('[[a [[b]]'), '[[a <a class="wikilink" data-target="b" href="b">b</a>');
  });

  test('a link inside a code span is not a link', () => {
    assert.strictEqual(inline('`[[attention]]`'), '<code>[[attention]]</code>');
  });

  test('\\| separates the label inside a table cell', () => {
    const html = md.render(lines('| paper | note |', '|---|---|', '| [[attention\\|the paper]] | x |'));
    assert.match(html, /<td><a class="wikilink" data-target="attention" href="attention">the paper<\/a><\/td>/);
  });

  test('an unescaped | inside a table splits the cell, as GFM says', () => {
    const html = md.render(lines('| a | b |', '|---|---|', '| [[x|y]] |'));
    assert.doesNotMatch(html, /wikilink/);
  });

  test('\\| separates the label outside tables too', () => {
    assert.strictEqual(inline('[[attention\\|paper]]'), '<a class="wikilink" data-target="attention" href="attention">paper</a>');
  });

  test('a link to an attachment is a wikilink like any other', () => {
    assert.strictEqual(inline('[[paper.pdf]]'), '<a class="wikilink" data-target="paper.pdf" href="paper.pdf">paper.pdf</a>');
  });
});

suite('render: embeds', () => {
  test('![[note]] is an embed placeholder', () => {
    assert.strictEqual(inline('![[attention]]'), '<div class="embed" data-target="attention">attention</div>');
  });

  test('an embed keeps its heading', () => {
    assert.strictEqual(
      inline('![[attention#Results]]'),
      '<div class="embed" data-target="attention" data-heading="Results">attention#Results</div>',
    );
  });

  test('![[paper.pdf#page=3]] is a placeholder carrying the page', () => {
    assert.strictEqual(
      inline('![[paper.pdf#page=3]]'),
      '<div class="embed" data-target="paper.pdf" data-heading="page=3">paper.pdf#page=3</div>',
    );
  });

  test('an image embed is an <img> with the width after |', () => {
    assert.strictEqual(
      inline('![[figure.png|300]]'),
      '<img class="embed-image" src="figure.png" alt="figure.png" data-target="figure.png" width="300">',
    );
  });

  test('an image embed takes widthxheight', () => {
    assert.match(inline('![[figure.png|300x200]]'), / width="300" height="200">$/);
  });

  test('an image embed label that is not a size is its alt text', () => {
    assert.match(inline('![[figure.png|Attention map]]'), / alt="Attention map" /);
  });

  test('an image embed takes its src from the resolver', () => {
    assert.match(inline('![[figure.png]]', resolveTo({ href: 'media/figure.png', exists: true })), / src="media\/figure.png" /);
  });

  test('a missing image is a missing embed, not a broken <img>', () => {
    assert.strictEqual(
      inline('![[figure.png]]', resolveTo({ href: '#', exists: false })),
      '<div class="embed missing" data-target="figure.png">figure.png</div>',
    );
  });

  test('![[]] is not an embed', () => {
    assert.strictEqual(inline('![[]]'), '![[]]');
  });
});

suite('render: hostile link text', () => {
  test('a target with markup is escaped everywhere it appears', () => {
    assert.strictEqual(
      inline('[[<script>alert(1)</script>]]'),
      '<a class="wikilink" data-target="&lt;script&gt;alert(1)&lt;/script&gt;" href="%3Cscript%3Ealert(1)%3C/script%3E">&lt;script&gt;alert(1)&lt;/script&gt;</a>',
    );
  });

  test('a quote in a target cannot close the attribute', () => {
    const html = inline('[[a" onmouseover="x]]');
    assert.doesNotMatch(html, /" onmouseover="/);
    assert.match(html, /data-target="a&quot; onmouseover=&quot;x"/);
  });

  test('a label with markup is text', () => {
    assert.strictEqual(inline('[[a|<b onclick="x">b</b>]]'), '<a class="wikilink" data-target="a" href="a">&lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt;</a>');
  });

  test('a javascript: target never becomes an href', () => {
    assert.strictEqual(
      inline('[[javascript:alert(1)]]'),
      '<a class="wikilink" data-target="javascript:alert(1)" href="#">javascript:alert(1)</a>',
    );
  });

  test('a javascript: href from the resolver is refused, even with a tab inside', () => {
    assert.match(inline('[[a]]', resolveTo({ href: 'java\tscript:alert(1)', exists: true })), / href="#">/);
  });

  test('an image embed never takes a script src', () => {
    const html = inline('![[x.png]]', resolveTo({ href: 'javascript:alert(1)//.png', exists: true }));
    assert.match(html, / src="" /);
  });

  test('a hostile embed target is escaped in the placeholder', () => {
    assert.strictEqual(
      inline('![[<img src=x onerror=alert(1)>]]'),
      '<div class="embed" data-target="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</div>',
    );
  });
});
