import * as assert from 'assert';
import { lines, links, scan, tagNames, targets, textOf } from './helpers';

suite('scanner: markdown links to notes', () => {
  test('[text](other-note.md) is a link to the note, labelled with its text', () => {
    assert.deepStrictEqual(links('See [the paper](other-note.md).'), [{ kind: 'markdown', target: 'other-note.md', label: 'the paper' }]);
  });

  test('[text](note.md#heading) names a heading', () => {
    assert.deepStrictEqual(links('[t](note.md#key-ideas)'), [{ kind: 'markdown', target: 'note.md', heading: 'key-ideas', label: 't' }]);
  });

  test('a destination in <angle brackets> may hold spaces', () => {
    assert.deepStrictEqual(targets('[t](<with space.md>)'), ['with space.md']);
  });

  test('the target is percent-decoded', () => {
    assert.deepStrictEqual(links('[t](folder/My%20Note.md#Key%20Ideas)'), [
      { kind: 'markdown', target: 'folder/My Note.md', heading: 'Key Ideas', label: 't' },
    ]);
  });

  test('a malformed percent escape stays as written', () => {
    assert.deepStrictEqual(targets('[t](100%.md)'), ['100%.md']);
  });

  test('.md is matched without regard to case', () => {
    assert.deepStrictEqual(targets('[t](Note.MD)'), ['Note.MD']);
  });

  test('a destination with a URL scheme is not a note', () => {
    assert.deepStrictEqual(links('[a](https://example.com/x.md) [b](file:x.md) [c](//host/x.md)'), []);
  });

  test('a destination that does not end in .md is not a note', () => {
    assert.deepStrictEqual(links('[a](x.png) [b](x.md?raw) [c](#heading) [d]()'), []);
  });

  test('an image ![](x.md) is not a link', () => {
    assert.deepStrictEqual(links('![alt](note.md)'), []);
  });

  test("nothing in an image's alt text counts", () => {
    const text = '![see [[a]] and #tag](x.png)';
    assert.deepStrictEqual([links(text), tagNames(text)], [[], []]);
  });

  test('nothing inside the destination is a tag or link', () => {
    const text = '[t](note.md#tag) [u](<a [[c]] (#b).png>) [v](<x [[y]].md>)';
    assert.deepStrictEqual(tagNames(text), []);
    assert.deepStrictEqual(targets(text), ['note.md', 'x [[y]].md']);
  });

  test('a destination with no extension names a note, as Obsidian reads it; other extensions and folders do not', () => {
    assert.deepStrictEqual(targets('[a](Zektor) [b](../people/Zektor#Bio) [c](data.csv) [d](people/) [e](v1.2) [f](#top)'), ['Zektor', '../people/Zektor']);
  });

  test('a title after the destination is allowed', () => {
    assert.deepStrictEqual(targets('[t](note.md "the title")'), ['note.md']);
  });

  test('the destination may sit on the next line of the paragraph', () => {
    assert.deepStrictEqual(targets(lines('> [t](', '> note.md)')), ['note.md']);
  });

  test('links and tags inside the link text are found', () => {
    const text = '[see #ml and ![[fig.png]]](note.md)';
    assert.deepStrictEqual(targets(text), ['note.md', 'fig.png']); // in text order: by where each starts
    assert.deepStrictEqual(tagNames(text), ['ml']);
  });

  test('a link inside the text of another makes the outer one no link', () => {
    assert.deepStrictEqual(targets('[a [[b]] c](d.md)'), ['b']);
    assert.deepStrictEqual(targets('[a [b](b.md) c](d.md)'), ['b.md']);
  });

  test('the range runs from [ to ); the target range covers the path only', () => {
    const text = 'x [the paper](<my note.md#Intro>) y';
    const [link] = scan(text).links;
    assert.strictEqual(textOf(text, link.range), '[the paper](<my note.md#Intro>)');
    assert.strictEqual(textOf(text, link.targetRange), 'my note.md');
  });

  test('a reference link [text][label] to a note counts, its target range in the definition', () => {
    const text = lines('See [the paper][p] and [p].', '', '[p]: papers/attention.md');
    const syntax = scan(text);
    assert.deepStrictEqual(
      syntax.links.map((l) => [l.target, l.label]),
      [
        ['papers/attention.md', 'the paper'],
        ['papers/attention.md', 'p'],
      ],
    );
    assert.strictEqual(textOf(text, syntax.links[0].targetRange), 'papers/attention.md');
    assert.strictEqual(textOf(text, syntax.links[0].range), '[the paper][p]');
  });

  test('a reference definition is not itself a link, and nothing in it is found', () => {
    assert.deepStrictEqual([targets('[p]: a.md "#tag"'), tagNames('[p]: a.md "#tag"')], [[], []]);
  });

  test('[label] without a definition is plain text', () => {
    assert.deepStrictEqual(links('- [ ] a task [with brackets]'), []);
  });
});
