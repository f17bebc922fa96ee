// The formatted output of three entry types (journal article, conference paper, book) in both
// styles, the citation in the text, and the page: reference in the margin, References at the end.
import * as assert from 'assert';
import { citationFormatter, formatReference } from '../../../../src/core/citations/citeproc';
import type { CslItem } from '../../../../src/core/citations/types';
import { renderNotePage } from '../../../../src/core/render/page';
import { bareCitation, citationGroup } from '../../../../src/core/syntax/citation';
import { buildIndex } from '../../../../src/core/index/build';
import { MemoryHost } from '../index/memoryHost';

const article: CslItem = {
  id: 'lecun2015', type: 'article-journal', title: 'Deep Learning', 'container-title': 'Nature', volume: '521', issue: '7553', page: '436-444',
  author: [{ family: 'LeCun', given: 'Yann' }, { family: 'Bengio', given: 'Yoshua' }, { family: 'Hinton', given: 'Geoffrey' }],
  issued: { 'date-parts': [[2015]] }, DOI: '10.1038/nature14539',
};
const paper: CslItem = {
  id: 'vaswani2017', type: 'paper-conference', title: 'Attention Is All You Need', 'container-title': 'Advances in Neural Information Processing Systems',
  author: [{ family: 'Vaswani', given: 'Ashish' }, { family: 'Shazeer', given: 'Noam' }], issued: { 'date-parts': [[2017]] }, page: '5998-6008',
};
const book: CslItem = {
  id: 'goodfellow2016', type: 'book', title: 'Deep Learning', publisher: 'MIT Press', 'publisher-place': 'Cambridge, MA',
  author: [{ family: 'Goodfellow', given: 'Ian' }], issued: { 'date-parts': [[2016]] }, URL: 'https://www.deeplearningbook.org',
};
const library = new Map([article, paper, book].map(i => [i.id, i]));

function formatter(style: 'author-date' | 'numeric', items: Map<string, CslItem> = library) {
  return citationFormatter(style, k => items.get(k));
}

