// The `marginalia.*` settings that decide what a vault contains. Read per workspace
// folder: in a multi-root workspace each folder may include or exclude differently.
import * as vscode from 'vscode';
import { PathFilter } from '../../core/index/pathFilter';

export interface VaultSettings {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
  readonly filter: PathFilter;
}

/** Settings whose change means the vault must be listed again. */
export const listingSettings = ['marginalia.include', 'marginalia.exclude', 'marginalia.maxFileSize'];

export function readSettings(folder: vscode.WorkspaceFolder): VaultSettings {
  const config = vscode.workspace.getConfiguration('marginalia', folder.uri);
  const include = globs(config.get('include'), ['**/*']);
  const exclude = globs(config.get('exclude'), []);
  const megabytes = config.get<number>('maxFileSize', 5);
  const maxFileBytes = Math.max(0, Number.isFinite(megabytes) ? megabytes : 5) * 1024 * 1024;
  return { include, exclude, maxFileBytes, filter: new PathFilter(include, exclude) };
}

/** The settings a vault's contents depend on, as one string (an index cache is valid only for these). */
export function settingsKey(settings: VaultSettings): string {
  return JSON.stringify({ include: settings.include, exclude: settings.exclude, maxFileBytes: settings.maxFileBytes });
}

// A hand-edited settings.json can hold anything: keep the strings, drop the rest.
function globs(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
}
