// What the editor features of src/core/edits and src/core/check cost on one vault: planning the
// link rewrites of a rename (the hub note, the largest folder), a tag rename, and a keystroke's
// diagnostics (scan the note, check its links). Bundled and run by bench/run.mjs: prints one JSON line.
import { buildIndex } from '../src/core/index/build';
import { NodeVaultHost } from '../src/node/nodeHost';
import { expandMove, planLinkUpdates } from '../src/core/edits/moveLinks';
import { planTagRename } from '../src/core/edits/renameTag';
import { linkProblems } from '../src/core/check/linkProblems';
import { scanNote } from '../src/core/syntax/scanNote';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
async function timed<T>(f: () => T | Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}
async function measure<T>(rounds: number, f: () => T | Promise<T>): Promise<{ median: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < rounds; i++) [times[i], result] = await timed(f);
  return { median: median(times), result };
}

async function main(dir: string) {
  const { index } = await buildIndex(new NodeVaultHost(dir));
  const notes = [...index.notes()];
  const hub = notes.map(n => ({ path: n.path, links: index.backlinks(n.path).length })).sort((a, b) => b.links - a.links)[0];
  const folders = new Map<string, number>();
  for (const n of notes) {
    const f = n.path.slice(0, n.path.lastIndexOf('/'));
    if (f) folders.set(f, (folders.get(f) ?? 0) + 1);
  }
  const folder = [...folders].sort((a, b) => b[1] - a[1])[0][0];
  const tag = index.tagTree().sort((a, b) => b.noteCount - a.noteCount)[0].name;

  const renameHub = await measure(20, () => planLinkUpdates(index, [{ from: hub.path, to: hub.path.replace(/\.md$/, '-renamed.md') }]));
  const moves = expandMove(index, folder, folder + '-moved');
  const moveFolder = await measure(5, () => planLinkUpdates(index, moves));
  const renameTag = await measure(5, () => planTagRename(index, tag, tag + '-renamed'));
  let i = 0;
  const keystroke = await measure(300, () => {
    const n = notes[(i++ * 7919) % notes.length];
    return linkProblems(index, n.path, scanNote(index.textOf(n.path)!));
  });
  console.log(JSON.stringify({
    renameHub: { ms: renameHub.median, backlinks: hub.links, changes: renameHub.result.length },
    moveFolder: { ms: moveFolder.median, files: moves.length, changes: moveFolder.result.length },
    renameTag: { ms: renameTag.median, tag, changes: renameTag.result.ok ? renameTag.result.changes.length : 0 },
    diagnostics: { ms: keystroke.median },
  }));
}

main(process.argv[2]).catch(e => {
  console.error(e);
  process.exit(1);
});
