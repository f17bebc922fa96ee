// Symbolic links in a vault on disk. A link to a note or folder inside the vault is indexed
// once: where the real file is already indexed, under its real path; else (say, inside a hidden
// folder) under the link's path. A link that leaves the vault, loops back to a folder above
// it, or points nowhere is skipped, and named (DESIGN.md §3: a link never leaves the vault).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SkippedLink } from '../core/index/skippedLinks';

export interface WalkState {
  /** Vault paths of the files found so far. */
  readonly files: Set<string>;
  /** Vault paths of the folders walked so far (`''` is the root). */
  readonly folders: Set<string>;
  /** Walks a folder (its symbolic links are pushed onto the list being followed). */
  walk(relative: string): void;
  addFile(relative: string): void;
}

/** Follows `links` (vault paths; walking a linked folder may push more) and returns the ones skipped. */
export function followLinks(root: string, links: string[], state: WalkState): SkippedLink[] {
  const skipped: SkippedLink[] = [];
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return skipped;
  }
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(path.join(root, link));
      stat = fs.statSync(real);
    } catch {
      skipped.push({ path: link, reason: 'dangling' });
      continue;
    }
    const relative = path.relative(realRoot, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      skipped.push({ path: link, reason: 'outside' });
      continue;
    }
    const target = relative.split(path.sep).join('/');
    if (stat.isDirectory()) {
      // A folder that holds the link itself is a loop; one walked already is indexed once, there.
      if (target === '' || link.startsWith(target + '/')) skipped.push({ path: link, reason: 'loop' });
      else if (!state.folders.has(target)) {
        state.folders.add(target); // its real path: a second link to it is not walked again
        state.walk(link);
      }
    } else if (stat.isFile() && !state.files.has(target)) {
      state.addFile(link);
    }
  }
  return skipped;
}
