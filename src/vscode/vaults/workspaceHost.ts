// The engine's VaultHost over one workspace folder, through `findFiles` and
// `workspace.fs` only (never Node's fs), so the same code runs as a web extension.
import * as vscode from 'vscode';
import type { FileStamp, VaultFile } from '../../core/host';
import { FolderPaths, type FolderHost } from './folderPaths';

export class WorkspaceHost extends FolderPaths implements FolderHost {
  readonly kind = 'workspace';

  async listFiles(): Promise<VaultFile[]> {
    // findFiles narrows the walk (never into node_modules, only into included folders); the
    // filter then applies every pattern exactly. findFiles takes no nested braces, and a
    // pattern naming a folder (`notes`) means its contents too.
    const plain = (globs: readonly string[]) => globs.every(g => !/[{}]/.test(g));
    const simpleExcludes = this.settings.exclude.filter(g => plain([g]));
    const exclude = simpleExcludes.length ? `{${simpleExcludes.join(',')}}` : null;
    const includes = plain(this.settings.include) ? this.settings.include.map(g => `{${g},${g}/**}`) : ['**/*'];
    const found = await Promise.all(includes.map(glob =>
      vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, glob), exclude)));
    const paths = new Set<string>();
    for (const uri of found.flat()) {
      const path = this.pathOf(uri);
      if (path !== undefined) paths.add(path);
    }
    return [...paths].sort().map(path => ({ path }));
  }

  readFile(path: string): Promise<Uint8Array> {
    return Promise.resolve(vscode.workspace.fs.readFile(this.uriOf(path)));
  }

  async stamp(path: string): Promise<FileStamp> {
    const stat = await vscode.workspace.fs.stat(this.uriOf(path));
    return { size: stat.size, mtime: stat.mtime };
  }
}
