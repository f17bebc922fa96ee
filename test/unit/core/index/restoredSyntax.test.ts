import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildIndex } from '../../../../src/core/index/build';
import { CacheRejected, decodeIndexCache, encodeIndexCache, type CacheIdentity, type CacheNote } from '../../../../src/core/index/indexCache';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { RestoredSyntax } from '../../../../src/core/index/restoredSyntax';
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

suite('restored syntax', () => {
  const vaults = [path.join(root, 'test/fixtures/render'), path.join(root, 'test/fixtures/syntax'), path.join(root, 'samples/research-notes'), generatedVault(150)];
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

    async function damaged(at: number, value: number): Promise<Uint8Array> {
      const index = new NoteIndex();
      index.upsert('n.md', text);
      const good = await cacheOf(index);
      const { prefixAt, chunkAt, chunkBytes, header } = layoutOf(good);
      const bad = good.slice();
      const view = new DataView(bad.buffer, bad.byteOffset);
      const numsAt = chunkAt + 28 + 16; // seven counts, one note's stamp, no new targets (no links)
      assert.strictEqual(view.getInt32(numsAt + 10 * 4, true), 1, 'one heading');
      assert.strictEqual(view.getInt32(numsAt + 16 * 4, true), 2, 'two footnotes');
      view.setInt32(numsAt + at * 4, value, true);
      return resealed(bad, prefixAt, chunkAt, chunkBytes, header);
    }

    for (const [what, at, value] of [
      ['a heading\'s text past the string table', HEADING_TEXT, 9999],
      ['a negative string number', MATH_TEX, -2],
      ['a footnote kind that is none', FOOTNOTE_KIND, 3],
      ['a math delimiter that is none', MATH_DELIMITER, 7],
      ['a count past the stream', 16, 1 << 30],
    ] as const) {
      test(what, async () => {
        await assert.rejects(decodeIndexCache(await damaged(at, value), identity), (e: unknown) => {
          assert.ok(e instanceof CacheRejected, String(e));
          assert.strictEqual(e.reason, 'corrupted');
          assert.match(e.message, /chunk 1 does not decode \((string|kind|a count of) -?\d+ at number \d+\)/);
          return true;
        });
      });
    }

    test('the same file undamaged decodes', async () => {
      const back = await decodeIndexCache(await damaged(HEADING_TEXT, (await damagedValue(HEADING_TEXT))), identity);
      assert.deepStrictEqual(lazyLists(back.get('n.md')!.packed), lazyLists(scanNotePacked(text)));
    });

    /** The number the stream holds at `at`, undamaged. */
    async function damagedValue(at: number): Promise<number> {
      const index = new NoteIndex();
      index.upsert('n.md', text);
      const good = await cacheOf(index);
      return new DataView(good.buffer, good.byteOffset).getInt32(layoutOf(good).chunkAt + 28 + 16 + at * 4, true);
    }
  });
});
