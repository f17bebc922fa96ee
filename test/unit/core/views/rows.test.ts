import * as assert from 'assert';
import { backlinkGroups, linkCount } from '../../../../src/core/views/backlinkRows';
import { mentionCount, mentionGroups, mentionsLastFirst, mentionLinkText, mentionSnapshot, mentionsUnchanged, searchMentions } from '../../../../src/core/views/mentionRows';
import { notesOfTag, orphanRows, placeholderRows } from '../../../../src/core/views/noteRows';
import { outgoingRows } from '../../../../src/core/views/outgoingRows';
import { lines, vaultIndex } from '../index/vault';

const vault = () => vaultIndex({
  'transformers.md': lines('# Transformers', '', 'Self-attention, see [[attention]] and [[Bitter Lesson]].', '', '#ml/transformers'),
  'papers/attention.md': lines('---', 'title: Attention', 'aliases: [self-attention]', 'tags: [ml]', '---', '# Attention', '', 'Used by [[transformers]].'),
  'gpt3.md': lines('---', 'title: GPT-3', '---', '- a list item that links [[transformers]]', '  and goes on', '- another: [[transformers#Transformers|the paper]]', '', 'It is big, like [[bitter lesson]] says. #ml/llm #ML/llm'),
  'zebra.md': lines('# Zebra', '', 'The zebra has stripes; transformers do not.', '```', 'transformers in code', '```'),
  'alone.md': '# Alone\n\nNothing here. [[Bitter Lesson]]\n',
  'lonely.md': '# Lonely\n',
  'figure.png': '',
});

suite('Backlinks rows', () => {
  test('one group per linking note, by title, with folder and every link', async () => {
    const groups = (await backlinkGroups(vault(), 'transformers.md'));
    assert.deepStrictEqual(groups.map(g => [g.title, g.folder, g.links.length]), [['Attention', 'papers', 1], ['GPT-3', '', 2]]);
    assert.strictEqual(linkCount(groups), 3);
  });

  test('each link shows its list item whole as clean text, marker off, the link highlighted', async () => {
    const gpt = (await backlinkGroups(vault(), 'transformers.md')).find(g => g.source === 'gpt3.md')!;
    const [first, second] = gpt.links;
    assert.strictEqual(first.snippet.text, 'a list item that links transformers and goes on');
    const [a, b] = first.snippet.highlights[0];
    assert.strictEqual(first.snippet.text.slice(a, b), 'transformers');
    const [c, d] = second.snippet.highlights[0];
    assert.strictEqual(second.snippet.text, 'another: the paper');
    assert.strictEqual(second.snippet.text.slice(c, d), 'the paper');
    assert.strictEqual(second.range.start.line, 5);
  });

  test('a note not written yet has backlinks too', async () => {
    const groups = (await backlinkGroups(vault(), { placeholder: 'bitter-lesson' }));
    assert.deepStrictEqual(groups.map(g => g.source), ['alone.md', 'gpt3.md', 'transformers.md']);
  });

  test('sorted by last modified, newest first', async () => {
    const times: Record<string, number> = { 'papers/attention.md': 1, 'gpt3.md': 5 };
    const groups = (await backlinkGroups(vault(), 'transformers.md', { sort: 'modified', modified: p => times[p] }));
    assert.deepStrictEqual(groups.map(g => g.source), ['gpt3.md', 'papers/attention.md']);
  });

  test('nothing links here: no groups', async () => {
    assert.deepStrictEqual((await backlinkGroups(vault(), 'lonely.md')), []);
  });
});

