import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildIndex, type CachedNote } from '../../../../src/core/index/build';
import { CacheRejected, decodeIndexCache, encodeIndexCache, type CacheIdentity, type CacheNote } from '../../../../src/core/index/indexCache';
import { GraphModel } from '../../../../src/core/graph/graphModel';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { linkTargetOf, RestoredSyntax, tagNameOf, tagRangeOf } from '../../../../src/core/index/restoredSyntax';
import { unpackSyntax, type PackedSyntax } from '../../../../src/core/syntax/packed';
import { scanNote, scanNotePacked } from '../../../../src/core/syntax/scanNote';
import { NodeVaultHost } from '../../../../src/node/nodeHost';
import { layoutOf, resealed } from './cacheFiles';

const root = path.resolve(__dirname, '../../../../..');
const identity: CacheIdentity = { producer: '0.1.0', folder: 'file:///vault', settings: '' };

/** The lists a restored note decodes when first read. */
function lazyLists(p: PackedSyntax) {
  return { headings: p.headings, blockIds: p.blockIds, footnotes: p.footnotes, math: p.math, citations: p.citations };
}

/** What the index files a restored note by, decoded together when either is first read. */
function linksAndTags(p: PackedSyntax) {
  return { links: p.links, tags: p.tags };
}

function restoredOf(p: PackedSyntax): RestoredSyntax {
  assert.ok(p instanceof RestoredSyntax);
  return p;
}

/** `built` restored from its decoded cache as a second opening does (links filed by their rows), reading texts back from it. */
function restoredIndex(back: Map<string, CachedNote>, built: NoteIndex): NoteIndex {
  const index = new NoteIndex();
  index.readTextsThrough(async p => built.textOf(p));
  index.beginBulk();
  for (const p of built.attachments()) index.addAttachment(p);
  for (const [p, n] of back) index.restore(p, n.print, n.packed, n.targets);
  index.endBulk();
  return index;
}

function notesOf(index: NoteIndex): CacheNote[] {
  return [...index.packedNotes()].map((n, i) => ({ ...n, stamp: { size: n.print.length, mtime: 1700000000000 + i } }));
}

async function cacheOf(index: NoteIndex): Promise<Uint8Array> {
  return new Uint8Array(Buffer.concat(await encodeIndexCache(identity, notesOf(index))));
}

/** A vault of `n` notes from the bench's generator (headings, footnotes, inline and display math in every note). */
function generatedVault(n: number): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-restored-')), 'vault');
  execFileSync(process.execPath, [path.join(root, 'bench/gen-vault.mjs'), String(n), dir, '7'], { stdio: 'ignore' });
  return dir;
}

/**
 * The cache of one note `text`, the number `at` of its stream (syntaxCodec.ts) set to `value` and
 * the file resealed (undamaged when `value` is undefined). `newTargets`: the rows its chunk adds to
 * the target table (its link targets and tag names). `check` sees the stream first.
 */
async function oneNoteCache(text: string, newTargets: number, check: (num: (at: number) => number) => void, at = 0, value?: number): Promise<Uint8Array> {
  const index = new NoteIndex();
  index.upsert('n.md', text);
  const good = await cacheOf(index);
  const { prefixAt, chunkAt, chunkBytes, header } = layoutOf(good);
  const bad = good.slice();
  const view = new DataView(bad.buffer, bad.byteOffset);
  const numsAt = chunkAt + 28 + 16 + newTargets * 4; // seven counts, one note's stamp, the new targets
  check(k => view.getInt32(numsAt + k * 4, true));
  if (value !== undefined) view.setInt32(numsAt + at * 4, value, true);
  return resealed(bad, prefixAt, chunkAt, chunkBytes, header);
}

