// Builds the engine (one NoteIndex per workspace folder) and registers the adapters.
// Activation does no I/O: indexing starts on the next turn, under a progress indicator.
import * as vscode from 'vscode';
import type { MarginaliaApi } from './vscode/api';
import { startCpuProfile } from './vscode/vaults/cpuProfile';
import { registerClearCache } from './vscode/vaults/clearCache';
import { registerCitations } from './vscode/citations/citations';
import { registerCompletion } from './vscode/editor/completion';
import { registerCreateNote } from './vscode/edits/createNote';
import { registerDefinition } from './vscode/editor/definition';
import { extendMarkdownIt } from './vscode/preview/markdownPreview';
import { registerPreview } from './vscode/preview/commands';
import { registerPublish } from './vscode/publish/publish';
import { registerGraph } from './vscode/graph/commands';
import { registerDiagnostics } from './vscode/editor/diagnostics';
import { registerMissingLinks } from './vscode/editor/missingLinks';
import { registerQuickFixes } from './vscode/editor/quickFixes';
import { registerReferences } from './vscode/editor/references';
import { registerRename } from './vscode/edits/rename';
import { PlannedRenames, registerRenameFiles } from './vscode/edits/renameFiles';
import { registerRenameTag } from './vscode/edits/renameTag';
import { registerDocumentLinks } from './vscode/editor/documentLinks';
import { registerFollowLink } from './vscode/editor/followLink';
import { registerHover } from './vscode/editor/hover';
import { registerNoteCommands } from './vscode/edits/noteCommands';
import { registerReindex } from './vscode/vaults/reindex';
import { registerRewriteLink } from './vscode/edits/rewriteLink';
import { registerSidebar } from './vscode/sidebar/sidebar';
import { registerTagCompletion } from './vscode/editor/tagCompletion';
import { NotesStatus } from './vscode/vaults/statusBar';
import { registerEditSync } from './vscode/vaults/syncEdits';
import { registerFileSync } from './vscode/vaults/syncFiles';
import { Vaults } from './vscode/vaults/vaults';
import { registerWorkspaceSymbols } from './vscode/editor/workspaceSymbols';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const started = performance.now();
  const stopProfile = startCpuProfile();
  const log = vscode.window.createOutputChannel('Marginalia', { log: true });
  const vaults = new Vaults(log, { storage: context.storageUri, producer: String(context.extension.packageJSON.version) });
  const status = new NotesStatus(vaults);
  const preview = registerPreview(vaults, context.extensionUri, log);
  const sidebar = registerSidebar(vaults, context.workspaceState);
  const graphs = registerGraph(vaults, context.extensionUri, context.storageUri, log);
  const citations = registerCitations(vaults, log);
  citations.libraries.onDidLoad(() => preview.preview.refresh());
  context.subscriptions.push(
    log, vaults, status,
    registerReindex(vaults, log),
    registerClearCache(vaults, log),
    registerFileSync(vaults),
    registerEditSync(vaults, log),
    registerCompletion(vaults),
    registerDefinition(vaults),
    preview.disposable,
    graphs.disposable,
    registerCreateNote(vaults),
    registerReferences(vaults),
    ...registerRenames(vaults),
    registerDiagnostics(vaults),
    registerQuickFixes(vaults),
    registerMissingLinks(vaults),
    registerTagCompletion(vaults),
    registerDocumentLinks(vaults),
    registerFollowLink(vaults),
    registerHover(vaults),
    registerRewriteLink(),
    registerWorkspaceSymbols(vaults),
    sidebar,
    registerNoteCommands(vaults),
    registerPublish(vaults, context.extensionUri, context.workspaceState, log),
    citations,
  );
  vaults.start();
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
  void vaults.ready().then(stopProfile, stopProfile);
  return {
    ready: () => vaults.ready(),
    indexFor: uri => vaults.vaultFor(uri)?.index,
    keptTextsOf: uri => vaults.vaultFor(uri)?.index.keptTextCount() ?? 0,
    noteCount: () => vaults.all().reduce((sum, v) => sum + v.index.stats().notes, 0),
    statusText: () => status.text,
    problemsFor: uri => vaults.vaultFor(uri)?.problems ?? [],
    extendMarkdownIt: md => extendMarkdownIt(md, vaults),
    preview: { state: () => preview.preview.state(), receive: m => preview.preview.receive(m) },
    cacheFileFor: uri => vaults.vaultFor(uri)?.cache?.file,
    saveCaches: async () => { await Promise.all(vaults.all().map(v => v.cache?.save(v.cacheNotes()))); },
    lastBuildOf: uri => vaults.vaultFor(uri)?.lastBuild,
    restart: whileClosed => vaults.restart(whileClosed),
    sidebar,
    graph: {
      global: { state: () => graphs.global.state(), receive: m => graphs.global.receive(m), loseNextPicture: () => graphs.global.loseNextPicture(), willRename: (from, to) => graphs.global.noteRenames([{ oldUri: from, newUri: to }]) },
      local: { state: () => graphs.local.state(), receive: m => graphs.local.receive(m), loseNextPicture: () => graphs.local.loseNextPicture(), willRename: (from, to) => graphs.local.noteRenames([{ oldUri: from, newUri: to }]) },
      positionsFileFor: uri => { const v = vaults.vaultFor(uri); return v && graphs.positions.fileFor(v.folder.uri); },
      flushPositions: () => graphs.positions.flush(),
      forgetPositions: () => { for (const v of vaults.all()) graphs.positions.forget(v.folder.uri); },
    },
    citations,
  };
}

/** F2 and file renames share one record of the renames whose links are already planned. */
function registerRenames(vaults: Vaults): vscode.Disposable[] {
  const planned = new PlannedRenames();
  return [registerRenameFiles(vaults, planned), registerRename(vaults, planned), registerRenameTag(vaults)];
}

export function deactivate(): void {}
