// The mention index only chooses which notes the mention pattern reads: every search must
// find exactly what the pattern finds reading every note (findMentions over the whole vault).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findMentions } from '../../../../src/core/index/mentions';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { keyOfCodePoint } from '../../../../src/core/index/wordKeys';
import type { PackedSyntax } from '../../../../src/core/syntax/packed';
import { lines } from './vault';

const root = path.resolve(__dirname, '../../../../..');

type Searched = { readonly path: string; readonly packed: PackedSyntax; readonly text: string };

/** What the pattern finds reading every other note: the answer before the index. */
function everyNote(index: NoteIndex, notePath: string) {
  const note = index.note(notePath)!;
  const others = [...index.notes()].filter(n => n.path !== notePath) as unknown as Searched[];
  return findMentions([note.title, ...note.aliases], others);
}

function assertSameMentions(index: NoteIndex, label: string): number {
  let found = 0;
  for (const note of [...index.notes()]) {
    const expected = everyNote(index, note.path);
    assert.deepStrictEqual(index.unlinkedMentions(note.path), expected, `${label}: mentions of ${note.path}`);
    found += expected.length;
  }
  return found;
}

function folderIndex(dir: string): NoteIndex {
  const index = new NoteIndex();
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (name.endsWith('.md')) index.upsert(name.split(path.sep).join('/'), fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return index;
}

/** mulberry32, as in the property test. */
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

// Words whose case classes are unusual: accents, ß/ẞ, final sigma, dotted and dotless i, the
// Kelvin sign and long s, CJK runs, digits of other scripts, astral letters with case (Deseret),
// combining marks, and punctuation inside names.
const WORDS = [
  'attention', 'Attention', 'ATTENTION', 'self', 'Self-Attention', 'café', 'CAFÉ', 'cafe\u0301', 'naïve', 'Straße', 'STRASSE',
  'STRAẞE', 'ΣΟΦΙΑΣ', 'σοφιας', 'σοφιασ', 'İstanbul', 'istanbul', 'ıi', '\u212Aelvin', 'kelvin', '\u017Fun', 'SUN', '注意力',
  '注意力机制', '機械学習', '١٢٣', 'Ⅻ', 'ⅻ', '𐐀𐐨', '𐐨𐐨', '𝐀x', 'C++', '.NET', 'v1.2', 'GPT-3', 'x_y', 'Ω', 'Ω', '🚀', 'ǅ', 'ǆ', 'Ǆ',
];
const SEPARATORS = [' ', ' ', '  ', '\n', ', ', '-', '—', '.', '_', '/', '\u00a0', ''];

class RandomNotes {
  constructor(private readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  name(): string {
    const words = [this.pick(WORDS)];
    while (this.random() < 0.4) words.push(this.pick([' ', ' ', '-', ' & ', '.']), this.pick(WORDS));
    return words.join('');
  }

  text(): string {
    const out: string[] = [];
    if (this.random() < 0.6) {
      out.push('---', `title: ${JSON.stringify(this.name())}`);
      if (this.random() < 0.6) out.push(`aliases: [${[this.name(), this.name()].map(a => JSON.stringify(a)).join(', ')}]`);
      out.push('---');
    } else if (this.random() < 0.5) out.push(`# ${this.name()}`);
    let body = '';
    for (let i = Math.floor(this.random() * 30); i > 0; i--) {
      const r = this.random();
      if (r < 0.08) body += `[[${this.name()}]]`;
      else if (r < 0.12) body += `\`${this.name()}\``;
      else if (r < 0.15) body += `$${this.name()}$`;
      else if (r < 0.18) body += `#${this.pick(WORDS)}`;
      else body += this.random() < 0.5 ? this.name() : this.pick(WORDS);
      body += this.pick(SEPARATORS);
    }
    out.push(body);
    return lines(...out);
  }
}

suite('unlinked mentions through the mention index', () => {
  test('the sample vault: the same mentions as reading every note', () => {
    assert.ok(assertSameMentions(folderIndex(path.join(root, 'samples/research-notes')), 'samples') > 0);
  });

  test('the test fixtures: the same mentions as reading every note', () => {
    for (const dir of ['test/fixtures/syntax', 'test/fixtures/render', 'test/fixtures/multi-root/lab-notes', 'test/fixtures/multi-root/reading-list']) {
      assertSameMentions(folderIndex(path.join(root, dir)), dir);
    }
  });

  test('random notes in many scripts: the same mentions as reading every note', () => {
    let found = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const notes = new RandomNotes(prng(seed));
      const index = new NoteIndex();
      for (let i = 0; i < 25; i++) index.upsert(`n${i}.md`, notes.text());
      found += assertSameMentions(index, `seed ${seed}`);
    }
    assert.ok(found > 500, `only ${found} mentions: the random notes should mention each other often`);
  });

  test('after edits, renames and removes the index finds what reading every note finds', () => {
    const random = prng(99);
    const notes = new RandomNotes(random);
    const index = new NoteIndex();
    const paths = Array.from({ length: 12 }, (_, i) => `f${i % 3}/n${i}.md`);
    for (const p of paths) index.upsert(p, notes.text());
    assertSameMentions(index, 'built');
    for (let step = 0; step < 150; step++) {
      const p = notes.pick(paths);
      const r = random();
      if (r < 0.5 && index.note(p)) index.upsert(p, notes.text());
      else if (r < 0.7) {
        const to = `g/${p.replace(/\//g, '-')}`;
        if (index.note(p) && !index.note(to)) {
          index.rename(p, to);
          paths[paths.indexOf(p)] = to;
        }
      } else if (r < 0.8) index.remove(p);
      else index.upsert(p, notes.text());
      assertSameMentions(index, `step ${step}`);
    }
  });

  test('a search in slices finds what one search finds', () => {
    const index = folderIndex(path.join(root, 'samples/research-notes'));
    const all = [...index.notes()].map(n => n.path);
    for (const p of all) {
      const sliced = [0, 3, 6, 9, 12].flatMap(i => index.unlinkedMentions(p, all.slice(i, i + 3)));
      assert.deepStrictEqual(sliced, index.unlinkedMentions(p), p);
    }
  });

  test('a title of punctuation only is looked for in every note', () => {
    const index = new NoteIndex();
    index.upsert('a.md', lines('---', 'title: "++"', '---'));
    index.upsert('b.md', 'x ++ y');
    assert.deepStrictEqual(index.unlinkedMentions('a.md').map(m => m.range.startOffset), [2]);
  });
});

suite('word keys: the case classes of the mention pattern', () => {
  const word = /[\p{L}\p{N}_]/iu;
  const codePoints = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i).filter(c => c < 0xd800 || c > 0xdfff);

  test('a code point keys as a member of its own case class, or as no word when the pattern says so', function () {
    this.timeout(120000);
    // Planes 0 and 1 and the tags plane: the other planes hold ideographs and private use, without case.
    for (const c of [...codePoints(0, 0x20000), ...codePoints(0xe0000, 0xe1000)]) {
      const ch = String.fromCodePoint(c);
      const key = keyOfCodePoint(c);
      if (!word.test(ch)) assert.strictEqual(key, -1, `U+${c.toString(16)} is no word character`);
      else assert.ok(new RegExp(`^\\u{${c.toString(16)}}$`, 'iu').test(String.fromCodePoint(key)), `U+${c.toString(16)} keys as U+${key.toString(16)}`);
    }
  });

  test('characters the pattern takes for one another, case-insensitively, share a key', function () {
    this.timeout(60000);
    // Every character with a case mapping, and what it maps to: the classes of more than one member.
    const cased = new Set<number>();
    for (const c of codePoints(0x80, 0x110000)) {
      const ch = String.fromCodePoint(c);
      for (const mapped of [ch.toLowerCase(), ch.toUpperCase()]) {
        if (mapped !== ch) for (const m of mapped) cased.add(c).add(m.codePointAt(0)!);
      }
    }
    const all = [...cased].sort((a, b) => a - b);
    const text = all.map(c => String.fromCodePoint(c)).join(' ');
    for (const c of all) {
      const key = keyOfCodePoint(c);
      if (key < 0) continue;
      const same = new Set([...text.matchAll(new RegExp(`\\u{${c.toString(16)}}`, 'giu'))].map(m => m[0].codePointAt(0)!));
      const sameKey = all.filter(d => keyOfCodePoint(d) === key);
      assert.deepStrictEqual(sameKey, [...same].sort((a, b) => a - b), `the class of U+${c.toString(16)}`);
    }
  });
});
