// A page rendered from an index that keeps no texts (the extension's, issue 20) is the page an
// index that keeps them renders: embeds (nested), the Backlinks section, tag pages, exports.
// The texts are read first (loadPageTexts), then the page is drawn synchronously.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadPlaceOfLink, placeOfLink } from '../../../../src/core/editor/linkPlace';
import { literatureNoteOf } from '../../../../src/core/citations/literatureNote';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import type { TagNode } from '../../../../src/core/index/types';
import { snapshot } from '../../../../src/core/index/snapshot';
import { exportPage } from '../../../../src/core/render/exportPage';
import { renderNotePage } from '../../../../src/core/render/page';
import { loadPageTexts } from '../../../../src/core/render/pageTexts';
import { renderTagPage, tagPageNotes } from '../../../../src/core/render/tagPage';
import { fixtureHost, fixtureIndex, vaultRoot } from './fixtureVault';
import { lines, vaultIndex } from '../index/vault';

/** The fixture vault indexed again, keeping no texts: each is read back from the disk, and counted. */
function textless(): { index: NoteIndex; reads: string[] } {
  const kept = fixtureIndex();
  const index = new NoteIndex();
  const reads: string[] = [];
  index.readTextsThrough(async p => {
    reads.push(p);
    return fs.readFileSync(path.join(vaultRoot, p), 'utf8');
  });
  for (const a of kept.attachments()) index.addAttachment(a);
  for (const n of kept.notes()) index.upsert(n.path, kept.textOf(n.path)!);
  return { index, reads };
}

const assets = { katexCss: '', notesCss: '', previewCss: '', font: () => undefined };

suite('pages from an index that keeps no texts', () => {
  const kept = fixtureIndex();
  const { index } = textless();

  test('the index holds no text', () => {
    assert.strictEqual(index.keptTextCount(), 0);
    assert.ok(kept.keptTextCount() > 10);
  });

  test('every note of the render fixtures is the same page, embeds and Backlinks included', async () => {
    let embeds = 0;
    for (const note of kept.notes()) {
      const expected = renderNotePage(kept, fixtureHost, note.path, kept.textOf(note.path)!);
      const texts = await loadPageTexts(index, [{ path: note.path }]);
      const page = renderNotePage(index, fixtureHost, note.path, texts.text(note.path)!, { texts });
      assert.strictEqual(page.html, expected.html, note.path);
      embeds += (expected.html.match(/<div class="embed"/g) ?? []).length;
    }
    assert.ok(embeds > 5, `${embeds} embeds drawn`);
  });

  test('without its texts read first, an embed says so instead of drawing an empty note', () => {
    const body = (html: string) => html.slice(0, html.indexOf('<section class="backlinks"') >>> 0);
    const withEmbed = [...kept.notes()].find(n => body(renderNotePage(kept, fixtureHost, n.path, kept.textOf(n.path)!).html).includes('<div class="embed" data-path="')
      && !body(renderNotePage(kept, fixtureHost, n.path, kept.textOf(n.path)!).html).includes(`<div class="embed" data-path="${n.path}"`))!;
    const html = body(renderNotePage(index, fixtureHost, withEmbed.path, kept.textOf(withEmbed.path)!).html);
    assert.match(html, /not read: open the note to see it/);
  });

  test('every tag page is the same page, and an export too', async () => {
    const tags: string[] = [];
    const walk = (nodes: readonly TagNode[]) => nodes.forEach(t => (tags.push(t.name), walk(t.children)));
    walk(kept.tagTree());
    assert.ok(tags.length > 3, tags.join(' '));
    for (const tag of tags) {
      const expected = renderTagPage(kept, fixtureHost, tag);
      const texts = await loadPageTexts(index, tagPageNotes(index, tag));
      assert.strictEqual(renderTagPage(index, fixtureHost, tag, { texts }).html, expected.html, tag);
    }
    const note = [...kept.notes()][0].path;
    const texts = await loadPageTexts(index, [{ path: note }]);
    assert.strictEqual(exportPage(index, { note }, assets, new Map(), { texts }), exportPage(kept, { note }, assets, new Map()));
  });

  test('an unsaved text given for the page is drawn, not the file', async () => {
    const note = [...kept.notes()][0].path;
    const texts = await loadPageTexts(index, [{ path: note, text: '# Typed just now\n' }], { backlinks: false });
    assert.match(renderNotePage(index, fixtureHost, note, texts.text(note)!, { texts, backlinks: false }).html, /Typed just now/);
  });
});

suite('other readers of texts, from an index that keeps none', () => {
  const files = {
    'hub.md': lines('# Hub', '', '## Method', '', 'Step one.', 'Step two. ^steps'),
    'papers/vaswani.md': lines('---', 'citekey: vaswani2017', '---', '# Attention'),
    'other.md': lines('See [[hub#^steps]] and [[hub#Method]].'),
  };
  function textsOut(): { index: NoteIndex; reads: string[] } {
    const index = vaultIndex(files);
    const reads: string[] = [];
    index.readTextsThrough(async p => {
      reads.push(p);
      return (files as Record<string, string>)[p];
    });
    return { index, reads };
  }

  test("a heading's place comes from the syntax alone; a block's first line from the text read back", async () => {
    const { index, reads } = textsOut();
    const kept = vaultIndex(files);
    const heading = await loadPlaceOfLink(index, 'hub.md', { heading: 'Method' });
    assert.deepStrictEqual(reads, [], 'nothing read for a heading');
    assert.deepStrictEqual(heading, placeOfLink(kept.note('hub.md')!.syntax, kept.textOf('hub.md'), { heading: 'Method' }));
    const block = await loadPlaceOfLink(index, 'hub.md', { block: 'steps' });
    assert.deepStrictEqual(reads, ['hub.md']);
    assert.strictEqual(block?.start.line, 4, 'the block starts at "Step one."');
    assert.deepStrictEqual(block, placeOfLink(kept.note('hub.md')!.syntax, kept.textOf('hub.md'), { block: 'steps' }));
    assert.strictEqual(await loadPlaceOfLink(index, 'hub.md', { block: 'nowhere' }), undefined);
  });

  test("a literature note is found by its frontmatter citekey, each note read once while it is unchanged", async () => {
    const { index, reads } = textsOut();
    assert.strictEqual(await literatureNoteOf(index, 'vaswani2017'), 'papers/vaswani.md');
    const first = reads.length;
    assert.ok(first >= 3, `${first} reads`);
    await new Promise(resolve => setTimeout(resolve, 1100)); // past the index's reuse of texts just read
    assert.strictEqual(await literatureNoteOf(index, 'vaswani2017'), 'papers/vaswani.md');
    assert.strictEqual(await literatureNoteOf(index, 'nobody2020'), undefined);
    assert.strictEqual(reads.length, first, 'no note read again');
    assert.strictEqual(await literatureNoteOf(index, 'hub'), 'hub.md', 'by file name');
  });

  test('a copy that keeps the texts (for publishing) answers as the index that always kept them', async () => {
    const { index } = textsOut();
    const copy = await index.withTexts();
    assert.notStrictEqual(copy, index);
    assert.strictEqual(copy.keptTextCount(), 3);
    assert.deepStrictEqual(snapshot(copy), snapshot(vaultIndex(files)));
    const kept = vaultIndex(files);
    assert.strictEqual(await kept.withTexts(), kept, 'an index that keeps texts is its own copy');
  });
});
