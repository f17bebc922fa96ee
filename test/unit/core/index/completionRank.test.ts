import * as assert from 'assert';
import { byShorterTarget, filterTextOf, matchedName, rankCandidates } from '../../../../src/core/index/completionRank';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import type { CompletionCandidate } from '../../../../src/core/index/types';

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
