// The Outgoing Links view: what the active note links to, one row per distinct target
// (note, heading, block, attachment, or a note not written yet) in the order first written.
import { stripMd } from '../index/paths';
import type { NoteQueries } from '../index/types';
import type { Range } from '../syntax/types';

export type OutgoingKind = 'note' | 'heading' | 'attachment' | 'placeholder';

export interface OutgoingRow {
  readonly kind: OutgoingKind;
  /** As the link names it: `papers/attention`, `transformers#Deep Learning 2.0`, `#Notation`. */
  readonly label: string;
  /** The note or attachment path it resolves to; the placeholder's name for a note not written yet. */
  readonly path: string;
  /** The heading or block (`^id`) inside the target, when the link names one. */
  readonly fragment?: string;
  /** How many links of the note point here. */
  readonly count: number;
  /** The first of those links in the active note. */
  readonly firstLink: Range;
  /** The target as written in the first link (what "Create Note" names). */
  readonly target: string;
  /** Nothing of that name exists yet (a note not written yet, or a missing attachment). */
  readonly missing: boolean;
}

export function outgoingRows(index: NoteQueries, path: string): OutgoingRow[] {
  const rows = new Map<string, { row: OutgoingRow; count: number }>();
  for (const { link, resolution: r } of index.forwardLinks(path)) {
    const fragment = link.block !== undefined ? `^${link.block}` : link.heading;
    const to = r.kind === 'placeholder' ? r.name : r.path;
    const kind: OutgoingKind = r.kind === 'attachment' ? 'attachment'
      : r.kind === 'placeholder' ? (r.attachment ? 'attachment' : 'placeholder')
      : fragment !== undefined ? 'heading' : 'note';
    const key = `${kind}\u0000${to}\u0000${(fragment ?? '').toLowerCase()}`;
    const seen = rows.get(key);
    if (seen) {
      seen.count++;
      continue;
    }
    const label = stripMd(link.target) + (fragment !== undefined ? `#${fragment}` : '');
    rows.set(key, { row: { kind, label, path: to, fragment, count: 1, firstLink: link.range, target: link.target, missing: r.kind === 'placeholder' }, count: 1 });
  }
  return [...rows.values()].map(({ row, count }) => ({ ...row, count }));
}
