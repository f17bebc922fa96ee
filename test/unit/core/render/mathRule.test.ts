import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { createMarkdown } from '../../../../src/core/render/markdown';
import { lines } from './lines';

const md = createMarkdown();

/** KaTeX's markup is long; these tests look for the parts that say what was drawn. */
const isInlineMath = (html: string) => html.includes('class="katex"') && !html.includes('katex-display');
const isDisplayMath = (html: string) => html.includes('katex-display');
/** The TeX source KaTeX keeps in its MathML annotation. */
const annotations = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)</g)].map((m) => m[1]);

suite('render: math', () => {
  test('a hair or thin space inside $..$ draws without a console warning; other warnings still pass', () => {
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args[0]);
    try {
      // A formula of its own (the drawn-formula memo would skip KaTeX for one seen before).
      const html = md.renderInline('$r^{3}\u200a=\u2009.0017$');
      assert.ok(isInlineMath(html));
      console.warn('another warning');
    } finally {
      console.warn = warn;
    }
    assert.deepStrictEqual(warned, ['another warning']);
  });

  test('$..$ is inline math', () => {
    assert.ok(isInlineMath(md.renderInline('$x^2$')));
  });

  test('$$..$$ on its own lines is display math', () => {
    assert.ok(isDisplayMath(md.render(lines('$$', 'x^2', '$$'))));
  });

  test('$$..$$ starting a line with text after it draws the formula and keeps what follows as text', () => {
    const html = md.render(lines('$$k^2$$ squares it', '', 'a middle line', '', '$$', 'm', '$$'));
    assert.deepStrictEqual(annotations(html).map((tex) => tex?.trim()), ['k^2', 'm']);
    assert.ok(isDisplayMath(html.slice(0, html.indexOf('squares it'))), 'the first formula is display math');
    assert.match(html, / squares it<\/p>\n<p>a middle line<\/p>\n<p class="katex-block">/);
  });

  test('a $$..$$ line with text after it does not interrupt a paragraph', () => {
    const html = md.render(lines('first words', '$$k^2$$ squares it'));
    assert.match(html, /^<p>first words\n/);
    assert.deepStrictEqual(annotations(html), ['k^2']);
  });

  test('$$k$$ with only spaces after it is a one-line block', () => {
    const html = md.render(lines('$$k$$  ', 'next line'));
    assert.ok(html.startsWith('<p class="katex-block">'));
    assert.deepStrictEqual(annotations(html), ['k']);
    assert.match(html, /<p>next line<\/p>/);
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

// Issue 16: a help page writes a wiki-link as text with CommonMark escapes, `\[\[Note\]\]`.
suite('render: escaped link brackets are text, not math', () => {
  test('`**\\[\\[Links\\]\\]**` is the literal brackets, bold, and no math', () => {
    const html = md.render('Write **\\[\\[Links\\]\\]** to link a note.');
    assert.ok(!html.includes('katex'), html);
    assert.ok(html.includes('<strong>[[Links]]</strong>'), html);
  });

  test('a line that is only `\\[\\[A note\\]\\]` is a paragraph, not a display block', () => {
    const html = md.render(lines('\\[\\[A note\\]\\]', '', 'after'));
    assert.ok(!html.includes('katex'), html);
    assert.ok(html.includes('<p>[[A note]]</p>'), html);
  });

  test('\\( \\) and \\[ \\] beside escaped brackets stay math', () => {
    const html = md.renderInline('type \\[\\[x\\]\\] or \\(a+b\\) and \\[c\\]');
    assert.deepStrictEqual(annotations(html), ['a+b', 'c']);
    assert.ok(html.includes('[[x]]'));
  });

  test('the scanner reads the same lines the same way: no math, and no link', () => {
    const text = lines('Write **\\[\\[Links\\]\\]** here.', '\\[\\[A note\\]\\]', 'and \\(a+b\\) with \\[c\\]');
    const syntax = scanNote(text);
    assert.deepStrictEqual(syntax.math.map(m => m.tex), ['a+b', 'c']);
    assert.deepStrictEqual(syntax.links, []);
  });

  test('every line of the real vaults that escapes a bracket pair draws no math from it', function () {
    const roots = ['../../../../../../shared/vaults', '../../../../../../../shared/vaults'].map(p => path.resolve(__dirname, p)).filter(p => fs.existsSync(p));
    if (roots.length === 0) this.skip();
    let seen = 0;
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && !e.name.startsWith('.')) walk(p);
        else if (e.isFile() && e.name.endsWith('.md')) {
          for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
            if (!line.includes('\\[\\[') && !line.includes('\\]\\]')) continue;
            seen++;
            const stripped = line.replace(/\\\[\\\[|\\\]\\\]/g, '');
            // The pairs draw nothing: what math the line holds is the math it holds without them.
            assert.deepStrictEqual(annotations(md.render(line)), annotations(md.render(stripped)), `${p}: ${line}`);
          }
        }
      }
    };
    walk(roots[0]);
    console.log(`      (${seen} lines with escaped bracket pairs)`);
  });
});
