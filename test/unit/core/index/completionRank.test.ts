import * as assert from 'assert';
import { byShorterTarget, filterTextOf, hasInOrder, matchedName, rankCandidates } from '../../../../src/core/index/completionRank';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import type { CompletionCandidate } from '../../../../src/core/index/types';
import { randomNotes } from '../syntax/helpers';

const note = (insertText: string, title = insertText, aliases: string[] = []): CompletionCandidate =>
  ({ path: `${insertText}.md`, insertText, title, aliases });
const placeholder = (name: string): CompletionCandidate => ({ path: name, insertText: name, title: name, aliases: [], placeholder: true });
const offered = (candidates: CompletionCandidate[], typed: string, limit = 100) => rankCandidates(candidates, typed, limit).items.map(c => c.insertText);

suite('completion ranking', () => {
  test('a target that starts with what is typed comes before one that only contains it', () => {
    assert.deepStrictEqual(offered([note('self-attention'), note('attention')], 'att'), ['attention', 'self-attention']);
  });

  test('a file name that starts with what is typed counts like the target', () => {
    assert.deepStrictEqual(offered([note('contrastive'), note('papers/transformers')], 'tra'), ['papers/transformers', 'contrastive']);
  });

  test('a title or alias that starts with what is typed comes after a matching name', () => {
    const vaswani = note('vaswani', 'Attention Is All You Need');
    assert.deepStrictEqual(offered([vaswani, note('attention-maps')], 'attention'), ['attention-maps', 'vaswani']);
    assert.deepStrictEqual(offered([note('gpt3', 'GPT-3', ['davinci'])], 'davi'), ['gpt3']);
  });

  test('letters in order still find a note, last', () => {
    assert.deepStrictEqual(offered([note('self-supervised-learning'), note('ssl-notes')], 'ssl'), ['ssl-notes', 'self-supervised-learning']);
  });

  test('letters in order count only from the start of a word', () => {
    assert.deepStrictEqual(offered([note('calculus-for-brain-computation'), note('toread')], 'tra'), ['toread']);
  });

  test('a candidate with none of the letters is left out', () => {
    assert.deepStrictEqual(offered([note('bert'), note('gpt3')], 'xyz'), []);
  });

  test('ties go to the shorter target, then alphabetical order', () => {
    assert.deepStrictEqual(offered([note('bert-large'), note('bert'), note('bert-base')], 'ber'), ['bert', 'bert-base', 'bert-large']);
  });

  test('notes that exist come before notes not written yet, whatever the match', () => {
    assert.deepStrictEqual(offered([placeholder('toread'), note('transformers')], 'to'), ['transformers', 'toread']);
  });

  test('matching ignores case', () => {
    assert.deepStrictEqual(offered([note('GPT3')], 'gpt'), ['GPT3']);
  });

  test('nothing typed offers everything', () => {
    assert.strictEqual(offered([note('a'), note('b'), placeholder('c')], '').length, 3);
  });

  test('a long list is cut to the limit and marked incomplete', () => {
    const many = Array.from({ length: 300 }, (_, i) => note(`note-${i}`));
    const r = rankCandidates(many, 'note', 200);
    assert.strictEqual(r.items.length, 200);
    assert.strictEqual(r.incomplete, true);
    assert.strictEqual(rankCandidates(many.slice(0, 10), 'note', 200).incomplete, false);
  });

  test('a list that holds every match exactly is complete; one match more makes it incomplete', () => {
    const many = Array.from({ length: 201 }, (_, i) => note(`note-${i}`));
    assert.strictEqual(rankCandidates(many.slice(0, 200), 'note', 200).incomplete, false);
    assert.strictEqual(rankCandidates(many, 'note', 200).incomplete, true);
    assert.strictEqual(rankCandidates([], '', 0).incomplete, false);
  });

  test('the filter text holds the target, title and aliases', () => {
    assert.strictEqual(filterTextOf(note('gpt3', 'GPT-3', ['davinci'])), 'gpt3 GPT-3 davinci');
  });
});

