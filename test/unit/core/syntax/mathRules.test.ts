// Where math opens and closes, as tables. `\(..\)` and `\[..\]` close where findMathClose
// (syntax/mathBlocks.ts) says, for both readers: its rule is checked here on its own. The `$`
// rules are @vscode/markdown-it-katex's, which the scanner re-implements: each row is read by
// the scanner and by markdown-it with the plugin, and both must give the expected answer.
import * as assert from 'assert';
import katex from '@vscode/markdown-it-katex';
import MarkdownIt from 'markdown-it';
import { findMathClose } from '../../../../src/core/syntax/mathBlocks';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { charsOf, nameOf, NOT_SPACES, PUNCTUATION, SPACES } from './characterClasses';

const PAREN = 0x29;
const BRACKET = 0x5d;

/** Where the closer's backslash is in `text` (searching all of it from offset 0), or -1. */
const closeAt = (text: string, closer = PAREN) => findMathClose(text, 0, text.length, closer);

suite('shared rule: where \\( and \\[ close', () => {
  const rows: Array<[string, number, number]> = [
    ['x\\)', PAREN, 1],
    ['x\\]', BRACKET, 1],
    ['x\\]', PAREN, -1],
    ['x\\)', BRACKET, -1],
    ['x)', PAREN, -1],
    ['x\\\\)', PAREN, -1], // `\\` is TeX's line break, then a parenthesis
    ['x\\\\\\)', PAREN, 3], // `\\` then `\)`
    ['x\\\\\\\\)', PAREN, -1],
    ['\\\\\\\\\\)', PAREN, 4],
    ['\\)', PAREN, 0],
    ['a\\) b\\)', PAREN, 1], // the first closer
    ['a\\\\) b\\)', PAREN, 6],
    ['x\\', PAREN, -1],
    ['x\\ )', PAREN, -1],
    ['x\\\u00a0)', PAREN, -1],
  ];
  for (const [text, closer, expected] of rows) {
    test(`${JSON.stringify(text)} closes ${String.fromCharCode(closer)} at ${expected}`, () => {
      assert.strictEqual(closeAt(text, closer), expected);
    });
  }

  test('a closer whose ) lies at or past `to` does not count', () => {
    assert.strictEqual(findMathClose('x\\)', 0, 2, PAREN), -1);
    assert.strictEqual(findMathClose('x\\)', 0, 3, PAREN), 1);
    // A run of backslashes up to `to`, its `)` just past it (as where a link's label ends).
    assert.strictEqual(findMathClose('\\\\\\)', 0, 3, PAREN), -1);
    assert.strictEqual(findMathClose('\\\\\\)', 0, 4, PAREN), 2);
  });

  test('a search from `from` does not see backslashes before it', () => {
    // From offset 1 the run is one backslash long: it closes; from 0 it is an escaped pair.
    assert.strictEqual(findMathClose('\\\\)', 1, 3, PAREN), 1);
    assert.strictEqual(findMathClose('\\\\)', 0, 3, PAREN), -1);
  });

  for (const [ch, name] of [...SPACES, ...NOT_SPACES]) {
    test(`${nameOf(ch, name)} between the backslash and ) breaks the closer; before or after it changes nothing`, () => {
      assert.strictEqual(closeAt(`x\\${ch})`), -1);
      assert.strictEqual(closeAt(`x${ch}\\)`), 1 + ch.length);
      assert.strictEqual(closeAt(`x\\)${ch}`), 1);
    });
  }
});

const md = new MarkdownIt('default', { html: false }).use(katex);

/** The inline `$` math each reader finds in `text`, as TeX. */
function viaPlugin(text: string): string[] {
  const found: string[] = [];
  for (const token of md.parse(text, {})) for (const child of token.children ?? []) if (child.type === 'math_inline') found.push(child.content);
  return found;
}
const viaScanner = (text: string) => scanNote(text).math.filter(m => m.delimiter === '$').map(m => m.tex);

function bothFind(text: string, expected: string[], what: string): void {
  assert.deepStrictEqual(viaScanner(text), expected, `scanner, ${what}: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(viaPlugin(text), expected, `markdown-it-katex, ${what}: ${JSON.stringify(text)}`);
}

const isAsciiWord = (ch: string) => /^[A-Za-z0-9_]$/.test(ch);
// Markdown gives these a meaning of their own next to `$` (escapes, code spans, line breaks, a second `$`).
const OWN_MEANING = new Set(['\\', '`', '$', '\n', '\r']);

suite('shared rule: where $ math opens and closes', () => {
  const samples: ReadonlyArray<readonly [string, string]> = [
    ...SPACES,
    ...NOT_SPACES.filter(([ch]) => ch !== '\u0000'),
    ...Object.entries(PUNCTUATION).flatMap(([kind, chars]) => charsOf(chars).map(ch => [ch, kind] as [string, string])),
    ['a', 'ASCII letter'], ['Z', 'ASCII letter'], ['7', 'ASCII digit'], ['é', 'non-ASCII letter'], ['日', 'CJK letter'], ['٣', 'arabic-indic digit'],
  ];
  for (const [ch, name] of samples) {
    if (OWN_MEANING.has(ch)) continue;
    // Only ASCII letters, digits and `_` keep `$` from opening after them or closing before them.
    const opens = !isAsciiWord(ch);
    test(`${nameOf(ch, name)} before $ ${opens ? 'lets it open' : 'keeps it from opening'}`, () => {
      bothFind(`w${ch}$x$ w`, opens ? ['x'] : [], 'before the opener');
    });
    test(`${nameOf(ch, name)} after the closing $ ${opens ? 'lets it close' : 'keeps it from closing'}`, () => {
      bothFind(`w $x$${ch}w`, opens ? ['x'] : [], 'after the closer');
    });
  }

  const rows: Array<[string, string[]]> = [
    ['\\$x$ y', []],
    ['w \\\\$x$', []], // the plugin looks at the character before `$`, escaped or not
    ['a $x\\$y$ b', ['x\\$y']],
    ['`$x$`', []],
    ['$x$$y$', []],
    ['$x$ $y$', ['x', 'y']],
  ];
  for (const [text, expected] of rows) test(JSON.stringify(text), () => bothFind(text, expected, 'row'));
});
