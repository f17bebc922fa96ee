// The formatted output of three entry types (journal article, conference paper, book) in both
// styles, the citation in the text, and the page: reference in the margin, References at the end.
import * as assert from 'assert';
import { formatCitation, formatReference } from '../../../../src/core/citations/format';
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

suite('citations: formatting', () => {
  test('author-date references of an article, a conference paper and a book', () => {
    assert.strictEqual(formatReference(article, 'author-date'),
      'LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. 2015. “Deep Learning.” <i>Nature</i> 521 (7553): 436–444. <a href="https://doi.org/10.1038/nature14539">https://doi.org/10.1038/nature14539</a>');
    assert.strictEqual(formatReference(paper, 'author-date'),
      'Vaswani, Ashish and Noam Shazeer. 2017. “Attention Is All You Need.” In <i>Advances in Neural Information Processing Systems</i>, 5998–6008.');
    assert.strictEqual(formatReference(book, 'author-date'),
      'Goodfellow, Ian. 2016. <i>Deep Learning</i>. Cambridge, MA: MIT Press. <a href="https://www.deeplearningbook.org">https://www.deeplearningbook.org</a>');
  });

  test('numeric references of the same three', () => {
    assert.strictEqual(formatReference(article, 'numeric', 1),
      '[1] Y. LeCun, Y. Bengio, and G. Hinton, “Deep Learning,” <i>Nature</i>, vol. 521, no. 7553, pp. 436–444, 2015. <a href="https://doi.org/10.1038/nature14539">https://doi.org/10.1038/nature14539</a>');
    assert.strictEqual(formatReference(paper, 'numeric', 2),
      '[2] A. Vaswani and N. Shazeer, “Attention Is All You Need,” in <i>Advances in Neural Information Processing Systems</i>, pp. 5998–6008, 2017.');
    assert.strictEqual(formatReference(book, 'numeric', 3),
      '[3] I. Goodfellow, <i>Deep Learning</i>. Cambridge, MA: MIT Press, 2016. <a href="https://www.deeplearningbook.org">https://www.deeplearningbook.org</a>');
  });

  test('citations in the text: groups with prefix and locator, author suppressed, bare, unknown keys', () => {
    const src = '[see @lecun2015, p. 437; -@vaswani2017] and @goodfellow2016 and [@nobody]';
    const group = citationGroup(src, 0, src.length)!;
    const numbers = (k: string) => ['lecun2015', 'vaswani2017', 'goodfellow2016'].indexOf(k) + 1;
    assert.strictEqual(formatCitation(group.cites, true, 'author-date', k => library.get(k), numbers), '(see LeCun et al. 2015, p. 437; 2017)');
    assert.strictEqual(formatCitation(group.cites, true, 'numeric', k => library.get(k), numbers), '[see 1, p. 437; 2]');
    const bare = bareCitation(src, src.indexOf('@goodfellow'), src.length)!;
    assert.strictEqual(formatCitation(bare.cites, false, 'author-date', k => library.get(k), numbers), 'Goodfellow (2016)');
    const unknown = citationGroup(src, src.lastIndexOf('['), src.length)!;
    assert.strictEqual(formatCitation(unknown.cites, true, 'author-date', k => library.get(k), numbers), '(nobody)');
  });

  test('text from the library is escaped', () => {
    const hostile: CslItem = { id: 'x', type: 'book', title: '<img src=x onerror=alert(1)>', author: [{ family: '<b>' }] };
    assert.doesNotMatch(formatReference(hostile, 'author-date'), /<img|<b>/);
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
    assert.match(html, /<cite class="citation" data-cites="vaswani2017">\(Vaswani and Shazeer 2017, p\. 3\)<\/cite><input type="checkbox" id="mg-sn-1" class="margin-toggle"[^>]*><label for="mg-sn-1" class="sidenote-number">1<\/label><span class="sidenote citation-sidenote" role="note"><span class="sidenote-label">1<\/span> <span class="sidenote-par citation-ref">Vaswani, Ashish and Noam Shazeer\. 2017\./);
    assert.match(html, /<cite class="citation" data-cites="lecun2015">LeCun et al\. \(2015\)<\/cite>/);
    const refs = html.slice(html.indexOf('<section class="references">'));
    assert.match(refs, /<h2 class="references-title">References<\/h2>/);
    // author-date: alphabetical
    assert.ok(refs.indexOf('LeCun, Yann') < refs.indexOf('Vaswani, Ashish'));
    assert.strictEqual((refs.match(/<li /g) ?? []).length, 2);
  });

  test('numeric: numbers by first citation, the same number each time', async () => {
    const { html } = await page('numeric');
    assert.match(html, />\[1, p\. 3\]<\/cite>/);
    assert.match(html, />LeCun et al\. \[2\]<\/cite>/);
    assert.match(html, />\[1\]<\/cite>/);
    assert.match(html, /<li id="ref-vaswani2017" class="reference">\[1\] A\. Vaswani/);
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
