// Decides which vault files Marginalia sees, from the `marginalia.include` / `exclude`
// globs. One decision serves both the initial listing and the file watcher, so a file the
// listing skipped never sneaks in through a change event.
// Pure: no `vscode` import, so it is unit-tested in Node.

export class PathFilter {
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];
  /** An include glob takes every path (the default, `**` then `/*`). */
  private readonly includesAll: boolean;
  /** Exclude globs that name a folder anywhere (`**`, `/NAME/`, `**`: all the defaults), by that name. */
  private readonly excludedNames: ReadonlySet<string>;
  /** The other exclude globs. */
  private readonly excludeRest: RegExp[];

  constructor(include: readonly string[], exclude: readonly string[]) {
    this.include = include.map(globToRegExp);
    this.exclude = exclude.map(globToRegExp);
    // The same answers as the globs' regular expressions, without trying eight of them (each
    // backtracking over every `/`) on every path: 20-35 ms of a 10,000-note vault's listing.
    this.includesAll = include.some(g => EVERY_PATH.has(g.replace(/^\.?\//, '')));
    const names = new Set<string>();
    const rest: string[] = [];
    for (const g of exclude) {
      const named = ANY_FOLDER_NAMED.exec(g);
      if (named) names.add(named[1]);
      else rest.push(g);
    }
    this.excludedNames = names;
    this.excludeRest = rest.map(globToRegExp);
  }

  /** `path` is vault-relative with `/` separators. */
  accepts(path: string): boolean {
    return this.included(path) && !this.excludes(path);
  }

  /**
   * `accepts` for a file met by a walk that entered its folders only when `excludes` said no:
   * no folder of it can be excluded, so exclude patterns are tried on the path alone (a vault's
   * listing tried the default seven on every folder of every file: 28 ms of 10,000 notes).
   */
  acceptsWalked(path: string): boolean {
    if (LINE_BREAK.test(path)) return matchesSelfOrFolder(this.include, path) && !this.exclude.some(p => p.test(path));
    const included = (this.includesAll && path.length > 0) || matchesSelfOrFolder(this.include, path);
    return included && !hasSegmentIn(this.excludedNames, path) && !this.excludeRest.some(p => p.test(path));
  }

  /** Whether an exclude pattern covers `path` (a folder: then everything in it). */
  excludes(path: string): boolean {
    // A glob's `.*` stops at a line break: such a path (never seen in a real vault) takes the regular expressions.
    if (LINE_BREAK.test(path)) return matchesSelfOrFolder(this.exclude, path);
    return hasSegmentIn(this.excludedNames, path) || matchesSelfOrFolder(this.excludeRest, path);
  }

  private included(path: string): boolean {
    return (this.includesAll && path.length > 0 && !LINE_BREAK.test(path)) || matchesSelfOrFolder(this.include, path);
  }
}

/** Globs whose regular expression takes every path without a line break. */
const EVERY_PATH = new Set(['**', '**/*']);
// A glob of `**`, `/NAME/`, `**` with a plain NAME: its expression `^(?:.*/)?NAME(?:/.*)?$` matches a
// path (or a folder of it) exactly when one of its segments is NAME.
const ANY_FOLDER_NAMED = /^(?:\.?\/)?\*\*\/([^*?[\]{}/\\!]+)\/\*\*$/;
/** What a glob's `.` does not match. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Whether a `/`-separated segment of `path` is in `names`. */
function hasSegmentIn(names: ReadonlySet<string>, path: string): boolean {
  if (names.size === 0) return false;
  for (let start = 0; start <= path.length; ) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (names.has(path.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

// A pattern that names a folder (`drafts`, `**/node_modules`) covers everything in it,
// the way VS Code's `files.exclude` reads.
function matchesSelfOrFolder(patterns: readonly RegExp[], path: string): boolean {
  if (patterns.length === 0) return false;
  for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
    const prefix = path.slice(0, end);
    if (patterns.some(p => p.test(prefix))) return true;
  }
  return false;
}

/** VS Code's glob dialect: `**`, `*`, `?`, `{a,b}`, `[a-z]`, `[!a]`. */
export function globToRegExp(glob: string): RegExp {
  const source = translate(glob.replace(/^\.?\//, ''), 0, false).source;
  return new RegExp(`^${source}$`);
}

function translate(glob: string, from: number, inBraces: boolean): { source: string; end: number } {
  let out = '';
  let i = from;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const followedBySlash = glob[i + 2] === '/';
      if (atSegmentStart && followedBySlash) { out += '(?:.*/)?'; i += 3; continue; }
      out += '.*';
      i += 2;
      // `a/**` also matches `a` itself.
      if (out.endsWith('/.*')) out = out.slice(0, -3) + '(?:/.*)?';
      continue;
    }
    if (c === '*') { out += '[^/]*'; i++; continue; }
    if (c === '?') { out += '[^/]'; i++; continue; }
    if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close > 0) {
        const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        out += body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = close + 1;
        continue;
      }
    }
    if (c === '{') {
      const alternatives: string[] = [];
      let j = i + 1;
      for (;;) {
        const part = translate(glob, j, true);
        alternatives.push(part.source);
        j = part.end;
        if (glob[j] !== ',') break;
        j++;
      }
      out += `(?:${alternatives.join('|')})`;
      i = j + 1;
      continue;
    }
    if (inBraces && (c === ',' || c === '}')) return { source: out, end: i };
    out += c.replace(/[.+^$()|\\]/g, '\\$&');
    i++;
  }
  return { source: out, end: i };
}