suite('completion: the name that matched', () => {
  const bert = note('bert', 'BERT', ['Bidirectional Encoder Representations from Transformers']);
  const vaswani = note('vaswani', 'Attention Is All You Need', ['transformer paper']);

  test('nothing to explain when the target starts with what is typed', () => {
    assert.strictEqual(matchedName(bert, 'be'), undefined);
  });

  test('an alias containing what is typed explains the match', () => {
    assert.deepStrictEqual(matchedName(bert, 'tra'), { kind: 'alias', text: 'Bidirectional Encoder Representations from Transformers' });
  });

  test('a title starting with what is typed comes before an alias', () => {
    assert.deepStrictEqual(matchedName(vaswani, 'att'), { kind: 'title', text: 'Attention Is All You Need' });
    assert.deepStrictEqual(matchedName(vaswani, 'trans'), { kind: 'alias', text: 'transformer paper' });
  });

  test('notes not written yet have no names to explain', () => {
    assert.strictEqual(matchedName(placeholder('toread'), 'read'), undefined);
  });
  test('the index hands candidates out in ranking order, so ranking them as in order changes nothing', () => {
    const index = new NoteIndex();
    const words = ['attention', 'transformer', 'alpha', 'beta', 'a', 'ab', 'zeta', 'Attention', 'retrieval', 'aardvark'];
    for (let i = 0; i < 400; i++) {
      const w = words[i % words.length]!;
      const folder = ['', 'papers/', 'notes/deep/', 'archive/'][i % 4];
      const aliases = i % 3 === 0 ? `---\naliases: [${words[(i * 7) % words.length]} ${i}]\n---\n` : '';
      index.upsert(`${folder}${w}-${i % 37}.md`, `${aliases}# ${w} ${i}\n\n[[missing ${words[(i * 3) % words.length]} ${i % 11}]] and [[${w}-${(i + 1) % 37}]]\n`);
    }
    const candidates = index.completionCandidates('notes/deep/alpha-2.md').filter(c => c.path !== 'notes/deep/alpha-2.md');
    const notes = candidates.filter(c => !c.placeholder);
    const placeholders = candidates.filter(c => c.placeholder);
    assert.ok(notes.length > 100 && placeholders.length > 10, `${notes.length} notes, ${placeholders.length} placeholders`);
    assert.deepStrictEqual(candidates, [...notes, ...placeholders], 'the notes come first');
    assert.deepStrictEqual(notes, [...notes].sort(byShorterTarget));
    assert.deepStrictEqual(placeholders, [...placeholders].sort(byShorterTarget));
    for (const typed of ['', 'a', 'at', 'attention', 'miss', 'alp 3', 'zz', 'trans', 'notes/', 'ab']) {
      for (const limit of [5, 50, 1000]) {
        assert.deepStrictEqual(rankCandidates(candidates, typed, limit, true), rankCandidates(candidates, typed, limit), `${typed} / ${limit}`);
      }
    }
  });
});

