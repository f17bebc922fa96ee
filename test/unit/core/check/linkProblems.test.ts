import * as assert from 'assert';
import { linkProblems } from '../../../../src/core/check/linkProblems';
import { closest } from '../../../../src/core/check/closest';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { lines, vaultIndex } from '../index/vault';

function problems(files: Record<string, string>, path: string, text = files[path]) {
  const index = vaultIndex(files);
  return linkProblems(index, path, scanNote(text)).map(p => `${p.kind} ${p.link.target}${p.suggestions ? ' ' + p.suggestions.join('|') : ''}${p.candidates ? ' ' + p.candidates.join('|') : ''}`);
}

suite('link problems', () => {
  const rl = lines('# RL', '## Open questions', '## Notation', 'claim ^key-claim');

  test('a link to a note not written yet', () => {
    assert.deepStrictEqual(problems({ 'a.md': '[[Bitter Lesson]] ![[missing.png]]' }, 'a.md'), ['missing-note Bitter Lesson', 'missing-attachment missing.png']);
  });

  test('a miscased link is no problem', () => {
    assert.deepStrictEqual(problems({ 'RL.md': rl, 'a.md': '[[rl#open QUESTIONS]] [[Rl#^KEY-claim]] [x](rl.md#open-questions)' }, 'a.md'), []);
  });

  test('a missing heading or block, with the closest ones', () => {
    assert.deepStrictEqual(problems({ 'rl.md': rl, 'a.md': '[[rl#Open question]] [[rl#^key-clam]] [x](rl.md#notations) [[#Nope]]' }, 'a.md'), [
      'missing-heading rl Open questions|Notation|RL',
      'missing-block rl key-claim',
      'missing-heading rl.md notation|open-questions|rl',
      'missing-heading  ',
    ]);
  });

  test('a heading is found as marginalia check finds it: nested parts, markup and punctuation forgiven', () => {
    const nested = lines('# Part', '## Section', '# Other', '## Q: why *this*?');
    assert.deepStrictEqual(problems({ 'n.md': nested, 'a.md': '[[n#Part#Section]] [[n#q why *this*?]] [[n#Other#Section]]' }, 'a.md'),
      ['missing-heading n Section|Part|Other']);
  });

  test('an ambiguous link lists its candidates', () => {
    assert.deepStrictEqual(problems({ 'x/todo.md': '', 'y/todo.md': '', 'a.md': '[[todo]] [[x/todo]]' }, 'a.md'), ['ambiguous todo x/todo.md|y/todo.md']);
  });

  test('links inside code have no problems', () => {
    assert.deepStrictEqual(problems({ 'a.md': lines('```', '[[nope]]', '```', '`[[nope]]`') }, 'a.md'), []);
  });

  test('the text given counts, not the one indexed (unsaved edits)', () => {
    assert.deepStrictEqual(problems({ 'a.md': '[[nope]]' }, 'a.md', 'fixed'), []);
  });

  test('closest: containing first, then fewest edits', () => {
    assert.deepStrictEqual(closest('intro', ['Introduction', 'Outro', 'Summary', 'Intra']), ['Introduction', 'Intra', 'Outro']);
  });
});
