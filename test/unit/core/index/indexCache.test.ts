import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildIndex, type CachedNote } from '../../../../src/core/index/build';
import { CACHE_SCHEMA, CacheRejected, checksum, decodeIndexCache, encodeIndexCache, writeIndexCache, type CacheIdentity, type CacheNote } from '../../../../src/core/index/indexCache';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { loadSnapshot, packedAsRead, snapshot } from '../../../../src/core/index/snapshot';
import { textHash } from '../../../../src/core/index/noteTexts';
import { unpackSyntax } from '../../../../src/core/syntax/packed';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { openFileSource } from '../../../../src/node/fileSource';
import { NodeVaultHost } from '../../../../src/node/nodeHost';
import { layoutOf, resealed } from './cacheFiles';
import { stampMany } from '../../../../src/node/stampWorker';
import { folderWith } from '../../tempFolder';

const root = path.resolve(__dirname, '../../../../..');
const fixtures = [path.join(root, 'samples/research-notes'), path.join(root, 'test/fixtures/syntax'), path.join(root, 'test/fixtures/render')];
const identity: CacheIdentity = { producer: '0.1.0', folder: 'file:///vault', settings: '{"include":["**/*"]}' };

async function fresh(dir: string): Promise<NoteIndex> {
  return (await buildIndex(new NodeVaultHost(dir))).index;
}

function notesOf(index: NoteIndex): CacheNote[] {
  return [...index.packedNotes()].map((n, i) => ({ ...n, stamp: { size: n.print.length, mtime: 1700000000000.25 + i } }));
}

/** An index to restore a cache into: the cache keeps no texts, so it reads them back from `dir`. */
function readingIndex(dir: string): NoteIndex {
  const index = new NoteIndex();
  const host = new NodeVaultHost(dir);
  index.readTextsThrough(async p => new TextDecoder().decode(await host.readFile(p)));
  return index;
}

async function cacheFile(index: NoteIndex): Promise<Uint8Array> {
  // A plain copy: a Buffer's slice() would share its bytes.
  return new Uint8Array(Buffer.concat(await encodeIndexCache(identity, notesOf(index))));
}

/** A host over `dir` whose stamps are the ones notesOf() wrote, so every cached note counts as unchanged. */
function stampedHost(dir: string, index: NoteIndex): NodeVaultHost {
  const stamps = new Map(notesOf(index).map(n => [n.path, n.stamp]));
  const host = new NodeVaultHost(dir);
  host.stamp = p => stamps.get(p) ?? { size: -1, mtime: -1 };
  return host;
}

async function rejection(file: Uint8Array, id = identity): Promise<CacheRejected> {
  try {
    await decodeIndexCache(file, id);
  } catch (e) {
    if (e instanceof CacheRejected) return e;
    throw e;
  }
  throw new Error('the damaged cache was accepted');
}