suite('citations: formatting (citeproc)', () => {
  test('author-date (APA) references of an article, a conference paper and a book', () => {
    const f = formatter('author-date');
    assert.strictEqual(f.reference('lecun2015'),
      'LeCun, Y., Bengio, Y., &#38; Hinton, G. (2015). Deep Learning. <i>Nature</i>, <i>521</i>(7553), 436–444. <a href="https://doi.org/10.1038/nature14539">https://doi.org/10.1038/nature14539</a>');
    assert.strictEqual(f.reference('vaswani2017'),
      'Vaswani, A., &#38; Shazeer, N. (2017). Attention Is All You Need. <i>Advances in Neural Information Processing Systems</i>, 5998–6008.');
    assert.strictEqual(f.reference('goodfellow2016'),
      'Goodfellow, I. (2016). <i>Deep Learning</i>. MIT Press. <a href="https://www.deeplearningbook.org">https://www.deeplearningbook.org</a>');
  });

  test('numeric (Vancouver) references of the same three, numbered in order of first citation', () => {
    const f = formatter('numeric');
    f.cite(['lecun2015', 'vaswani2017', 'goodfellow2016']);
    assert.strictEqual(f.reference('lecun2015'), '1. LeCun Y, Bengio Y, Hinton G. Deep Learning. Nature. 2015;521(7553):436–44.');
    assert.strictEqual(f.reference('vaswani2017'),
      '2. Vaswani A, Shazeer N. Attention Is All You Need. In: Advances in Neural Information Processing Systems. 2017. p. 5998–6008.');
    assert.strictEqual(f.reference('goodfellow2016'),
      '3. Goodfellow I. Deep Learning [Internet]. Cambridge, MA: MIT Press; 2016. Available from: <a href="https://www.deeplearningbook.org">https://www.deeplearningbook.org</a>');
  });

  test('citations in the text: groups with prefix and locator, author suppressed, bare, unknown keys', () => {
    const src = '[see @lecun2015, p. 437; -@vaswani2017] and @goodfellow2016 and [@nobody] [@vaswani2017, chap. 3; @nobody]';
    const group = citationGroup(src, 0, src.length)!;
    const bare = bareCitation(src, src.indexOf('@goodfellow'), src.length)!;
    const unknown = citationGroup(src, src.indexOf('[@nobody'), src.length)!;
    const mixed = citationGroup(src, src.lastIndexOf('[@vaswani'), src.length)!;
    const apa = formatter('author-date');
    assert.strictEqual(apa.citation(group.cites, true), '(see LeCun et al., 2015, p. 437; 2017)');
    assert.strictEqual(apa.citation(bare.cites, false), 'Goodfellow (2016)');
    assert.strictEqual(apa.citation(unknown.cites, true), '(nobody)');
    assert.strictEqual(apa.citation(mixed.cites, true), '(Vaswani &#38; Shazeer, 2017, Chapter 3; nobody)');
    const numeric = formatter('numeric');
    numeric.cite(['lecun2015', 'vaswani2017', 'goodfellow2016']);
    // Vancouver's citation shows the numbers only (no locator), as Pandoc with vancouver.csl does.
    assert.strictEqual(numeric.citation(group.cites, true), '(see 1,2)');
    assert.strictEqual(numeric.citation(bare.cites, false), 'Goodfellow (3)');
  });

  test('two works by one author in one year are 2017a and 2017b, in the text and the references', () => {
    const items = new Map<string, CslItem>([
      { id: 'smith2017x', type: 'article-journal', title: 'Roots', author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[2017]] } },
      { id: 'smith2017y', type: 'article-journal', title: 'Leaves', author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[2017]] } },
    ].map(i => [i.id, i]));
    const f = formatter('author-date', items);
    f.cite(['smith2017x', 'smith2017y']);
    const cite = (key: string) => citationGroup(`[@${key}]`, 0, key.length + 3)!.cites;
    // APA orders them by title: Leaves is a, Roots is b.
    assert.strictEqual(f.citation(cite('smith2017x'), true), '(Smith, 2017b)');
    assert.strictEqual(f.citation(cite('smith2017y'), true), '(Smith, 2017a)');
    assert.deepStrictEqual(f.references().map(r => r.html), ['Smith, J. (2017a). <i>Leaves</i>.', 'Smith, J. (2017b). <i>Roots</i>.']);
  });

  test('two authors of one surname are told apart by their initials', () => {
    const items = new Map<string, CslItem>([
      { id: 'a', type: 'book', title: 'Tides', author: [{ family: 'Okafor', given: 'Ada' }], issued: { 'date-parts': [[2020]] } },
      { id: 'b', type: 'book', title: 'Winds', author: [{ family: 'Okafor', given: 'Bola' }], issued: { 'date-parts': [[2021]] } },
    ].map(i => [i.id, i]));
    const f = formatter('author-date', items);
    f.cite(['a', 'b']);
    assert.strictEqual(f.citation(citationGroup('[@a; @b]', 0, 8)!.cites, true), '(A. Okafor, 2020; B. Okafor, 2021)');
    // Without the other one, no initials.
    const alone = formatter('author-date', new Map([['a', items.get('a')!]]));
    assert.strictEqual(alone.citation(citationGroup('[@a]', 0, 4)!.cites, true), '(Okafor, 2020)');
  });

  test('an item citeproc cannot read is shown as its key and title; the others are still formatted', () => {
    const odd = { id: 'odd', type: 'book', title: 'Odd <Shape>', author: [null] } as unknown as CslItem;
    const f = formatter('author-date', new Map([['odd', odd], ['lecun2015', article]]));
    assert.strictEqual(f.citation(citationGroup('[@odd]', 0, 6)!.cites, true), '(odd)');
    assert.strictEqual(f.reference('odd'), 'Odd &lt;Shape&gt; (odd)');
    const fine = formatter('author-date');
    assert.strictEqual(fine.citation(citationGroup('[@lecun2015]', 0, 12)!.cites, true), '(LeCun et al., 2015)');
  });

  test('text from the library and from the note is escaped', () => {
    const hostile: CslItem = { id: 'x', type: 'book', title: '<img src=x onerror=alert(1)>', author: [{ family: '<script>' }] };
    assert.doesNotMatch(formatReference(hostile, 'author-date'), /<img|<script/);
    assert.doesNotMatch(formatReference(hostile, 'numeric'), /<img|<script/);
    const src = '[<img src=x> @x, p. 3 <script>]';
    const f = formatter('author-date', new Map([['x', hostile]]));
    assert.doesNotMatch(f.citation(citationGroup(src, 0, src.length)!.cites, true), /<img|<script/);
  });
});

