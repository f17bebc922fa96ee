// The engine's VaultHost over one workspace folder, through `findFiles` and
// `workspace.fs` only (never Node's fs), so the same code runs as a web extension.
import * as vscode from 'vscode';
import type { FileStamp, VaultFile } from '../../core/host';
import { skippedLinksMessage, type SkippedLink } from '../../core/index/skippedLinks';
import { FolderPaths, type FolderHost } from './folderPaths';

export class WorkspaceHost extends FolderPaths implements FolderHost {
  readonly kind = 'workspace';
  /** The symbolic links the last listing met in the folders it listed. */
  private links: { skipped: SkippedLink[]; followed: string[] } = { skipped: [], followed: [] };

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
    this.links = await this.linksIn(paths);
    return [...paths].sort().map(path => ({ path }));
  }

  linksMessages(): string[] {
    const out: string[] = [];
    const skipped = skippedLinksMessage(this.links.skipped);
    if (skipped) out.push(skipped);
    const { followed } = this.links;
    if (followed.length > 0) {
      out.push(`followed ${followed.length} symbolic ${followed.length === 1 ? 'link' : 'links'} (VS Code's file system cannot say where a link points, so one that leaves the folder is indexed too): ${followed.join('; ')}`);
    }
    return out;
  }

  /**
   * findFiles follows symbolic links (VS Code's `search.followSymlinks`) and is silent about those
   * it cannot follow. Each folder that holds a listed file is read once more for its links: one
   * that points nowhere is named as skipped, in the fs host's words; one followed is named too,
   * since workspace.fs has no way to tell whether it leaves the folder (the fs host skips those).
   */
  private async linksIn(paths: ReadonlySet<string>): Promise<{ skipped: SkippedLink[]; followed: string[] }> {
    const folders = new Set<string>(['']);
    for (const p of paths) for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) folders.add(p.slice(0, i));
    const skipped: SkippedLink[] = [];
    const followed: string[] = [];
    await Promise.all([...folders].map(async folder => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(folder ? this.uriOf(folder) : this.folder.uri);
      } catch {
        return; // gone or unreadable since the listing: nothing to say about its links
      }
      for (const [name, type] of entries) {
        if (!(type & vscode.FileType.SymbolicLink)) continue;
        const path = folder ? `${folder}/${name}` : name;
        if (type & (vscode.FileType.File | vscode.FileType.Directory)) followed.push(path);
        else skipped.push({ path, reason: 'dangling' });
      }
    }));
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { skipped, followed: followed.sort() };
  }

  readFile(path: string): Promise<Uint8Array> {
    return Promise.resolve(vscode.workspace.fs.readFile(this.uriOf(path)));
  }

  async stamp(path: string): Promise<FileStamp> {
    const stat = await vscode.workspace.fs.stat(this.uriOf(path));
    return { size: stat.size, mtime: stat.mtime };
  }
}
