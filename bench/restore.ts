// The second opening, host-free: a cold build with stamps (what the extension does first),
// the cache written from it, then — as a fresh start would — the build that restores from it
// while the cache file is read and decoded a chunk at a time and a worker stamps the files
// (as the extension's FsHost does). Phases in wall and CPU time of this process (all threads).
//   node out/bench/restore.js DIR [cacheFile]              writes the cache
//   PHASE=restore node out/bench/restore.js DIR [cacheFile]  times the second opening
// NO_WORKER=1 stamps a batch at a time on the main thread instead; under node --expose-gc it also
// prints the heap and RSS after a full collection (and again once every note's headings, footnotes
// and math are read, and once every note's links and tags are, which a restored index decodes only
// then). It times the first backlinks of the hub note and a graph's opening, which must not need those reads; HEAP_SNAPSHOT=FILE writes a heap snapshot at the end, HEAP_SNAPSHOT_RESTORED=FILE one right after the restore. The cache keeps no texts, so it
// restores into an index that keeps none (it reads them back from the disk when asked, as the extension does). Prints JSON on its last line.
import * as fs from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import type { FileStamp } from '../src/core/host';
import { GraphModel } from '../src/core/graph/graphModel';
import { buildIndex } from '../src/core/index/build';
import { NoteIndex } from '../src/core/index/noteIndex';
import { decodeIndexCache, writeIndexCache, type CacheNote } from '../src/core/index/indexCache';
import { TimeSlices } from '../src/core/index/timeSlices';
import { openFileSource } from '../src/node/fileSource';
import { NodeVaultHost } from '../src/node/nodeHost';
import { stampMany } from '../src/node/stampWorker';

const [dir, cacheFile = '/tmp/marginalia-bench.cache'] = process.argv.slice(2);
const identity = { producer: 'bench', folder: dir, settings: '' };
const SLICE_MS = 20;

/** The extension's host on a local folder: stamps taken by a worker. */
class StampingHost extends NodeVaultHost {
  stampMany(paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
    return stampMany(this.root, paths);
  }
}

async function timed<T>(what: string, out: Record<string, unknown>, f: () => Promise<T> | T): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await f();
  const c = process.cpuUsage(cpu);
  out[what] = { ms: +(performance.now() - t).toFixed(1), cpu: +((c.user + c.system) / 1000).toFixed(1) };
  return r;
}

function readLinksAndTags(index: NoteIndex): number {
  let items = 0;
  for (const n of index.packedNotes()) items += n.packed.links.length + n.packed.tags.length;
  return items;
}

function readLazyLists(index: NoteIndex): number {
  let items = 0;
  for (const n of index.packedNotes()) items += n.packed.headings.length + n.packed.footnotes.length + n.packed.math.length;
  return items;
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = {};
  if (process.env.PHASE !== 'restore') {
    const host = new NodeVaultHost(dir);
    const built = await timed('cold build (stamps)', out, () => buildIndex(host, { stamp: true, sliceMs: SLICE_MS }));
    const notes: CacheNote[] = [];
    for (const n of built.index.packedNotes()) notes.push({ path: n.path, stamp: built.stamps.get(n.path)!, print: n.print, packed: n.packed });
    // Written a chunk at a time into the file, as the extension writes a local cache: holding
    // every chunk until the end (encodeIndexCache) made V8 collect the whole heap again for each
    // 64 MB of chunks held, a cost that grew with the vault squared (issue 20).
    const slices = new TimeSlices(15);
    const fd = fs.openSync(cacheFile, 'w');
    try {
      await timed('encode', out, () => writeIndexCache(identity, notes, (bytes, at) => void fs.writeSync(fd, bytes, 0, bytes.length, at), slices));
    } finally {
      fs.closeSync(fd);
    }
    out.encodeLongestSliceMs = +slices.finish().toFixed(1);
    out.cacheMB = +(fs.statSync(cacheFile).size / 1e6).toFixed(1);
  } else {
    const host = process.env.NO_WORKER ? new NodeVaultHost(dir) : new StampingHost(dir);
    const r = await timed('second opening', out, async () => {
      const source = await openFileSource(cacheFile);
      const decoded = timed('decode (overlapped)', out, () => decodeIndexCache(source, identity, new TimeSlices(SLICE_MS))).finally(() => source.close());
      const index = new NoteIndex();
      const decoder = new TextDecoder();
      index.readTextsThrough(async p => decoder.decode(await host.readFile(p)));
      return buildIndex(host, { cached: decoded, stamp: true, sliceMs: SLICE_MS, index });
    });
    out.restored = r.restored;
    out.longestSliceMs = +r.longestSliceMs.toFixed(1);
    out.heapMB = +(process.memoryUsage().heapUsed / 1e6).toFixed(1);
    out.rssMB = +(process.memoryUsage().rss / 1e6).toFixed(1);
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      out.afterGc = { heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(1), rssMB: +(process.memoryUsage().rss / 1e6).toFixed(1) };
    }
    const heap = () => ({ heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(1), arrayBuffersMB: +(process.memoryUsage().arrayBuffers / 1e6).toFixed(1) });
    if (gc) out.afterGc = { ...(out.afterGc as object), ...heap() };
    // The heap as restored, before any query reads a note's links or lists.
    if (process.env.HEAP_SNAPSHOT_RESTORED) writeHeapSnapshot(process.env.HEAP_SNAPSHOT_RESTORED);
    let hub = '';
    for (const n of r.index.notes()) if (hub === '' || r.index.linkCountTo(n.path) > r.index.linkCountTo(hub)) hub = n.path;
    out.hubBacklinks = await timed('first backlinks of the hub note', out, () => r.index.backlinks(hub).length);
    await timed('second backlinks of the hub note', out, () => r.index.backlinks(hub).length);
    out.graphEdges = await timed('graph opening (GraphModel)', out, () => new GraphModel(r.index, {}).data().edges.length);
    // What a caller that reads every note's headings (and so all its lazily decoded lists) pays,
    // once and again (the second read finds them kept), and what the heap holds then.
    await timed('first read of every lazy list', out, () => readLazyLists(r.index));
    await timed('second read', out, () => readLazyLists(r.index));
    if (gc) {
      gc();
      out.afterReadGc = heap();
    }
    // Likewise every note's links and tags (rename of a hub, `brokenLinks`, a full unlinked-mentions search).
    await timed('first read of every link and tag', out, () => readLinksAndTags(r.index));
    await timed('second read of links and tags', out, () => readLinksAndTags(r.index));
    if (gc) {
      gc();
      out.afterLinksGc = heap();
    }
    if (process.env.HEAP_SNAPSHOT) writeHeapSnapshot(process.env.HEAP_SNAPSHOT);
    void r;
  }
  console.log(JSON.stringify(out));
}
void main();
