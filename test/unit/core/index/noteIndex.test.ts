import * as assert from 'assert';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { lines, linksOf, vaultIndex } from './vault';

suite('NoteIndex queries', () => {
  suite('notes', () => {
    test('a note title is its frontmatter title', () => {
      const index = vaultIndex({ 'a.md': lines('---', 'title: The Title', '---', '# Heading') });
      assert.strictEqual(index.note('a.md')?.title, 'The Title');
    });

    test('a note title is its first H1 without a frontmatter title', () => {
      const index = vaultIndex({ 'a.md': lines('# Heading', 'text') });
      assert.strictEqual(index.note('a.md')?.title, 'Heading');
    });

    test('a note title is its file name without a frontmatter title or H1', () => {
      const index = vaultIndex({ 'papers/attention.md': 'just text' });
      assert.strictEqual(index.note('papers/attention.md')?.title, 'attention');
    });

    test('a non-markdown path is an attachment, not a note', () => {
      const index = vaultIndex({ 'img/figure.png': '' });
      assert.deepStrictEqual([...index.attachments()], ['img/figure.png']);
      assert.strictEqual(index.note('img/figure.png'), undefined);
      assert.ok(index.has('img/figure.png'));
    });

    test('the text of a note is kept as upserted', () => {
      const index = vaultIndex({ 'a.md': 'hello [[b]]' });
      assert.strictEqual(index.textOf('a.md'), 'hello [[b]]');
    });

    test("a note's syntax is what the scanner finds in its text, ranges and all", () => {
      const text = lines('---', 'tags: [fm]', '---', '# Title', '', '- see [[b#Intro|B]] and #t', '', '`code` $x$ [^1]', '', '[^1]: note', '', 'end ^id');
      const index = vaultIndex({ 'a.md': text });
      assert.deepStrictEqual(index.note('a.md')?.syntax, scanNote(text));
    });

    test("a renamed note keeps its syntax, now under the new path", () => {
      const index = vaultIndex({ 'a.md': 'see [[b]] #t' });
      index.rename('a.md', 'x/a.md');
      assert.deepStrictEqual([index.note('a.md'), index.note('x/a.md')?.syntax], [undefined, scanNote('see [[b]] #t')]);
    });
  });

  suite('forward links', () => {
    test('names an object has built in (__proto__, constructor, toString) and numbers are names like any other', () => {
      const index = vaultIndex({
        'a.md': '[[__proto__]] [[constructor]] [[toString]] [[1984]] [[hasOwnProperty]]',
        '__proto__.md': '',
        'notes/constructor.md': '',
        '1984.md': '',
      });
      assert.deepStrictEqual(linksOf(index, 'a.md'), [
        '__proto__ -> __proto__.md',
        'constructor -> notes/constructor.md',
        'toString -> placeholder:tostring',
        '1984 -> 1984.md',
        'hasOwnProperty -> placeholder:hasownproperty',
      ]);
      assert.deepStrictEqual(index.placeholders().map(p => p.name), ['hasownproperty', 'tostring']);
    });

    test('forward links list each link of a note with where it points', () => {
      const index = vaultIndex({ 'a.md': 'see [[b]] and [[missing]]', 'b.md': '' });
      assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> b.md', 'missing -> placeholder:missing']);
    });

    test('a heading in a link does not change which note is meant', () => {
      const index = vaultIndex({ 'a.md': '[[b#Intro]]', 'b.md': '# Intro' });
      assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> b.md']);
    });

    test('a same-note heading link points at the note itself', () => {
      const index = vaultIndex({ 'a.md': lines('# Intro', 'see [[#Intro]]') });
      assert.deepStrictEqual(index.forwardLinks('a.md')[0].resolution, { kind: 'self', path: 'a.md' });
    });

    test('an embed of an image resolves to the attachment', () => {
      const index = vaultIndex({ 'a.md': '![[figure.png|300]]', 'img/figure.png': '' });
      assert.deepStrictEqual(linksOf(index, 'a.md'), ['figure.png -> img/figure.png']);
    });
  });

  suite('backlinks', () => {
    test('backlinks quote the paragraph around the link', () => {
      const index = vaultIndex({
        'a.md': lines('# A', '', 'First line of a paragraph', 'that links [[b]] here.', '', 'Another paragraph.'),
        'b.md': '',
      });
      const [backlink] = index.backlinks('b.md');
      assert.strictEqual(backlink.source, 'a.md');
      assert.strictEqual(backlink.context, lines('First line of a paragraph', 'that links [[b]] here.'));
      assert.deepStrictEqual(backlink.contextStart, { line: 2, character: 0 });
    });

    test('backlinks quote a list item without its marker', () => {
      const index = vaultIndex({ 'a.md': lines('- one', '- two links [[b]]', '- three'), 'b.md': '' });
      const [backlink] = index.backlinks('b.md');
      assert.strictEqual(backlink.context, 'two links [[b]]');
      assert.deepStrictEqual(backlink.contextStart, { line: 1, character: 2 });
    });

    test('backlinks come in path then text order', () => {
      const index = vaultIndex({ 'z.md': '[[b]]', 'a.md': '[[b]] and [[b]]', 'b.md': '' });
      assert.deepStrictEqual(
        index.backlinks('b.md').map(b => `${b.source}:${b.link.range.startOffset}`),
        ['a.md:0', 'a.md:10', 'z.md:0'],
      );
    });

    test('a placeholder collects the backlinks of every link to it', () => {
      const index = vaultIndex({ 'a.md': '[[Bitter Lesson]]', 'b.md': '[[bitter-lesson]]' });
      assert.deepStrictEqual(
        index.backlinks({ placeholder: 'bitter-lesson' }).map(b => b.source),
        ['a.md', 'b.md'],
      );
    });

    test('a same-note link is no backlink', () => {
      const index = vaultIndex({ 'a.md': lines('# Intro', '[[#Intro]]') });
      assert.deepStrictEqual(index.backlinks('a.md'), []);
    });
  });

  suite('tags', () => {
    test('notes with a tag are found case-insensitively', () => {
      const index = vaultIndex({ 'a.md': 'about #Attention', 'b.md': 'more #attention', 'c.md': '#other' });
      assert.deepStrictEqual(index.notesWithTag('ATTENTION').map(o => o.path), ['a.md', 'b.md']);
    });

    test('a nested tag counts under its parent', () => {
      const index = vaultIndex({ 'a.md': '#ml/transformers', 'b.md': '#ml' });
      assert.deepStrictEqual(index.notesWithTag('ml').map(o => o.path), ['a.md', 'b.md']);
    });

    test('a nested tag does not count under its parent when nesting is off', () => {
      const index = vaultIndex({ 'a.md': '#ml/transformers', 'b.md': '#ml' });
      assert.deepStrictEqual(index.notesWithTag('ml', { nested: false }).map(o => o.path), ['b.md']);
    });

    test('frontmatter tags count like inline tags', () => {
      const index = vaultIndex({ 'a.md': lines('---', 'tags: [reading]', '---', 'text') });
      assert.deepStrictEqual(index.notesWithTag('reading').map(o => o.path), ['a.md']);
    });

    test('the tag tree nests tags with counts and the first casing seen', () => {
      const index = vaultIndex({ 'b.md': '#ml/transformers #ML', 'a.md': '#ML/Transformers' });
      assert.deepStrictEqual(index.tagTree(), [
        {
          name: 'ML',
          label: 'ML',
          noteCount: 2,
          count: 1,
          children: [{ name: 'ML/Transformers', label: 'Transformers', noteCount: 2, count: 2, children: [] }],
        },
      ]);
    });

    test('the tag tree names a tag as first written in path, then text order, whatever order notes came in', () => {
      const index = vaultIndex({ 'c.md': '#TOPIC', 'b/z.md': '#Topic/deep', 'b/a.md': 'first #toPic/Deep then #TOPIC/deep' });
      assert.deepStrictEqual(index.tagTree().map(t => [t.name, t.children.map(c => c.name)]), [['toPic', ['toPic/Deep']]]);
      index.upsert('b/a.md', 'now only #topic');
      assert.deepStrictEqual(index.tagTree().map(t => [t.name, t.children.map(c => c.name)]), [['topic', ['Topic/deep']]]);
    });
  });

  suite('placeholders, orphans, ambiguity', () => {
    test('placeholders list each missing note with its backlink count and first casing', () => {
      const index = vaultIndex({ 'b.md': '[[bitter-lesson]]', 'a.md': '[[Bitter Lesson]] [[Bitter Lesson]]' });
      assert.deepStrictEqual(index.placeholders(), [
        { name: 'bitter-lesson', display: 'Bitter Lesson', attachment: false, backlinks: 3 },
      ]);
    });

    test('a missing attachment is a broken link and an attachment placeholder', () => {
      const index = vaultIndex({ 'a.md': '![[figure.png]]' });
      assert.deepStrictEqual(index.placeholders().map(p => [p.name, p.attachment]), [['figure.png', true]]);
      assert.deepStrictEqual(index.brokenLinks().map(l => l.link.target), ['figure.png']);
    });

    test('orphans are notes with no note links in or out', () => {
      const index = vaultIndex({
        'a.md': '[[b]]',
        'b.md': '',
        'lonely.md': '[[missing]] ![[figure.png]] [[#Top]] [[lonely]]',
        'figure.png': '',
      });
      assert.deepStrictEqual(index.orphans(), ['lonely.md']);
    });

    test('ambiguous links list every candidate, the chosen one first', () => {
      const index = vaultIndex({ 'x/a.md': '[[b]]', 'x/b.md': '', 'b.md': '' });
      const [link] = index.ambiguousLinks();
      assert.deepStrictEqual(link.resolution.kind === 'note' && link.resolution.ambiguous, ['x/b.md', 'b.md']);
    });

    test('broken links come in path then text order', () => {
      const index = vaultIndex({ 'b.md': '[[x]]', 'a.md': '[[y]] [[x]]' });
      assert.deepStrictEqual(
        index.brokenLinks().map(l => `${l.source} ${l.link.target}`),
        ['a.md y', 'a.md x', 'b.md x'],
      );
    });
  });

  suite('completion', () => {
    test('each note is offered with its shortest unique target, title and aliases', () => {
      const index = vaultIndex({
        'papers/attention.md': lines('---', 'title: Attention', 'aliases: [Transformer]', '---'),
        'old/attention.md': '',
        'notes/solo.md': '',
      });
      const byPath = new Map(index.completionCandidates('x.md').map(c => [c.path, c]));
      assert.deepStrictEqual(byPath.get('papers/attention.md'), {
        path: 'papers/attention.md',
        insertText: 'papers/attention',
        title: 'Attention',
        aliases: ['Transformer'],
      });
      assert.strictEqual(byPath.get('notes/solo.md')?.insertText, 'solo');
    });

    test('placeholders are offered, flagged', () => {
      const index = vaultIndex({ 'a.md': '[[Bitter Lesson]]' });
      const placeholder = index.completionCandidates('a.md').find(c => c.placeholder);
      assert.deepStrictEqual(placeholder, {
        path: 'bitter-lesson',
        insertText: 'Bitter Lesson',
        title: 'Bitter Lesson',
        aliases: [],
        placeholder: true,
      });
    });

    test('a new note with the same file name lengthens the insert text', () => {
      const index = vaultIndex({ 'papers/attention.md': '' });
      index.completionCandidates('x.md');
      index.upsert('old/attention.md', '');
      const c = index.completionCandidates('x.md').find(c => c.path === 'papers/attention.md');
      assert.strictEqual(c?.insertText, 'papers/attention');
    });
  });

  suite('headings and blocks', () => {
    test('a heading exists by its text or its slug, case-insensitively', () => {
      const index = vaultIndex({ 'a.md': lines('# Key Ideas', 'text ^quote-1') });
      assert.ok(index.headingExists('a.md', 'key ideas'));
      assert.ok(index.headingExists('a.md', 'key-ideas'));
      assert.ok(!index.headingExists('a.md', 'Other'));
    });

    test('a block id exists when the note defines it', () => {
      const index = vaultIndex({ 'a.md': 'a paragraph ^quote-1' });
      assert.ok(index.blockExists('a.md', 'quote-1'));
      assert.ok(!index.blockExists('a.md', 'quote-2'));
    });
  });

  suite('unlinked mentions', () => {
    test('a title written as plain words in another note is an unlinked mention', () => {
      const index = vaultIndex({
        'attention.md': lines('---', 'title: Self Attention', '---'),
        'b.md': lines('# B', '', '- we use self attention here'),
      });
      assert.deepStrictEqual(
        index.unlinkedMentions('attention.md').map(m => [m.source, m.text, m.range.start, m.context]),
        [['b.md', 'self attention', { line: 2, character: 9 }, 'we use self attention here']],
      );
    });

    test('an alias counts as a mention too', () => {
      const index = vaultIndex({ 'v.md': lines('---', 'aliases: [Transformer]', '---'), 'b.md': 'the transformer' });
      assert.deepStrictEqual(index.unlinkedMentions('v.md').map(m => m.text), ['transformer']);
    });

    test('a mention is a whole word', () => {
      const index = vaultIndex({ 'rag.md': '', 'b.md': 'fragment rags rag.' });
      assert.deepStrictEqual(index.unlinkedMentions('rag.md').map(m => m.range.startOffset), [14]);
    });

    test('a linked mention, a tag, code, math and frontmatter are not unlinked mentions', () => {
      const index = vaultIndex({
        'rag.md': '',
        'b.md': lines('---', 'title: rag', '---', '[[rag]] #rag `rag` $rag$', '```', 'rag', '```'),
      });
      assert.deepStrictEqual(index.unlinkedMentions('rag.md'), []);
    });

    test('a note does not mention itself', () => {
      const index = vaultIndex({ 'rag.md': 'all about rag' });
      assert.deepStrictEqual(index.unlinkedMentions('rag.md'), []);
    });
  });

  test('link counts follow every change at once (completion ranks by them each keystroke)', () => {
    const index = vaultIndex({ 'a.md': 'x', 'b.md': '[[a]] [[a#H]] [[#Self]]', 'c.md': '[[A]]' });
    assert.strictEqual(index.linkCountTo('a.md'), 3);
    index.upsert('d.md', '[[a]] [[c]]');
    assert.strictEqual(index.linkCountTo('a.md'), 4);
    assert.strictEqual(index.linkCountTo('c.md'), 1);
    index.upsert('b.md', 'no links now');
    assert.strictEqual(index.linkCountTo('a.md'), 2);
    index.rename('a.md', 'e.md'); // the links' name now means nothing: they wait for a placeholder
    assert.strictEqual(index.linkCountTo('a.md'), 0);
    assert.strictEqual(index.linkCountTo('e.md'), 0);
    index.upsert('x/a.md', '[[a]]'); // a note of that name again, linking to itself by name
    assert.strictEqual(index.linkCountTo('x/a.md'), 3);
    index.remove('d.md');
    assert.strictEqual(index.linkCountTo('x/a.md'), 2);
    assert.strictEqual(index.linkCountTo('c.md'), 0);
  });

  test('stats count notes, links, resolution, tags and placeholders', () => {
    const index = vaultIndex({
      'a.md': '[[b]] [[missing]] #t ![[f.png]]',
      'b.md': '[[c]] #t #u',
      'x/c.md': '',
      'c.md': '',
      'f.png': '',
    });
    assert.deepStrictEqual(index.stats(), {
      notes: 4,
      attachments: 1,
      links: 4,
      resolved: 3,
      unresolved: 1,
      ambiguous: 1,
      tags: 2,
      placeholders: 1,
    });
  });

  test('an empty index answers every query with nothing', () => {
    const index = new NoteIndex();
    assert.deepStrictEqual(index.backlinks('a.md'), []);
    assert.deepStrictEqual(index.forwardLinks('a.md'), []);
    assert.deepStrictEqual(index.tagTree(), []);
    assert.deepStrictEqual(index.orphans(), []);
    assert.deepStrictEqual(index.unlinkedMentions('a.md'), []);
  });
});
