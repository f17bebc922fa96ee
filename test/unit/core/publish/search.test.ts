// The site's search index split by word: read back, it is MiniSearch's own index of the same
// notes (so the scores are one whole index's); a query fetches only the chunks of its words'
// first letters; a change under --watch writes the documents and an overlay the page merges.
import * as assert from 'assert';
import MiniSearch from 'minisearch';
import { SEARCH_DOCS, SEARCH_MANIFEST, SEARCH_RECENT, SEARCH_OPTIONS, SEARCH_QUERY, SearchIndex, SiteSearch, type SearchDocument, type SearchManifest } from '../../../../src/core/publish/search';

const NOTES: SearchDocument[] = [
  { id: 'papers/attention.md', url: 'papers/attention/', title: 'Attention Is All You Need', tags: ['ml/transformers'], text: 'Self-attention replaces recurrence; the transformer attends to every position.' },
  { id: 'bert.md', url: 'bert/', title: 'BERT', tags: ['ml'], text: 'Denoising: masked words are predicted, the transformer reads both ways. Attention again.' },
  { id: 'owls.md', url: 'owls/', title: 'Owls', tags: ['birds'], text: 'Owls hunt by ear; pellets hold fur and bones. Über-quiet wings, ÉTÉ.' },
  { id: 'gpt.md', url: 'gpt/', title: 'GPT-3', tags: [], text: 'Few-shot: a transformer, denoising nothing, predicting the next word.' },
];

function written(index: SearchIndex, into = new Map<string, string>()): Map<string, string> {
  for (const [file, json] of index.takeChanged()) into.set(file, json);
  return into;
}

function siteSearch(files: Map<string, string>, fetched: string[] = []): SiteSearch {
  return new SiteSearch(async f => {
    fetched.push(f);
    const text = files.get(f);
    if (text === undefined) throw new Error(`no ${f}`);
    return text;
  });
}