suite('Unlinked mention rows', () => {
  test('mentions outside code, grouped by note, with the link text to write', async () => {
    const groups = (await mentionGroups(vault(), 'transformers.md'));
    assert.deepStrictEqual(groups.map(g => g.source), ['zebra.md']);
    const [row] = groups[0].rows;
    const [m] = row.mentions;
    assert.strictEqual(m.text, 'transformers');
    assert.strictEqual(m.replacement, '[[transformers]]');
    const [a, b] = row.snippet.highlights[0];
    assert.strictEqual(row.snippet.text.slice(a, b), 'transformers');
  });

  test('a mention written differently keeps its words as the label', async () => {
    assert.strictEqual(mentionLinkText('gpt3', 'GPT-3'), '[[gpt3|GPT-3]]');
    assert.strictEqual(mentionLinkText('attention', 'Attention'), '[[attention|Attention]]');
    assert.strictEqual(mentionLinkText('attention', 'attention'), '[[attention]]');
  });

  test('aliases are mentions too, and link to the shortest unique target', async () => {
    const index = vault();
    index.upsert('notes.md', 'Self-attention is the trick.\n');
    const rows = (await mentionGroups(index, 'papers/attention.md')).find(g => g.source === 'notes.md')!.rows;
    assert.deepStrictEqual(rows.flatMap(r => r.mentions.map(m => m.replacement)), ['[[attention|Self-attention]]']);
  });

  test('searched a slice of notes at a time, the result is the same', async () => {
    const index = vaultIndex({ 'a.md': '# Alpha\n', 'b.md': 'alpha\n', 'c.md': 'no\n', 'd.md': 'Alpha, alpha\n', 'e.md': 'ALPHA\n' });
    const steps = searchMentions(index, 'a.md', 2);
    let next = await steps.next();
    let yields = 0;
    for (; !next.done; next = await steps.next()) yields++;
    assert.strictEqual(yields, 1, 'four other notes, two a slice: one pause between');
    assert.deepStrictEqual(next.value, await mentionGroups(index, 'a.md'));
    assert.deepStrictEqual(next.value.map(g => [g.source, g.rows.length, mentionCount([g])]), [['b.md', 1, 1], ['d.md', 1, 2], ['e.md', 1, 1]]);
  });

  test('an index that keeps no texts reads them back: the same backlink and mention rows', async () => {
    const files = { 'a.md': '# Alpha\n\nsee [[b]]\n', 'b.md': 'alpha\n\n- back to [[a]] and alpha\n', 'c.md': 'no\n', 'd.md': 'Alpha, alpha [[a|A]]\n' };
    const kept = vaultIndex(files);
    const textsOut = vaultIndex(files);
    textsOut.readTextsThrough(async p => files[p as keyof typeof files]);
    assert.deepStrictEqual(await backlinkGroups(textsOut, 'a.md'), await backlinkGroups(kept, 'a.md'));
    assert.deepStrictEqual(await mentionGroups(textsOut, 'a.md'), await mentionGroups(kept, 'a.md'));
    assert.strictEqual((await mentionGroups(textsOut, 'a.md')).length, 2);
  });

  test('typing in the note itself leaves its mentions as they were; a change elsewhere or to its title does not', async () => {
    const index = vaultIndex({ 'a.md': '# Alpha\n', 'b.md': 'alpha\n' });
    let snapshot = mentionSnapshot(index, 'a.md');
    index.upsert('a.md', '# Alpha\n\nmore words\n');
    assert.ok(mentionsUnchanged(index, snapshot));
    index.upsert('a.md', '# Alpha beta\n');
    assert.ok(!mentionsUnchanged(index, snapshot), 'the title changed');
    snapshot = mentionSnapshot(index, 'a.md');
    index.upsert('b.md', 'alpha beta\n');
    assert.ok(!mentionsUnchanged(index, snapshot), 'another note changed');
    snapshot = mentionSnapshot(index, 'a.md');
    index.upsert('c.md', 'new\n');
    assert.ok(!mentionsUnchanged(index, snapshot), 'a note was added');
  });

  test('all mentions of a note come last first, so edits never shift each other', async () => {
    const index = vaultIndex({ 'a.md': '# Alpha\n', 'b.md': 'alpha and Alpha and ALPHA\nAlpha again\n' });
    const mentions = mentionsLastFirst((await mentionGroups(index, 'a.md')).flatMap(g => g.rows));
    assert.deepStrictEqual(mentions.map(m => [m.range.start.line, m.range.start.character]), [[1, 0], [0, 20], [0, 10], [0, 0]]);
  });

  test('one row per line, every mention on it highlighted and linked as written', async () => {
    const index = vaultIndex({ 'widget.md': '# Widget\n', 'lab.md': '# Lab\n\n- The widget and the Widget, and `widget` in code.\n- [[widget]] once more, then widget.\n' });
    const [group] = await mentionGroups(index, 'widget.md');
    assert.deepStrictEqual(group.rows.map(r => r.line), [2, 3]);
    const [first, second] = group.rows;
    assert.deepStrictEqual(first.mentions.map(m => [m.text, m.range.start.character, m.replacement]), [
      ['widget', 6, '[[widget]]'],
      ['Widget', 21, '[[widget|Widget]]'],
    ]);
    assert.deepStrictEqual(first.snippet.highlights.map(([a, b]) => first.snippet.text.slice(a, b)), ['widget', 'Widget']);
    assert.deepStrictEqual(second.snippet.highlights.map(([a, b]) => second.snippet.text.slice(a, b)), ['widget']);
    assert.strictEqual(mentionCount([group]), 3);
  });
});

suite('Outgoing link rows', () => {
  test('each target once, in the order written, with its kind', async () => {
    const rows = outgoingRows(vault(), 'gpt3.md');
    assert.deepStrictEqual(rows.map(r => [r.kind, r.label, r.path, r.count]), [
      ['note', 'transformers', 'transformers.md', 1],
      ['heading', 'transformers#Transformers', 'transformers.md', 1],
      ['placeholder', 'bitter lesson', 'bitter-lesson', 1],
    ]);
    assert.ok(rows[2].missing);
  });
});

suite('Tags, placeholders and orphans rows', () => {
  test('a tag lists the notes carrying exactly it, once each, at the first occurrence', async () => {
    const rows = notesOfTag(vault(), 'ml/llm');
    assert.deepStrictEqual(rows.map(r => [r.path, r.first.start.line]), [['gpt3.md', 7]]);
    assert.deepStrictEqual(notesOfTag(vault(), 'ML').map(r => r.path), ['papers/attention.md']);
  });

  test('notes not written yet, most wanted first', async () => {
    const rows = placeholderRows(vault());
    assert.deepStrictEqual(rows.map(p => [p.display, p.backlinks]), [['Bitter Lesson', 3]]);
  });

  test('orphans: no links in or out', async () => {
    // A link to a note not written yet does not tie alone.md to the vault.
    assert.deepStrictEqual(orphanRows(vault()).map(r => r.path), ['alone.md', 'lonely.md', 'zebra.md']);
  });
});
