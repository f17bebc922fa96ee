// One workspace folder's notes: its NoteIndex, and the one queue every change goes
// through, so a slow disk read never overtakes a later edit and nothing lands in an
// index that is still being built.
import * as vscode from 'vscode';
import type { FileProblem, Logger } from '../core/host';
import { buildIndex } from '../core/index/build';
import { decodeNote } from '../core/index/decodeNote';
import { NoteIndex } from '../core/index/noteIndex';
import { isNotePath } from '../core/index/paths';
import type { NoteQueries } from '../core/index/types';
import { readSettings } from './settings';
import { WorkspaceHost } from './workspaceHost';

export class Vault implements vscode.Disposable {
  index: NoteQueries = new NoteIndex();
  private readonly unreadable = new Map<string, FileProblem>();
  host: WorkspaceHost;
  /** Settles when the latest build has. */
  ready: Promise<void> = Promise.resolve();
  /** True until the first build is done, so nothing shows a count of an empty index. */
  indexing = true;
  private queue: Promise<void> = Promise.resolve();
  private build = { cancelled: false };
  private disposed = false;
  /** The engine names files by vault path: the folder name tells vaults apart in the log. */
  private readonly logger: Logger;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly log: vscode.LogOutputChannel,
    private readonly changed: () => void,
  ) {
    this.host = new WorkspaceHost(folder, readSettings(folder));
    const tagged = (m: string) => `[${folder.name}] ${m}`;
    this.logger = { info: m => log.info(tagged(m)), warn: m => log.warn(tagged(m)), error: m => log.error(tagged(m)) };
  }

  /** Lists and reads the folder again (settings re-read); an unfinished build is abandoned. */
  rebuild(onProgress: (done: number, total: number) => void, after: Promise<void> = Promise.resolve()): Promise<void> {
    this.build.cancelled = true;
    const build = { cancelled: false };
    this.build = build;
    this.indexing = true;
    this.changed();
    this.ready = this.enqueue(undefined, async () => {
      await after;
      if (build.cancelled) return;
      const host = new WorkspaceHost(this.folder, readSettings(this.folder));
      const started = Date.now();
      const result = await buildIndex(host, {
        onProgress, isCancelled: () => build.cancelled || this.disposed,
        logger: this.logger, maxFileBytes: host.settings.maxFileBytes,
      });
      if (build.cancelled || this.disposed) return;
      this.host = host;
      this.index = result.index;
      this.unreadable.clear();
      for (const p of result.problems) this.unreadable.set(p.path, p);
      this.overlayUnsavedEdits();
      // The first `[[` would otherwise pay for computing every note's shortest target.
      setTimeout(() => { if (this.index === result.index) result.index.completionCandidates(''); }, 0);
      const stats = this.index.stats();
      this.log.info(`Indexed ${this.folder.name}: ${stats.notes} notes, ${stats.attachments} attachments, ` +
        `${result.problems.length} unreadable, in ${Date.now() - started} ms (engine ${Math.round(result.millis)} ms)`);
    }).finally(() => {
      if (this.build === build) this.indexing = false;
      this.changed();
    });
    return this.ready;
  }

  /** Files that could not be indexed (binary, not UTF-8, too large), each named. */
  get problems(): FileProblem[] {
    return [...this.unreadable.values()];
  }

  /** Brings one note in line with the open editor's unsaved text, or else the disk. */
  refresh(path: string): Promise<void> {
    return this.enqueue(path, async () => {
      if (!isNotePath(path)) return; // an attachment's content means nothing to the index
      const unsaved = this.unsavedText(path);
      if (unsaved !== undefined) return this.index.upsert(path, unsaved);
      let bytes: Uint8Array;
      try {
        bytes = await this.host.readFile(path);
      } catch (e) {
        // Deleted while its change event waited in the queue: its delete event follows.
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return;
        throw e;
      }
      const decoded = decodeNote(path, bytes, this.host.settings.maxFileBytes);
      if ('problem' in decoded) {
        this.logger.warn(decoded.problem.message);
        this.unreadable.set(path, decoded.problem);
        if (this.index.has(path)) this.index.remove(path);
        return;
      }
      this.unreadable.delete(path);
      this.index.upsert(path, decoded.text);
    });
  }

  /** An unsaved edit: the editor's text is what the user sees, so it is what links mean. */
  edit(path: string, text: () => string): Promise<void> {
    return this.enqueue(path, () => this.index.upsert(path, text()));
  }

  /** A file or a whole folder is gone. */
  delete(path: string): Promise<void> {
    return this.enqueue(path, () => {
      for (const p of this.pathsAt(path)) this.index.remove(p);
      this.unreadable.delete(path);
    });
  }

  /** A file or folder renamed inside this vault; what the index never held is read afresh. */
  rename(from: string, to: string): Promise<void> {
    return this.enqueue(from, () => {
      const moved = this.pathsAt(from);
      for (const p of moved) this.index.rename(p, to + p.slice(from.length));
      if (moved.length === 0) void this.refreshCreated(this.host.uriOf(to));
    });
  }

  /** A new file, or a folder moved in from elsewhere (the watcher reports only the folder). */
  async refreshCreated(uri: vscode.Uri): Promise<void> {
    const path = this.host.pathOf(uri);
    if (path === undefined) return;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return; // gone again before we looked: its delete event follows
    }
    const files = stat.type & vscode.FileType.Directory
      ? (await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'))).map(u => this.host.pathOf(u)).filter(isDefined)
      : [path];
    await Promise.all(files.map(p => isNotePath(p) ? this.refresh(p) : this.addAttachment(p)));
  }

  private addAttachment(path: string): Promise<void> {
    return this.enqueue(path, () => {
      if (!this.index.has(path)) this.index.addAttachment(path);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.build.cancelled = true;
  }

  /** The path itself if indexed, else everything under it as a folder. */
  private pathsAt(path: string): string[] {
    if (this.index.has(path)) return [path];
    const prefix = path + '/';
    const inside: string[] = [];
    for (const note of this.index.notes()) if (note.path.startsWith(prefix)) inside.push(note.path);
    for (const a of this.index.attachments()) if (a.startsWith(prefix)) inside.push(a);
    return inside;
  }

  private overlayUnsavedEdits(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const path = doc.isDirty ? this.host.pathOf(doc.uri) : undefined;
      if (path !== undefined && isNotePath(path)) this.index.upsert(path, doc.getText());
    }
  }

  private unsavedText(path: string): string | undefined {
    const uri = this.host.uriOf(path).toString();
    const doc = vscode.workspace.textDocuments.find(d => d.isDirty && d.uri.toString() === uri);
    return doc?.getText();
  }

  // Failures are logged with the file they concern (`path`; none for a build) and never stop the queue.
  private enqueue(path: string | undefined, op: () => void | Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.disposed) return;
      try {
        await op();
      } catch (e) {
        this.logger.error(`${path ?? 'indexing'}: ${errorText(e)}`);
      }
      if (path !== undefined) this.changed();
    });
    this.queue = run;
    return run;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
