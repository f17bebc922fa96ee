import * as assert from 'assert';
import { addDays, dailyNoteTarget, formatDate } from '../../../../src/core/notes/dailyNote';
import { planNewNote } from '../../../../src/core/notes/newNote';
import { wikiLinkTo } from '../../../../src/core/notes/wikiLinkTo';
import { scanNote } from '../../../../src/core/syntax/scanNote';

const day = new Date(2026, 11, 2, 9, 30); // local time: Wednesday 2 December 2026

suite('daily notes', () => {
  test('journal/YYYY-MM-DD by default', () => {
    assert.strictEqual(dailyNoteTarget(day), '/journal/2026-12-02');
    const plan = planNewNote(dailyNoteTarget(day), { folder: 'inbox' });
    assert.deepStrictEqual(plan, { ok: true, path: 'journal/2026-12-02.md', title: '2026-12-02' });
  });

  test('moment-style tokens, literals in brackets, subfolders from the format', () => {
    assert.strictEqual(formatDate(day, 'dddd, MMMM Do YYYY'), 'Wednesday, December 2nd 2026');
    assert.strictEqual(formatDate(day, 'ddd D MMM YY'), 'Wed 2 Dec 26');
    assert.strictEqual(formatDate(day, '[Week of] YYYY-M-D'), 'Week of 2026-12-2');
    assert.strictEqual(dailyNoteTarget(day, { folder: '', format: 'YYYY/MM/YYYY-MM-DD' }), '/2026/12/2026-12-02');
    assert.strictEqual(dailyNoteTarget(day, { folder: '/daily/', format: ' ' }), '/daily/2026-12-02');
  });

  test('yesterday and tomorrow cross month and year ends', () => {
    assert.strictEqual(formatDate(addDays(new Date(2026, 0, 1), -1), 'YYYY-MM-DD'), '2025-12-31');
    assert.strictEqual(formatDate(addDays(new Date(2026, 1, 28), 1), 'YYYY-MM-DD'), '2026-03-01');
  });
});

suite('copy link to this note', () => {
  const note = scanNote(['# Title', '', 'body', '## Part | two', 'more', ''].join('\n'));

  test('a cursor in the body links the note', () => {
    assert.strictEqual(wikiLinkTo('gpt3', note.headings, 2, false), '[[gpt3]]');
  });

  test('on a heading line, or a selection under a heading, links the heading', () => {
    assert.strictEqual(wikiLinkTo('gpt3', note.headings, 0, false), '[[gpt3#Title]]');
    assert.strictEqual(wikiLinkTo('gpt3', note.headings, 4, true), '[[gpt3#Part two]]');
  });
});
