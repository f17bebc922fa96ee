// The preview panel's life: opened on the active note or a tag page, following the editor,
// re-rendered as you type (pageRender.ts), links (links.ts), scroll sync (scrollSync.ts). The
// webview (media/src/preview.ts) only sends typed messages, checked here on arrival.
import * as vscode from 'vscode';
import { parseFromWebview, type FromWebview, type ToWebview } from '../../../media/src/messages';
import type { RenderedPage } from '../../core/render/page';
import { previewHtml } from './html';
import { openExternalLink, openNoteLink } from './links';
import { renderShown, type Shown } from './pageRender';
import { ScrollSync } from './scrollSync';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

export type { Shown } from './pageRender';

/** What in-host tests see of the panel. */
export interface PreviewState {
  readonly kind: 'note' | 'tag';
  /** The note's vault path, or the tag without `#`. */
  readonly name: string;
  readonly page: number;
  readonly html: string;
  readonly viewColumn: vscode.ViewColumn | undefined;
}

const TYPING_DELAY = 30;
const INDEX_DELAY = 120;

export class Preview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: Shown | undefined;
  private page = 0;
  private html = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Renders started, and what the ones not drawn yet asked of the webview (see render). */
  private renders = 0;
  private freshDue = false;
  private drawn: Shown | undefined;
  private otherSourceDue = false;
  private readonly scroll = new ScrollSync();
  private editorColumn: vscode.ViewColumn = vscode.ViewColumn.One;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly vaults: Vaults, private readonly media: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(editor => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (this.shown?.kind === 'note' && e.document.uri.toString() === this.shown.uri.toString()) this.schedule(TYPING_DELAY);
      }),
      vaults.onDidChange(() => this.schedule(INDEX_DELAY)),
      vscode.window.onDidChangeTextEditorVisibleRanges(e => this.editorScrolled(e)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('marginalia.preview') || e.affectsConfiguration('marginalia.citations')) this.schedule(0);
      }),
    );
  }

  /** Opens (or reveals) the panel on `uri`, or the active note. */
  open(column: vscode.ViewColumn, uri?: vscode.Uri): void {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? (editor?.document.languageId === 'markdown' ? editor.document.uri : undefined);
    if (editor?.viewColumn) this.editorColumn = editor.viewColumn;
    if (!target && this.shown === undefined) {
      void vscode.window.showInformationMessage('Open a markdown note to preview it.');
      return;
    }
    this.ensurePanel(column);
    if (target) this.show({ kind: 'note', uri: target });
  }

  /** Shows the tag page of `tag` (with or without `#`), from `vault` or the first that has it. */
  showTag(tag: string, vault?: Vault): void {
    const name = tag.replace(/^#/, '');
    const current = this.currentVault();
    const has = (v: Vault) => v.index.notesWithTag(name).length > 0;
    const chosen = vault ?? (current && has(current) ? current : this.vaults.all().find(has) ?? current ?? this.vaults.all()[0]);
    if (!chosen) return;
    this.ensurePanel(this.panel?.viewColumn ?? vscode.ViewColumn.Beside);
    this.show({ kind: 'tag', tag: name, vault: chosen });
  }

  /** Draws the page again (the citation library was read or changed). */
  refresh(): void {
    if (this.shown) this.schedule(INDEX_DELAY);
  }

  /** What the webview shows: the page last drawn (a page asked for is drawn once the texts it needs are read). */
  state(): PreviewState | undefined {
    const shown = this.drawn;
    if (!this.panel || !this.shown || !shown) return undefined;
    const name = shown.kind === 'tag' ? shown.tag : this.vaults.locate(shown.uri)?.path ?? shown.uri.toString();
    return { kind: shown.kind, name, page: this.page, html: this.html, viewColumn: this.panel.viewColumn };
  }

  /** The page now shown, rendered afresh (for export). */
  current(): { shown: Shown; vault: Vault } | undefined {
    const vault = this.currentVault();
    return this.shown && vault ? { shown: this.shown, vault } : undefined;
  }

  /** A message from the webview (or a test): acted on when well formed and allowed; false when refused. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseFromWebview(raw);
    if (!message) {
      this.log.warn(`Preview: refused a malformed message: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return false;
    }
    switch (message.type) {
      case 'openNote': return this.openNote(message.href);
      case 'openExternal': return openExternalLink(message.url, why => this.refuse(why));
      case 'openTag':
        this.showTag(message.tag);
        return true;
      case 'revealLine': return this.revealLine(message);
      case 'ready': return true;
    }
  }

  /**
   * A note link clicked in the page. Beside the editor, the note opens in the editor. In the
   * editor's own group (Open Preview, not to the Side), the preview navigates in place as VS
   * Code's does with `markdown.preview.openMarkdownLinks: inPreview`: the editor follows behind.
   */
  private async openNote(href: string): Promise<boolean> {
    const panel = this.panel;
    const inPlace = panel?.viewColumn !== undefined && panel.viewColumn === this.editorColumn;
    const opened = await openNoteLink(this.currentVault(), href, this.editorColumn, why => this.refuse(why), inPlace);
    if (!opened || !inPlace || panel !== this.panel) return opened;
    const editor = vscode.window.visibleTextEditors.find(e => e.viewColumn === this.editorColumn) ?? vscode.window.activeTextEditor;
    if (editor && this.vaults.locate(editor.document.uri)) this.follow(editor);
    panel.reveal(panel.viewColumn, false);
    return opened;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private ensurePanel(column: vscode.ViewColumn): void {
    if (this.panel) {
      this.panel.reveal(column, true);
      return;
    }
    const roots = [this.media, ...(vscode.workspace.workspaceFolders ?? []).map(f => f.uri)];
    const panel = vscode.window.createWebviewPanel('marginalia.preview', 'Preview', { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableForms: false,
      localResourceRoots: roots,
      retainContextWhenHidden: false,
    });
    panel.webview.onDidReceiveMessage(m => void this.receive(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.shown = undefined;
    });
    // A hidden webview is torn down (no retained context) and misses updates: when it comes
    // back, draw it afresh. Focus moving in or out is a view-state change too: not a reason.
    let visible = panel.visible;
    panel.onDidChangeViewState(e => {
      if (e.webviewPanel.visible && !visible) void this.render(true);
      visible = e.webviewPanel.visible;
    });
    this.panel = panel;
  }

  private show(shown: Shown): void {
    const first = this.shown === undefined;
    this.shown = shown;
    this.page++;
    // Another page in a loaded webview is one message (no reload, no flash); the first page is the document itself.
    void this.render(first, false);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'markdown') return;
    if (editor.viewColumn) this.editorColumn = editor.viewColumn;
    if (!this.panel || !this.vaults.locate(editor.document.uri)) return;
    const shown = this.shown;
    if (shown?.kind === 'note' && shown.uri.toString() === editor.document.uri.toString()) return;
    this.show({ kind: 'note', uri: editor.document.uri });
  }

  private schedule(delay: number): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(false), delay);
  }

  /**
   * `fresh`: write the whole document (a new or restored webview); else one `update` message,
   * `sameSource` when it is the page already shown (typing: the reader's place is kept).
   */
  private async render(fresh: boolean, sameSource = true): Promise<void> {
    const panel = this.panel;
    const shown = this.shown;
    if (!panel || !shown) return;
    clearTimeout(this.timer);
    // Rendering waits for other notes' texts: a newer render that finishes first draws, and owes
    // the webview what the ones it overtook asked for (a whole document, a new page's scroll).
    const n = ++this.renders;
    this.freshDue ||= fresh;
    this.otherSourceDue ||= !sameSource;
    let page: RenderedPage;
    try {
      page = await renderShown(this.vaults, shown, panel.webview);
    } catch (e) {
      // A bug on one note must not take the panel down: say which note, keep the last page.
      this.log.error(`Preview: could not render ${this.describe(shown)}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return;
    }
    if (n !== this.renders || this.panel !== panel || this.shown !== shown) return;
    fresh = this.freshDue;
    sameSource = !this.otherSourceDue;
    this.freshDue = this.otherSourceDue = false;
    this.html = page.html;
    this.drawn = shown;
    panel.title = shown.kind === 'tag' ? `#${shown.tag}` : `Preview ${page.title}`;
    if (fresh) {
      panel.webview.html = previewHtml(panel.webview, this.media, { html: page.html, title: page.title, number: this.page });
    } else {
      this.post({ type: 'update', page: this.page, html: page.html, title: page.title, sameSource });
    }
  }

  private currentVault(): Vault | undefined {
    const shown = this.shown;
    if (!shown) return undefined;
    return shown.kind === 'tag' ? shown.vault : this.vaults.vaultFor(shown.uri);
  }

  private describe(shown: Shown): string {
    return shown.kind === 'tag' ? `the tag page of #${shown.tag}` : vscode.workspace.asRelativePath(shown.uri);
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private refuse(why: string): false {
    this.log.warn(`Preview: refused ${why}`);
    return false;
  }

  private revealLine(message: Extract<FromWebview, { type: 'revealLine' }>): boolean {
    const shown = this.shown;
    if (message.page !== this.page || shown?.kind !== 'note') return false; // a page no longer shown
    return this.scroll.revealLine(shown.uri, message.line);
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    const shown = this.shown;
    if (!this.panel?.visible || shown?.kind !== 'note') return;
    const line = this.scroll.editorTopLine(e, shown.uri);
    if (line !== undefined) this.post({ type: 'scrollToLine', page: this.page, line });
  }
}