/** Reading `file` rejects it as corrupted, with a message that names the place. */
async function rejectsAsCorrupted(file: Uint8Array, place: RegExp): Promise<void> {
  await assert.rejects(decodeIndexCache(file, identity), (e: unknown) => {
    assert.ok(e instanceof CacheRejected, String(e));
    assert.strictEqual(e.reason, 'corrupted');
    assert.match(e.message, /^chunk 1 does not decode \(/);
    assert.match(e.message, place);
    return true;
  });
}

suite('restored syntax', () => {
  const vaults = [path.join(root, 'test/fixtures/render'), path.join(root, 'test/fixtures/syntax'), path.join(root, 'samples/research-notes'), generatedVault(150)];
  test('a chunk keeps its undecoded numbers 16-bit when all fit, 32-bit when one does not; both decode as the scan and write back the same', async () => {
    const small = '# Title\n\nsee [[b|B]] #tag and $x$[^1] ^id\n\n[^1]: note\n';
    // A link past offset 32,767: its context does not fit 16 bits.
    const big = 'x\n'.repeat(20_000) + small;
    for (const [text, wide] of [[small, Int16Array], [big, Int32Array]] as const) {
      const index = new NoteIndex();
      index.upsert('n.md', text);
      const file = await cacheOf(index);
      const back = await decodeIndexCache(file, identity);
      const packed = restoredOf(back.get('n.md')!.packed);
      assert.ok(packed.undecoded()!.chunk.nums instanceof wide, wide.name);
      assert.deepStrictEqual(Buffer.from(await cacheOf(restoredIndex(back, index))), Buffer.from(file), 'written again as it was');
      const fresh = scanNotePacked(text);
      assert.deepStrictEqual(linksAndTags(packed), linksAndTags(fresh));
      assert.deepStrictEqual(lazyLists(packed), lazyLists(fresh));
    }
  });

  for (const dir of vaults) {
    test(`a restored note's headings, block ids, footnotes, math and citations equal a fresh scan's (${path.basename(dir)})`, async () => {
      const built = (await buildIndex(new NodeVaultHost(dir))).index;
      const back = await decodeIndexCache(await cacheOf(built), identity);
      const found = { headings: 0, blockIds: 0, footnotes: 0, math: 0, citations: 0 };
      for (const [notePath, note] of back) {
        const text = built.textOf(notePath)!;
        assert.ok(note.packed instanceof RestoredSyntax && note.packed.undecoded(), 'undecoded until read');
        const lists = lazyLists(note.packed);
        assert.strictEqual(note.packed.undecoded(), undefined, 'decoded once read');
        assert.deepStrictEqual(lists, lazyLists(scanNotePacked(text)), notePath);
        assert.strictEqual(lazyLists(note.packed).headings, lists.headings, 'decoded once and kept');
        assert.deepStrictEqual(unpackSyntax(note.packed), scanNote(text), notePath);
        for (const k of Object.keys(found) as (keyof typeof found)[]) found[k] += lists[k]?.length ?? 0;
      }
      // Every kind is met somewhere: citations in the samples, block ids in the fixtures.
      assert.ok(found.headings > 0 && found.footnotes > 0 && found.math > 0, JSON.stringify(found));
      if (dir.endsWith('research-notes')) assert.ok(found.citations > 0 && found.blockIds > 0, JSON.stringify(found));
    });
  }

  for (const dir of vaults) {
    test(`a restored note's links and tags equal a fresh scan's, decoded on their first read, not before, and apart from its other lists (${path.basename(dir)})`, async () => {
      const built = (await buildIndex(new NodeVaultHost(dir))).index;
      const back = await decodeIndexCache(await cacheOf(built), identity);
      let links = 0;
      let tags = 0;
      for (const [notePath, note] of back) {
        const text = built.textOf(notePath)!;
        const packed = restoredOf(note.packed);
        assert.ok(packed.undecodedLinksAndTags() && packed.undecoded(), 'undecoded until read');
        const fresh = scanNotePacked(text);
        // What the index files a note by, read from its numbers: nothing decoded.
        assert.strictEqual(packed.linkCount, fresh.links.length, notePath);
        assert.strictEqual(packed.tagCount, fresh.tags.length, notePath);
        for (let i = 0; i < fresh.links.length; i++) assert.strictEqual(linkTargetOf(packed, i), fresh.links[i].reference ?? fresh.links[i].target, notePath);
        for (let i = 0; i < fresh.tags.length; i++) {
          assert.strictEqual(tagNameOf(packed, i), fresh.tags[i].name, notePath);
          assert.strictEqual(tagRangeOf(packed, i), fresh.tags[i].range, notePath);
        }
        assert.ok(packed.undecodedLinksAndTags(), 'counts, targets, names and ranges are read without decoding');
        const read = linksAndTags(packed);
        assert.strictEqual(packed.undecodedLinksAndTags(), undefined, 'decoded once read');
        assert.ok(packed.undecoded(), 'the other lists are not decoded with them');
        assert.deepStrictEqual(read, linksAndTags(fresh), notePath);
        assert.strictEqual(packed.links, read.links, 'decoded once and kept');
        assert.strictEqual(packed.tags, read.tags, 'decoded once and kept');
        // Read from the objects once decoded: the same answers.
        assert.strictEqual(packed.linkCount, fresh.links.length, notePath);
        for (let i = 0; i < fresh.tags.length; i++) assert.strictEqual(tagNameOf(packed, i), fresh.tags[i].name, notePath);
        assert.deepStrictEqual(unpackSyntax(packed), scanNote(text), notePath);
        links += read.links.length;
        tags += read.tags.length;
      }
      assert.ok(links > 0 && tags > 0, `${links} links, ${tags} tags`);
    });
  }

  test('an index restored from a cache files every link and tag without decoding one; a query decodes only the notes it reads', async () => {
    const dir = vaults[2];
    const built = (await buildIndex(new NodeVaultHost(dir))).index;
    const back = await decodeIndexCache(await cacheOf(built), identity);
    const index = restoredIndex(back, built);
    const undecoded = () => [...back.keys()].filter(p => restoredOf(back.get(p)!.packed).undecodedLinksAndTags() !== undefined);
    assert.strictEqual(undecoded().length, back.size, 'nothing decoded by the restore');
    // Answers that come from the columns: counts, resolution, the tag tree.
    assert.deepStrictEqual(index.tagTree(), built.tagTree());
    for (const n of built.notes()) assert.strictEqual(index.linkCountTo(n.path), built.linkCountTo(n.path), n.path);
    assert.deepStrictEqual(index.placeholders(), built.placeholders());
    assert.strictEqual(undecoded().length, back.size, 'nothing decoded by counts, placeholders or the tag tree');
    // The backlinks of the most linked note decode the notes linking to it, no other.
    const hub = [...built.notes()].map(n => n.path).sort((a, b) => built.linkCountTo(b) - built.linkCountTo(a))[0];
    const rows = index.backlinks(hub);
    // Their contexts are read back from the texts when asked (loadBacklinks); the links themselves equal.
    const links = (list: typeof rows) => list.map(r => ({ source: r.source, link: r.link, resolution: r.resolution }));
    assert.deepStrictEqual(links(rows), links(built.backlinks(hub)));
    const sources = new Set(rows.map(r => r.source));
    assert.ok(sources.size > 0 && sources.size < back.size, `${sources.size} linking notes`);
    assert.deepStrictEqual(undecoded().sort(), [...back.keys()].filter(p => !sources.has(p)).sort());
  });

  test('opening the graph of a restored index reads every link\'s kind, property and resolution from the numbers: it decodes no note', async () => {
    const dir = vaults[3];
    const built = (await buildIndex(new NodeVaultHost(dir))).index;
    const back = await decodeIndexCache(await cacheOf(built), identity);
    const index = restoredIndex(back, built);
    const model = new GraphModel(index, {});
    assert.deepStrictEqual(model.data(), new GraphModel(built, {}).data());
    assert.ok(model.data().edges.length > 100, `${model.data().edges.length} edges`);
    assert.ok([...back.values()].every(n => restoredOf(n.packed).undecodedLinksAndTags()), 'no note decoded');
  });

  test('a cache written again from a restored index is the same file, whether its notes\' links and tags were read or not', async () => {
    const dir = vaults[2];
    const built = (await buildIndex(new NodeVaultHost(dir))).index;
    const file = await cacheOf(built);
    const back = await decodeIndexCache(file, identity);
    const index = restoredIndex(back, built);
    const again = async () => new Uint8Array(Buffer.concat(await encodeIndexCache(identity, notesOf(index))));
    assert.deepStrictEqual(await again(), file, 'none read');
    // Every other note's links read, every third's other lists: all four mixes of decoded parts.
    [...back.values()].forEach((n, i) => void (i % 2 === 0 && n.packed.links, i % 3 === 0 && n.packed.headings));
    assert.deepStrictEqual(await again(), file, 'some read');
  });

  test('a cache written again from a restored index whose lists nobody read is the same file', async () => {
    const built = (await buildIndex(new NodeVaultHost(vaults[0]))).index;
    const file = await cacheOf(built);
    const back = await decodeIndexCache(file, identity);
    const again = [...back].map(([p, n]) => ({ path: p, ...n }));
    assert.deepStrictEqual(new Uint8Array(Buffer.concat(await encodeIndexCache(identity, again))), file);
    assert.ok(again.every(n => (n.packed as RestoredSyntax).undecoded()), 'written without decoding them');
  });

  test('a note with more lazy numbers than the reader\'s scratch room (20,000 headings) comes back whole, as does the note after it', async () => {
    const index = new NoteIndex();
    const big = Array.from({ length: 20000 }, (_, i) => `## Part ${i}\n`).join('');
    index.upsert('big.md', big);
    index.upsert('small.md', '# Small\n\nWith $x$ and a note[^a].\n\n[^a]: Here.\n');
    const back = await decodeIndexCache(await cacheOf(index), identity);
    assert.strictEqual(back.get('big.md')!.packed.headings.length, 20000);
    assert.deepStrictEqual(lazyLists(back.get('big.md')!.packed), lazyLists(scanNotePacked(big)));
    assert.deepStrictEqual(lazyLists(back.get('small.md')!.packed), lazyLists(scanNotePacked(index.textOf('small.md')!)));
  });

  suite('a damaged lazy part is rejected when the cache is read, with its reason', () => {
    // One note: title heading, a footnote and its definition, inline math. Its stream (syntaxCodec.ts):
    // path, length, hash, range count, codeAt, lineCount, title, frontmatter, 0 links, 0 tags,
    // then the lazy part: 1 heading (level, text, slug, range), 0 block ids, 2 footnotes (kind,
    // label, range), 1 math (delimiter, display, range, tex), 0 citations.
    const text = '# Title\n\nA claim[^1] with $x^2$.\n\n[^1]: Its source.\n';
    const HEADING_TEXT = 12;
    const FOOTNOTE_KIND = 17;
    const MATH_DELIMITER = 24;
    const MATH_TEX = 27;

    const damaged = (at?: number, value?: number) =>
      oneNoteCache(text, 0, num => {
        assert.strictEqual(num(10), 1, 'one heading');
        assert.strictEqual(num(16), 2, 'two footnotes');
      }, at, value);

    for (const [what, at, value] of [
      ['a heading\'s text past the string table', HEADING_TEXT, 9999],
      ['a negative string number', MATH_TEX, -2],
      ['a footnote kind that is none', FOOTNOTE_KIND, 3],
      ['a math delimiter that is none', MATH_DELIMITER, 7],
      ['a count past the stream', 16, 1 << 30],
    ] as const) {
      test(what, async () => rejectsAsCorrupted(await damaged(at, value), /\((string|kind|a count of) -?\d+ at number \d+\)/));
    }

    test('the same file undamaged decodes', async () => {
      const back = await decodeIndexCache(await damaged(), identity);
      assert.deepStrictEqual(lazyLists(back.get('n.md')!.packed), lazyLists(scanNotePacked(text)));
    });
  });

  suite('damaged links or tags are rejected when the cache is read, with their place', () => {
    // One note, one link and one tag. Its stream: path, length, hash, range count, codeAt,
    // lineCount, title, frontmatter, 1 link (kind, row, as written, heading, block, label,
    // property, range, context start and end), 1 tag (row, source, range, context start and end).
    const text = 'See [[b#Part]] on #method.\n';
    const LINK_COUNT = 8;
    const LINK_KIND = 9;
    const LINK_HEADING = 12;
    const TAG_ROW = 20;
    const TAG_SOURCE = 21;

    // Two new targets: 'b' and 'method'.
    const cacheWith = (at?: number, value?: number) =>
      oneNoteCache(text, 2, num => {
        assert.strictEqual(num(LINK_COUNT), 1, 'one link');
        assert.strictEqual(num(LINK_COUNT + 11), 1, 'one tag');
      }, at, value);

    for (const [what, at, value, place] of [
      ['a link kind that is none', LINK_KIND, 3, /kind 3 at number 9\)/],
      ['a link\'s heading past the string table', LINK_HEADING, 9999, /string 9999 at number 12\)/],
      ['a link count past the stream', LINK_COUNT, 1 << 30, /a count of 1073741824 at number 8\)/],
      ['a tag naming a row past the target table', TAG_ROW, 2, /target 2 at number 20 \(the table has 2\)\)/],
      ['a tag source that is none', TAG_SOURCE, 2, /kind 2 at number 21\)/],
    ] as const) {
      test(what, async () => rejectsAsCorrupted(await cacheWith(at, value), place));
    }

    test('the same file undamaged decodes to the scanner\'s links and tags', async () => {
      const back = await decodeIndexCache(await cacheWith(), identity);
      assert.deepStrictEqual(linksAndTags(back.get('n.md')!.packed), linksAndTags(scanNotePacked(text)));
    });
  });
});
