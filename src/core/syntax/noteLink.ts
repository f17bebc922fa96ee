// Which markdown links are links between notes: relative destinations, without a URL scheme,
// whose path ends in `.md` (DESIGN.md §2) or whose file name has no extension at all
// (`[Zektor](Zektor)`, `[x](../people/Zektor)`: Obsidian opens `Zektor.md`). Same test as the
// preview's (render/markdown.ts).

import { hasUrlScheme } from './urlScheme';
const MD = /\.md$/i;

/** Percent-decoding that leaves a malformed escape as written instead of failing the whole text. */
export function percentDecode(text: string): string {
  if (text.indexOf('%') < 0) return text;
  try {
    return decodeURIComponent(text.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return text;
  }
}

export interface NoteTarget {
  readonly target: string;
  readonly heading?: string;
  /** Length of the path part of the destination as written (before `#`). */
  readonly pathLength: number;
}

/** Characters Obsidian refuses in note names (they mean something inside a wiki-link), and `.`. */
const NOT_IN_BARE_NAME = /[.[\]|^]/;

/** `x.md`, or a file name with no extension and nothing a note name cannot hold (not a folder: `docs/` names none). */
function namesNote(path: string): boolean {
  if (MD.test(path)) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name !== '' && !NOT_IN_BARE_NAME.test(name);
}

/** The note a destination names, or undefined when it names something else (a URL, an image, an anchor). */
export function noteTarget(href: string, raw: string): NoteTarget | undefined {
  if (href === '' || hasUrlScheme(href) || href.startsWith('//')) return undefined;
  const hash = href.indexOf('#');
  const target = percentDecode(hash < 0 ? href : href.slice(0, hash));
  if (!namesNote(target)) return undefined;
  const heading = hash < 0 ? '' : percentDecode(href.slice(hash + 1));
  const rawHash = raw.indexOf('#');
  const pathLength = rawHash < 0 ? raw.length : rawHash;
  return heading === '' ? { target, pathLength } : { target, heading, pathLength };
}

/**
 * The note a link reference definition names for a wiki-link with its label (Foam writes
 * `[publishing]: publishing/publish-to-github-pages.md` under notes that use `[[publishing]]`):
 * a relative destination, `.md` or no extension at all (Foam can leave it out).
 */
export function definitionTarget(href: string): string | undefined {
  if (href === '' || hasUrlScheme(href) || href.startsWith('//')) return undefined;
  const hash = href.indexOf('#');
  const target = percentDecode(hash < 0 ? href : href.slice(0, hash));
  return namesNote(target) ? target : undefined;
}
