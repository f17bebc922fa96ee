// The `$` rules are @vscode/markdown-it-katex's: on tricky lines, the scanner must find the
// same inline math, with the same TeX, as markdown-it with the plugin does.
import * as assert from 'assert';
import katex from '@vscode/markdown-it-katex';
import MarkdownIt from 'markdown-it';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { lines, randomNotes } from './helpers';

const md = new MarkdownIt('default', { html: false }).use(katex);

/** TeX with whitespace runs as one space: where lines break and indent is the two readers' own business. */
const tex = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The math markdown-it finds, as `$ tex` / `$$ tex`, in order. */
function viaPlugin(text: string): string[] {
  const found: string[] = [];
  for (const token of md.parse(text, {})) {
    if (token.type === 'math_block') found.push(`$$ ${tex(token.content)}`);
    for (const child of token.children ?? []) {
      if (child.type === 'math_inline') found.push(`$ ${tex(child.content)}`);
      if (child.type === 'math_block') found.push(`$$ ${tex(child.content)}`); // the plugin's inline $$..$$
    }
  }
  return found;
}

function viaScanner(text: string): string[] {
  return scanNote(text).math.map((m) => `${m.delimiter} ${tex(m.tex)}`);
}

const LINES = [
  'a $x$ b',
  '$x$',
  'costs 5$ or $5 and $6',
  'a$b$ and $c$d',
  '$a \\$ b$',
  '\\$x$ and $y$',
  '\\\\$x$',
  '$ spaced $',
  '$x$$y$',
  'a $$x$$ b',
  'a $$$x$$$ b',
  '$$a$$ and $$b$$',
  '$a$ $b$ $c',
  '$x\ny$',
  '_$x$_ and ($y$) and "$z$"',
  '$x$, $y$. $z$!',
  '$1 and $2',
  '`$x$` then $y$',
  '$`x`$',
  '$$\n\\sum\n$$',
  '$$x$$',
  'text\n$$\nx\n$$\nafter $y$',
];

const PIECES = ['$', '$', '$$', '\\', '\\$', 'x', '1', '_', ' ', ' ', '`', '.', '(', ')', '\n', 'ab', '$x$', '*'];

suite('scanner: $ math agrees with @vscode/markdown-it-katex', () => {
  test('2,000 random lines of $, \\, ` and words', () => {
    const differ: string[] = [];
    for (const text of randomNotes(PIECES, 20, 2000, 3)) {
      const paragraph = lines('Intro.', '', text); // keep `$$` off the start of the note: a block there is read alike, and tested above
      if (JSON.stringify(viaScanner(paragraph)) !== JSON.stringify(viaPlugin(paragraph))) differ.push(JSON.stringify(text));
    }
    assert.deepStrictEqual(differ.slice(0, 5), []);
  });

  for (const text of LINES) {
    test(JSON.stringify(text), () => {
      assert.deepStrictEqual(viaScanner(text), viaPlugin(text));
    });
  }
});
