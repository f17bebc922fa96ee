import * as assert from 'assert';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { snapshot } from '../../../../src/core/index/snapshot';
import { lines, linksOf, vaultIndex } from './vault';

suite('NoteIndex updates', () => {
  test('creating a note turns links to its placeholder into backlinks', () => {
    const index = vaultIndex({ 'a.md': '[[Bitter Lesson]]' });
    index.upsert('bitter-lesson.md', '');
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['Bitter Lesson -> bitter-lesson.md']);
    assert.deepStrictEqual(index.placeholders(), []);
    assert.deepStrictEqual(index.backlinks('bitter-lesson.md').map(b => b.source), ['a.md']);
  });

  test('a second note of the same name makes a resolved link ambiguous', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'x/b.md': '' });
    index.upsert('b.md', '');
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> b.md']);
    assert.strictEqual(index.ambiguousLinks().length, 1);
  });

  test('a note whose file name matches displaces a title match', () => {
    const index = vaultIndex({ 'a.md': '[[transformer]]', 'v.md': lines('---', 'title: Transformer', '---') });
    index.upsert('transformer.md', '');
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['transformer -> transformer.md']);
  });

  test('changing a title moves the links that used it', () => {
    const index = vaultIndex({ 'a.md': '[[Old Name]] [[New Name]]', 'v.md': lines('---', 'title: Old Name', '---') });
    index.upsert('v.md', lines('---', 'title: New Name', '---'));
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['Old Name -> placeholder:old-name', 'New Name -> v.md']);
  });

  test('adding an alias resolves the links that used it', () => {
    const index = vaultIndex({ 'a.md': '[[TF]]', 'v.md': '' });
    index.upsert('v.md', lines('---', 'aliases: [TF]', '---'));
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['TF -> v.md']);
  });

  test('editing a note replaces its links and leaves the rest', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': '', 'c.md': '[[b]]' });
    index.upsert('a.md', '[[c]]');
    assert.deepStrictEqual(index.backlinks('b.md').map(b => b.source), ['c.md']);
    assert.deepStrictEqual(index.backlinks('c.md').map(b => b.source), ['a.md']);
  });

  test('editing a note replaces its tags', () => {
    const index = vaultIndex({ 'a.md': '#old', 'b.md': '#old' });
    index.upsert('a.md', '#new');
    assert.deepStrictEqual(index.notesWithTag('old').map(o => o.path), ['b.md']);
    assert.deepStrictEqual(index.notesWithTag('new').map(o => o.path), ['a.md']);
  });

  test('a tag no note carries any more leaves the tag tree', () => {
    const index = vaultIndex({ 'a.md': '#ml/rl' });
    index.upsert('a.md', 'no tags');
    assert.deepStrictEqual(index.tagTree(), []);
  });

  test('removing a note turns its backlinks into a placeholder', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': '' });
    index.remove('b.md');
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> placeholder:b']);
    assert.ok(!index.has('b.md'));
  });

  test('removing one of two candidates leaves the link unambiguous', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': '', 'x/b.md': '' });
    index.remove('b.md');
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> x/b.md']);
    assert.deepStrictEqual(index.ambiguousLinks(), []);
  });

  test('renaming a note re-resolves links to its old and new names', () => {
    const index = vaultIndex({ 'a.md': '[[b]] [[c]]', 'b.md': '#t' });
    index.rename('b.md', 'c.md');
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> placeholder:b', 'c -> c.md']);
    assert.deepStrictEqual(index.notesWithTag('t').map(o => o.path), ['c.md']);
  });

  test('moving a note to another folder re-resolves its relative links', () => {
    const index = vaultIndex({ 'x/a.md': '[[./b]]', 'x/b.md': '', 'y/b.md': '' });
    index.rename('x/a.md', 'y/a.md');
    assert.deepStrictEqual(linksOf(index, 'y/a.md'), ['./b -> y/b.md']);
  });

  test('renaming onto an existing note replaces it', () => {
    const index = vaultIndex({ 'a.md': '[[b]]', 'b.md': 'old', 'c.md': 'new' });
    index.rename('c.md', 'b.md');
    assert.strictEqual(index.textOf('b.md'), 'new');
    assert.ok(!index.has('c.md'));
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> b.md']);
  });

  test('removing an attachment breaks the links to it', () => {
    const index = vaultIndex({ 'a.md': '![[f.png]]', 'img/f.png': '' });
    index.remove('img/f.png');
    assert.deepStrictEqual(index.brokenLinks().map(l => l.link.target), ['f.png']);
  });

  test('renaming an attachment follows it when its name stays', () => {
    const index = vaultIndex({ 'a.md': '![[f.png]]', 'img/f.png': '' });
    index.rename('img/f.png', 'media/f.png');
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['f.png -> media/f.png']);
  });

  test('a bulk load resolves like one note at a time', () => {
    const files = {
      'a.md': '[[b]] [[x/b]] [[T]] [[gone]] ![[f.png]]',
      'b.md': lines('---', 'title: T', '---'),
      'x/b.md': '[[a]]',
      'f.png': '',
    };
    const bulk = new NoteIndex();
    bulk.beginBulk();
    for (const [path, text] of Object.entries(files)) bulk.upsert(path, text);
    bulk.endBulk();
    assert.deepStrictEqual(snapshot(bulk), snapshot(vaultIndex(files)));
  });
});
