// The preview panel: the active note rendered by the engine's pipeline (src/core/render/),
// following the editor, re-rendered as you type, scroll-synced by source line; a tag page on
// demand. The webview (media/src/preview.ts) only sends typed messages, checked here on
// arrival: a link outside the workspace, or an external link with another scheme, is refused.
import * as vscode from 'vscode';
import { EXTERNAL_SCHEMES, parseFromWebview, type FromWebview, type ToWebview } from '../../../media/src/messages';
import { fragmentLine, formatNoteAddress, parseNoteAddress } from '../../core/render/noteAddress';
import type { PageHost, RenderedPage } from '../../core/render/page';
import { previewHtml } from './html';
import { renderEngine } from './renderEngine';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

export type Shown = { readonly kind: 'note'; readonly uri: vscode.Uri } | { readonly kind: 'tag'; readonly tag: string; readonly vault: Vault };

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
  /** Until then, editor scroll events are the echo of a sync from the preview. */
  private ignoreEditorScrollUntil = 0;
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
        if (e.affectsConfiguration('marginalia.preview')) this.schedule(0);
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

  state(): PreviewState | undefined {
    const shown = this.shown;
    if (!this.panel || !shown) return undefined;
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
      case 'openExternal': return this.openExternal(message.url);
      case 'openTag':
        this.showTag(message.tag);
        return true;
      case 'revealLine': return this.revealLine(message);
      case 'ready': return true;
    }
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
      if (e.webviewPanel.visible && !visible) this.render(true);
      visible = e.webviewPanel.visible;
    });
    this.panel = panel;
  }

  private show(shown: Shown): void {
    const first = this.shown === undefined;
    this.shown = shown;
    this.page++;
    // Another page in a loaded webview is one message (no reload, no flash); the first page is the document itself.
    this.render(first, false);
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
    this.timer = setTimeout(() => this.render(false), delay);
  }

  /**
   * `fresh`: write the whole document (a new or restored webview); else one `update` message,
   * `sameSource` when it is the page already shown (typing: the reader's place is kept).
   */
  private render(fresh: boolean, sameSource = true): void {
    const panel = this.panel;
    const shown = this.shown;
    if (!panel || !shown) return;
    clearTimeout(this.timer);
    let page: RenderedPage;
    try {
      page = this.renderPage(shown, panel.webview);
    } catch (e) {
      // A bug on one note must not take the panel down: say which note, keep the last page.
      this.log.error(`Preview: could not render ${this.describe(shown)}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return;
    }
    this.html = page.html;
    panel.title = shown.kind === 'tag' ? `#${shown.tag}` : `Preview ${page.title}`;
    if (fresh) {
      panel.webview.html = previewHtml(panel.webview, this.media, { html: page.html, title: page.title, number: this.page });
    } else {
      this.post({ type: 'update', page: this.page, html: page.html, title: page.title, sameSource });
    }
  }

  private renderPage(shown: Shown, webview: vscode.Webview): RenderedPage {
    const backlinks = vscode.workspace.getConfiguration('marginalia.preview').get<boolean>('backlinks', true);
    if (shown.kind === 'tag') return renderEngine().renderTagPage(shown.vault.index, this.pageHost(shown.vault, webview), shown.tag, { backlinks });
    const at = this.vaults.locate(shown.uri);
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === shown.uri.toString());
    if (!at) {
      const name = shown.uri.path.replace(/^.*\//, '');
      return { title: name, sidenotes: 0, html: `<p class="mg-notice">${escapeText(name)} is not part of a workspace folder's notes.</p>` };
    }
    const text = doc?.getText() ?? at.vault.index.textOf(at.path) ?? '';
    return renderEngine().renderNotePage(at.vault.index, this.pageHost(at.vault, webview), at.path, text, { backlinks });
  }

  private pageHost(vault: Vault, webview: vscode.Webview): PageHost {
    return {
      noteHref: formatNoteAddress,
      imageSrc: path => webview.asWebviewUri(vault.host.uriOf(path)).toString(),
    };
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

  private async openNote(href: string): Promise<boolean> {
    const vault = this.currentVault();
    const address = parseNoteAddress(href);
    if (!vault || !address) return this.refuse(`a link outside the workspace: ${href}`);
    const uri = vault.host.uriOf(address.path);
    if (vault.host.relativePath(uri) !== address.path) return this.refuse(`a link outside the workspace: ${href}`);
    const index = vault.index;
    if (!index.has(address.path)) {
      void vscode.window.showInformationMessage(`"${address.path.replace(/\.md$/i, '')}" is not written yet.`);
      return true;
    }
    if (!/\.md$/i.test(address.path)) {
      await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: this.editorColumn });
      return true;
    }
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: this.editorColumn, preserveFocus: false });
    const syntax = address.fragment === undefined ? undefined : index.note(address.path)?.syntax;
    const line = syntax && fragmentLine(syntax, address.fragment!);
    if (line !== undefined) {
      const at = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    }
    return true;
  }

  private async openExternal(url: string): Promise<boolean> {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(url, true);
    } catch {
      return this.refuse(`a malformed external link: ${url}`);
    }
    if (!EXTERNAL_SCHEMES.includes(uri.scheme.toLowerCase())) return this.refuse(`an external link with scheme "${uri.scheme}": ${url}`);
    await vscode.env.openExternal(uri);
    return true;
  }

  private revealLine(message: Extract<FromWebview, { type: 'revealLine' }>): boolean {
    const shown = this.shown;
    if (message.page !== this.page || shown?.kind !== 'note') return false; // a page no longer shown
    const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === shown.uri.toString());
    if (!editor) return false;
    this.ignoreEditorScrollUntil = Date.now() + 300;
    const line = Math.min(message.line, editor.document.lineCount - 1);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    return true;
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    const shown = this.shown;
    if (!this.panel?.visible || shown?.kind !== 'note' || Date.now() < this.ignoreEditorScrollUntil) return;
    if (e.textEditor.document.uri.toString() !== shown.uri.toString()) return;
    const first = e.visibleRanges[0];
    if (first) this.post({ type: 'scrollToLine', page: this.page, line: first.start.line });
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
