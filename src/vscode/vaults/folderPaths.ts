// What both hosts of a workspace folder are (folderHost.ts chooses one): the engine's
// VaultHost, plus the mapping between the folder's Uris and vault paths.
import * as vscode from 'vscode';
import type { StampHost } from '../../core/host';
import type { VaultSettings } from './settings';

export interface FolderHost extends StampHost {
  readonly kind: 'fs' | 'workspace';
  readonly folder: vscode.WorkspaceFolder;
  readonly settings: VaultSettings;
  uriOf(path: string): vscode.Uri;
  /** The vault path of `uri`, or undefined when it is outside this folder or filtered out. */
  pathOf(uri: vscode.Uri): string | undefined;
  /** The vault path of `uri` whether or not the settings include it. */
  relativePath(uri: vscode.Uri): string | undefined;
  /** What the last listing did with symbolic links, in words for the log (nothing to say: undefined). */
  linksMessages(): string[];
  /** What the next build will do, told before it lists the folder: a host may start on it early. */
  planBuild?(plan: BuildPlan): void;
  /** The build planned is over (done or abandoned). */
  buildDone?(): void;
}

export interface BuildPlan {
  /** The build stamps every note (to keep a cache). */
  readonly stamps: boolean;
}

/** Maps between a folder's Uris and vault paths; both hosts share it. */
export abstract class FolderPaths {
  private readonly root: string;

  constructor(readonly folder: vscode.WorkspaceFolder, readonly settings: VaultSettings) {
    this.root = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, path);
  }

  pathOf(uri: vscode.Uri): string | undefined {
    const path = this.relativePath(uri);
    return path !== undefined && this.settings.filter.accepts(path) ? path : undefined;
  }

  relativePath(uri: vscode.Uri): string | undefined {
    const base = this.folder.uri;
    if (uri.scheme !== base.scheme || uri.authority !== base.authority) return undefined;
    if (!uri.path.startsWith(this.root) || uri.path.length === this.root.length) return undefined;
    return uri.path.slice(this.root.length);
  }
}

