// What is wrong with a note's links, for the editor's diagnostics and quick fixes: no such
// note (or attachment), no such heading, no such block, or several notes it could mean.
//
// Seam: the engine-fidelity issue gives the index its own broken-link kinds and suggestions;
// `subpathProblem` is the one piece to swap for that query when it lands.
import type { NoteQueries } from '../index/types';
import type { HeadingItem, LinkItem, NoteSyntax } from '../syntax/types';
import { lastHeadingPart, linkFragment, resolveFragment } from '../syntax/fragment';
import { closest } from './closest';

export type LinkProblemKind = 'missing-note' | 'missing-attachment' | 'missing-heading' | 'missing-block' | 'ambiguous';

export interface LinkProblem {
  readonly kind: LinkProblemKind;
  readonly link: LinkItem;
  readonly message: string;
  /** ambiguous: every candidate path, the chosen one first. */
  readonly candidates?: readonly string[];
  /** missing-heading / missing-block: the closest existing headings (text) or block ids. */
  readonly suggestions?: readonly string[];
  /** The note the link resolved to (missing heading or block). */
  readonly path?: string;
}

import { hasUrlScheme } from '../syntax/urlScheme';

interface Subpaths {
  readonly headings: readonly HeadingItem[];
  readonly blockIds: readonly { readonly id: string }[];
}

/**
 * The problems of the links in `syntax`, a note at `path` (its live text, saved or not),
 * resolved against the index. A link inside code is no link, so it has no problem.
 */
export function linkProblems(index: NoteQueries, path: string, syntax: NoteSyntax): LinkProblem[] {
  const out: LinkProblem[] = [];
  const subpaths = new Map<string, Subpaths | undefined>();
  const subpathsOf = (p: string): Subpaths | undefined => {
    if (p === path) return syntax;
    if (!subpaths.has(p)) {
      const s = index.note(p)?.syntax;
      subpaths.set(p, s);
    }
    return subpaths.get(p);
  };
  for (const link of syntax.links) {
    if (hasUrlScheme(link.target)) continue;
    const r = index.resolve(link.target, path);
    const written = shown(link);
    if (r.kind === 'placeholder') {
      out.push(r.attachment
        ? { kind: 'missing-attachment', link, message: `No attachment "${link.target}" in this vault` }
        : { kind: 'missing-note', link, message: `No note "${link.target}" yet: create it, or fix the link` });
      continue;
    }
    if (r.kind === 'attachment') continue; // `#page=3` and sizes are the viewer's business
    if (r.kind === 'note' && r.ambiguous && r.ambiguous.length > 1) {
      out.push({ kind: 'ambiguous', link, candidates: r.ambiguous,
        message: `${written} could mean ${r.ambiguous.length} notes: ${r.ambiguous.join(', ')} (opens ${r.path})` });
    }
    const target = r.path;
    const problem = subpathProblem(link, target, subpathsOf(target));
    if (problem) out.push(problem);
  }
  return out;
}

/** A heading or block the target note does not have, with the closest ones it has. */
export function subpathProblem(link: LinkItem, path: string, target: Subpaths | undefined): LinkProblem | undefined {
  const wanted = linkFragment(link);
  // The one resolution every part uses (syntax/fragment.ts): `marginalia check` answers the same.
  if (!target || !wanted || resolveFragment(target, wanted)) return undefined;
  if (wanted.block !== undefined) {
    return { kind: 'missing-block', link, path, suggestions: closest(wanted.block, target.blockIds.map(b => b.id)),
      message: `No block ^${wanted.block} in ${path}` };
  }
  const last = lastHeadingPart(wanted.heading!);
  const choices = link.kind === 'markdown' ? target.headings.map(h => h.slug) : [...new Set(target.headings.map(h => h.text))];
  return { kind: 'missing-heading', link, path, suggestions: closest(last, choices),
    message: `No heading "${last}" in ${path}` };
}

function shown(link: LinkItem): string {
  return link.kind === 'markdown' ? `(${link.target})` : `[[${link.target}]]`;
}
