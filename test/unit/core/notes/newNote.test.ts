import * as assert from 'assert';
import { fillTemplate, newNoteText, planNewNote } from '../../../../src/core/notes/newNote';

function pathOf(target: string, options: Parameters<typeof planNewNote>[1] = {}): string {
  const plan = planNewNote(target, options);
  assert.ok(plan.ok, `refused: ${plan.ok ? '' : plan.reason}`);
  return plan.path;
}

function reasonOf(target: string, options: Parameters<typeof planNewNote>[1] = {}): string {
  const plan = planNewNote(target, options);
  assert.ok(!plan.ok, `planned ${plan.ok ? plan.path : ''}`);
  return plan.reason;
}

suite('planNewNote', () => {
  test('the file name is the target as written, spaces and case kept', () => {
    assert.strictEqual(pathOf('Bitter Lesson'), 'Bitter Lesson.md');
    assert.deepStrictEqual(planNewNote('Bitter Lesson'), { ok: true, path: 'Bitter Lesson.md', title: 'Bitter Lesson' });
  });

  test('dots, accents, CJK and emoji stay in the name', () => {
    assert.strictEqual(pathOf('v2.0 plan'), 'v2.0 plan.md');
    assert.strictEqual(pathOf('Gödel 証明 🧠'), 'Gödel 証明 🧠.md');
  });

  test('only characters no file system accepts are replaced', () => {
    assert.strictEqual(pathOf('What? A "note": <x>|y*'), 'What- A -note-- -x--y-.md');
  });

  test('a trailing .md is not doubled', () => {
    assert.strictEqual(pathOf('attention.md'), 'attention.md');
    assert.strictEqual(pathOf('Notes.MD'), 'Notes.md');
  });

  test('a bare name goes to the vault root by default, as in Obsidian', () => {
    assert.strictEqual(pathOf('new', { fromPath: 'papers/a.md' }), 'new.md');
  });

  test('a bare name goes beside the linking note with sameAsNote', () => {
    assert.strictEqual(pathOf('new', { fromPath: 'papers/a.md', folder: 'sameAsNote' }), 'papers/new.md');
    assert.strictEqual(pathOf('new', { fromPath: 'a.md', folder: 'sameAsNote' }), 'new.md');
  });

  test('a bare name goes to a configured folder', () => {
    assert.strictEqual(pathOf('new', { fromPath: 'papers/a.md', folder: 'inbox/' }), 'inbox/new.md');
    assert.strictEqual(pathOf('new', { folder: './inbox' }), 'inbox/new.md');
  });

  test('a target with a folder is from the vault root, whatever the setting', () => {
    assert.strictEqual(pathOf('papers/new', { fromPath: 'people/a.md', folder: 'inbox' }), 'papers/new.md');
    assert.strictEqual(pathOf('/papers/new', { fromPath: 'people/a.md' }), 'papers/new.md');
  });

  test('./ and ../ are from the linking note', () => {
    assert.strictEqual(pathOf('./new', { fromPath: 'papers/a.md' }), 'papers/new.md');
    assert.strictEqual(pathOf('../people/new', { fromPath: 'papers/x/a.md' }), 'papers/people/new.md');
  });

  test('a target that climbs out of the vault is refused, saying why', () => {
    assert.match(reasonOf('../../etc/x', { fromPath: 'papers/a.md' }), /outside the vault/);
    assert.match(reasonOf('../x', { fromPath: 'a.md' }), /outside the vault/);
    assert.match(reasonOf('papers/../../x'), /outside the vault/);
  });

  test('absolute paths and URLs are refused', () => {
    assert.match(reasonOf('C:/Windows/x'), /absolute path or a URL/);
    assert.match(reasonOf('C:\\Windows\\x'), /absolute path or a URL/);
    assert.match(reasonOf('\\\\server\\share\\x'), /absolute path or a URL/);
    assert.match(reasonOf('file:///etc/passwd'), /absolute path or a URL/);
    assert.match(reasonOf('~/x'), /absolute path or a URL/);
  });

  test('a configured folder outside the vault is refused, naming the setting', () => {
    assert.match(reasonOf('new', { folder: '../elsewhere' }), /marginalia\.newNoteFolder/);
    assert.match(reasonOf('new', { folder: 'C:/notes' }), /marginalia\.newNoteFolder/);
  });

  test('an empty name or a folder alone is refused', () => {
    assert.match(reasonOf('   '), /names no note/);
    assert.match(reasonOf('papers/'), /names a folder/);
    assert.match(reasonOf('.md'), /names a folder/);
  });
});

suite('new note text', () => {
  test('a new note starts with its title as a heading', () => {
    assert.strictEqual(newNoteText('Bitter Lesson'), '# Bitter Lesson\n');
  });

  test('a template gets its title, date and time filled in', () => {
    const now = new Date(2026, 0, 5, 9, 7);
    assert.strictEqual(fillTemplate('# {{title}}\n{{date}} {{ time }} {{other}}', { title: 'X', now }),
      '# X\n2026-01-05 09:07 {{other}}');
  });
});
