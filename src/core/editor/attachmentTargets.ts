// What `![[` inserts for an attachment: its file name (`figure.png`), or as many folders as
// tell it apart from attachments of the same name (`a/figure.png`), as a link resolves them.
import { comparePaths, fileNameOf } from '../index/paths';

export interface AttachmentTarget {
  readonly path: string;
  readonly target: string;
}

export function attachmentTargets(paths: Iterable<string>): AttachmentTarget[] {
  const byName = new Map<string, string[]>();
  for (const path of paths) {
    const key = fileNameOf(path).toLowerCase();
    const same = byName.get(key);
    if (same) same.push(path);
    else byName.set(key, [path]);
  }
  const out: AttachmentTarget[] = [];
  for (const same of byName.values()) {
    for (const path of same) out.push({ path, target: same.length === 1 ? fileNameOf(path) : shortestSuffix(path, same) });
  }
  return out.sort((a, b) => comparePaths(a.target, b.target));
}

/** The fewest trailing segments of `path` that end no other path of `same`. */
function shortestSuffix(path: string, same: readonly string[]): string {
  const segments = path.split('/');
  for (let k = 2; k <= segments.length; k++) {
    const suffix = segments.slice(-k).join('/').toLowerCase();
    const clashes = same.filter(p => p !== path && (p.toLowerCase() === suffix || p.toLowerCase().endsWith('/' + suffix)));
    if (clashes.length === 0) return segments.slice(-k).join('/');
  }
  return '/' + path;
}
