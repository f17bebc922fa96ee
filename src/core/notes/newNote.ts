// Where a new note goes and what it starts with, for every way of making one: following a
// link to a note not written yet, a quick fix, "New Note", a daily note. Host-free: the
// adapters only create the file this decides (src/vscode/createNote.ts).
import { folderOf, stripMd } from '../index/paths';
import { hasUrlScheme } from '../syntax/urlScheme';

/**
 * `marginalia.newNoteFolder`: `''` (the vault root, as Obsidian does), `'sameAsNote'` (the
 * folder of the note the link is in), or a folder relative to the vault root.
 */
export type NewNoteFolder = string;

export type NewNotePlan =
  /** `path` is vault-relative with `/` separators and ends in `.md`; `title` is the name as written. */
  | { readonly ok: true; readonly path: string; readonly title: string }
  | { readonly ok: false; readonly reason: string };

export interface NewNoteOptions {
  /** The note the link is written in (for `./`, `../` and `sameAsNote`). */
  readonly fromPath?: string;
  readonly folder?: NewNoteFolder;
}

// What Windows, macOS or Linux refuse in a file name; everything else (spaces, accents, CJK,
// emoji, dots) is kept as written, so `[[Bitter Lesson]]` becomes `Bitter Lesson.md`.
const FORBIDDEN = /[<>:"|?*\\\u0000-\u001f]/g;

/**
 * The file a link target names. A target with a folder (`papers/new`) or starting with `/` is
 * from the vault root; `./` and `../` from the linking note's folder; a bare name goes in the
 * configured folder. Refused: an empty name, an absolute or `scheme:` path, and anything that
 * would leave the vault.
 */
export function planNewNote(target: string, options: NewNoteOptions = {}): NewNotePlan {
  const written = target.trim();
  if (written === '') return refuse('the link names no note');
  if (written.endsWith('/')) return refuse(`"${written}" names a folder, not a note`);
  if (hasUrlScheme(written) || written.startsWith('\\') || written.startsWith('~')) {
    return refuse(`"${written}" is an absolute path or a URL, not a note in this vault`);
  }
  const from = folderOf(options.fromPath ?? '');
  let base: string;
  if (written.startsWith('/')) base = '';
  else if (written.startsWith('./') || written.startsWith('../')) base = from;
  else if (written.includes('/')) base = '';
  else {
    const folder = configuredFolder(options.folder ?? '', from);
    if (!folder.ok) return folder;
    base = folder.path;
  }
  const joined = joinInside(base, written);
  if (!joined.ok) return refuse(`"${written}" would be outside the vault`);
  const segments = joined.path.split('/');
  const last = stripMd(segments[segments.length - 1]);
  if (last.trim() === '') return refuse(`"${written}" names a folder, not a note`);
  const path = [...segments.slice(0, -1).map(safeFileName), safeFileName(last) + '.md'].join('/');
  return { ok: true, path, title: last.trim() };
}

/** A file or folder name with only the characters no file system accepts replaced by `-`. */
export function safeFileName(name: string): string {
  return name.trim().replace(FORBIDDEN, '-');
}

/** A new note's text: its title as the first heading. */
export function newNoteText(title: string): string {
  return `# ${title}\n`;
}

/** Fills `{{title}}`, `{{date}}` (YYYY-MM-DD) and `{{time}}` (HH:mm), in local time. */
export function fillTemplate(template: string, values: { readonly title: string; readonly now: Date }): string {
  const d = values.now;
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return template.replace(/\{\{\s*(title|date|time)\s*\}\}/g, (_, key: string) =>
    key === 'title' ? values.title : key === 'date' ? date : time);
}

function configuredFolder(folder: NewNoteFolder, from: string): NewNotePlan | { ok: true; path: string } {
  const setting = folder.trim();
  if (setting === 'sameAsNote') return { ok: true, path: from };
  if (hasUrlScheme(setting) || setting.startsWith('\\') || setting.startsWith('~')) {
    return refuse(`the setting marginalia.newNoteFolder ("${setting}") is not a folder inside the vault`);
  }
  const inside = joinInside('', setting);
  return inside.ok ? inside : refuse(`the setting marginalia.newNoteFolder ("${setting}") points outside the vault`);
}

/** `base` + `relative`, with `.` and `..` applied; fails when `..` climbs above the root. */
function joinInside(base: string, relative: string): { ok: true; path: string } | { ok: false } {
  const parts = base === '' ? [] : base.split('/');
  for (const segment of relative.split('/')) {
    const s = segment.trim();
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (parts.length === 0) return { ok: false };
      parts.pop();
    } else parts.push(segment);
  }
  return { ok: true, path: parts.join('/') };
}

function refuse(reason: string): NewNotePlan {
  return { ok: false, reason };
}
