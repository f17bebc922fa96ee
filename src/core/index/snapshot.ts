// Everything an index answers, as sorted plain data: two indexes that agree on every
// query have equal snapshots (the property test compares incremental with fresh).
import { comparePaths } from './paths';
import type { NoteQueries, Resolution, TagNode } from './types';

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

export function snapshot(index: NoteQueries) {
  const notes = [...index.notes()].sort((a, b) => comparePaths(a.path, b.path));
  const insertTexts = new Map(index.completionCandidates('').map(c => [c.path, c.insertText]));
  return {
    stats: index.stats(),
    attachments: [...index.attachments()].sort(comparePaths),
    notes: notes.map(n => ({
      path: n.path,
      title: n.title,
      aliases: n.aliases,
      links: index.forwardLinks(n.path).map(l => `${l.link.range.startOffset} [[${l.link.target}]] -> ${resolutionText(l.resolution)}`),
      backlinks: index.backlinks(n.path).map(b => `${b.source}:${b.link.range.startOffset} @${b.contextStart.line}:${b.contextStart.character} ${b.context}`),
      insertText: insertTexts.get(n.path),
      mentions: index.unlinkedMentions(n.path).map(m => `${m.source}:${m.range.startOffset} ${m.text} | ${m.context}`),
    })),
    tagTree: tagLines(index.tagTree()),
    tags: tagNames(index.tagTree()).map(t => `#${t}: ${index.notesWithTag(t).map(o => `${o.path}:${o.tag.range.startOffset}`).join(' ')}`),
    placeholders: index.placeholders().map(p => ({
      ...p,
      backlinks: index.backlinks({ placeholder: p.name }).map(b => `${b.source}:${b.link.range.startOffset}`),
    })),
    orphans: index.orphans(),
    ambiguous: index.ambiguousLinks().map(l => `${l.source}:${l.link.range.startOffset}`),
    broken: index.brokenLinks().map(l => `${l.source}:${l.link.range.startOffset}`),
  };
}
