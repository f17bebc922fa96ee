// A graph panel: the whole vault (Show Graph) or the active note's neighbourhood (Show Local
// Graph, following the editor). The data comes from src/core/graph/graphData.ts, the same
// function the CLI uses; a vault change reaches the webview as a diff (graphDiff.ts), never a
// re-send, computed by GraphModel from the notes that changed. Messages from the webview are checked on arrival (media/src/graph/messages.ts), and
// `open` is honoured only for a node of the picture shown.
import * as vscode from 'vscode';
import type { GraphData, GraphOptions } from '../../core/graph/graphData';
import { diffPackedGraphs, isEmptyDiff } from '../../core/graph/graphDiff';
import { DiffBatch } from '../../core/graph/diffBatch';
import { GraphModel } from '../../core/graph/graphModel';
import { alignPositions } from '../../core/graph/packedGraph';
import { QueryError } from '../../core/graph/query';
import { TimeSlices } from '../../core/index/timeSlices';
import { DEFAULT_VIEW, parseFromGraphWebview, type FromGraphWebview, type GraphViewState, type ToGraphWebview } from '../../../media/src/graph/messages';
import { plain } from '../messageText';
import { graphHtml } from './html';
import { formatHostTiming, startHostTiming, type HostTiming } from './hostTiming';
import type { GraphPositionStore } from './positionStore';
import { graphGroups, namedViews, saveNamedView } from './settings';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

/** What in-host tests see of a graph panel. */
export interface GraphPanelState {
  readonly data: GraphData;
  readonly viewState: GraphViewState;
  readonly problem: string | undefined;
  /** Every message posted to the webview since the panel opened, oldest first (type and size). */
  readonly sent: readonly ToGraphWebview[];
  readonly lastStats?: Extract<FromGraphWebview, { type: 'stats' }>;
  readonly folder: string | undefined;
  /** How many messages had been posted to the page when its first `ready` came (undefined until it came). */
  readonly postedBeforeReady: number | undefined;
  /** How many `ready` the page of this panel sent: more than one when it lost the picture or was loaded again. */
  readonly readies: number;
  /** Whether an index change waits for its diff (a burst's fold), and whether a diff waits for a rename's other half. */
  readonly diffPending: boolean;
  readonly diffHeld: boolean;
}

/**
 * Index changes closer together than this are a burst (a folder moved, a checkout), folded into
 * one diff; a lone one goes on the next turn. Typing reaches the index already folded by the
 * editor sync (syncEdits.ts), its updates 25 ms or more apart.
 */
const CHANGE_DELAY = 30;
/**
 * The longest a diff waits for the other half of a rename the editor announced: the editor's own
 * rename event brings it within a few ms, the watcher's on a loaded machine in a second or two;
 * it never comes when the renamed file cannot be read.
 */
const RENAME_HOLD_MS = 5000;
/** After a whole picture is posted, before the model prepares its objects for small steps. */
const PREPARE_DELAY = 200;
/** The longest task of that preparation (as an index build's slices). */
const PREPARE_SLICE_MS = 12;

