// The path a note (or attachment) gets when F2 renames it: a name typed alone stays in the
// note's folder, a path (`papers/x`) is from the vault root; `.md` is added to notes, and only
// characters no file system accepts are replaced.
import { folderOf, isNotePath } from '../index/paths';
import { safeFileName } from '../notes/newNote';

export function renamedPath(from: string, newName: string): string | { reason: string } {
  const name = newName.trim().replace(/^\/+/, '');
  if (name === '' || name.split('/').some(s => s.trim() === '' || s === '.' || s === '..')) return { reason: `"${newName}" is not a file name.` };
  // An attachment renamed without an extension keeps its own (`figure.png` -> `plot` is `plot.png`).
  const own = /\.[A-Za-z0-9]+$/.exec(from)?.[0] ?? '';
  const ending = isNotePath(from) ? (isNotePath(name) ? '' : '.md') : /\.[A-Za-z0-9]+$/.test(name) ? '' : own;
  const folder = name.includes('/') || folderOf(from) === '' ? '' : folderOf(from) + '/';
  const path = folder + name.split('/').map(safeFileName).join('/') + ending;
  // Judged on the final path, after each part is cleaned: ` ..` passed a check made before
  // trimming and became `..`, which moved the note out of the workspace.
  if (path.split('/').some(s => s === '' || s === '.' || s === '..')) return { reason: `"${newName}" is not a file name.` };
  return path === from ? { reason: 'That is its name already.' } : path;
}
