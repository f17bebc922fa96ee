// Random edits, creates, renames and deletes over a small universe of names, so that
// collisions, ambiguity and placeholders happen often: after every step the incremental
// index must equal one built from scratch from the same files.
import * as assert from 'assert';
import { decodeIndexCache, encodeIndexCache } from '../../../../src/core/index/indexCache';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { loadSnapshot, snapshot } from '../../../../src/core/index/snapshot';
import { lines } from './vault';

/** mulberry32: small, seedable, good enough to pick test steps. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FOLDERS = ['', 'x/', 'x/y/', 'z/', 'Z/', 'über/'];
const NAMES = ['a', 'b', 'B', 'bitter-lesson', 'my_note', 'v1.2', 'café', '日本'];
const ATTACHMENTS = ['f.png', 'img/f.png', 'x/doc.pdf'];
const TITLES = ['T1', 'Bitter Lesson', 'a', 'My Note', 'Café', 'Über Alles'];
const TAGS = ['t', 'T/u', 't/u/w', 'v', 'V', 'é/ß'];
const TARGETS = [
  'a', 'b', 'B', 'x/a', 'y/a', 'a.md', './a', '../a', '/a', '/x/a', './y/b', '../../../a',
  'T1', 'Bitter Lesson', 'bitter lesson', 'my note', 'My-Note', 'v1.2', './v1.2', 'gone', 'Not Yet',
  'f.png', 'img/f.png', 'doc.pdf', './doc.pdf', 'café', 'CAFÉ', 'über/日本', 'Über Alles',
];
/** Destinations of markdown links: only the `.md` ones are links between notes. */
const HREFS = ['a.md', 'x/a.md', '../b.md', 'caf%C3%A9.md', 'gone.md', 'a.md#Intro', 'https://x.org/a.md', 'f.png'];
/** Text in which nothing is a link or a tag, whatever it holds. */
const INERT = ['`[[a]] #t`', '$[[b]]$', '\\([[gone]]\\)', '<!-- [[a]] -->', '\\[[a]]'];
/** Targets never written as notes: links to them join existing placeholders. */
const MISSING = ['gone', 'Not Yet', 'nowhere'];