export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private vault: Vault | undefined;
  private center: string | undefined;
  private model: GraphModel | undefined;
  /** The page's count of its own control changes, as last received (echoed so the page can tell a stale reply). */
  private viewSeq = 0;
  private viewState: GraphViewState = DEFAULT_VIEW;
  private problem: string | undefined;
  private readonly sent: ToGraphWebview[] = [];
  private lastStats: Extract<FromGraphWebview, { type: 'stats' }> | undefined;
  private editorColumn: vscode.ViewColumn = vscode.ViewColumn.One;
  /** Index changes: a lone one sent as a diff on the next turn, a burst's as one when it stops, a rename's halves together. */
  private readonly changes = new DiffBatch(path => this.vault?.index.has(path) ?? false, () => this.sendDiff(), { quietMs: CHANGE_DELAY, maxHoldMs: RENAME_HOLD_MS });
  private prepareTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files renamed since the last diff, old vault path -> new (the diff then says which node moved). */
  private renames = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;
  /**
   * The opening's picture, built and posted while VS Code makes the webview and loads its page
   * (most of the time to the first frame), not after the page's `ready`. VS Code keeps what is
   * posted to a loading page, but drops it when the page's content is set again before it loads
   * (its webview's `pendingMessages`): so `ready` is answered by `posted`, after which a page
   * that holds no picture asks again.
   */
  private early: Promise<void> | undefined;
  private postedBeforeReady: number | undefined;
  private readies = 0;
  /** For a test: the next whole picture is lost on its way, as VS Code loses one posted to a page whose content is set again. */
  private loseNext = false;
  /** Whole pictures asked for: one built after another was asked for is not posted (it would arrive after it, stale). */
  private asked = 0;
  /** The note of the vault shown that was last active in an editor. */
  private activeNote: string | undefined;

  constructor(
    readonly local: boolean,
    private readonly vaults: Vaults,
    private readonly media: vscode.Uri,
    private readonly positions: GraphPositionStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vaults.onDidChange(() => this.schedule()),
      // Known before the file moves: the watcher's delete and create can reach the index (and a
      // diff go out) before onDidRenameFiles fires.
      vscode.workspace.onWillRenameFiles(e => this.noteRenames(e.files)),
      vscode.workspace.onDidRenameFiles(e => this.noteRenames(e.files)),
      vscode.window.onDidChangeActiveTextEditor(editor => this.follow(editor)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('marginalia.graph.groups') && this.panel) void this.send(false);
      }),
    );
  }

  /** Opens or reveals the panel, on the vault (and for a local graph, the note) of the active editor. */
  async open(column: vscode.ViewColumn = vscode.ViewColumn.Beside): Promise<void> {
    // The start of the bench's timeline (bench/graphVscode.mjs): the webview's frames count in the same epoch clock.
    this.log.debug(`Graph: ${this.local ? 'Show Local Graph' : 'Show Graph'} at ${Date.now()}`);
    // Run with no editor active (the focus in the other graph panel, or on an image): the note shown
    // beside it is meant, the one last active if it is still in view.
    const shown = vscode.window.visibleTextEditors.filter(e => e.document.languageId === 'markdown' && this.vaults.locate(e.document.uri));
    const lastActive = shown.find(e => { const at = this.vaults.locate(e.document.uri)!; return at.vault === this.vault && at.path === this.activeNote; });
    const editor = vscode.window.activeTextEditor ?? lastActive ?? shown[0];
    if (editor?.viewColumn) this.editorColumn = editor.viewColumn;
    const located = editor ? this.vaults.locate(editor.document.uri) : undefined;
    if (this.local && !located) {
      if (!this.center) {
        void vscode.window.showInformationMessage('Open a note to show its local graph.');
        return;
      }
    }
    if (located) {
      this.vault = located.vault;
      this.center = located.path;
      // The page highlights the note the graph was opened for (a local graph's centre), not one hidden since.
      this.activeNote = located.path;
    }
    this.vault ??= this.vaults.all()[0];
    if (!this.vault) {
      void vscode.window.showInformationMessage('Open a folder of notes to show its graph.');
      return;
    }
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn ?? column, true);
      await this.send(false);
      return;
    }
    this.positions.prefetch(this.vault.folder.uri, !this.local);
    const title = this.local ? 'Local Graph' : 'Graph';
    this.panel = vscode.window.createWebviewPanel(this.local ? 'marginalia.localGraph' : 'marginalia.graph', title, { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableForms: false,
      retainContextWhenHidden: true,
      localResourceRoots: [this.media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(this.media, 'marginalia.svg');
    this.ready = false;
    this.sent.length = 0;
    this.postedBeforeReady = undefined;
    this.readies = 0;
    // A new panel shows nothing of the last one until its own picture is built (state() says so).
    this.model = undefined;
    this.viewSeq = 0;
    this.lastStats = undefined;
    this.panel.webview.html = graphHtml(this.panel.webview, this.media, title);
    this.panel.webview.onDidReceiveMessage(m => void this.receive(m));
    this.panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
      this.early = undefined;
    });
    this.log.debug(`Graph: panel created at ${Date.now()}`);
    // One turn of the event loop first, so the panel's creation reaches the workbench before the build holds this thread.
    this.early = new Promise<void>(resolve => setTimeout(resolve, 0)).then(() => this.send(false));
    await this.early;
  }

  private get data(): GraphData {
    return this.model?.data() ?? { nodes: [], edges: [], groups: [] };
  }

  state(): GraphPanelState | undefined {
    if (!this.panel) return undefined;
    return { data: this.data, viewState: this.viewState, problem: this.problem, sent: this.sent, lastStats: this.lastStats, folder: this.vault?.folder.uri.toString(), postedBeforeReady: this.postedBeforeReady, readies: this.readies, diffPending: this.changes.pending, diffHeld: this.changes.holding };
  }

  /** A message from the webview (or a test); false when it was refused. */
  async receive(raw: unknown): Promise<boolean> {
    const m = parseFromGraphWebview(raw);
    if (!m) {
      this.log.warn('Graph: a message from the webview was refused (not well formed)');
      return false;
    }
    switch (m.type) {
      case 'ready': {
        this.log.debug(`Graph: page ready at ${Date.now()}`);
        this.postedBeforeReady ??= this.sent.length;
        this.readies++;
        const early = this.early;
        this.early = undefined;
        this.ready = true;
        // The opening's picture is on its way (or was lost: the page then asks again); a page loaded again gets a new one.
        if (early) {
          await early;
          this.post({ type: 'posted' });
        } else await this.send(false);
        return true;
      }
      case 'open':
        return this.openNode(m.id, m.toSide);
      case 'positions':
        if (this.vault && !this.local && this.model) this.positions.save(this.vault.folder.uri, onlyShown(m.positions, this.model));
        return true;
      case 'state':
        this.viewState = m.state;
        this.viewSeq = Math.max(this.viewSeq, m.seq ?? 0);
        await this.send(false);
        return true;
      case 'useView': {
        const view = namedViews().find(v => v.name === m.name);
        if (!view) return false;
        this.viewState = view.state;
        await this.send(false);
        return true;
      }
      case 'saveView': {
        const name = await vscode.window.showInputBox({ title: 'Save Graph View', prompt: 'A name for these filters, groups, depth and toggles' });
        if (!name) return false;
        await saveNamedView(name, this.viewState);
        await this.send(false);
        return true;
      }
      case 'relayout':
        if (this.vault && !this.local) this.positions.save(this.vault.folder.uri, {}, true);
        await this.send(true);
        return true;
      case 'stats':
        this.lastStats = m;
        return true;
    }
  }

  /** Applies a named view (the command's quick pick). */
  async useView(state: GraphViewState): Promise<void> {
    this.viewState = state;
    await this.send(false);
  }

  private options(): GraphOptions {
    const s = this.viewState;
    return {
      local: this.local && this.center ? { path: this.center, depth: s.depth } : undefined,
      placeholders: s.placeholders,
      tags: s.tags,
      attachments: s.attachments,
      orphans: s.orphans,
      filter: s.filter,
      groupBy: s.groupBy === 'queries' ? 'none' : s.groupBy,
      groups: s.groupBy === 'queries' ? graphGroups() : undefined,
      sizeBy: s.sizeBy,
    };
  }

  private build(vault: Vault): GraphModel {
    try {
      this.problem = undefined;
      return new GraphModel(vault.index, this.options());
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      this.problem = e.message;
      // The picture without the query that cannot be read, and the message above it.
      return new GraphModel(vault.index, { ...this.options(), filter: undefined, groups: undefined });
    }
  }

  /** The whole picture (opening, or the controls changed). */
  private async send(relayout: boolean): Promise<void> {
    // Before the page's `ready` only while the opening's picture goes out (what follows it is kept with it).
    if (!this.panel || !(this.ready || this.early) || !this.vault) return;
    const asked = ++this.asked;
    const picture = await this.picture(this.vault, relayout);
    if (asked === this.asked) this.show(picture);
  }

  /** The whole picture of `vault` as the controls ask, and its model; nothing posted yet. */
  private async picture(vault: Vault, relayout: boolean): Promise<Picture> {
    // The controls it is built for, and the page's count of changes they answer, taken now: not after the awaits below.
    const state = this.viewState;
    const seq = this.viewSeq;
    let clock = startHostTiming();
    const model = this.build(vault);
    const built = clock();
    const folder = vault.folder.uri;
    const kept = this.local || relayout ? {} : await this.positions.load(folder);
    const slots = await this.positions.loadGroupSlots(folder);
    clock = startHostTiming();
    const graph = model.packedData();
    const positions = alignPositions(graph.ids, kept);
    const message: Extract<ToGraphWebview, { type: 'graph' }> = {
      type: 'graph',
      graph,
      slots: this.positions.groupSlots(folder, graph.legend, slots),
      positions,
      state,
      seq,
      local: this.local,
      views: namedViews().map(v => v.name),
      ...(this.problem ? { problem: this.problem } : {}),
      ...(relayout ? { relayout } : {}),
    };
    const packed = clock();
    return { model, message, timing: { ms: built.ms + packed.ms, cpuMs: built.cpuMs === undefined || packed.cpuMs === undefined ? undefined : built.cpuMs + packed.cpuMs } };
  }

  private show(picture: Picture): void {
    this.model = picture.model;
    const clock = startHostTiming();
    this.post(picture.message);
    this.log.debug(`Graph: message of ${picture.message.graph.ids.length} nodes built in ${formatHostTiming(picture.timing)}, posted in ${formatHostTiming(clock())} at ${Date.now()}`);
    this.postActive();
    this.prepareSoon();
  }

  /**
   * The model's objects for small steps, made once the picture is on its way, so the first edit
   * after it is quick: a slice at a time (60–90 ms of CPU in one task at 10,000 notes otherwise).
   */
  private prepareSoon(): void {
    clearTimeout(this.prepareTimer);
    this.prepareTimer = setTimeout(() => {
      const model = this.model;
      void model?.prepareInSlices(new TimeSlices(PREPARE_SLICE_MS), () => this.model !== model || !this.panel);
    }, PREPARE_DELAY);
  }

  /** A rename seen by the editor (onWillRenameFiles, onDidRenameFiles; a test), as vault paths: a folder's notes move with it. */
  noteRenames(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): void {
    if (!this.panel || !this.vault) return;
    const moved = (from: string, to: string) => {
      this.renames.set(from, to);
      this.changes.expectRename(from, to);
    };
    for (const f of files) {
      const from = this.vaults.locate(f.oldUri);
      const to = this.vaults.locate(f.newUri);
      if (!from || !to || from.vault !== this.vault || to.vault !== this.vault) continue;
      moved(from.path, to.path);
      // A folder: the notes under it, as the picture had them.
      const prefix = from.path === '' ? '' : from.path + '/';
      for (const id of this.model?.packedData().ids ?? []) if (prefix && id.startsWith(prefix)) moved(id, to.path + '/' + id.slice(prefix.length));
    }
    if (this.renames.size > 10_000) this.renames.clear();
  }

  private schedule(): void {
    if (!this.panel) return;
    this.log.debug(`Graph: index changed at ${Date.now()}`);
    this.changes.changed();
  }

  /** The vault changed (or the local graph's note): only the difference goes to the webview. */
  private sendDiff(): void {
    if (!this.panel || !(this.ready || this.early) || !this.vault || !this.model) return;
    const before = this.model;
    const clock = startHostTiming();
    let diff;
    if (this.local && before.options.local?.path !== this.center) {
      // The local graph's note moved: a new picture, sent as its difference from the old one.
      this.model = this.build(this.vault);
      diff = diffPackedGraphs(before.packedData(), this.model.packedData());
    } else diff = before.update(this.renames);
    // A rename the index has not seen yet waits for the next diff; the others are done.
    for (const from of [...this.renames.keys()]) if (!this.model.node(from)) this.renames.delete(from);
    // A moved note keeps its place: its kept position goes with it.
    if (diff.renamed?.length && !this.local) this.positions.rename(this.vault.folder.uri, diff.renamed);
    const centerMoved = this.model !== before && this.model.packedData().center !== before.packedData().center;
    if (!isEmptyDiff(diff) || centerMoved) {
      this.post({ type: 'diff', diff, ...(diff.groups ? { slots: this.positions.groupSlots(this.vault.folder.uri, diff.groups) } : {}) });
      this.log.debug(`Graph: diff built and posted in ${formatHostTiming(clock())} at ${Date.now()}`);
    } else this.log.debug(`Graph: nothing to post at ${Date.now()}`);
    this.prepareSoon();
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.panel) return;
    if (editor.viewColumn) this.editorColumn = editor.viewColumn;
    const located = this.vaults.locate(editor.document.uri);
    if (!located || editor.document.languageId !== 'markdown') return;
    const vaultChanged = located.vault !== this.vault;
    this.vault = located.vault;
    this.center = located.path;
    if (vaultChanged) {
      this.changes.reset();
      void this.send(false);
    } else if (this.local) this.changes.changedNow();
    this.postActive();
  }

  private postActive(): void {
    // With the focus in the graph's own controls there is no active editor: the note last in one stays the active note.
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const located = this.vaults.locate(editor.document.uri);
      this.activeNote = located && located.vault === this.vault ? located.path : undefined;
    }
    this.post({ type: 'active', id: this.activeNote ?? (this.local ? this.center : undefined) });
  }

  private async openNode(id: string, toSide: boolean): Promise<boolean> {
    const node = this.model?.node(id);
    if (!node || !this.vault) {
      this.log.warn(`Graph: refused to open "${id}": not a node of the graph shown`);
      return false;
    }
    if (node.type === 'tag') {
      await vscode.commands.executeCommand('marginalia.showTagPage', node.title);
      return true;
    }
    if (node.type === 'placeholder') {
      void vscode.window.showInformationMessage(`"${plain(node.title)}" is not written yet: follow a link to it to create it.`);
      return true;
    }
    const column = toSide ? this.sideColumn() : this.editorColumn;
    await vscode.window.showTextDocument(this.vault.host.uriOf(id), { viewColumn: column, preserveFocus: false });
    return true;
  }

  /**
   * Ctrl/Cmd+click: the group right of the graph, never the editor's or the graph's own, so the
   * note in the editor and the graph both stay in view whichever group has the focus
   * (`ViewColumn.Beside` from the editor's group would open over the graph).
   */
  private sideColumn(): vscode.ViewColumn {
    const graph = this.panel?.viewColumn ?? this.editorColumn;
    let column = graph + 1;
    while (column === this.editorColumn || column === graph) column++;
    return column;
  }

  private post(message: ToGraphWebview): void {
    this.sent.push(message);
    if (this.sent.length > 200) this.sent.splice(0, this.sent.length - 200);
    if (this.loseNext && message.type === 'graph') {
      this.loseNext = false;
      return;
    }
    void this.panel?.webview.postMessage(message);
  }

  /** For tests: the next whole picture never reaches the page (as when VS Code drops it). */
  loseNextPicture(): void {
    this.loseNext = true;
  }

  dispose(): void {
    this.changes.dispose();
    clearTimeout(this.prepareTimer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** A whole picture built for the page, and the model it was built from. */
interface Picture {
  readonly model: GraphModel;
  readonly message: Extract<ToGraphWebview, { type: 'graph' }>;
  readonly timing: HostTiming;
}

/** Positions of the nodes in the picture only: the webview cannot grow the file with made-up ids. */
function onlyShown(positions: Record<string, [number, number]>, model: GraphModel): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [id, p] of Object.entries(positions)) if (model.node(id)) out[id] = p;
  return out;
}
