// Where in its target note a link lands: the heading or block it names. Used by go to
// definition, document links and the Outgoing view's rows.
import type { BlockIdItem, LinkItem, NoteSyntax, Position, Range } from '../syntax/types';

/** The heading or block the link names in the target note (`text` is the target's); undefined for the note's top. */
export function placeOfLink(syntax: NoteSyntax | undefined, text: string | undefined, link: Pick<LinkItem, 'heading' | 'block'>): Range | undefined {
  if (!syntax) return undefined;
  if (link.block !== undefined) {
    const block = findBlock(syntax, link.block);
    if (!block) return undefined;
    // The whole block the id names, from its first line.
    const start = text === undefined ? block.range.start : positionAt(text, block.block.startOffset);
    return { start, end: block.range.end, startOffset: block.block.startOffset, endOffset: block.range.endOffset };
  }
  if (link.heading === undefined) return undefined;
  // `[[a#Part#Section]]` names a nested heading: the last part is the one to land on.
  const wanted = link.heading.slice(link.heading.lastIndexOf('#') + 1).trim().toLowerCase();
  const heading = syntax.headings.find(h => h.text.toLowerCase() === wanted)
    ?? syntax.headings.find(h => h.slug === wanted || h.slug === wanted.replace(/\s+/g, '-'));
  return heading?.range;
}

/** The heading (`Part#Section`) or block (`^id`) a fragment names in `syntax`, if it has it. */
export function placeOfFragment(syntax: NoteSyntax | undefined, fragment: string): Range | undefined {
  if (!syntax) return undefined;
  if (fragment.startsWith('^')) return findBlock(syntax, fragment.slice(1))?.range;
  const wanted = fragment.slice(fragment.lastIndexOf('#') + 1).trim().toLowerCase();
  return syntax.headings.find(h => h.text.toLowerCase() === wanted || h.slug === wanted.replace(/\s+/g, '-'))?.range;
}

function findBlock(syntax: NoteSyntax, id: string): BlockIdItem | undefined {
  return syntax.blockIds.find(b => b.id.toLowerCase() === id.toLowerCase());
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