class Steps {
  readonly files = new Map<string, string>();
  constructor(private readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  notePath(): string {
    return this.pick(FOLDERS) + this.pick(NAMES) + '.md';
  }

  existing(): string | undefined {
    return this.files.size === 0 ? undefined : this.pick([...this.files.keys()]);
  }

  noteText(): string {
    const out: string[] = [];
    if (this.chance(0.5)) {
      out.push('---');
      if (this.chance(0.7)) out.push(`title: ${this.pick(TITLES)}`);
      if (this.chance(0.5)) out.push(`aliases: [${this.pick(TITLES)}, ${this.pick(['TF', 'alias'])}]`);
      if (this.chance(0.4)) out.push(`tags: [${this.pick(TAGS)}]`);
      if (this.chance(0.2)) out.push(`related: "[[${this.pick(TARGETS)}]]"`);
      out.push('---');
    }
    if (this.chance(0.3)) out.push(`# ${this.pick(TITLES)}`);
    const blocks = Math.floor(this.random() * 4);
    for (let i = 0; i < blocks; i++) {
      if (this.chance(0.15)) {
        out.push(this.pick(['## Intro', '## Über', 'Intro', '```', '$$']));
        if (out[out.length - 1] === 'Intro') out.push('=====');
        else if (out[out.length - 1] === '```') out.push('[[a]] #t', '```');
        else if (out[out.length - 1] === '$$') out.push('x [[b]]', '$$');
        out.push('');
        continue;
      }
      const words: string[] = [];
      for (let w = Math.floor(this.random() * 4); w >= 0; w--) {
        const r = this.random();
        if (r < 0.35) words.push(`[[${this.pick(TARGETS)}${this.chance(0.2) ? this.pick(['#Intro', '#^blk', '|label']) : ''}]]`);
        else if (r < 0.4) words.push('[[#Intro]]');
        else if (r < 0.47) words.push(`![[${this.pick(TARGETS)}]]`);
        else if (r < 0.53) words.push(`[text](${this.pick(HREFS)})`);
        else if (r < 0.58) words.push(this.pick(INERT));
        else if (r < 0.73) words.push(`#${this.pick(TAGS)}`);
        else words.push(this.pick(['text', 'Bitter Lesson', 'more words', 'café', 'T1', 'Über Alles']));
      }
      if (this.chance(0.15)) words.push('^blk');
      out.push(this.chance(0.4) ? `${this.pick(['- ', '- [ ] ', '> ', '1. '])}${words.join(' ')}` : words.join(' '), '');
    }
    return lines(...out);
  }

  /** Applies one random step to both the index and the model of the files; says what it did. */
  step(index: NoteIndex): string {
    const r = this.random();
    const from = this.existing();
    if (r < 0.08) {
      // A new note whose only link joins a placeholder that may already wait: its count changes, nothing else.
      const path = this.notePath();
      const text = `see [[${this.pick(MISSING)}]]`;
      this.files.set(path, text);
      index.upsert(path, text);
      return `upsert ${path} ${JSON.stringify(text)}`;
    }
    if (r < 0.3 || !from) {
      const path = this.chance(0.15) ? this.pick(ATTACHMENTS) : this.notePath();
      const text = path.endsWith('.md') ? this.noteText() : '';
      this.files.set(path, text);
      index.upsert(path, text);
      return `upsert ${path} ${JSON.stringify(text)}`;
    }
    if (r < 0.55 && from.endsWith('.md')) {
      const text = this.noteText();
      this.files.set(from, text);
      index.upsert(from, text);
      return `edit ${from} ${JSON.stringify(text)}`;
    }
    if (r < 0.75) {
      const to = from.endsWith('.md') ? (this.chance(0.3) ? this.existing()! : this.notePath()) : this.pick(ATTACHMENTS);
      if (!to.endsWith('.md') && from.endsWith('.md')) return 'skip';
      const text = this.files.get(from)!;
      this.files.delete(from);
      this.files.set(to, text);
      index.rename(from, to);
      return `rename ${from} ${to}`;
    }
    if (r < 0.8) return this.moveFolder(index);
    this.files.delete(from);
    index.remove(from);
    return `remove ${from}`;
  }

  /** Renames a whole folder, one file at a time (as an editor reports it). */
  private moveFolder(index: NoteIndex): string {
    const folder = this.pick(['x/', 'z/']);
    const to = this.pick(['w/', 'x/y/', 'Z/']);
    for (const path of [...this.files.keys()]) {
      if (!path.startsWith(folder)) continue;
      const moved = to + path.slice(folder.length);
      const text = this.files.get(path)!;
      this.files.delete(path);
      this.files.set(moved, text);
      index.rename(path, moved);
    }
    return `move folder ${folder} ${to}`;
  }

  fresh(): NoteIndex {
    const index = new NoteIndex();
    index.beginBulk();
    for (const [path, text] of this.files) index.upsert(path, text);
    index.endBulk();
    return index;
  }
}

// 32 seeds x 200 steps; SEED=n replays one seed, STEPS=n sets the steps per seed.
const SEEDS = process.env.SEED ? [Number(process.env.SEED)] : Array.from({ length: 32 }, (_, i) => i + 1);
const STEPS = Number(process.env.STEPS ?? 200);

suite('NoteIndex incremental updates (property)', () => {
  test('after every random step the index equals one built from scratch (and so does one that keeps no texts)', async function () {
    this.timeout(240000);
    for (const seed of SEEDS) {
      const steps = new Steps(prng(seed));
      const index = new NoteIndex();
      // The same steps into an index that reads texts back from the files: every query, backlinks'
      // contexts and mentions read asynchronously, answers as the fresh build does.
      const textsOut = new NoteIndex();
      textsOut.readTextsThrough(async path => steps.files.get(path));
      const both = {
        upsert: (path: string, text: string) => (index.upsert(path, text), textsOut.upsert(path, text)),
        rename: (from: string, to: string) => (index.rename(from, to), textsOut.rename(from, to)),
        remove: (path: string) => (index.remove(path), textsOut.remove(path)),
      } as unknown as NoteIndex;
      const history: string[] = [];
      for (let i = 0; i < STEPS; i++) {
        history.push(steps.step(both));
        const expected = JSON.stringify(snapshot(steps.fresh()));
        const replay = `seed ${seed}, step ${i} (replay: SEED=${seed} npx mocha --no-config --ui tdd out/test/unit/index/property.test.js); last steps:\n${history.slice(-5).join('\n')}`;
        for (const [actual, which] of [[snapshot(index), ''], [await loadSnapshot(textsOut), 'without texts: ']] as const) {
          if (JSON.stringify(actual) !== expected) {
            // Line by line only now: a diff of the two that names what differs.
            assert.strictEqual(JSON.stringify(actual, null, 1), JSON.stringify(JSON.parse(expected), null, 1), which + replay);
          }
        }
      }
    }
  });
});

suite('NoteIndex link counts (property)', () => {
  test('after every random step each note\'s link count (a column the link graph keeps) is the number of its backlinks', () => {
    for (const seed of SEEDS.slice(0, 8)) {
      const steps = new Steps(prng(seed));
      const index = new NoteIndex();
      for (let i = 0; i < STEPS; i++) {
        const step = steps.step(index);
        for (const n of index.notes()) {
          assert.strictEqual(index.linkCountTo(n.path), index.backlinks(n.path).length, `seed ${seed}, step ${i} (${step}): ${n.path}`);
        }
      }
    }
  });
});

/**
 * The files' index written to a cache and restored as a second opening does (links filed by their
 * rows in the cache's target table), into two indexes from the one decoded cache: the second must
 * not take the first one's groups for those rows.
 */
async function restoredTwice(steps: Steps, from: NoteIndex): Promise<NoteIndex[]> {
  const identity = { producer: 'test', folder: 'vault', settings: '' };
  const notes = [...from.packedNotes()].map(n => ({ ...n, stamp: { size: 0, mtime: 0 } }));
  const cached = await decodeIndexCache(new Uint8Array(Buffer.concat(await encodeIndexCache(identity, notes))), identity);
  return [0, 1].map(() => {
    const index = new NoteIndex();
    index.readTextsThrough(async path => steps.files.get(path));
    index.beginBulk();
    for (const path of steps.files.keys()) if (!path.endsWith('.md')) index.addAttachment(path);
    for (const [path, n] of cached) index.restore(path, n.print, n.packed, n.targets);
    index.endBulk();
    return index;
  });
}

suite('NoteIndex restored from its cache (property)', () => {
  test('after every random step an index restored from a cache (its links filed by target rows) equals one built from scratch', async function () {
    this.timeout(240000);
    for (const seed of SEEDS.slice(0, 12)) {
      const steps = new Steps(prng(seed));
      const first = new NoteIndex();
      for (let i = 0; i < 60; i++) steps.step(first);
      const restored = await restoredTwice(steps, first);
      const all = {
        upsert: (path: string, text: string) => restored.forEach(r => r.upsert(path, text)),
        rename: (from: string, to: string) => restored.forEach(r => r.rename(from, to)),
        remove: (path: string) => restored.forEach(r => r.remove(path)),
      } as unknown as NoteIndex;
      const history: string[] = ['restored'];
      for (let i = 0; i <= STEPS / 2; i++) {
        const expected = JSON.stringify(snapshot(steps.fresh()));
        for (const [k, r] of restored.entries()) {
          const actual = await loadSnapshot(r);
          if (JSON.stringify(actual) !== expected) {
            assert.strictEqual(JSON.stringify(actual, null, 1), JSON.stringify(JSON.parse(expected), null, 1), `restored index ${k + 1}, seed ${seed}, step ${i} after the restore; last steps:\n${history.slice(-5).join('\n')}`);
          }
        }
        history.push(steps.step(all));
      }
    }
  });
});
