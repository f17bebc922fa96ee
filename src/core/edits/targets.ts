// How a link names a file once files have moved: the shortest target that still means it,
// in the form the link was written (bare name, path, relative path, markdown destination).
import { absoluteTarget, endsWithSegments, fileNameOf, isNotePath, looseKey, stripMd } from '../index/paths';

/** The vault's files as they will be after a move: answers which targets name one file alone. */
export class VaultPaths {
  /** Lowercase file name (notes: without `.md`) -> lowercase stems of the files with it. */
  private readonly notesByName = new Map<string, string[]>();
  private readonly notesByLooseName = new Map<string, string[]>();
  private readonly attachmentsByName = new Map<string, string[]>();

  constructor(notes: Iterable<string>, attachments: Iterable<string>) {
    for (const p of notes) {
      const stem = stripMd(p);
      push(this.notesByName, fileNameOf(stem).toLowerCase(), stem.toLowerCase());
      push(this.notesByLooseName, looseKey(fileNameOf(stem)), looseKey(stem));
    }
    for (const p of attachments) push(this.attachmentsByName, fileNameOf(p).toLowerCase(), p.toLowerCase());
  }

  /** How many files a suffix-matched target (`attention`, `papers/attention`, `figure.png`) matches. */
  matches(target: string, attachment: boolean): number {
    const wanted = (attachment ? target : stripMd(target)).toLowerCase();
    const byName = attachment ? this.attachmentsByName : this.notesByName;
    return (byName.get(fileNameOf(wanted)) ?? []).filter(s => endsWithSegments(s, wanted)).length;
  }

  /** The same with spaces, dashes and underscores alike (`[[My Note]]` for `my-note.md`). */
  looseMatches(target: string): number {
    const wanted = looseKey(stripMd(target));
    return (this.notesByLooseName.get(looseKey(fileNameOf(wanted))) ?? []).filter(s => endsWithSegments(s, wanted)).length;
  }

  /**
   * The shortest folder-aligned suffix of `path` with at least `minSegments` segments that
   * names it alone; else its whole path from the root (`/papers/attention`).
   */
  shortestTarget(path: string, attachment: boolean, minSegments = 1): string {
    const stem = attachment ? path : stripMd(path);
    const segments = stem.split('/');
    for (let k = Math.max(1, minSegments); k <= segments.length; k++) {
      const suffix = segments.slice(-k).join('/');
      if (this.matches(suffix, attachment) <= 1) return suffix;
    }
    return '/' + stem;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `a/b` -> `a/c/d.md` is `../c/d.md`... from a folder (`''` = root) to a vault path. */
export function relativePath(fromFolder: string, to: string): string {
  const from = fromFolder === '' ? [] : fromFolder.split('/');
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return '../'.repeat(from.length - common) + target.slice(common).join('/');
}

export interface TargetContext {
  /** The folder of the linking note, after the move. */
  readonly fromFolder: string;
  /** The file the link must name, after the move. */
  readonly path: string;
  readonly attachment: boolean;
  readonly paths: VaultPaths;
}

/** Whether a wiki-link or embed target as written still names `path` alone after the move. */
export function wikiTargetStillMeans(written: string, via: string | undefined, c: TargetContext): boolean {
  const attachment = c.attachment;
  if (written.startsWith('/') || written.startsWith('./') || written.startsWith('../')) {
    const absolute = absoluteTarget(written, c.fromFolder);
    return absolute !== undefined && sameFile(absolute, c.path, attachment);
  }
  const stem = (attachment ? c.path : stripMd(c.path)).toLowerCase();
  if (endsWithSegments(stem, (attachment ? written : stripMd(written)).toLowerCase())) return c.paths.matches(written, attachment) === 1;
  return via === 'loose' && endsWithSegments(looseKey(stem), looseKey(stripMd(written))) && c.paths.looseMatches(written) === 1;
}

/** The target a wiki-link or embed gets: the form it was written in, naming the file alone. */
export function wikiTargetFor(written: string, c: TargetContext): string {
  const keepMd = !c.attachment && isNotePath(written);
  const stem = c.attachment ? c.path : stripMd(c.path);
  const md = keepMd ? written.slice(-3) : '';
  if (written.startsWith('/')) return '/' + stem + md;
  if (written.startsWith('./') || written.startsWith('../')) {
    const relative = relativePath(c.fromFolder, stem);
    return (relative.startsWith('../') ? relative : './' + relative) + md;
  }
  // A bare name stays the shortest unique target; a path stays a path (a folder and a name at
  // least), the shortest that names the file alone.
  return c.paths.shortestTarget(c.path, c.attachment, written.includes('/') ? 2 : 1) + md;
}

/** Whether a markdown link's (decoded) destination still names `path` from its note after the move. */
export function destinationStillMeans(decoded: string, fromFolder: string, path: string): boolean {
  const absolute = absoluteTarget(decoded.startsWith('/') ? decoded : './' + decoded, fromFolder);
  return absolute !== undefined && sameFile(absolute, path, !isNotePath(path));
}

/**
 * The destination a markdown link gets: the path relative to its note (from the root when it
 * was written so), `./` kept, encoded the way the old one was (`%20`; non-ASCII escaped only
 * when it was escaped before). `raw` is the destination as written; `angle` for `<...>`.
 */
export function destinationFor(decoded: string, raw: string, angle: boolean, fromFolder: string, path: string): string {
  let dest = decoded.startsWith('/') ? '/' + path : relativePath(fromFolder, path);
  if (!decoded.startsWith('/') && decoded.startsWith('./') && !dest.startsWith('../')) dest = './' + dest;
  return angle ? dest.replace(/[<>\n]/g, encodeURIComponent) : encodeDestination(dest, /%[89a-fA-F][0-9a-fA-F]/.test(raw));
}

/** Percent-encodes what a bare markdown destination cannot hold. */
export function encodeDestination(path: string, nonAscii: boolean): string {
  let out = '';
  for (const ch of path) {
    const code = ch.codePointAt(0)!;
    if (' %()#?<>\\"\''.includes(ch) || code < 0x20 || (nonAscii && code > 0x7e)) out += encodeURIComponent(ch).replace(/[()']/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    else out += ch;
  }
  return out;
}

function sameFile(absolute: string, path: string, attachment: boolean): boolean {
  return attachment ? absolute.toLowerCase() === path.toLowerCase() : stripMd(absolute).toLowerCase() === stripMd(path).toLowerCase();
}
