// Builds the engine (one NoteIndex per workspace folder) and registers the adapters.
// Activation does no I/O: indexing starts on the next turn, under a progress indicator.
import * as vscode from 'vscode';
import type { FileProblem } from './core/host';
import type { NoteQueries } from './core/index/types';
import type MarkdownIt from 'markdown-it';
import { registerCompletion } from './vscode/completion';
import { registerCreateNote } from './vscode/createNote';
import { registerDefinition } from './vscode/definition';
import { extendMarkdownIt } from './vscode/markdownPreview';
import type { PreviewState } from './vscode/preview';
import { registerPreview } from './vscode/previewCommands';
import { registerDiagnostics } from './vscode/diagnostics';
import { registerMissingLinks } from './vscode/missingLinks';
import { registerQuickFixes } from './vscode/quickFixes';
import { registerReferences } from './vscode/references';
import { registerRename } from './vscode/rename';
import { PlannedRenames, registerRenameFiles } from './vscode/renameFiles';
import { registerRenameTag } from './vscode/renameTag';
import { registerNoteCommands } from './vscode/noteCommands';
import { registerReindex } from './vscode/reindex';
import { registerSidebar, type Sidebar } from './vscode/sidebar';
import { NotesStatus } from './vscode/statusBar';
import { registerEditSync } from './vscode/syncEdits';
import { registerFileSync } from './vscode/syncFiles';
import { Vaults } from './vscode/vaults';

/** What in-host tests reach through `extension.exports`. */
export interface MarginaliaApi {
  /** Settles when every indexing started so far has finished. */
  ready(): Promise<void>;
  indexFor(uri: vscode.Uri): NoteQueries | undefined;
  noteCount(): number;
  /** The status bar item's text (`$(book) 1,234 notes`). */
  statusText(): string;
  /** Files the last indexing of `uri`'s folder could not read. */
  problemsFor(uri: vscode.Uri): readonly FileProblem[];
  /** VS Code's built-in Markdown preview calls this (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** The preview panel, for in-host tests: what it shows, and a way in for webview messages. */
  preview: { state(): PreviewState | undefined; receive(message: unknown): Promise<boolean> };
  /** The sidebar's tree providers (Backlinks, Tags, ...), for tests to read their rows. */
  sidebar: Sidebar;
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Marginalia', { log: true });
  const vaults = new Vaults(log);
  const status = new NotesStatus(vaults);
  const preview = registerPreview(vaults, context.extensionUri, log);
  const sidebar = registerSidebar(vaults, context.workspaceState);
  context.subscriptions.push(
    log, vaults, status,
    registerReindex(vaults, log),
    registerFileSync(vaults),
    registerEditSync(vaults),
    registerCompletion(vaults),
    registerDefinition(vaults),
    preview.disposable,
    registerCreateNote(vaults),
    registerReferences(vaults),
    ...registerRenames(vaults),
    registerDiagnostics(vaults),
    registerQuickFixes(vaults),
    registerMissingLinks(vaults),
    sidebar,
    registerNoteCommands(vaults),
  );
  vaults.start();
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    ready: () => vaults.ready(),
    indexFor: uri => vaults.vaultFor(uri)?.index,
    noteCount: () => vaults.all().reduce((sum, v) => sum + v.index.stats().notes, 0),
    statusText: () => status.text,
    problemsFor: uri => vaults.vaultFor(uri)?.problems ?? [],
    extendMarkdownIt: md => extendMarkdownIt(md, vaults),
    preview: { state: () => preview.preview.state(), receive: m => preview.preview.receive(m) },
    sidebar,
  };
}

/** F2 and file renames share one record of the renames whose links are already planned. */
function registerRenames(vaults: Vaults): vscode.Disposable[] {
  const planned = new PlannedRenames();
  return [registerRenameFiles(vaults, planned), registerRename(vaults, planned), registerRenameTag(vaults)];
}

export function deactivate(): void {}
