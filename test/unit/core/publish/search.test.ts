// The site's search index split by word: read back, it is MiniSearch's own index of the same
// notes (so the scores are one whole index's); a query fetches only the chunks of its words'
// first letters; a change rewrites the documents and the chunks of the words it touched.
import * as assert from 'assert';
import MiniSearch from 'minisearch';
import { SEARCH_DOCS, SEARCH_MANIFEST, SEARCH_OPTIONS, SEARCH_QUERY, SearchIndex, SiteSearch, type SearchDocument, type SearchManifest } from '../../../../src/core/publish/search';

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
      const chunks = fetched.filter(f => f !== SEARCH_MANIFEST && f !== SEARCH_DOCS);
      assert.ok(chunks.every(f => needed.includes(f)), `${query}: fetched ${chunks.join(', ')}, needs ${needed.join(', ')}`);
      assert.ok(needed.length < manifest.chunks.length / 4, `${query}: ${needed.length} of ${manifest.chunks.length} chunks`);
    }
    assert.ok(files.size > 40, 'many chunks');
    assert.deepStrictEqual((await search.search('transformer')).map(h => h.title).sort(), ['Attention Is All You Need', 'BERT', 'GPT-3']);
  });

  test('a changed note rewrites the documents and the chunks of the words it lost or gained; a fresh index finds the same', async () => {
    const index = new SearchIndex(1);
    for (const n of NOTES) index.add(n);
    const files = written(index);
    index.add({ ...NOTES[2]!, text: 'Owls hunt by ear; quokkas do not.' });
    const changed = index.takeChanged();
    for (const [f, json] of changed) files.set(f, json);
    const names = changed.map(c => c[0]);
    assert.ok(names.includes(SEARCH_DOCS));
    assert.ok(!names.includes(SEARCH_MANIFEST), 'the chunks stay where they were cut');
    const chunkWords = changed.filter(c => c[0] !== SEARCH_DOCS).flatMap(c => (JSON.parse(c[1]) as [string][]).map(e => e[0]));
    assert.ok(chunkWords.includes('quokkas') && !chunkWords.includes('transformer'), `rewritten: ${names.length} files`);
    index.remove('gpt.md');
    for (const [f, json] of index.takeChanged()) files.set(f, json);
    const fresh = new SearchIndex(1);
    for (const n of [NOTES[0]!, NOTES[1]!, { ...NOTES[2]!, text: 'Owls hunt by ear; quokkas do not.' }]) fresh.add(n);
    const freshFiles = written(fresh);
    for (const q of ['quokkas', 'pellets', 'transformer', 'few', 'owls ear', 'denoising']) {
      assert.deepStrictEqual((await siteSearch(files).search(q)).map(h => h.id).sort(), (await siteSearch(freshFiles).search(q)).map(h => h.id).sort(), q);
    }
  });
});
