// A vault on disk through Node's fs, for the command line and tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SyncReadHost, VaultFile } from '../core/host';

/** Folders a vault never holds notes in: version control, packages, and hidden folders (`.obsidian`, `.vscode`). */
function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export class NodeVaultHost implements SyncReadHost {
  constructor(readonly root: string) {}

  async listFiles(): Promise<VaultFile[]> {
    return this.listFilesSync();
  }

  /** Paths come back `/`-separated and sorted, so a build sees the same order on every platform. */
  listFilesSync(): VaultFile[] {
    const files: VaultFile[] = [];
    const walk = (relative: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(this.root, relative), { withFileTypes: true });
      } catch {
        return; // a folder we may not read: its files never become notes, and reading them would fail anyway
      }
      for (const entry of entries) {
        const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!skipFolder(entry.name)) walk(child);
        } else if (entry.isFile()) {
          // Only notes are read, so only their sizes matter (a stat per attachment would be wasted).
          files.push(child.toLowerCase().endsWith('.md') ? { path: child, size: this.sizeOf(child) } : { path: child });
        }
      }
    };
    walk('');
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private sizeOf(relative: string): number | undefined {
    try {
      return fs.statSync(path.join(this.root, relative)).size;
    } catch {
      return undefined;
    }
  }

  async readFile(relative: string): Promise<Uint8Array> {
    return this.readFileSync(relative);
  }

  readFileSync(relative: string): Uint8Array {
    return fs.readFileSync(path.join(this.root, relative));
  }
}