suite('index cache', () => {
  for (const dir of fixtures) {
    test(`an index restored from its cache answers every query as a fresh build (${path.relative(root, dir)})`, async () => {
      const built = await fresh(dir);
      const cached = await decodeIndexCache(await cacheFile(built), identity);
      const result = await buildIndex(stampedHost(dir, built), { cached, index: readingIndex(dir) });
      assert.strictEqual(result.restored, built.stats().notes);
      assert.strictEqual(result.index.keptTextCount(), 0, 'a restored index holds no texts');
      assert.deepStrictEqual(await loadSnapshot(result.index), snapshot(built));
      for (const note of [...result.index.notes()]) {
        const text = await result.index.readText(note.path);
        assert.strictEqual(text, built.textOf(note.path));
        assert.deepStrictEqual(note.syntax, scanNote(text!), note.path);
        assert.ok(result.index.indexedFrom(note.path, text!), note.path);
      }
    });
  }

  test('a note whose size or time changed is read again, the others are restored', async () => {
    const dir = fixtures[0];
    const built = await fresh(dir);
    const cached = new Map(await decodeIndexCache(await cacheFile(built), identity));
    const changed = [...cached.keys()][0];
    const old = cached.get(changed)!;
    // The cache holds another text's print and syntax for it: only a re-read can bring back the real ones.
    const packed = [...(await fresh(fixtures[1])).packedNotes()][0].packed;
    cached.set(changed, { ...old, print: { length: 5, hash: textHash('stale') }, packed, stamp: { size: old.stamp.size + 1, mtime: old.stamp.mtime } } satisfies CachedNote);
    const result = await buildIndex(stampedHost(dir, built), { cached, index: readingIndex(dir) });
    assert.strictEqual(result.restored, built.stats().notes - 1);
    assert.deepStrictEqual(await loadSnapshot(result.index), snapshot(built));
  });

  for (const dir of fixtures) {
    test(`notes, their texts' lengths and hashes, stamps and every field of their syntax come back exactly (${path.relative(root, dir)})`, async () => {
      const built = await fresh(dir);
      const notes = notesOf(built);
      const back = await decodeIndexCache(await cacheFile(built), identity);
      assert.deepStrictEqual([...back.keys()], notes.map(n => n.path));
      for (const n of notes) {
        assert.deepStrictEqual(back.get(n.path)!.print, n.print);
        assert.deepStrictEqual(back.get(n.path)!.stamp, n.stamp);
        assert.deepStrictEqual(packedAsRead(back.get(n.path)!.packed), packedAsRead(n.packed), n.path);
      }
    });
  }

  test('restored ranges are 16-bit where a chunk\'s numbers fit, 32-bit where they do not, equal to the scan\'s either way, and written back the same', async () => {
    const index = new NoteIndex();
    const small = 'see [[b]] and #tag\n\n# Heading\n';
    // Past 65,535 characters: its offsets do not fit 16 bits, nor do its chunk's.
    const big = 'x\n'.repeat(40_000) + 'far [[b]] #tag $x$\n';
    index.upsert('a.md', small);
    index.upsert('big.md', big);
    const notes = notesOf(index);
    // Both share a chunk; a second cache holds the small note alone.
    const both = await decodeIndexCache(new Uint8Array(Buffer.concat(await encodeIndexCache(identity, notes))), identity);
    const alone = await decodeIndexCache(new Uint8Array(Buffer.concat(await encodeIndexCache(identity, notes.slice(0, 1)))), identity);
    assert.ok(alone.get('a.md')!.packed.ranges instanceof Uint16Array, 'a chunk of small notes keeps 16-bit ranges');
    assert.ok(both.get('big.md')!.packed.ranges instanceof Int32Array, 'a chunk with a note past 64 K characters keeps 32-bit ranges');
    for (const [back, path, text] of [[alone, 'a.md', small], [both, 'a.md', small], [both, 'big.md', big]] as const) {
      assert.deepStrictEqual(unpackSyntax(back.get(path)!.packed), scanNote(text), path);
    }
    const again = notes.slice(0, 1).map(n => ({ ...n, packed: alone.get(n.path)!.packed }));
    assert.deepStrictEqual(Buffer.concat(await encodeIndexCache(identity, again)), Buffer.concat(await encodeIndexCache(identity, notes.slice(0, 1))));
  });

  test('a cache stores no text: a hash of 2^31 or more, and a text of any length, come back exactly', async () => {
    const built = await fresh(fixtures[1]);
    const notes = notesOf(built);
    assert.ok(notes.some(n => n.print.hash >= 2 ** 31) && notes.some(n => n.print.hash < 2 ** 31), 'hashes on both sides of the sign bit');
    const file = Buffer.concat(await encodeIndexCache(identity, notes));
    const back = await decodeIndexCache(file, identity);
    for (const n of notes) {
      assert.deepStrictEqual(back.get(n.path)!.print, { length: built.textOf(n.path)!.length, hash: textHash(built.textOf(n.path)!) }, n.path);
    }
    // A line long enough to be found only in a text, never in syntax or paths.
    const longest = notes.map(n => built.textOf(n.path)!.split('\n')).flat().filter(l => !l.includes('[[') && !l.includes('#')).sort((a, b) => b.length - a.length)[0];
    assert.ok(longest.length > 40, longest);
    assert.ok(!file.includes(Buffer.from(longest)), 'the text is not in the file');
  });

  test('a cache read from its file a chunk at a time is the same as read whole', async () => {
    const built = await fresh(fixtures[0]);
    const one = notesOf(built);
    const many = Array.from({ length: 700 }, (_, i) => ({ ...one[i % one.length], path: `n${i}.md` }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cache-')), 'index.bin');
    fs.writeFileSync(file, Buffer.concat(await encodeIndexCache(identity, many)));
    const source = await openFileSource(file);
    try {
      const back = await decodeIndexCache(source, identity);
      assert.deepStrictEqual(back, await decodeIndexCache(fs.readFileSync(file), identity));
    } finally {
      await source.close();
    }
    fs.truncateSync(file, fs.statSync(file).size - 100);
    const cut = await openFileSource(file);
    try {
      await assert.rejects(decodeIndexCache(cut, identity), (e: unknown) => e instanceof CacheRejected && e.reason === 'truncated');
    } finally {
      await cut.close();
    }
  });

  test('a cache written a chunk at a time at its offsets, header last, reads as the whole file; a size bound stops it', async () => {
    const one = notesOf(await fresh(fixtures[0]));
    const many = Array.from({ length: 700 }, (_, i) => ({ ...one[i % one.length], path: `n${i}.md` }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cache-')), 'index.bin');
    const fd = fs.openSync(file, 'w');
    const writes: number[] = [];
    // Which notes have been encoded when each piece is handed over (the encoder reads `packed`).
    const encoded = new Set<number>();
    const watched = many.map((n, i) => ({ ...n, get packed() { encoded.add(i); return n.packed; } }));
    const encodedAtWrite: number[] = [];
    const size = await writeIndexCache(identity, watched, async (bytes, at) => {
      writes.push(at);
      encodedAtWrite.push(encoded.size);
      await new Promise(resolve => setImmediate(resolve));
      fs.writeSync(fd, bytes, 0, bytes.length, at);
    });
    fs.closeSync(fd);
    assert.strictEqual(fs.statSync(file).size, size);
    assert.ok(writes.length > 3, `${writes.length} writes`);
    assert.strictEqual(writes[writes.length - 1], 0, 'the header comes last, at the start');
    assert.ok(encodedAtWrite[0] < many.length / 2, `the first chunk is written once ${encodedAtWrite[0]} of ${many.length} notes are encoded, not after all`);
    const whole = Buffer.concat(await encodeIndexCache(identity, many));
    assert.deepStrictEqual(await decodeIndexCache(fs.readFileSync(file), identity), await decodeIndexCache(whole, identity));
    assert.deepStrictEqual(new Uint8Array(fs.readFileSync(file)), new Uint8Array(whole), 'the same bytes as the pieces');
    const stoppedWrites: number[] = [];
    const stopped = await writeIndexCache(identity, many, (_bytes, at) => void stoppedWrites.push(at), undefined, 1000);
    assert.ok(stopped > 1000 && stopped < size, `stopped at ${stopped} of ${size} bytes`);
    assert.deepStrictEqual(stoppedWrites.length, 1, 'one chunk, and no header: the file is never whole');
  });

  test('a build handed the cache still decoding, stamping with a worker, equals a fresh build', async () => {
    const dir = fixtures[0];
    const built = await fresh(dir);
    const host = stampedHost(dir, built);
    let stampedAtOnce = 0;
    const many = Object.assign(host, {
      stampMany: async (paths: readonly string[]) => (stampedAtOnce += paths.length, paths.map(p => host.stamp(p))),
    });
    const result = await buildIndex(many, { cached: decodeIndexCache(await cacheFile(built), identity), index: readingIndex(dir) });
    assert.strictEqual(stampedAtOnce, built.stats().notes);
    assert.strictEqual(result.restored, built.stats().notes);
    assert.strictEqual(result.cachedNotes, built.stats().notes);
    assert.deepStrictEqual(await loadSnapshot(result.index), snapshot(built));
  });

  test('stamps taken at once are matched by position in the listing: attachments between notes, one note changed', async () => {
    // Sorted, the listing mixes notes and attachments: a note's place among notes is not its place in the listing.
    const dir = folderWith({
      'a.md': '# A\n\n[[c]] #one',
      'b.png': 'not a note',
      'c.md': '# C\n\n[[a]]',
      'd/e.pdf': 'not a note either',
      'd/f.md': '# F\n\n[[g]] [[a]]',
      'e.txt': 'plain',
      'g.md': '# G\n\n#two',
    }, 'marginalia-stamps-');
    try {
      const stamper = new NodeVaultHost(dir);
      const before = await buildIndex(stamper, { stamp: true });
      const notes: CacheNote[] = [...before.index.packedNotes()].map(n => ({ ...n, stamp: before.stamps.get(n.path)! }));
      const cache = new Uint8Array(Buffer.concat(await encodeIndexCache(identity, notes)));
      fs.writeFileSync(path.join(dir, 'c.md'), '# C changed\n\n[[g]] [[nowhere]] and more text'); // another size: its stamp differs
      let askedAtOnce = 0;
      const host = Object.assign(new NodeVaultHost(dir), {
        stampMany: async (paths: readonly string[]) => (askedAtOnce++, paths.map(p => stamper.stamp(p))),
      });
      const result = await buildIndex(host, { cached: decodeIndexCache(cache, identity), stamp: true, index: readingIndex(dir), batchSize: 3 });
      assert.strictEqual(askedAtOnce, 1);
      assert.strictEqual(result.restored, 3, 'a, d/f, g restored; c read again');
      assert.deepStrictEqual([...result.stamps.keys()].sort(), ['a.md', 'c.md', 'd/f.md', 'g.md']);
      assert.deepStrictEqual(result.stamps.get('c.md'), stamper.stamp('c.md'));
      assert.deepStrictEqual(await loadSnapshot(result.index), snapshot(await fresh(dir)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a host that cannot stamp everything at once is stamped a batch at a time', async () => {
    const dir = fixtures[0];
    const built = await fresh(dir);
    const failing = Object.assign(stampedHost(dir, built), { stampMany: () => Promise.reject(new Error('no worker here')) });
    const result = await buildIndex(failing, { cached: decodeIndexCache(await cacheFile(built), identity), index: readingIndex(dir) });
    assert.strictEqual(result.restored, built.stats().notes);
    assert.deepStrictEqual(await loadSnapshot(result.index), snapshot(built));
  });

  test('the stamp worker stamps as a stat does, and names no stamp for a missing file', async () => {
    const dir = fixtures[0];
    const paths = [...(await fresh(dir)).notes()].map(n => n.path);
    const stamps = await stampMany(dir, [...paths, 'no such note.md']);
    assert.deepStrictEqual(stamps.slice(0, -1), paths.map(p => new NodeVaultHost(dir).stamp(p)));
    assert.strictEqual(stamps[stamps.length - 1], undefined);
  });

  test('a cache of many chunks reads back whole', async () => {
    const one = notesOf(await fresh(fixtures[0]))[0];
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...one, path: `n${i}.md` }));
    const back = await decodeIndexCache(Buffer.concat(await encodeIndexCache(identity, many)), identity);
    assert.strictEqual(back.size, 1000);
    assert.deepStrictEqual(back.get('n999.md')!.print, one.print);
  });

  suite('a damaged cache is rejected with its reason', () => {
    let good: Uint8Array;
    suiteSetup(async () => {
      good = await cacheFile(await fresh(fixtures[0]));
    });

    test('truncated: cut anywhere', async () => {
      for (const at of [0, 10, 40, Math.floor(good.length / 2), good.length - 1]) {
        assert.strictEqual((await rejection(good.slice(0, at))).reason, 'truncated', `cut at ${at}`);
      }
    });

    test('corrupted: one byte flipped in the header or in any chunk', async () => {
      for (const at of [30, Math.floor(good.length / 3), Math.floor(good.length / 2), good.length - 5]) {
        const bad = good.slice();
        bad[at] ^= 0x20;
        assert.strictEqual((await rejection(bad)).reason, 'corrupted', `byte ${at}`);
      }
    });

    test('corrupted, never a crash: damage that its checksum does not catch', async () => {
      // Bytes changed all over the first chunk and the checksums made to match again: every
      // file either decodes (a changed number may still be a number) or is rejected as corrupted.
      const { prefixAt, chunkAt, chunkBytes, header } = layoutOf(good);
      let rejected = 0;
      for (let at = chunkAt; at < chunkAt + chunkBytes; at += 13) {
        const bad = good.slice();
        bad[at] ^= 0x41;
        try {
          // What decodes must read whole, lazily decoded lists included (restoredSyntax.ts).
          for (const n of (await decodeIndexCache(resealed(bad, prefixAt, chunkAt, chunkBytes, header), identity)).values()) unpackSyntax(n.packed);
        } catch (e) {
          if (!(e instanceof CacheRejected)) throw new Error(`byte ${at}: ${e instanceof Error ? e.stack : String(e)}`);
          assert.strictEqual(e.reason, 'corrupted', `byte ${at}`);
          rejected++;
        }
      }
      assert.ok(rejected > 0, 'some damage is found by the decoder itself');
    });

    /** A cache file (prefix and header with valid checksums) whose header names these chunks, followed by `body`. */
    function hostileFile(chunks: unknown, body = new Uint8Array(0), notes: unknown = 0): Uint8Array {
      const { header } = layoutOf(good);
      const json = Buffer.from(JSON.stringify({ ...header, notes, chunks }));
      const prefix = Buffer.alloc((28 + json.length + 3) & ~3);
      Buffer.from(good.subarray(0, 20)).copy(prefix);
      prefix.writeUInt32LE(json.length, 20);
      prefix.writeUInt32LE(checksum(new Uint8Array(json.buffer.slice(json.byteOffset, json.byteOffset + json.length))), 24);
      json.copy(prefix, 28);
      return new Uint8Array(Buffer.concat([prefix, body]));
    }

    /** Decodes `file` from disk, as the extension does, where a bad length would reach Node's file read. */
    async function rejectionFromDisk(file: Uint8Array): Promise<CacheRejected> {
      const at = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-hostile-')), 'index.bin');
      fs.writeFileSync(at, file);
      const source = await openFileSource(at);
      try {
        return await rejection(source as unknown as Uint8Array);
      } finally {
        await source.close();
      }
    }

    test('chunk sizes of 2^31 and -2^31 (they add up to nothing) are rejected, never read', async () => {
      const file = hostileFile([{ bytes: 2 ** 31, checksum: 0 }, { bytes: -(2 ** 31), checksum: 0 }]);
      assert.ok(['corrupted', 'truncated'].includes((await rejectionFromDisk(file)).reason));
    });

    test('a negative, fractional, huge or missing chunk size is rejected, and no read is left unhandled', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => void unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        for (const bytes of [-4, 4.5, 2 ** 53, '8', null, undefined]) {
          const file = hostileFile([{ bytes: 8, checksum: 1 }, { bytes, checksum: 0 }], new Uint8Array(8));
          assert.ok(['corrupted', 'truncated'].includes((await rejectionFromDisk(file)).reason), `size ${String(bytes)}`);
        }
        assert.ok(['corrupted', 'truncated'].includes((await rejectionFromDisk(hostileFile([{ bytes: 8, checksum: 0 }], new Uint8Array(8), -1))).reason));
        await new Promise(resolve => setTimeout(resolve, 20));
        assert.deepStrictEqual(unhandled, []);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });

    test('a chunk whose counts are past 2^31 is rejected as corrupted', async () => {
      const chunk = new Uint8Array(32);
      const view = new DataView(chunk.buffer);
      view.setUint32(0, 0, true);
      view.setUint32(12, 0xfffffffd, true); // string bytes: pad4 with bit operations wraps this to 0
      const file = hostileFile([{ bytes: 32, checksum: checksum(chunk) }], chunk);
      assert.strictEqual((await rejection(file)).reason, 'corrupted');
    });

    test('a link naming a row past the target table is rejected as corrupted; the same file undamaged decodes', async () => {
      // One note, one link: the chunk's seven counts, the note's stamp, the one new target ('b'),
      // then the stream (syntaxCodec.ts): path, length, hash, range count, codeAt, lineCount, title,
      // frontmatter, 1 link: kind, its target's row, ...
      const index = new NoteIndex();
      index.upsert('a.md', 'See [[b]].\n');
      const one = await cacheFile(index);
      const { prefixAt, chunkAt, chunkBytes, header } = layoutOf(one);
      const view = new DataView(one.buffer, one.byteOffset);
      assert.strictEqual(view.getUint32(chunkAt + 4, true), 1, 'one new target');
      const rowAt = chunkAt + 28 + 16 + 4 + 10 * 4;
      assert.strictEqual(view.getInt32(rowAt - 4, true), 0, 'the link\'s kind (wiki)');
      assert.strictEqual(view.getInt32(rowAt - 8, true), 1, 'one link');
      const withRow = (row: number) => {
        const bad = one.slice();
        new DataView(bad.buffer).setInt32(rowAt, row, true);
        return resealed(bad, prefixAt, chunkAt, chunkBytes, header);
      };
      for (const row of [1, -1, 2 ** 31 - 1]) {
        const e = await rejection(withRow(row));
        assert.strictEqual(e.reason, 'corrupted', `row ${row}`);
        assert.match(e.message, /chunk 1 does not decode \(target -?\d+ at number 10 \(the table has 1\)\)/);
      }
      assert.strictEqual((await decodeIndexCache(withRow(0), identity)).get('a.md')!.packed.links[0].target, 'b');
    });

    test('outdated: written in the layout before the target table (3)', async () => {
      const old = good.slice();
      new DataView(old.buffer).setUint32(16, 3, true);
      const e = await rejection(old);
      assert.strictEqual(e.reason, 'outdated');
      assert.match(e.message, /layout 3, this version reads 4/);
    });

    test('corrupted: bytes appended', async () => {
      assert.strictEqual((await rejection(Buffer.concat([good, Buffer.from('junk')]))).reason, 'corrupted');
    });

    test('foreign: any other file', async () => {
      assert.strictEqual((await rejection(Buffer.from('{"notes": []}'.repeat(10)))).reason, 'foreign');
      assert.strictEqual((await rejection(fs.readFileSync(path.join(root, 'samples/research-notes/attachments/figure.png')))).reason, 'foreign');
    });

    test('outdated: written by another version', async () => {
      assert.strictEqual((await rejection(good, { ...identity, producer: '0.2.0' })).reason, 'outdated');
    });

    test('written for another folder or other settings', async () => {
      assert.strictEqual((await rejection(good, { ...identity, folder: 'file:///elsewhere' })).reason, 'other-folder');
      assert.strictEqual((await rejection(good, { ...identity, settings: '{}' })).reason, 'other-settings');
    });
  });

  // What CACHE_SCHEMA stands for: every field a cached note carries, as found on the fixtures.
  // When this changes (a field added to PackedSyntax or its items), write the field in
  // syntaxCodec.ts (SyntaxWriter.write and SyntaxReader.read), bump CACHE_SCHEMA, then update
  // both lines here: an old cache must never be read as if it had the new fields.
  test('the cached record has the shape CACHE_SCHEMA stands for', async () => {
    const keys = new Set<string>();
    const walk = (value: unknown, at: string): void => {
      if (value instanceof Int32Array) return void keys.add(`${at}:Int32Array`);
      if (Array.isArray(value)) return value.forEach(v => walk(v, `${at}[]`));
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
      else keys.add(`${at}:${typeof value}`);
    };
    for (const dir of fixtures) {
      for (const n of (await fresh(dir)).packedNotes()) {
        walk(n.print, 'print');
        walk(n.packed, 'packed');
      }
    }
    const shape = [...keys].filter(k => !/\.frontmatter\.(?!title|aliases|tags|bibliography)/.test(k)).sort().join(' ');
    assert.strictEqual(CACHE_SCHEMA, 6);
    assert.deepStrictEqual(shape.split(' '), [
      'packed.blockIds[].block.endOffset:number', 'packed.blockIds[].block.startOffset:number', 'packed.blockIds[].id:string',
      'packed.blockIds[].range:number', 'packed.citations[].bracketed:boolean', 'packed.citations[].context.endOffset:number',
      'packed.citations[].context.startOffset:number', 'packed.citations[].key:string', 'packed.citations[].range:number',
      'packed.citations[].suppressAuthor:boolean', 'packed.codeAt:number', 'packed.footnotes[].kind:string', 'packed.footnotes[].label:string',
      'packed.footnotes[].range:number', 'packed.frontmatter.aliases[]:string', 'packed.frontmatter.tags[]:string',
      'packed.frontmatter.title:string', 'packed.headings[].level:number', 'packed.headings[].range:number',
      'packed.headings[].slug:string', 'packed.headings[].text:string', 'packed.lineCount:number', 'packed.links[].block:string',
      'packed.links[].context.endOffset:number', 'packed.links[].context.startOffset:number', 'packed.links[].heading:string',
      'packed.links[].kind:string', 'packed.links[].label:string', 'packed.links[].property:string', 'packed.links[].range:number', 'packed.links[].target:string',
      'packed.math[].delimiter:string', 'packed.math[].display:boolean', 'packed.math[].range:number', 'packed.math[].tex:string',
      'packed.ranges:Int32Array', 'packed.tags[].context.endOffset:number', 'packed.tags[].context.startOffset:number',
      'packed.tags[].name:string', 'packed.tags[].range:number', 'packed.tags[].source:string', 'packed.title:string',
      'print.hash:number', 'print.length:number',
    ]);
  });
});
