// The one place that decides how a workspace folder is read: Node's fs for a `file:` folder in
// a Node extension host (one walk, plain reads: the command line's fast path), `findFiles` +
// `workspace.fs` for every other scheme (remote, virtual), so a web build stays possible.
import type * as vscode from 'vscode';
import type { FolderHost } from './folderPaths';
import { FsHost } from './fsHost';
import type { VaultSettings } from './settings';
import { WorkspaceHost } from './workspaceHost';

export type { FolderHost } from './folderPaths';

/**
 * `MARGINALIA_HOST=workspace` forces the portable host on `file:` folders too: the in-host
 * suite runs once on each host (test/harness/run-host-tests.js, run `single-workspace-fs`).
 */
export function hostFor(folder: vscode.WorkspaceFolder, settings: VaultSettings): FolderHost {
  const nodeHost = typeof process !== 'undefined' && process.versions?.node !== undefined;
  if (folder.uri.scheme === 'file' && nodeHost && process.env.MARGINALIA_HOST !== 'workspace') return new FsHost(folder, settings);
  return new WorkspaceHost(folder, settings);
}
