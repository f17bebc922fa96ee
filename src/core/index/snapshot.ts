// Everything an index answers, as sorted plain data: two indexes that agree on every
// query have equal snapshots (the property test compares incremental with fresh).
import type { PackedSyntax } from '../syntax/packed';
import { comparePaths } from './paths';
import type { Backlink, CompletionCandidate, NoteQueries, Resolution, TagNode, UnlinkedMention } from './types';

function resolutionText(r: Resolution): string {
  switch (r.kind) {
    case 'note':
      return `note ${r.path} via ${r.via}${r.ambiguous ? ` ambiguous [${r.ambiguous.join(', ')}]` : ''}`;
    case 'attachment':
      return `attachment ${r.path}${r.ambiguous ? ` ambiguous [${r.ambiguous.join(', ')}]` : ''}`;
    case 'self':
      return `self ${r.path}`;
    case 'placeholder':
      return `placeholder ${r.name}${r.attachment ? ' (attachment)' : ''}`;
  }
}

function tagLines(nodes: readonly TagNode[], depth = 0): string[] {
  return nodes.flatMap(n => [
    `${'  '.repeat(depth)}${n.name} (${n.label}) notes=${n.noteCount} count=${n.count}`,
    ...tagLines(n.children, depth + 1),
  ]);
}

function tagNames(nodes: readonly TagNode[]): string[] {
  return nodes.flatMap(n => [n.name, ...tagNames(n.children)]);
}

function candidateText(c: CompletionCandidate): string {
  const aliases = c.aliases.length ? ` aka [${c.aliases.join(', ')}]` : '';
  return `${c.placeholder ? 'placeholder' : 'note'} ${c.path} -> ${c.insertText} "${c.title}"${aliases}`;
}

/** What the queries that read texts answered, per note: `loadSnapshot` asks them as an index that keeps no texts needs. */
interface TextAnswers {
  readonly backlinks: ReadonlyMap<string, Backlink[]>;
  readonly mentions: ReadonlyMap<string, UnlinkedMention[]>;
}

export function snapshot(index: NoteQueries, read?: TextAnswers) {
  const notes = [...index.notes()].sort((a, b) => comparePaths(a.path, b.path));
  return {
    stats: index.stats(),
    attachments: [...index.attachments()].sort(comparePaths),
    notes: notes.map(n => {
      const syntax = n.syntax;
      return {
        path: n.path,
        title: n.title,
        aliases: n.aliases,
        // Completion's ranking weight: a count the link graph keeps, compared with the links it counts.
        linkCount: index.linkCountTo(n.path),
        headings: syntax.headings.map(h => `${h.level} ${h.text} #${h.slug}`),
        blockIds: syntax.blockIds.map(b => b.id),
        links: index.forwardLinks(n.path).map(l => `${l.link.range.startOffset} ${l.link.kind} [[${l.link.target}]] -> ${resolutionText(l.resolution)}`),
        backlinks: (read?.backlinks.get(n.path) ?? index.backlinks(n.path)).map(b => `${b.source}:${b.link.range.startOffset} @${b.contextStart.line}:${b.contextStart.character} ${b.context}`),
        mentions: (read?.mentions.get(n.path) ?? index.unlinkedMentions(n.path)).map(m => `${m.source}:${m.range.startOffset} "${m.text}" in ${m.context}`),
      };
    }),
    // The whole list in the order it is handed out: order, titles and notes not written yet included.
    completion: index.completionCandidates('').map(candidateText),
    tagTree: tagLines(index.tagTree()),
    tags: tagNames(index.tagTree()).flatMap(t => [
      `#${t}: ${index.notesWithTag(t).map(o => `${o.path}:${o.tag.range.startOffset}`).join(' ')}`,
      `#${t} (exactly): ${index.notesWithTag(t, { nested: false }).map(o => `${o.path}:${o.tag.range.startOffset}`).join(' ')}`,
    ]),
    // `backlinks` is the count placeholders() reports (cached): compared as well as the links themselves.
    placeholders: index.placeholders().map(p => ({
      ...p,
      linkedFrom: index.backlinks({ placeholder: p.name }).map(b => `${b.source}:${b.link.range.startOffset}`),
    })),
    orphans: index.orphans(),
    ambiguous: index.ambiguousLinks().map(l => `${l.source}:${l.link.range.startOffset}`),
    broken: index.brokenLinks().map(l => `${l.source}:${l.link.range.startOffset}`),
  };
}

/** `snapshot` with backlinks and mentions asked asynchronously (`loadBacklinks`, `loadUnlinkedMentions`): texts read back. */
export async function loadSnapshot(index: NoteQueries): Promise<ReturnType<typeof snapshot>> {
  const backlinks = new Map<string, Backlink[]>();
  const mentions = new Map<string, UnlinkedMention[]>();
  for (const n of [...index.notes()]) {
    backlinks.set(n.path, await index.loadBacklinks(n.path));
    mentions.set(n.path, await index.loadUnlinkedMentions(n.path));
  }
  return snapshot(index, { backlinks, mentions });
}

/**
 * A note's PackedSyntax as its readers see it, field by field, absent fields absent: a restored
 * note's decodes some lists when first read (restoredSyntax.ts), so it is an object of its own
 * class, not the scanner's literal; what tests compare with a scan's is this.
 */
export function packedAsRead(p: PackedSyntax): PackedSyntax {
  const out: { -readonly [K in keyof PackedSyntax]: PackedSyntax[K] } = {
    ranges: p.ranges instanceof Int32Array ? p.ranges : Int32Array.from(p.ranges), codeAt: p.codeAt, links: p.links, tags: p.tags, headings: p.headings, blockIds: p.blockIds,
    footnotes: p.footnotes, math: p.math, lineCount: p.lineCount,
  };
  if (p.frontmatter !== undefined) out.frontmatter = p.frontmatter;
  if (p.title !== undefined) out.title = p.title;
  if (p.citations !== undefined) out.citations = p.citations;
  return out;
}