suite('publish: search split by word', () => {
  test('the documents and every chunk read together are MiniSearch\'s own index of the same notes', () => {
    const index = new SearchIndex(300);
    for (const n of NOTES) index.add(n);
    const files = written(index);
    const manifest = JSON.parse(files.get(SEARCH_MANIFEST)!) as SearchManifest;
    assert.ok(manifest.chunks.length > 3, `cut into chunks (${manifest.chunks.length})`);
    const ours = { ...JSON.parse(files.get(SEARCH_DOCS)!), index: manifest.chunks.flatMap(c => JSON.parse(files.get(c.file)!)) };
    const theirs = new MiniSearch(SEARCH_OPTIONS);
    theirs.addAll(NOTES.map(n => ({ ...n, tags: [...n.tags], tagText: n.tags.map(t => `${t} ${t.replace(/\//g, ' ')}`).join(' ') })));
    const expected = JSON.parse(JSON.stringify(theirs));
    const byTerm = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);
    ours.index.sort(byTerm);
    expected.index.sort(byTerm);
    assert.deepStrictEqual(ours, expected);
  });

  test('a query fetches the documents and only the chunks of its words\' first two letters, and finds what one whole index finds', async () => {
    const index = new SearchIndex(1); // a chunk per word
    for (const n of NOTES) index.add(n);
    const files = written(index);
    const whole = new MiniSearch(SEARCH_OPTIONS);
    whole.addAll(NOTES.map(n => ({ ...n, tags: [...n.tags], tagText: n.tags.map(t => `${t} ${t.replace(/\//g, ' ')}`).join(' ') })));
    const fetched: string[] = [];
    const search = siteSearch(files, fetched);
    for (const query of ['transformer', 'denoising transformer', 'attentoin', 'über', 'été', 'ml', 'transformers']) {
      fetched.length = 0;
      const hits = await search.search(query);
      const expected = whole.search(query, SEARCH_QUERY);
      assert.deepStrictEqual(hits.map(h => [h.id, h.score]), expected.map(h => [h.id, h.score]), query);
      const manifest = JSON.parse(files.get(SEARCH_MANIFEST)!) as SearchManifest;
      const prefixes = SiteSearch.prefixes(query);
      // A chunk runs from its first word to the next chunk's: each fetched one holds some of the words a prefix begins.
      const ranges = manifest.chunks.map((c, i) => ({ file: c.file, from: c.from, to: manifest.chunks[i + 1]?.from ?? '\uffff\uffff' }));
      const needed = ranges.filter(r => prefixes.some(p => r.from <= `${p}\uffff` && r.to > p)).map(r => r.file);
      const chunks = fetched.filter(f => f !== SEARCH_MANIFEST && f !== SEARCH_DOCS && f !== SEARCH_RECENT);
      assert.ok(chunks.every(f => needed.includes(f)), `${query}: fetched ${chunks.join(', ')}, needs ${needed.join(', ')}`);
      assert.ok(needed.length < manifest.chunks.length / 4, `${query}: ${needed.length} of ${manifest.chunks.length} chunks`);
    }
    assert.ok(files.size > 40, 'many chunks');
    assert.deepStrictEqual((await search.search('transformer')).map(h => h.title).sort(), ['Attention Is All You Need', 'BERT', 'GPT-3']);
  });

  test('a change under --watch writes the documents and the overlay only; the page finds what one whole index of the notes now finds; past the bound every chunk is written again', async () => {
    const index = new SearchIndex(1, 3); // a chunk per word; the chunks written again after 3 notes changed
    for (const n of NOTES) index.add(n);
    const files = written(index);
    assert.strictEqual(files.get(SEARCH_RECENT), '[]', 'a full build writes an empty overlay');
    const take = () => {
      const changed = index.takeChanged();
      for (const [f, json] of changed) files.set(f, json);
      return changed.map(c => c[0]);
    };
    const whole = (notes: SearchDocument[]) => {
      const m = new MiniSearch(SEARCH_OPTIONS);
      m.addAll(notes.map(n => ({ ...n, tags: [...n.tags], tagText: n.tags.map(t => `${t} ${t.replace(/\//g, ' ')}`).join(' ') })));
      return m;
    };
    const assertFinds = async (notes: SearchDocument[], step: string) => {
      const m = whole(notes);
      for (const q of ['quokkas', 'pellets', 'transformer', 'few', 'owls ear', 'denoising', 'kiwi', 'attention']) {
        const hits = await siteSearch(files).search(q);
        assert.deepStrictEqual(hits.map(h => [h.id, h.score]), m.search(q, SEARCH_QUERY).map(h => [h.id, h.score]), `${step}: ${q}`);
      }
    };
    const owls = { ...NOTES[2]!, text: 'Owls hunt by ear; quokkas do not.' };
    index.add(owls);
    assert.deepStrictEqual(take(), [SEARCH_DOCS, SEARCH_RECENT], 'an edit writes the documents and the overlay, no chunk');
    const recentWords = (JSON.parse(files.get(SEARCH_RECENT)!) as [string][]).map(e => e[0]);
    assert.ok(recentWords.includes('quokkas') && !recentWords.includes('transformer'), `the overlay holds the changed note's words only: ${recentWords.join(' ')}`);
    await assertFinds([NOTES[0]!, NOTES[1]!, NOTES[3]!, owls], 'owls edited');
    index.remove('gpt.md');
    assert.deepStrictEqual(take(), [SEARCH_DOCS, SEARCH_RECENT], 'a note taken out: the documents and the overlay');
    await assertFinds([NOTES[0]!, NOTES[1]!, owls], 'gpt taken out');
    const kiwi: SearchDocument = { id: 'kiwi.md', url: 'kiwi/', title: 'Kiwi', tags: ['birds'], text: 'A kiwi hunts by smell, not by ear.' };
    index.add(kiwi);
    assert.deepStrictEqual(take(), [SEARCH_DOCS, SEARCH_RECENT]);
    await assertFinds([NOTES[0]!, NOTES[1]!, owls, kiwi], 'kiwi added');
    const bert = { ...NOTES[1]!, text: 'Denoising again, and a kiwi.' };
    index.add(bert);
    const names = take();
    assert.ok(names.filter(n => n.startsWith('search/words-')).length > 10 && !names.includes(SEARCH_MANIFEST), `a fourth note: every chunk written again, where it was cut (${names.length} files)`);
    assert.strictEqual(files.get(SEARCH_RECENT), '[]', 'and the overlay emptied');
    await assertFinds([NOTES[0]!, owls, kiwi, bert], 'bert edited, past the bound');
  });
});
