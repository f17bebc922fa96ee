import * as assert from 'assert';
import { renderHoverHtml } from '../../../../src/core/render/hover';
import { hoverMath } from '../../../../src/core/render/hoverMath';
import { lines } from './lines';

/** The tags VS Code's hover keeps (its markdown sanitizer's allow-list, in code-server 1.100.3's workbench). */
const HOVER_TAGS = new Set(['a', 'abbr', 'b', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input',
  'ins', 'kbd', 'label', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 'samp', 'small', 'source', 'span', 'strike',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'video', 'wbr']);

const tagsIn = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map(m => m[1]!);

suite('render: hover excerpts', () => {
  test('inline math becomes Unicode with italic variables and scripts', () => {
    assert.strictEqual(hoverMath('K,V \\in \\mathbb{R}^{n}'), '<span class="math"><i>K</i>, <i>V</i> ∈ ℝ<sup><i>n</i></sup></span>');
  });

  test('fractions, roots and subscripts read in one line', () => {
    assert.strictEqual(hoverMath('\\frac{QK^\\top}{\\sqrt{d_k}}'),
      '<span class="math">(<i>Q</i><i>K</i><sup>⊤</sup>)⁄√<i>d</i><sub><i>k</i></sub></span>');
    assert.strictEqual(hoverMath('x^2 + y_{10}'), '<span class="math"><i>x</i><sup>2</sup> + <i>y</i><sub>10</sub></span>');
  });

  test('names like softmax stay upright, \\mathcal letters are script', () => {
    assert.strictEqual(hoverMath('\\mathrm{softmax}(x) \\in \\mathcal{L}'), '<span class="math">softmax(<i>x</i>) ∈ ℒ</span>');
  });

  test('a formula KaTeX cannot read shows its source, escaped', () => {
    assert.strictEqual(hoverMath('\\frac{<b>'), '<code title="could not read this formula">\\frac{&lt;b&gt;</code>');
  });

  test('an excerpt uses only tags the hover keeps, all four math forms rendered', () => {
    const html = renderHoverHtml(lines(
      '# Attention', '', 'Keys \\(K,V \\in \\mathbb{R}^{n}\\) and $q$.[^1] See [[transformers]] #ml', '',
      '$$', 'e = mc^2', '$$', '', '\\[ a^2 \\]', '', '- [x] done', '', '![[other]]', '', '[^1]: A note.'));
    assert.deepStrictEqual(tagsIn(html).filter(t => !HOVER_TAGS.has(t)), []);
    assert.doesNotMatch(html, /\n\n/);
    assert.doesNotMatch(html, /\$|\\\(|\\\[/, 'no math left as source');
    assert.match(html, /<sup>1<\/sup>/);
    assert.match(html, /<i>e<\/i> = <i>m<\/i><i>c<\/i><sup>2<\/sup>/);
  });

  test('links point where the host resolves them, with the schemes the host allows', () => {
    const resolveLink = () => ({ href: 'command:open?b', exists: true });
    assert.strictEqual(renderHoverHtml('See [[b]].', { resolveLink }), '<p>See <a class="wikilink" data-target="b" href="#">b</a>.</p>');
    assert.strictEqual(renderHoverHtml('See [[b]].', { resolveLink, hostSchemes: ['command'] }),
      '<p>See <a class="wikilink" data-target="b" href="command:open?b">b</a>.</p>');
    assert.strictEqual(renderHoverHtml('[x](command:evil)', { resolveLink, hostSchemes: ['command'] }), '<p><a href="#">x</a></p>',
      "a note's own command: link goes nowhere");
  });
});
