// Bad input never crashes: thousands of notes assembled at random from the pieces that make
// parsers stumble, each scanned, and what comes back checked for sense — ranges inside the
// text, positions that agree with offsets, items that start where they say, contexts that
// hold their items, links in text order.
import * as assert from 'assert';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import type { Position, Range } from '../../../../src/core/syntax/types';
import { randomNotes } from './helpers';

const PIECES = [
  '[[a]]', '[[b|c]]', '![[d.png|3]]', '[[#h]]', '[[a#^b]]', '[[a\\|b]]', '[[x\ny]]', '#t', '#1', '#é', '#🚀', '#a/',
  ' ', ' ', '\t', '\n', '\n', '\n\n', '\r\n', '\r', '`', '``', '```', '~~~', '$', '$$', '$$\n', '\\(', '\\)', '\\[', '\\]',
  '\\', '\\\\', '[', ']', '(', ')', '[x](n.md)', '![x](n.md)', '[x](<n m.md>)', '[r]', '[t][r]', '\n[r]: n.md\n',
  '<!--', '-->', '<a>', '<http://x.y>', '> ', '> > ', '- ', '* ', '1. ', '    ', '# ', '## ', '---', '===', '|', '|---|',
  '[^1]', '[^1]: x y\n', '^[', '^id', ' ^blk', '---\ntitle: x\n---\n', '\ufeff', '\u0000', '\ud800', '\udc00', '😀',
  'word', 'é', '日本', 'مرحبا', '"', "'", '&amp;', '%20', ':', '*', '_',
];

/** The position of an offset, counted the plain way (a BOM at 0 is no character of line 0). */
function positionOf(text: string, offset: number): Position {
  let line = 0;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: Math.max(0, offset - lineStart) };
}

function checkRange(text: string, range: Range, what: string): void {
  assert.ok(0 <= range.startOffset && range.startOffset <= range.endOffset && range.endOffset <= text.length, `${what}: offsets out of the text`);
  assert.deepStrictEqual(range.start, positionOf(text, range.startOffset), `${what}: start position`);
  assert.deepStrictEqual(range.end, positionOf(text, range.endOffset), `${what}: end position`);
}

function check(text: string): void {
  const s = scanNote(text);
  let previous = -1;
  for (const link of s.links) {
    checkRange(text, link.range, 'link');
    checkRange(text, link.targetRange, 'link target');
    const written = text.slice(link.range.startOffset, link.range.endOffset);
    assert.ok(/^!?\[/.test(written), `a link starts with [ or ![: ${JSON.stringify(written)}`);
    assert.ok(link.range.startOffset >= previous, 'links in text order');
    previous = link.range.startOffset;
    assert.ok(link.context.startOffset <= link.range.startOffset && link.range.endOffset <= link.context.endOffset, 'a context holds its link');
  }
  for (const tag of s.tags) {
    checkRange(text, tag.range, 'tag');
    if (tag.source === 'inline') {
      assert.strictEqual(text.slice(tag.range.startOffset, tag.range.endOffset), `#${tag.name}`);
      assert.ok(tag.context.startOffset <= tag.range.startOffset && tag.range.endOffset <= tag.context.endOffset, 'a context holds its tag');
    }
  }
  for (const h of s.headings) checkRange(text, h.range, 'heading');
  for (const b of s.blockIds) {
    checkRange(text, b.range, 'block id');
    assert.strictEqual(text.slice(b.range.startOffset, b.range.endOffset), `^${b.id}`);
  }
  for (const f of s.footnotes) checkRange(text, f.range, 'footnote');
  for (const m of s.math) checkRange(text, m.range, 'math');
  if (s.frontmatter) checkRange(text, s.frontmatter.range, 'frontmatter');
}

suite('scanner: bad input never crashes', () => {
  test('3,000 random notes of tricky pieces scan, and every item makes sense', function () {
    this.timeout(60_000);
    let index = 0;
    for (const text of randomNotes(PIECES, 60, 3000, 7)) {
      try {
        check(text);
      } catch (error) {
        assert.fail(`note ${index} ${JSON.stringify(text)}: ${(error as Error).message}`);
      }
      index++;
    }
  });

  test('empty, blank and binary-looking notes scan', () => {
    for (const text of ['', '\n', '\r\n\r\n', '\ufeff', '\u0000\u0001\u0002', '\ud800\udc00\ud800', '\u2028\u2029']) check(text);
  });
});
