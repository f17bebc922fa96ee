import * as assert from 'assert';
import { createMarkdown } from '../../../../src/core/render/markdown';
import { lines } from './lines';

const md = createMarkdown();

/** KaTeX's markup is long; these tests look for the parts that say what was drawn. */
const isInlineMath = (html: string) => html.includes('class="katex"') && !html.includes('katex-display');
const isDisplayMath = (html: string) => html.includes('katex-display');
/** The TeX source KaTeX keeps in its MathML annotation. */
const annotations = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)</g)].map((m) => m[1]);

suite('render: math', () => {
  test('$..$ is inline math', () => {
    assert.ok(isInlineMath(md.renderInline('$x^2$')));
  });

  test('$$..$$ on its own lines is display math', () => {
    assert.ok(isDisplayMath(md.render(lines('$$', 'x^2', '$$'))));
  });

  test('\\(..\\) is inline math', () => {
    const html = md.renderInline('pairs \\(K,V \\in \\mathbb{R}^{n}\\) here');
    assert.ok(isInlineMath(html));
    assert.deepStrictEqual(annotations(html), ['K,V \\in \\mathbb{R}^{n}']);
  });

  test('\\[..\\] inside a paragraph is display math', () => {
    const html = md.renderInline('so \\[x^2\\] holds');
    assert.ok(isDisplayMath(html));
    assert.deepStrictEqual(annotations(html), ['x^2']);
  });

  test('\\[ on its own line opens a display block that \\] closes', () => {
    const html = md.render(lines('\\[', 'a = b', '\\]'));
    assert.ok(html.startsWith('<p class="katex-block">'));
    assert.deepStrictEqual(annotations(html), ['a = b']);
  });

  test('a \\[ block inside a quote keeps the quote marker out of the TeX', () => {
    const html = md.render(lines('> \\[', '> a = b', '> \\]'));
    assert.deepStrictEqual(annotations(html), ['a = b']);
  });

  test('a \\[ block interrupts a paragraph', () => {
    const html = md.render(lines('text', '\\[', 'a', '\\]'));
    assert.match(html, /^<p>text<\/p>\n<p class="katex-block">/);
  });

  test('\\[ without its \\] is text', () => {
    assert.strictEqual(md.render(lines('\\[', 'a')), '<p>[\na</p>\n');
  });

  test('\\(..\\) may span lines of one paragraph', () => {
    assert.deepStrictEqual(annotations(md.render(lines('\\(a +', 'b\\)'))), ['a +\nb']);
  });

  test('an escaped backslash is not a math delimiter', () => {
    assert.strictEqual(md.renderInline('\\\\(x\\\\)'), '\\(x\\)');
  });

  test('\\\\) inside math is TeX, not the closer', () => {
    assert.deepStrictEqual(annotations(md.renderInline('\\(a \\\\) b\\)')), ['a \\\\) b']);
  });

  test('\\( without its \\) is text', () => {
    assert.strictEqual(md.renderInline('\\(x'), '(x');
  });

  test('raw HTML inside \\(..\\) comes out escaped', () => {
    const html = md.renderInline('\\(<img src=x onerror=alert(1)>\\)');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('a broken formula is an escaped error mark', () => {
    const html = md.renderInline('\\(\\frac{<b>\\)');
    assert.match(html, /class="katex-error"/);
    assert.doesNotMatch(html, /<b>/);
  });

  test('a broken $$ block is an error mark too', () => {
    assert.match(md.render(lines('$$', '\\frac{', '$$')), /katex-error/);
  });

  test('\\href is inert: KaTeX runs with trust off', () => {
    const html = md.renderInline('\\(\\href{javascript:alert(1)}{x}\\)');
    assert.doesNotMatch(html, /href="javascript/);
  });

  test('sizes are capped by maxSize', () => {
    const html = md.renderInline('$\\rule{500em}{500em}$');
    assert.match(html, /border-right-width:10em/);
    assert.doesNotMatch(html, /width:500em/);
  });

  test('a broken formula shows its own source, escaped, in the error mark', () => {
    assert.match(md.renderInline('\\(\\frac{<b>\\)'), /class="katex-error"[^>]*>\\frac\{&lt;b&gt;<\/span>/);
  });

  test('characters LaTeX lacks render without a console warning', () => {
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      md.renderInline('$é → ü$');
    } finally {
      console.warn = warn;
    }
    assert.deepStrictEqual(warned, []);
  });

  test('a macro that expands forever is an error, not a hang (maxExpand)', () => {
    assert.match(md.renderInline('$\\def\\a{\\a}\\a$'), /katex-error/);
  });

  test('no link and no tag is found inside math', () => {
    const html = md.renderInline('\\(#x [[y]]\\) $#z [[w]]$');
    assert.doesNotMatch(html, /class="(wikilink|tag)"/);
  });
});
