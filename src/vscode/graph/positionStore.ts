// Where the graph's node positions are kept between openings: a JSON file per workspace folder in
// the extension's workspace storage, beside the index cache, written a moment after the layout
// settles or a node is dragged (a temp file renamed over the old one: a crash never leaves half).
// Beside it, the palette slot each colour group was given, so a group keeps its colour when the
// graph (or VS Code) is closed and opened again. A damaged file is logged and ignored (keptGraph.ts).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Positions } from '../../../media/src/graph/messages';
import type { GraphGroup } from '../../core/graph/graphShapes';
import { GROUP_PALETTE_SIZE, legendSlots } from '../../core/graph/groupColors';
import { readKeptGroupSlots, readKeptPositions, writeKeptGroupSlots } from '../../core/graph/keptGraph';
import { hashName } from '../vaults/indexCacheStore';
import { ReadOnce } from './readOnce';

const WRITE_DELAY_MS = 500;

export class GraphPositionStore implements vscode.Disposable {
  /** Kept positions by folder, read from the file once: a read started before the panel is made is the one its picture waits for. */
  private readonly memory = new ReadOnce<Positions>(() => ({}));
  /** Palette slots by group key, per folder (as `memory`). */
  private readonly slots = new ReadOnce<Map<string, number>>(() => new Map());
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly storage: vscode.Uri | undefined, private readonly log: vscode.LogOutputChannel) {}

  fileFor(folder: vscode.Uri): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, `graph-${hashName(folder.toString())}.json`);
  }

  /** Where `folder`'s group colours are kept, beside its positions. */
  groupsFileFor(folder: vscode.Uri): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, `graph-${hashName(folder.toString())}.groups.json`);
  }

  /** The kept positions of `folder`'s graph; none when there are none or the file is damaged (logged). */
  load(folder: vscode.Uri): Promise<Positions> {
    return this.memory.get(folder.toString(), () => this.read(this.fileFor(folder), 'Graph positions', 'starting a new layout', readKeptPositions));
  }

  /** Reads `folder`'s kept group colours (once; damaged: logged, and colours are given afresh). */
  loadGroupSlots(folder: vscode.Uri): Promise<Map<string, number>> {
    return this.slots.get(folder.toString(), () => this.read(this.groupsFileFor(folder), 'Graph group colours', 'giving colours afresh', text => readKeptGroupSlots(text, GROUP_PALETTE_SIZE)));
  }

  /**
   * Starts reading what `folder`'s graph keeps, before its panel is made: through code-server, reads
   * asked for after `createWebviewPanel` were measured finishing 0.4–1.8 s later, while the workbench
   * made the panel (the first opening, or after a restart; docs/graph.md).
   */
  prefetch(folder: vscode.Uri, positions: boolean): void {
    if (positions) void this.load(folder);
    void this.loadGroupSlots(folder);
  }

  /**
   * The palette slot of each group of the legend (groupColors.ts), in order: a group keeps the slot it
   * was once given in this folder; a new one gets a free slot, kept from now on (written soon); past
   * the palette's largest groups, none (-1).
   * `loadGroupSlots` first, or what the file kept is not known yet.
   */
  groupSlots(folder: vscode.Uri, legend: readonly GraphGroup[], loaded?: Map<string, number>): number[] {
    const key = folder.toString();
    // What `loadGroupSlots` gave the caller: a picture built across a `forget` (a reopened window
    // in the tests) keeps to it rather than putting an empty table in the place of the file's.
    let kept = loaded ?? this.slots.known(key);
    if (!kept) this.slots.set(key, (kept = new Map()));
    // A slot given anew may also replace a kept one (two groups kept the same slot): compared whole.
    const before = writeKeptGroupSlots(kept);
    const slots = legendSlots(legend, GROUP_PALETTE_SIZE, kept);
    if (writeKeptGroupSlots(kept) !== before) void this.writeGroupSlots(folder, kept);
    return slots;
  }

  private async read<T>(file: vscode.Uri | undefined, what: string, then: string, parse: (text: string) => T | undefined): Promise<T | undefined> {
    if (!file) return undefined;
    // Our writes still queued first: a read before them finds the file as it was before them.
    await this.writing;
    let text: string;
    try {
      // A local file straight from the disk, as the index cache is read (indexCacheStore.ts): through
      // workspace.fs the first opening's reads finished 0.4–1.8 s after the panel was made.
      text = file.scheme === 'file' ? await fs.promises.readFile(file.fsPath, 'utf8') : new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (e) {
      const missing = (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') || (e as NodeJS.ErrnoException).code === 'ENOENT';
      if (!missing) this.log.warn(`Could not read ${what.toLowerCase()} (${file.fsPath}): ${String(e)}`);
      return undefined;
    }
    const value = parse(text);
    if (value === undefined) this.log.warn(`${what} in ${file.fsPath} are not valid: ${then}`);
    return value;
  }

  /** New slots are rare (a group seen for the first time): written at once, in the same queue as positions. */
  private writeGroupSlots(folder: vscode.Uri, kept: ReadonlyMap<string, number>): Promise<void> {
    const file = this.groupsFileFor(folder);
    if (!file) return Promise.resolve();
    const text = writeKeptGroupSlots(kept);
    return (this.writing = this.writing.then(() => this.write(file, text, 'graph group colours')));
  }

  private async write(file: vscode.Uri, text: string, what: string): Promise<void> {
    try {
      const temp = file.with({ path: file.path + '.tmp' });
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
      await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(temp, file, { overwrite: true });
    } catch (e) {
      this.log.warn(`Could not keep ${what} (${file.fsPath}): ${String(e)}`);
    }
  }

  /** Merges `positions` into what is kept (a local graph updates only its own nodes) and writes soon. */
  save(folder: vscode.Uri, positions: Positions, replace = false): void {
    const key = folder.toString();
    const merged = replace ? { ...positions } : { ...(this.memory.known(key) ?? {}), ...positions };
    this.memory.set(key, merged);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.flush(folder), WRITE_DELAY_MS));
  }

  /** Notes renamed or moved (`[from, to]`): each keeps its position under its new id. */
  rename(folder: vscode.Uri, renamed: readonly (readonly [string, string])[]): void {
    const kept = this.memory.known(folder.toString());
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
      const positions = this.memory.known(key);
      if (!file || !positions) continue;
      const text = JSON.stringify(positions);
      this.writing = this.writing.then(() => this.write(file, text, 'graph positions'));
    }
    await this.writing;
  }

  /** Forget `folder`'s positions and group colours in memory (the next load reads the files again): a reopened window. */
  forget(folder: vscode.Uri): void {
    this.memory.forget(folder.toString());
    this.slots.forget(folder.toString());
  }

  dispose(): void {
    void this.flush();
  }
}
