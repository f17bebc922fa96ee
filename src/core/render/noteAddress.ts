// The addresses the preview's links carry (`papers/a.md#Intro`, `b.md#%5Equote`), read back
// when a click arrives from the webview. Untrusted input: anything that is not a plain path
// inside the vault (a scheme, an absolute path, `..` climbing out, a backslash, NUL) is refused.
import { placeOfFragment } from '../editor/linkPlace';
import type { NoteSyntax } from '../syntax/types';
import { hasUrlScheme } from '../syntax/urlScheme';

export interface NoteAddress {
  /** Vault-relative, `/`-separated, no `.` or `..` segments. */
  readonly path: string;
  /** Heading text or `^block`, decoded. */
  readonly fragment?: string;
}

/** `path#fragment` as written by PageRenderer.href; undefined when it does not name a path inside the vault. */
export function parseNoteAddress(href: string): NoteAddress | undefined {
  const hash = href.indexOf('#');
  let path: string;
  let fragment: string | undefined;
  try {
    path = decodeURIComponent(hash < 0 ? href : href.slice(0, hash));
    fragment = hash < 0 ? undefined : decodeURIComponent(href.slice(hash + 1));
  } catch {
    return undefined; // malformed percent-encoding
  }
  if (path.startsWith('./')) path = path.slice(2);
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return undefined;
  if (hasUrlScheme(path) && !href.startsWith('./')) return undefined;
  const segments = path.split('/');
  if (segments.some(s => s === '' || s === '.' || s === '..')) return undefined;
  return fragment === undefined || fragment === '' ? { path } : { path, fragment };
}

/** The 0-based line a fragment names in a note: its heading's, or its block's `^id`'s (editor/linkPlace.ts's answer). */
export function fragmentLine(syntax: NoteSyntax, fragment: string): number | undefined {
  return placeOfFragment(syntax, undefined, fragment)?.start.line;
}

/** The address PageRenderer writes for a vault path: each segment percent-encoded (a `#` or `?` in a name stays a name). */
export function formatNoteAddress(path: string, fragment?: string): string {
  return path.split('/').map(encodeURIComponent).join('/') + (fragment === undefined ? '' : `#${encodeURIComponent(fragment)}`);
}