suite('citations: the page', () => {
  const note = 'Attention [@vaswani2017, p. 3] changed things; see also @lecun2015.\n\nAgain [@vaswani2017].\n';
  async function page(style: 'author-date' | 'numeric', margin = true) {
    const index = await buildIndex(new MemoryHost({ 'a.md': note }));
    return renderNotePage(index.index, { noteHref: p => p, imageSrc: p => p }, 'a.md', note, { backlinks: false, citations: { style, margin, item: k => library.get(k) } });
  }

  test('each citation has its full reference as a numbered sidenote, then a References section', async () => {
    const { html, sidenotes } = await page('author-date');
    assert.strictEqual(sidenotes, 3);
    assert.match(html, /<cite class="citation" data-cites="vaswani2017">\(Vaswani &#38; Shazeer, 2017, p\. 3\)<\/cite><input type="checkbox" id="mg-sn-1" class="margin-toggle"[^>]*><label for="mg-sn-1" class="sidenote-number">1<\/label><span class="sidenote citation-sidenote" role="note"><span class="sidenote-label">1<\/span> <span class="sidenote-par citation-ref">Vaswani, A\., &#38; Shazeer, N\. \(2017\)\. Attention/);
    assert.match(html, /<cite class="citation" data-cites="lecun2015">LeCun et al\. \(2015\)<\/cite>/);
    const refs = html.slice(html.indexOf('<section class="references">'));
    assert.match(refs, /<h2 class="references-title">References<\/h2>/);
    // author-date: alphabetical
    assert.ok(refs.indexOf('LeCun, Y.') < refs.indexOf('Vaswani, A.'));
    assert.strictEqual((refs.match(/<li /g) ?? []).length, 2);
  });

  test('numeric: numbers by first citation, the same number each time', async () => {
    const { html } = await page('numeric');
    assert.match(html, /data-cites="vaswani2017">\(1\)<\/cite>/);
    assert.match(html, />LeCun et al\. \(2\)<\/cite>/);
    assert.strictEqual((html.match(/>\(1\)<\/cite>/g) ?? []).length, 2);
    assert.match(html, /<li id="ref-vaswani2017" class="reference">1\. Vaswani A, Shazeer N\./);
    assert.ok(html.indexOf('id="ref-vaswani2017"') < html.indexOf('id="ref-lecun2015"'));
  });

  test('the first citation of a page is disambiguated by the works cited after it', async () => {
    const items = new Map<string, CslItem>([
      { id: 'smith2017x', type: 'book', title: 'Roots', author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[2017]] } },
      { id: 'smith2017y', type: 'book', title: 'Leaves', author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[2017]] } },
    ].map(i => [i.id, i]));
    const text = 'First [@smith2017x].\n\nThen [@smith2017y].\n';
    const index = await buildIndex(new MemoryHost({ 'b.md': text }));
    const { html } = renderNotePage(index.index, { noteHref: p => p, imageSrc: p => p }, 'b.md', text, { backlinks: false, citations: { style: 'author-date', margin: true, item: k => items.get(k) } });
    assert.match(html, /First <cite class="citation" data-cites="smith2017x">\(Smith, 2017b\)<\/cite>/);
    assert.match(html, /Then <cite class="citation" data-cites="smith2017y">\(Smith, 2017a\)<\/cite>/);
    assert.match(html, /<span class="sidenote-par citation-ref">Smith, J\. \(2017b\)\. <i>Roots<\/i>\.<\/span>/);
  });

  test('margin off: citations formatted, no sidenotes', async () => {
    const { html, sidenotes } = await page('author-date', false);
    assert.strictEqual(sidenotes, 0);
    assert.doesNotMatch(html, /citation-sidenote/);
  });

  test('without a library a citation stays as written', async () => {
    const index = await buildIndex(new MemoryHost({ 'a.md': note }));
    const { html } = renderNotePage(index.index, { noteHref: p => p, imageSrc: p => p }, 'a.md', note, { backlinks: false });
    assert.match(html, /<cite class="citation" data-cites="vaswani2017">\[@vaswani2017, p\. 3\]<\/cite>/);
    assert.doesNotMatch(html, /references/);
  });
});
