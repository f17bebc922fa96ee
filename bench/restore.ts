// The second opening, host-free: a cold build with stamps (what the extension does first),
// the cache written from it, then — as a fresh start would — reading and decoding that cache
// and the build that restores from it. Phases in wall and CPU time of this process.
//   node out/bench/restore.js DIR [cacheFile]   (npm run bench builds it; prints JSON on its last line)
import * as fs from 'node:fs';
import { buildIndex } from '../src/core/index/build';
import { decodeIndexCache, encodeIndexCache, type CacheNote } from '../src/core/index/indexCache';
import { NodeVaultHost } from '../src/node/nodeHost';

const [dir, cacheFile = '/tmp/marginalia-bench.cache'] = process.argv.slice(2);
const identity = { producer: 'bench', folder: dir, settings: '' };

async function timed<T>(what: string, out: Record<string, unknown>, f: () => Promise<T> | T): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await f();
  const c = process.cpuUsage(cpu);
  out[what] = { ms: +(performance.now() - t).toFixed(1), cpu: +((c.user + c.system) / 1000).toFixed(1) };
  return r;
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = {};
  if (process.env.PHASE !== 'restore') {
    const host = new NodeVaultHost(dir);
    const built = await timed('cold build (stamps)', out, () => buildIndex(host, { stamp: true, sliceMs: 20 }));
    const notes: CacheNote[] = [];
    for (const n of built.index.packedNotes()) notes.push({ path: n.path, stamp: built.stamps.get(n.path)!, text: n.text, packed: n.packed });
    const pieces = await timed('encode', out, () => encodeIndexCache(identity, notes));
    fs.writeFileSync(cacheFile, Buffer.concat(pieces));
    out.cacheMB = +(fs.statSync(cacheFile).size / 1e6).toFixed(1);
  } else {
    const host = new NodeVaultHost(dir);
    const bytes = await timed('read cache', out, () => fs.promises.readFile(cacheFile));
    const cached = await timed('decode', out, () => decodeIndexCache(bytes, identity));
    const r = await timed('restore build', out, () => buildIndex(host, { cached, stamp: true, sliceMs: 20 }));
    out.restored = r.restored;
    out.longestSliceMs = +r.longestSliceMs.toFixed(1);
    out.heapMB = +(process.memoryUsage().heapUsed / 1e6).toFixed(1);
    out.rssMB = +(process.memoryUsage().rss / 1e6).toFixed(1);
  }
  console.log(JSON.stringify(out));
}
void main();
