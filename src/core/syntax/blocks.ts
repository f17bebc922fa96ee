// The block pass: the preview's block rules in the preview's order (markdown-it's, plus
// @vscode/markdown-it-katex's `$$`, render/mathRule.ts's `\[`, markdown-it's HTML
// blocks (raw HTML on, as the preview renders) and markdown-it-footnote's definitions), and which of them may end which block.
import { type BlockRule, type BlockSink, BlockState, type RuleTable } from './blockState';
import { blockquote, footnoteDefinition, list } from './containers';
import { code, fence, heading, hr, htmlBlock, obsidianComment, setextOrParagraph } from './leafBlocks';
import type { LineTable } from './lines';
import { bracketBlock, dollarBlock } from './mathBlocks';
import { type Definition, reference } from './reference';
import { table } from './table';

// What each rule needs the line's first character to be (absent: any character).
const firstChars = new Map<BlockRule, string>([
  [fence, '`~'],
  [blockquote, '>'],
  [bracketBlock, '\\'],
  [dollarBlock, '$'],
  [hr, '*-_'],
  [list, '*-+0123456789'],
  [footnoteDefinition, '['],
  [reference, '['],
  [htmlBlock, '<'],
  [heading, '#'],
  [obsidianComment, '%'],
]);

function byFirstChar(ordered: readonly BlockRule[]): RuleTable {
  const table: BlockRule[][] = [];
  for (let c = 0; c <= 128; c++) {
    const ch = c < 128 ? String.fromCharCode(c) : '';
    table.push(ordered.filter(rule => !firstChars.has(rule) || (ch !== '' && firstChars.get(rule)!.includes(ch))));
  }
  return table;
}

// setextOrParagraph stands for markdown-it's lheading and paragraph, which end on the same lines.
const rules = byFirstChar([
  table,
  code,
  fence,
  blockquote,
  bracketBlock,
  dollarBlock,
  hr,
  list,
  footnoteDefinition,
  reference,
  htmlBlock,
  heading,
  obsidianComment,
  setextOrParagraph,
]);

// markdown-it's `alt` lists: the rules that may interrupt each kind of block.
const referenceEnders = byFirstChar([table, fence, blockquote, bracketBlock, dollarBlock, hr, list, footnoteDefinition, htmlBlock, heading]);
const terminators = {
  // render/obsidianCommentRule.ts's `%%` block may end a paragraph (alt: paragraph), not a definition.
  paragraph: byFirstChar([table, fence, blockquote, bracketBlock, dollarBlock, hr, list, footnoteDefinition, htmlBlock, heading, obsidianComment]),
  reference: referenceEnders,
  blockquote: byFirstChar([fence, blockquote, bracketBlock, dollarBlock, hr, list, htmlBlock, heading]),
  list: byFirstChar([fence, blockquote, bracketBlock, dollarBlock, hr]),
};

/** Reads lines [fromLine, end) of `src` as blocks, reporting what it finds to `out`. */
export function scanBlocks(src: string, lines: LineTable, fromLine: number, out: BlockSink): void {
  const state = new BlockState(src, lines, out, rules, terminators);
  state.tokenize(fromLine, lines.count);
}

/** A sink that keeps only link reference definitions (the first of each label, as markdown-it). */
class DefinitionSink implements BlockSink {
  readonly definitions = new Map<string, Definition>();
  inlineText(): void {}
  heading(): void {}
  mathBlock(): void {}
  code(): void {}
  footnoteDefinition(): void {}
  listItemOpen(): void {}
  listItemClose(): void {}
  definition(label: string, href: string, rawStart: number, rawEnd: number): void {
    if (!this.definitions.has(label)) this.definitions.set(label, { href, rawStart, rawEnd });
  }
}

/**
 * The note's link reference definitions, which `[text][label]` may use before they appear.
 * Costs a second block pass, so only notes that may hold one (`[label]:`, not `[^1]:`) pay it.
 */
export function collectDefinitions(src: string, lines: LineTable, fromLine: number): Map<string, Definition> | undefined {
  if (!mayHoldDefinition(src)) return undefined;
  const sink = new DefinitionSink();
  scanBlocks(src, lines, fromLine, sink);
  return sink.definitions.size > 0 ? sink.definitions : undefined;
}

function mayHoldDefinition(src: string): boolean {
  // The `[` nearest before each `]:` (a one-character indexOf is much faster than one for `]:`);
  // each stretch of text is looked back over once, so `]:` x 100k stays linear.
  let lookedBackTo = 0;
  let lastOpen = -1;
  for (let i = src.indexOf(']'); i >= 0; i = src.indexOf(']', i + 1)) {
    if (src.charCodeAt(i + 1) !== 0x3a /* : */) continue;
    for (let j = i - 1; j >= lookedBackTo; j--) {
      if (src.charCodeAt(j) === 0x5b /* [ */) {
        lastOpen = j;
        break;
      }
    }
    lookedBackTo = i;
    // A label is at most 999 characters; `[^` opens a footnote definition instead.
    if (lastOpen >= 0 && i - lastOpen <= 1000 && src.charCodeAt(lastOpen + 1) !== 0x5e /* ^ */) return true;
  }
  return false;
}
