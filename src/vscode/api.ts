// What in-host tests reach through `extension.exports`: the index, the views and the preview,
// without driving the UI for every question. Not a public API.
import type { Citations } from './citations/citations';
import type * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import type { FileProblem } from '../core/host';
import type { NoteQueries } from '../core/index/types';
import type { GraphPanelState } from './graph/panel';
import type { PreviewState } from './preview/panel';
import type { Sidebar } from './sidebar/sidebar';
import type { BuildReport } from './vaults/vault';

/** What in-host tests reach through `extension.exports`. */
export interface MarginaliaApi {
  /** Settles when every indexing started so far has finished. */
  ready(): Promise<void>;
  indexFor(uri: vscode.Uri): NoteQueries | undefined;
  /** How many notes' texts `uri`'s index holds in memory: 0, as it reads them back when asked (issue 20). */
  keptTextsOf(uri: vscode.Uri): number;
  noteCount(): number;
  /** The status bar item's text (`$(book) 1,234 notes`). */
  statusText(): string;
  /** Files the last indexing of `uri`'s folder could not read. */
  problemsFor(uri: vscode.Uri): readonly FileProblem[];
  /** VS Code's built-in Markdown preview calls this (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** The preview panel, for in-host tests: what it shows, and a way in for webview messages. */
  preview: { state(): PreviewState | undefined; receive(message: unknown): Promise<boolean> };
  /** Where `uri`'s folder keeps its index cache (none without workspace storage). */
  cacheFileFor(uri: vscode.Uri): vscode.Uri | undefined;
  /** Writes every folder's index cache now, instead of a few seconds after the last change. */
  saveCaches(): Promise<void>;
  /** How `uri`'s folder was last indexed (host, cache). */
  lastBuildOf(uri: vscode.Uri): BuildReport | undefined;
  /**
   * Drops every index and indexes again as on a fresh activation: from the cache when there is
   * one. `whileClosed` runs in between, with no index listening (files changed "while VS Code was closed").
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** The sidebar's tree providers (Backlinks, Tags, ...), for tests to read their rows. */
  sidebar: Sidebar;
  /** The graph panels: what they sent the webview, and a way in for webview messages. */
  graph: {
    global: GraphPanelApi;
    local: GraphPanelApi;
    /** Where `uri`'s folder keeps its graph positions (none without workspace storage). */
    positionsFileFor(uri: vscode.Uri): vscode.Uri | undefined;
    /** Writes kept positions now, not after the usual delay. */
    flushPositions(): Promise<void>;
    /** Drops positions and group colours held in memory, so the next opening reads the files (a reopened window). */
    forgetPositions(): void;
  };
  /** The citation libraries and the References view, for tests. */
  citations: Citations;
}

/** One graph panel, for in-host tests. */
export interface GraphPanelApi {
  state(): GraphPanelState | undefined;
  receive(message: unknown): Promise<boolean>;
  /** The next whole picture never reaches the page, as when VS Code drops one posted to a loading page. */
  loseNextPicture(): void;
  /** A rename as the editor announces it (onWillRenameFiles); its halves are then the test's to make. */
  willRename(from: vscode.Uri, to: vscode.Uri): void;
}
