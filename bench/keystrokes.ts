// What the editor's features cost per keystroke on one vault, host-free (the VS Code item objects
// on top are not counted): `[[` typed as an alias, `#` tag completion, Ctrl+T. Bundled and run by
// bench/run.mjs: `node keystrokes.js DIR` prints one JSON line.
import { tagsToOffer } from '../src/core/editor/tagCompletion';
import { typedTagAt } from '../src/core/editor/typedTag';
import { NoteSymbols } from '../src/core/editor/noteSymbols';
import { buildIndex } from '../src/core/index/build';
import { matchedName, rankCandidates } from '../src/core/index/completionRank';
import { NodeVaultHost } from '../src/node/nodeHost';
import { isLinkPosition, typedLinkAt } from '../src/core/editor/typedLink';

const ROUNDS = 300;
const LIMIT = 200;

interface Sample { wall: number; cpu: number }
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
function stats(xs: Sample[]) {
  const wall = sorted(xs.map(x => x.wall));
  const cpu = sorted(xs.map(x => x.cpu));
  return { median: wall[Math.floor(wall.length / 2)], p95: wall[Math.floor(wall.length * 0.95)], cpu: cpu[Math.floor(cpu.length / 2)] };
}
/**
 * Wall time, and this thread's CPU time: on a machine shared with other work, wall time counts the
 * waits for a core too; CPU time is what the keystroke itself costs.
 */
function time(f: () => unknown): Sample {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  f();
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

async function main(dir: string) {
  const { index } = await buildIndex(new NodeVaultHost(dir));
  const notes = [...index.notes()];
  const withAliases = notes.filter(n => n.aliases.length > 0);
  const tags = index.tagTree().flatMap(t => [t.name, ...t.children.map(c => c.name)]);
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  // One keystroke of `[[`: find the link being typed, ask the scanner it is a link position, rank.
  const linkKeystroke = (typed: string) => {
    const note = pick(notes);
    const text = `${index.textOf(note.path) ?? ''}\nsee [[${typed}`;
    const link = typedLinkAt(text, text.length);
    if (!link || !isLinkPosition(text, link)) throw new Error('no link position');
    const candidates = index.completionCandidates(note.path).filter(c => c.path !== note.path);
    for (const c of rankCandidates(candidates, typed, LIMIT, true, c => index.linkCountTo(c.path)).items) matchedName(c, typed);
  };
  const tagKeystroke = (typed: string) => {
    const note = pick(notes);
    const text = `${index.textOf(note.path) ?? ''}\nsee #${typed}`;
    const tag = typedTagAt(text, text.length);
    if (!tag) throw new Error('no tag position');
    tagsToOffer(index, note.path, tag, LIMIT);
  };
  // Prefixes of real aliases, 1 to 6 characters: what a user types to find a note by its alias.
  const aliasTyped = () => { const a = pick(pick(withAliases).aliases).toLowerCase(); return a.slice(0, 1 + Math.floor(rand() * Math.min(6, a.length))); };
  const tagTyped = () => { const t = pick(tags); const seg = t.slice(t.lastIndexOf('/') + 1); return seg.slice(0, 1 + Math.floor(rand() * Math.min(5, seg.length))); };

  for (let i = 0; i < 30; i++) { linkKeystroke(aliasTyped()); tagKeystroke(tagTyped()); }
  const alias: Sample[] = [];
  const empty: Sample[] = [];
  const tag: Sample[] = [];
  const tagEmpty: Sample[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const a = aliasTyped();
    alias.push(time(() => linkKeystroke(a)));
    empty.push(time(() => linkKeystroke('')));
    const t = tagTyped();
    tag.push(time(() => tagKeystroke(t)));
    tagEmpty.push(time(() => tagKeystroke('')));
  }

  const symbols = new NoteSymbols();
  const symbolsFirst = time(() => symbols.search(index.notes(), 'a', 300)).wall;
  const symbol: Sample[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const words = pick(notes).title.toLowerCase();
    const q = words.slice(0, 2 + Math.floor(rand() * 6));
    symbol.push(time(() => symbols.search(index.notes(), q, 300)));
  }
  console.log(JSON.stringify({
    notes: notes.length, tags: tags.length,
    linkAlias: stats(alias), linkEmpty: stats(empty), tag: stats(tag), tagEmpty: stats(tagEmpty),
    symbolsFirst, symbols: stats(symbol),
  }));
}

main(process.argv[2]).catch(e => {
  console.error(e);
  process.exit(1);
});