// Issue 16: in a help vault `[[int` offered *Interpreter* before *Internal links*, which 14 notes
// link to, and a bare `[[` offered the shortest names. Match first, then the notes people link.
suite('completion ranks the notes people link above short names', () => {
  const vault = () => {
    const index = new NoteIndex();
    index.upsert('Interval.md', '# Interval');
    index.upsert('Internal links.md', '# Internal links');
    index.upsert('Intro to sheep.md', 'about [[Internal links]]');
    for (let i = 0; i < 4; i++) index.upsert(`guide ${i}.md`, `see [[Internal links]] and [[Intro to sheep]]`);
    index.upsert('Tab.md', '# Tab');
    return index;
  };
  const ranked = (index: NoteIndex, typed: string) => rankCandidates(index.completionCandidates('x.md'), typed, 3, true, c => index.linkCountTo(c.path)).items.map(c => c.insertText);

  test('equal matches: more links first, then the shorter name', () => {
    assert.deepStrictEqual(ranked(vault(), 'int'), ['Internal links', 'Intro to sheep', 'Interval']);
  });

  test('a better match still wins over a linked note', () => {
    assert.deepStrictEqual(ranked(vault(), 'interv'), ['Interval']);
    assert.deepStrictEqual(ranked(vault(), 'links').slice(0, 1), ['Internal links']);
  });

  test('nothing typed: the most linked notes first, cut to the limit', () => {
    assert.deepStrictEqual(ranked(vault(), ''), ['Internal links', 'Intro to sheep', 'Tab']);
    assert.strictEqual(vault().linkCountTo('Internal links.md'), 5);
  });

  // Recently opened or linked notes, as the editor's MRU list hands them: a higher number is more recent.
  const recentRanked = (index: NoteIndex, typed: string, recent: string[]) => rankCandidates(index.completionCandidates('x.md'), typed, 3, true,
    c => index.linkCountTo(c.path), c => recent.indexOf(c.path) + 1).items.map(c => c.insertText);

  test('equal matches: the recently used first, the most recent first, then the most linked', () => {
    assert.deepStrictEqual(recentRanked(vault(), 'int', ['Interval.md']), ['Interval', 'Internal links', 'Intro to sheep']);
    assert.deepStrictEqual(recentRanked(vault(), 'int', ['Interval.md', 'Intro to sheep.md']), ['Intro to sheep', 'Interval', 'Internal links']);
    assert.deepStrictEqual(recentRanked(vault(), '', ['Tab.md']), ['Tab', 'Internal links', 'Intro to sheep']);
  });

  test('a recently used note never outranks a better match, and without one the order is as before', () => {
    assert.deepStrictEqual(recentRanked(vault(), 'interv', ['Internal links.md']), ['Interval']);
    assert.deepStrictEqual(recentRanked(vault(), 'inte', ['Tab.md']), ranked(vault(), 'inte'));
  });
});

suite('completion ranking: the checks in the cheapest order rank as the plain rule does', () => {
  // The plain rule, one check after another as the ranker documents it: the target or its file
  // name starts with what is typed (0), a title or alias does (1), any of them contains it (2),
  // the letters in order from the start of a word (3). rankOf asks the letters and "contains"
  // first; it must put every candidate in the same bucket.
  const rankByRule = (c: CompletionCandidate, typed: string): number => {
    const wanted = typed.toLowerCase();
    if (wanted === '') return 0;
    const target = c.insertText.toLowerCase();
    if (target.startsWith(wanted) || target.slice(target.lastIndexOf('/') + 1).startsWith(wanted)) return 0;
    if ([c.title, ...c.aliases].some(n => n.toLowerCase().startsWith(wanted))) return 1;
    const all = filterTextOf(c).toLowerCase();
    if (all.includes(wanted)) return 2;
    return hasInOrder(all, wanted) ? 3 : 4;
  };
  const byRule = (candidates: CompletionCandidate[], typed: string) => candidates
    .map(c => ({ c, rank: (c.placeholder ? 5 : 0) + rankByRule(c, typed) }))
    .filter(r => r.rank % 5 !== 4)
    .sort((a, b) => a.rank - b.rank || byShorterTarget(a.c, b.c))
    .map(r => r.c.insertText);
  // Letters, separators, and characters whose lowercase depends on their place or is longer
  // (Greek capital sigma, dotted capital I, the Kelvin sign).
  const pieces = ['a', 'b', 'l', 'la', 'ab', 'L', 'B', 's', 'Σ', 'σ', 'ς', 'İ', 'i', '\u212a', 'k', '/', '-', ' ', '.', "'", '1'];
  const strings = (count: number, most: number, seed: number) => [...randomNotes(pieces, most, count, seed)];

  test('random names and typed text: the same candidates in the same order', () => {
    const targets = strings(300, 6, 1);
    const titles = strings(300, 8, 2);
    const aliases = strings(600, 5, 3);
    const candidates = targets.map((t, i) => ({
      path: `${t}-${i}.md`, insertText: `${t}-${i}`, title: titles[i]!, aliases: i % 3 === 0 ? [] : [aliases[2 * i]!, aliases[2 * i + 1]!],
      ...(i % 7 === 0 ? { placeholder: true } : {}),
    }));
    let compared = 0;
    for (const typed of [...strings(200, 3, 4), 'Σ', 'ς', 'i̇', 'k', 'a b', 'l/', 'la-', ' ']) {
      assert.deepStrictEqual(offered(candidates, typed, 1000), byRule(candidates, typed), `typed ${JSON.stringify(typed)}`);
      compared++;
    }
    assert.strictEqual(compared, 208);
  });
});
