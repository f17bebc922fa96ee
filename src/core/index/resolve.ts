// Which note a link means (DESIGN.md §3): pure functions over the vault's names.
import {
  absoluteTarget,
  comparePaths,
  endsWithSegments,
  fileNameOf,
  folderOf,
  hasAttachmentExtension,
  hasFileExtension,
  isRelativeTarget,
  looseKey,
  lowerKey,
  noteNameKey,
  stripMd,
} from './paths';
import type { Resolution } from './types';
import { unique, type VaultNames } from './vaultNames';

export function resolveLink(target: string, fromPath: string, names: VaultNames): Resolution {
  return target === '' ? { kind: 'self', path: fromPath } : resolveTarget(target, folderOf(fromPath), names, fromPath);
}

/**
 * What a (non-empty) target means when written in a note of `fromFolder`; `fromPath`, when given,
 * is the linking note itself, which a bare `[[name]]` never picks while another candidate exists.
 */
export function resolveTarget(target: string, fromFolder: string, names: VaultNames, fromPath = ''): Resolution {
  const from: From = { folder: fromFolder, path: fromPath, target };
  // `[[figure.png]]`, but also `[[v1.2]]` or `[[Mr.Smith]]`, may name a file: when none exists, try notes;
  // when no note answers either, only a file kind Obsidian knows makes a missing attachment.
  // A name with no extension at all may be a file too (`[license](LICENSE)`): a file of exactly that name wins.
  const file = hasFileExtension(target) || fileNameOf(target).indexOf('.') < 0;
  const attachment = hasFileExtension(target) && hasAttachmentExtension(target);
  if (isRelativeTarget(target)) {
    const absolute = absoluteTarget(target, fromFolder);
    if (absolute === undefined) return placeholder(target, attachment);
    return (
      (file ? attachmentAt(absolute, names, from) : undefined) ??
      noteAt(stripMd(absolute), names, from) ??
      placeholder(absolute, attachment)
    );
  }
  return (
    (file ? attachmentBySuffix(target, names, from) : undefined) ??
    noteBySuffix(target, names, from) ??
    placeholder(target, attachment)
  );
}

/**
 * The keys whose notes or attachments can change what this link means (see `VaultNames.addNote`):
 * a relative link is keyed by the absolute path it names, any other by its names.
 */
export function linkKeys(target: string, fromPath: string): string[] {
  return targetKeys(target, folderOf(fromPath));
}

/** `linkKeys` of a target written in a note of `fromFolder` (only a relative target depends on it). */
export function targetKeys(target: string, fromFolder: string): string[] {
  if (target === '') return [];
  if (isRelativeTarget(target)) {
    const absolute = absoluteTarget(target, fromFolder);
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

function noteAt(absolute: string, names: VaultNames, from: From): Resolution | undefined {
  const wanted = absolute.toLowerCase();
  const found = names.notesNamed(noteNameKey(absolute)).filter(p => names.stem(p).lower === wanted);
  return found.length === 0 ? undefined : { kind: 'note', ...choose(found, from), via: 'path' };
}

function attachmentAt(absolute: string, names: VaultNames, from: From): Resolution | undefined {
  const wanted = absolute.toLowerCase();
  const found = names.attachmentsNamed(fileNameOf(wanted)).filter(p => names.stem(p).lower === wanted);
  return found.length === 0 ? undefined : { kind: 'attachment', ...choose(found, from) };
}

function attachmentBySuffix(target: string, names: VaultNames, from: From): Resolution | undefined {
  const suffix = target.toLowerCase();
  const found = names.attachmentsNamed(fileNameOf(suffix)).filter(p => endsWithSegments(names.stem(p).lower, suffix));
  return found.length === 0 ? undefined : { kind: 'attachment', ...choose(found, from) };
}

function noteBySuffix(target: string, names: VaultNames, from: From): Resolution | undefined {
  const whole = stripMd(target);
  const suffix = whole.toLowerCase();
  const byPath = names.notesNamed(noteNameKey(whole)).filter(p => endsWithSegments(names.stem(p).lower, suffix));
  if (byPath.length > 0) return { kind: 'note', ...choose(byPath, from), via: 'path' };

  const titleKey = lowerKey(whole);
  const byTitle = names.notesTitled(titleKey);
  if (byTitle.length > 0) {
    const chosen = choose(byTitle, from);
    return { kind: 'note', ...chosen, via: names.isTitleOf(chosen.path, titleKey) ? 'title' : 'alias' };
  }

  const loose = looseKey(whole);
  const byLooseName = names
    .notesLooselyNamed(looseKey(fileNameOf(whole)))
    .filter(p => endsWithSegments(names.stem(p).loose, loose));
  const byLoose = new Set([...byLooseName, ...names.notesLooselyTitled(loose)]);
  if (byLoose.size > 0) return { kind: 'note', ...choose([...byLoose], from), via: 'loose' };
  return undefined;
}

/** Where a link is written, for choosing among candidates. */
interface From {
  readonly folder: string;
  /** The linking note, or `''` when a group resolves for all its notes at once. */
  readonly path: string;
  /** The target as written: its case can tell candidates apart. */
  readonly target: string;
}

/**
 * Several candidates: never the linking note itself (for a bare name), then the one whose path
 * ends with the target in its exact case (`[[bookfusion]]` means `bookfusion.md` over
 * `BookFusion.md`), then the one in the linking note's folder, the shortest path, path order.
 */
function choose(candidates: readonly string[], from: From): { path: string; ambiguous?: string[] } {
  if (candidates.length === 1) return { path: candidates[0] };
  const self = isRelativeTarget(from.target) ? '' : from.path;
  const exact = stripMd(from.target);
  const rank = (p: string) => [Number(p === self), Number(!endsWithSegments(stripMd(p), exact)), Number(folderOf(p) !== from.folder)];
  const ranked = candidates.slice().sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || a.length - b.length || comparePaths(a, b);
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
