import * as assert from 'assert';
import { at, lines, links, scan, targets, textOf } from './helpers';

suite('scanner: wiki-links', () => {
  test('[[target]] is a wiki-link to target', () => {
    assert.deepStrictEqual(links('See [[attention]].'), [{ kind: 'wiki', target: 'attention' }]);
  });

  test('[[target|label]] has a label', () => {
    assert.deepStrictEqual(links('[[attention|the paper]]'), [{ kind: 'wiki', target: 'attention', label: 'the paper' }]);
  });

  test('[[target#Heading]] names a heading', () => {
    assert.deepStrictEqual(links('[[attention#Key Ideas]]'), [{ kind: 'wiki', target: 'attention', heading: 'Key Ideas' }]);
  });

  test('[[target#^block]] names a block', () => {
    assert.deepStrictEqual(links('[[attention#^quote-1]]'), [{ kind: 'wiki', target: 'attention', block: 'quote-1' }]);
  });

  test('[[#Heading]] links to a heading of the same note, with an empty target', () => {
    assert.deepStrictEqual(links('[[#Results]]'), [{ kind: 'wiki', target: '', heading: 'Results' }]);
  });

  test('heading and label together', () => {
    assert.deepStrictEqual(links('[[attention#Results|see results]]'), [
      { kind: 'wiki', target: 'attention', heading: 'Results', label: 'see results' },
    ]);
  });

  test('a target keeps its folder and its .md as written', () => {
    assert.deepStrictEqual(targets('[[papers/attention.md]] [[../up]] [[/root/note]]'), ['papers/attention.md', '../up', '/root/note']);
  });

  test('spaces around the parts are trimmed', () => {
    assert.deepStrictEqual(links('[[ attention # Results | paper ]]'), [
      { kind: 'wiki', target: 'attention', heading: 'Results', label: 'paper' },
    ]);
  });

  test('only the first | separates the label', () => {
    assert.deepStrictEqual(links('[[a|b|c]]'), [{ kind: 'wiki', target: 'a', label: 'b|c' }]);
  });

  test('\\| separates the label too (a table row copied out keeps its meaning)', () => {
    assert.deepStrictEqual(links('[[a\\|b]]'), [{ kind: 'wiki', target: 'a', label: 'b' }]);
  });

  test('inside a table row, \\| separates the label', () => {
    const text = lines('| note | link |', '| --- | --- |', '| one | [[attention\\|the paper]] |');
    assert.deepStrictEqual(links(text), [{ kind: 'wiki', target: 'attention', label: 'the paper' }]);
  });

  test('inside a table row, a bare | splits the cell, so [[a|b]] is no link', () => {
    assert.deepStrictEqual(links(lines('| a | b |', '|---|---|', '| [[x|y]] | z |')), []);
  });

  test('\\[[ is not a link', () => {
    assert.deepStrictEqual(links('\\[[not a link]]'), []);
  });

  test('[[]] is not a link', () => {
    assert.deepStrictEqual(links('[[]] [[ ]] [[|label]] [[#]]'), []);
  });

  test('a wiki-link does not span lines', () => {
    assert.deepStrictEqual(links(lines('[[first', 'second]]')), []);
  });

  test('the link ends at the first ]], and holds no other bracket', () => {
    assert.deepStrictEqual(targets('[[a]]] [[b]c]] [[[d]]]'), ['a', 'd']);
  });

  test('the range covers the brackets; the target range just the target', () => {
    const text = 'See [[ attention#Results|paper]].';
    const [link] = scan(text).links;
    assert.strictEqual(textOf(text, link.range), '[[ attention#Results|paper]]');
    assert.strictEqual(textOf(text, link.targetRange), 'attention');
    assert.strictEqual(at(link.range), '0:4-0:32');
  });

  test('a same-note link has an empty target range just inside [[', () => {
    const [link] = scan('x [[#Intro]]').links;
    assert.deepStrictEqual([link.targetRange.startOffset, link.targetRange.endOffset], [4, 4]);
  });
});

suite('scanner: embeds and attachments', () => {
  test('![[target]] is an embed', () => {
    assert.deepStrictEqual(links('![[attention]]'), [{ kind: 'embed', target: 'attention' }]);
  });

  test('an embed takes the same suffixes', () => {
    assert.deepStrictEqual(links('![[attention#Results|short]] ![[b#^q]]'), [
      { kind: 'embed', target: 'attention', heading: 'Results', label: 'short' },
      { kind: 'embed', target: 'b', block: 'q' },
    ]);
  });

  test('an image embed keeps its size as the label', () => {
    assert.deepStrictEqual(links('![[figure.png|300]]'), [{ kind: 'embed', target: 'figure.png', label: '300' }]);
  });

  test('an attachment is a link whose target has an extension', () => {
    assert.deepStrictEqual(links('[[paper.pdf]] ![[paper.pdf#page=3]]'), [
      { kind: 'wiki', target: 'paper.pdf' },
      { kind: 'embed', target: 'paper.pdf', heading: 'page=3' },
    ]);
  });

  test("an embed's range starts at !", () => {
    const text = 'a ![[x.png]]';
    assert.strictEqual(textOf(text, scan(text).links[0].range), '![[x.png]]');
  });

  test('![[]] is neither an embed nor an image', () => {
    assert.deepStrictEqual(links('![[]]'), []);
  });
});
