// Where the graph's node positions are kept between openings: a JSON file per workspace folder in
// the extension's workspace storage, beside the index cache, written a moment after the layout
// settles or a node is dragged (a temp file renamed over the old one: a crash never leaves half).
import * as vscode from 'vscode';
import type { Positions } from '../../../media/src/graph/messages';
import { hashName } from '../vaults/indexCacheStore';

const WRITE_DELAY_MS = 500;

export class GraphPositionStore implements vscode.Disposable {
  private readonly memory = new Map<string, Positions>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly storage: vscode.Uri | undefined, private readonly log: vscode.LogOutputChannel) {}

  fileFor(folder: vscode.Uri): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, `graph-${hashName(folder.toString())}.json`);
  }

  /** The kept positions of `folder`'s graph; none when there are none or the file is damaged (logged). */
  async load(folder: vscode.Uri): Promise<Positions> {
    const key = folder.toString();
    const known = this.memory.get(key);
    if (known) return known;
    const file = this.fileFor(folder);
    let positions: Positions = {};
    if (file) {
      try {
        const raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as unknown;
        positions = isPositions(raw) ? raw : {};
        if (!isPositions(raw)) this.log.warn(`Graph positions in ${file.fsPath} are not valid: starting a new layout`);
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) this.log.warn(`Could not read graph positions (${file.fsPath}): ${String(e)}`);
      }
    }
    this.memory.set(key, positions);
    return positions;
  }

  /** Merges `positions` into what is kept (a local graph updates only its own nodes) and writes soon. */
  save(folder: vscode.Uri, positions: Positions, replace = false): void {
    const key = folder.toString();
    const merged = replace ? { ...positions } : { ...(this.memory.get(key) ?? {}), ...positions };
    this.memory.set(key, merged);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.flush(folder), WRITE_DELAY_MS));
  }

  /** Notes renamed or moved (`[from, to]`): each keeps its position under its new id. */
  rename(folder: vscode.Uri, renamed: readonly (readonly [string, string])[]): void {
    const kept = this.memory.get(folder.toString());
    if (!kept) return;
    const moved: Positions = {};
    for (const [from, to] of renamed) if (Object.prototype.hasOwnProperty.call(kept, from)) moved[to] = kept[from];
    if (Object.keys(moved).length) this.save(folder, moved);
  }

  /** Writes what is pending now (tests, and on dispose). */
  async flush(folder?: vscode.Uri): Promise<void> {
    const keys = folder ? [folder.toString()] : [...this.timers.keys()];
    for (const key of keys) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      const file = this.fileFor(vscode.Uri.parse(key));
      const positions = this.memory.get(key);
      if (!file || !positions) continue;
      this.writing = this.writing.then(async () => {
        try {
          const temp = file.with({ path: file.path + '.tmp' });
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
          await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(JSON.stringify(positions)));
          await vscode.workspace.fs.rename(temp, file, { overwrite: true });
        } catch (e) {
          this.log.warn(`Could not keep graph positions (${file.fsPath}): ${String(e)}`);
        }
      });
    }
    await this.writing;
  }

  /** Forget `folder`'s positions in memory (the next load reads the file again): a reopened window. */
  forget(folder: vscode.Uri): void {
    this.memory.delete(folder.toString());
  }

  dispose(): void {
    void this.flush();
  }
}

function isPositions(raw: unknown): raw is Positions {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  return Object.values(raw).every(p => Array.isArray(p) && p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]));
}
