// The `$` rules are @vscode/markdown-it-katex's, as the preview wraps them (render/math.ts): on
// tricky lines, the scanner must find the same math, with the same TeX, as the preview does.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { math } from '../../../../src/core/render/math';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { lines, randomNotes } from './helpers';

const md = new MarkdownIt('default', { html: false }).use(math);

/** TeX with whitespace runs as one space: where lines break and indent is the two readers' own business. */
const tex = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The math markdown-it finds, as `$ tex` / `$$ tex` / `\( tex` / `\[ tex`, in order. */
function viaPlugin(text: string): string[] {
  const found: string[] = [];
  const isMath = (type: string) => type === 'math_block' || type === 'math_inline' || type === 'math_inline_block';
  for (const token of md.parse(text, {})) {
    if (isMath(token.type)) found.push(`${token.markup} ${tex(token.content)}`);
    // The plugin's inline $$..$$ is a math_block token among a paragraph's children.
    for (const child of token.children ?? []) if (isMath(child.type)) found.push(`${child.markup} ${tex(child.content)}`);
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
  // `$$..$$` opening a line with text after it is display math in a paragraph, not a block to the next `$$`.
  '$$k^2$$ squares it\n\nlater\n\n$$\nm\n$$',
  'first words\n$$k^2$$ squares it\nmore words $q$',
  '$$k^2$$ ',
  '$$k \\$$ stays open\n$$',
  '> $$k$$ in a quote\n> $$\n> m\n> $$',
  '- $$k$$ in a list\n- next $$m$$',
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
