// The engine's VaultHost over one workspace folder, through `findFiles` and
// `workspace.fs` only (never Node's fs), so the same code runs as a web extension.
import * as vscode from 'vscode';
import type { VaultFile, VaultHost } from '../core/host';
import type { VaultSettings } from './settings';

export class WorkspaceHost implements VaultHost {
  private readonly root: string;

  constructor(readonly folder: vscode.WorkspaceFolder, readonly settings: VaultSettings) {
    this.root = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  }

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

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, path);
  }

  /** The vault path of `uri`, or undefined when it is outside this folder or filtered out. */
  pathOf(uri: vscode.Uri): string | undefined {
    const path = this.relativePath(uri);
    return path !== undefined && this.settings.filter.accepts(path) ? path : undefined;
  }

  /** The vault path of `uri` whether or not the settings include it. */
  relativePath(uri: vscode.Uri): string | undefined {
    const base = this.folder.uri;
    if (uri.scheme !== base.scheme || uri.authority !== base.authority) return undefined;
    if (!uri.path.startsWith(this.root) || uri.path.length === this.root.length) return undefined;
    return uri.path.slice(this.root.length);
  }
}
