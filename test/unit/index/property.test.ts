// Random edits, creates, renames and deletes over a small universe of names, so that
// collisions, ambiguity and placeholders happen often: after every step the incremental
// index must equal one built from scratch from the same files.
import * as assert from 'assert';
import { NoteIndex } from '../../../src/core/index/noteIndex';
import { snapshot } from '../../../src/core/index/snapshot';
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

const FOLDERS = ['', 'x/', 'x/y/', 'z/', 'Z/'];
const NAMES = ['a', 'b', 'B', 'bitter-lesson', 'my_note', 'v1.2'];
const ATTACHMENTS = ['f.png', 'img/f.png', 'x/doc.pdf'];
const TITLES = ['T1', 'Bitter Lesson', 'a', 'My Note'];
const TAGS = ['t', 'T/u', 't/u/w', 'v', 'V'];
const TARGETS = [
  'a', 'b', 'B', 'x/a', 'y/a', 'a.md', './a', '../a', '/a', '/x/a', './y/b', '../../../a',
  'T1', 'Bitter Lesson', 'bitter lesson', 'my note', 'My-Note', 'v1.2', 'gone',
  'f.png', 'img/f.png', 'doc.pdf', './doc.pdf',
];

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
      out.push('---');
    }
    if (this.chance(0.3)) out.push(`# ${this.pick(TITLES)}`);
    const blocks = Math.floor(this.random() * 4);
    for (let i = 0; i < blocks; i++) {
      const words: string[] = [];
      for (let w = Math.floor(this.random() * 4); w >= 0; w--) {
        const r = this.random();
        if (r < 0.45) words.push(`[[${this.pick(TARGETS)}${this.chance(0.2) ? '#Intro' : ''}]]`);
        else if (r < 0.5) words.push('[[#Intro]]');
        else if (r < 0.7) words.push(`#${this.pick(TAGS)}`);
        else words.push(this.pick(['text', 'Bitter Lesson', 'more words']));
      }
      out.push(this.chance(0.4) ? `- ${words.join(' ')}` : words.join(' '), '');
    }
    return lines(...out);
  }

  /** Applies one random step to both the index and the model of the files; says what it did. */
  step(index: NoteIndex): string {
    const r = this.random();
    const from = this.existing();
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

suite('NoteIndex incremental updates (property)', () => {
  test('after every random step the index equals one built from scratch', function () {
    this.timeout(60000);
    const seeds = process.env.SEED ? [Number(process.env.SEED)] : [1, 2, 3, 4, 5, 6, 7, 8];
    for (const seed of seeds) {
      const steps = new Steps(prng(seed));
      const index = new NoteIndex();
      const history: string[] = [];
      for (let i = 0; i < 400; i++) {
        history.push(steps.step(index));
        const expected = JSON.stringify(snapshot(steps.fresh()), null, 1);
        const actual = JSON.stringify(snapshot(index), null, 1);
        if (actual !== expected) {
          assert.strictEqual(
            actual,
            expected,
            `seed ${seed} (rerun with SEED=${seed}), step ${i}; last steps:\n${history.slice(-5).join('\n')}`,
          );
        }
      }
    }
  });
});
