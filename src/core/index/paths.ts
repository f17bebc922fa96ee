// Vault paths and link targets as strings: `/`-separated, relative to the vault root.
// No Node `path` here: the engine also runs in a browser.

// An extension that names a file kind (`png`, `pdf`, `excalidraw`), not a version (`v1.2`) or prose (`Dr. Who`).
const FILE_EXTENSION = /\.([A-Za-z][A-Za-z0-9]{0,9})$/;

/** Ends in `.md`, any case. Character codes, not a regex: this runs for every file and link of a cold build. */
export function isNotePath(path: string): boolean {
  const n = path.length;
  return n >= 3 && path.charCodeAt(n - 3) === 46 /* . */ && (path.charCodeAt(n - 2) | 0x20) === 109 /* m */ && (path.charCodeAt(n - 1) | 0x20) === 100 /* d */;
}

export function stripMd(pathOrTarget: string): string {
  return isNotePath(pathOrTarget) ? pathOrTarget.slice(0, -3) : pathOrTarget;
}

/** `papers/attention.md` -> `papers`; a note at the root -> `''`. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `papers/attention.md` -> `attention.md`. */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The key a note is looked up by: its file name, lowercase, without `.md`. */
export function noteNameKey(path: string): string {
  return stripMd(fileNameOf(path)).toLowerCase();
}

/**
 * A target that may name a non-note file: an extension other than `.md` (`figure.png`, but also
 * `ucld.mean`, `1.ORI`). Such a target first looks for a file of exactly that name.
 */
export function hasFileExtension(target: string): boolean {
  const m = FILE_EXTENSION.exec(fileNameOf(target));
  return m !== null && m[1].toLowerCase() !== 'md';
}

// The kinds of file Obsidian opens as attachments (help.obsidian.md, "Accepted file formats").
const ATTACHMENT_EXTENSIONS = new Set([
  'avif', 'bmp', 'gif', 'jpeg', 'jpg', 'png', 'svg', 'webp', // images
  'flac', 'm4a', 'mp3', 'ogg', 'wav', '3gp', // audio
  'mkv', 'mov', 'mp4', 'ogv', 'webm', // video
  'pdf', 'canvas', 'base',
]);

/**
 * A target that names an attachment when nothing answers to it: a file kind Obsidian knows.
 * Any other dotted name (`[[v2.0 plan]]`, `[[ucld.mean]]`) is a note not written yet.
 */
export function hasAttachmentExtension(target: string): boolean {
  const name = fileNameOf(target);
  const dot = name.lastIndexOf('.');
  return dot > 0 && ATTACHMENT_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

export function lowerKey(text: string): string {
  return text.trim().toLowerCase();
}

/** Spaces, dashes and underscores alike: `My Note`, `my-note` and `my_note` share `my-note`. */
export function looseKey(text: string): string {
  const lower = text.trim().toLowerCase();
  // Most names are already loose (`attention-mechanism`): skip the replace and its new string.
  return /[\s_]|--/.test(lower) ? lower.replace(/[\s_-]+/g, '-') : lower;
}

export function isRelativeTarget(target: string): boolean {
  return target.startsWith('/') || target.startsWith('./') || target.startsWith('../');
}

/**
 * The vault path a relative target (`/x`, `./x`, `../x`) names from a note in `fromFolder`,
 * or undefined when it climbs above the root: a link never leaves the vault.
 */
export function absoluteTarget(target: string, fromFolder: string): string | undefined {
  const parts = target.startsWith('/') || fromFolder === '' ? [] : fromFolder.split('/');
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/** `x/papers/attention` ends with `papers/attention` at a folder boundary; `mypapers/attention` does not. */
export function endsWithSegments(path: string, suffix: string): boolean {
  if (!path.endsWith(suffix)) return false;
  const before = path.length - suffix.length;
  return before === 0 || path.charCodeAt(before - 1) === 47 /* / */;
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
