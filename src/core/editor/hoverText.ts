// The words of a hover, as markdown, with every piece of note text made inert. The adapter
// (src/vscode/editor/hover.ts) only wraps them in VS Code's MarkdownString.
import { escapeMarkdown } from './inertText';

export function notesLinkHere(count: number): string {
  return count === 0 ? 'no note links here' : count === 1 ? '1 note links here' : `${count} notes link here`;
}

/** The head of a note's hover: `**Title** › Section · folder`. */
export function noteHoverHead(title: string, link: { heading?: string; block?: string }, folder: string): string {
  const section = link.heading ? ` › ${escapeMarkdown(link.heading)}` : link.block ? ` › ^${escapeMarkdown(link.block)}` : '';
  return `**${escapeMarkdown(title)}**${section}${folderPart(folder)}`;
}

export function folderPart(folder: string): string {
  return folder ? ` · ${escapeMarkdown(folder)}` : '';
}

export interface TagHoverNote {
  readonly title: string;
  readonly path: string;
  /** Where the row's link opens the note (a URI the adapter made). */
  readonly href: string;
}

/** A tag's hover: how many notes carry it (`count`), then the few `shown`. */
export function tagHoverParts(name: string, count: number, shown: readonly TagHoverNote[]): string[] {
  const head = `**#${escapeMarkdown(name)}** · ${count === 1 ? '1 note carries it' : `${count} notes carry it`}`;
  const rows = shown.map(n => `- [${escapeMarkdown(n.title)}](${n.href}) · ${escapeMarkdown(n.path)}`);
  if (count > shown.length) rows.push(`- … and ${count - shown.length} more`);
  return rows.length ? [head, rows.join('\n')] : [head];
}
