// Which note a link means (DESIGN.md §3): pure functions over the vault's names.
import {
  absoluteTarget,
  comparePaths,
  endsWithSegments,
  fileNameOf,
  folderOf,
  hasAttachmentExtension,
  isRelativeTarget,
  looseKey,
  lowerKey,
  noteNameKey,
  stripMd,
} from './paths';
import type { Resolution } from './types';
import { unique, type VaultNames } from './vaultNames';

export function resolveLink(target: string, fromPath: string, names: VaultNames): Resolution {
  return target === '' ? { kind: 'self', path: fromPath } : resolveTarget(target, folderOf(fromPath), names);
}

/** What a (non-empty) target means when written in a note of `fromFolder`. */
export function resolveTarget(target: string, fromFolder: string, names: VaultNames): Resolution {
  const attachment = hasAttachmentExtension(target);
  if (isRelativeTarget(target)) {
    const absolute = absoluteTarget(target, fromFolder);
    if (absolute === undefined) return placeholder(target, attachment);
    return (
      (attachment ? attachmentAt(absolute, names, fromFolder) : undefined) ??
      noteAt(stripMd(absolute), names, fromFolder) ??
      placeholder(absolute, attachment)
    );
  }
  // `[[v1.2]]` or `[[Mr.Smith]]` look like file names: when no such attachment exists, try notes.
  return (
    (attachment ? attachmentBySuffix(target, names, fromFolder) : undefined) ??
    noteBySuffix(target, names, fromFolder) ??
    placeholder(target, attachment)
  );
}

/**
 * The keys whose notes or attachments can change what this link means (see `VaultNames.addNote`):
 * a relative link is keyed by the absolute path it names, any other by its names.
 */
export function linkKeys(target: string, fromPath: string): string[] {
  if (target === '') return [];
  if (isRelativeTarget(target)) {
    const absolute = absoluteTarget(target, folderOf(fromPath));
    return absolute === undefined ? [] : ['/' + stripMd(absolute).toLowerCase()];
  }
  const whole = stripMd(target);
  const name = fileNameOf(whole);
  return unique([lowerKey(name), lowerKey(whole), looseKey(name), looseKey(whole)]);
}

/** Named by the normalized target, so `[[Bitter Lesson]]` and `[[bitter-lesson]]` share one. */
export function placeholderName(target: string): string {
  return looseKey(stripMd(target));
}

function placeholder(target: string, attachment: boolean): Resolution {
  return { kind: 'placeholder', name: placeholderName(target), attachment };
}

function noteAt(absolute: string, names: VaultNames, fromFolder: string): Resolution | undefined {
  const wanted = absolute.toLowerCase();
  const found = names.notesNamed(noteNameKey(absolute)).filter(p => names.stem(p).lower === wanted);
  return found.length === 0 ? undefined : { kind: 'note', ...choose(found, fromFolder), via: 'path' };
}

function attachmentAt(absolute: string, names: VaultNames, fromFolder: string): Resolution | undefined {
  const wanted = absolute.toLowerCase();
  const found = names.attachmentsNamed(fileNameOf(wanted)).filter(p => names.stem(p).lower === wanted);
  return found.length === 0 ? undefined : { kind: 'attachment', ...choose(found, fromFolder) };
}

function attachmentBySuffix(target: string, names: VaultNames, fromFolder: string): Resolution | undefined {
  const suffix = target.toLowerCase();
  const found = names.attachmentsNamed(fileNameOf(suffix)).filter(p => endsWithSegments(names.stem(p).lower, suffix));
  return found.length === 0 ? undefined : { kind: 'attachment', ...choose(found, fromFolder) };
}

function noteBySuffix(target: string, names: VaultNames, fromFolder: string): Resolution | undefined {
  const whole = stripMd(target);
  const suffix = whole.toLowerCase();
  const byPath = names.notesNamed(noteNameKey(whole)).filter(p => endsWithSegments(names.stem(p).lower, suffix));
  if (byPath.length > 0) return { kind: 'note', ...choose(byPath, fromFolder), via: 'path' };

  const titleKey = lowerKey(whole);
  const byTitle = names.notesTitled(titleKey);
  if (byTitle.length > 0) {
    const chosen = choose(byTitle, fromFolder);
    return { kind: 'note', ...chosen, via: names.isTitleOf(chosen.path, titleKey) ? 'title' : 'alias' };
  }

  const loose = looseKey(whole);
  const byLooseName = names
    .notesLooselyNamed(looseKey(fileNameOf(whole)))
    .filter(p => endsWithSegments(names.stem(p).loose, loose));
  const byLoose = new Set([...byLooseName, ...names.notesLooselyTitled(loose)]);
  if (byLoose.size > 0) return { kind: 'note', ...choose([...byLoose], fromFolder), via: 'loose' };
  return undefined;
}

/** Several candidates: the one in the linking note's folder, else the shortest path, else path order. */
function choose(candidates: readonly string[], fromFolder: string): { path: string; ambiguous?: string[] } {
  if (candidates.length === 1) return { path: candidates[0] };
  const ranked = candidates.slice().sort((a, b) => {
    const local = Number(folderOf(b) === fromFolder) - Number(folderOf(a) === fromFolder);
    return local || a.length - b.length || comparePaths(a, b);
  });
  return { path: ranked[0], ambiguous: ranked };
}

/**
 * What completion inserts for a note: the shortest target that resolves to it alone — its
 * file name if no other note shares it, else the shortest folder-aligned suffix that is
 * unique (`papers/attention`), else its full path from the root (`/papers/attention`).
 */
export function shortestUniqueTarget(path: string, names: VaultNames): string {
  const whole = stripMd(path);
  // A note called `paper.pdf.md` keeps its `.md`, or the link would look for an attachment.
  const ending = hasAttachmentExtension(whole) ? path.slice(whole.length) : '';
  const sameName = names.notesNamed(noteNameKey(path));
  const segments = whole.split('/');
  for (let k = 1; k <= segments.length; k++) {
    const suffix = segments.slice(-k).join('/');
    if (sameName.length <= 1 || countEndingWith(sameName, suffix.toLowerCase(), names) <= 1) return suffix + ending;
  }
  return '/' + whole + ending;
}

function countEndingWith(paths: readonly string[], suffix: string, names: VaultNames): number {
  let n = 0;
  for (const p of paths) if (endsWithSegments(names.stem(p).lower, suffix)) n++;
  return n;
}
