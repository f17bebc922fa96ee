// In-process measurements on one vault: incremental updates and queries.
// Bundled and run by bench/run.mjs: `node ops.js DIR` prints one JSON line.
import { buildIndex } from '../src/core/index/build';
import { NodeVaultHost } from '../src/node/nodeHost';
import { backlinkGroups } from '../src/core/views/backlinkRows';
import { mentionSnapshot, mentionsUnchanged, searchMentions } from '../src/core/views/mentionRows';
import { orphanRows, placeholderRows } from '../src/core/views/noteRows';
import { outgoingRows } from '../src/core/views/outgoingRows';

const ROUNDS = 300;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)];
}
function time(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// Deterministic choice of notes, so runs compare.
let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

async function main(dir: string) {
  const { index } = await buildIndex(new NodeVaultHost(dir));
  const paths = [...index.notes()].map(n => n.path);
  const pick = () => paths[Math.floor(rand() * paths.length)];
  const names = paths.map(p => p.slice(p.lastIndexOf('/') + 1, -3));
  const tags = index.tagTree().flatMap(t => [t.name, ...t.children.map(c => c.name)]);

  // Warm up the JIT on each path first: the editor's steady state is what users feel.
  for (let i = 0; i < 50; i++) {
    index.backlinks(pick());
    index.completionCandidates(pick());
  }

  const edit: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const p = pick();
    const text = index.textOf(p) ?? '';
    // A realistic keystroke-level edit: a sentence with a new link and a tag added at the end.
    const next = `${text}\nAlso see [[${names[Math.floor(rand() * names.length)]}]] #bench/edit-${i % 7}.\n`;
    edit.push(time(() => index.upsert(p, next)));
  }

  const add: number[] = [];
  const added: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const p = `bench-new/note-${i}.md`;
    const text = `# New note ${i}\n\nLinks [[${names[i % names.length]}]] and [[missing-bench-${i % 13}]] #bench/new.\n`;
    added.push(p);
    add.push(time(() => index.upsert(p, text)));
  }
  const del: number[] = [];
  for (const p of added) del.push(time(() => index.remove(p)));

  const rename: number[] = [];
  for (let i = 0; i < ROUNDS / 3; i++) {
    const p = pick();
    const to = p.replace(/\.md$/, `-renamed-${i}.md`);
    rename.push(time(() => index.rename(p, to)));
    paths[paths.indexOf(p)] = to;
  }

  const backlinks: number[] = [];
  const completion: number[] = [];
  const tag: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    backlinks.push(time(() => index.backlinks(pick())));
    completion.push(time(() => index.completionCandidates(pick())));
    tag.push(time(() => index.notesWithTag(tags[i % tags.length])));
  }

  // Switching the active note: what the sidebar computes for it (Backlinks with trimmed,
  // highlighted context; Outgoing Links; Unlinked Mentions), on random notes and on the hub
  // (the most linked note). The vault views (tags, placeholders, orphans) do not depend on
  // the active note: they are measured as one refresh after an index change.
  let hub = paths[0];
  let hubLinks = 0;
  for (const p of paths) {
    const n = index.backlinks(p).length;
    if (n > hubLinks) [hub, hubLinks] = [p, n];
  }
  // TEXTS=out: the index keeps no texts and reads them back from the disk, as the extension does.
  if (process.env.TEXTS === 'out') {
    const host = new NodeVaultHost(dir);
    const decoder = new TextDecoder();
    index.readTextsThrough(async p => decoder.decode(await host.readFile(p)));
  }
  const noteViews = async (p: string) => { await backlinkGroups(index, p); outgoingRows(index, p); };
  // The Mentions view reads the vault a slice at a time, yielding between slices: its cost is
  // the whole search (spread over several turns) and the longest slice (one turn).
  const mentionSearch = async (p: string, slices: number[]) => {
    const steps = searchMentions(index, p);
    for (;;) {
      const t = process.hrtime.bigint();
      const next = await steps.next();
      slices.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (next.done) return;
    }
  };
  const mentionSlices: number[] = [];
  const searchTime = (p: string) => timeAsync(() => mentionSearch(p, mentionSlices));
  // The first search also builds the word index (mentionIndex.ts), a slice of notes at a time:
  // its whole time, its longest slice, and what the index holds (heap and typed arrays after a full collection).
  const heapNow = () => { (globalThis as { gc?: () => void }).gc?.(); const m = process.memoryUsage(); return (m.heapUsed + m.arrayBuffers) / 2 ** 20; };
  const heapBefore = heapNow();
  const firstSlices: number[] = [];
  const firstSearch = await timeAsync(() => mentionSearch(hub, firstSlices));
  const mentionIndexMB = heapNow() - heapBefore;
  for (let i = 0; i < 30; i++) { await noteViews(pick()); await searchTime(pick()); }
  mentionSlices.length = 0;
  const switchNote: number[] = [];
  const switchHub: number[] = [];
  const mentions: number[] = [];
  const mentionsHub: number[] = [];
  const vaultViews: number[] = [];
  // Typing in the active note: the Mentions view checks that no other note changed instead of searching again.
  const mentionsKept: number[] = [];
  const kept = mentionSnapshot(index, hub);
  for (let i = 0; i < ROUNDS / 3; i++) {
    mentionsKept.push(time(() => mentionsUnchanged(index, kept)));
    switchNote.push(await timeAsync(() => noteViews(pick())));
    switchHub.push(await timeAsync(() => noteViews(hub)));
    mentions.push(await searchTime(pick()));
    mentionsHub.push(await searchTime(hub));
    vaultViews.push(time(() => { index.tagTree(); placeholderRows(index); orphanRows(index); }));
  }

  const stats = (xs: number[]) => ({ median: median(xs), p95: p95(xs) });
  console.log(JSON.stringify({
    notes: paths.length,
    edit: stats(edit), add: stats(add), delete: stats(del), rename: stats(rename),
    backlinks: stats(backlinks), completion: stats(completion), tag: stats(tag),
    hubLinks, switchNote: stats(switchNote), switchHub: stats(switchHub),
    mentionsFirst: { whole: firstSearch, longestSlice: Math.max(...firstSlices) }, mentionIndexMB,
    mentions: stats(mentions), mentionsHub: stats(mentionsHub), mentionSlice: stats(mentionSlices), mentionsKept: stats(mentionsKept), vaultViews: stats(vaultViews),
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  }));
}

main(process.argv[2]).catch(e => {
  console.error(e);
  process.exit(1);
});
