// The note the sidebar follows: the active editor's note, kept while focus moves to an
// editor that is not a note (output, settings), cleared when no editor is left.
import * as vscode from 'vscode';
import type { Located, Vaults } from '../vaults/vaults';

export class ActiveNote implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly listener: vscode.Disposable;
  private located: Located | undefined;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly vaults: Vaults) {
    this.located = this.locate(vscode.window.activeTextEditor);
    this.listener = vscode.window.onDidChangeActiveTextEditor(editor => {
      const next = this.locate(editor);
      // Focus moved to something that is not a note (a preview, the output): keep following
      // the note while it is still on screen.
      if (!next && this.located && this.isVisible(this.located)) return;
      if (next?.vault === this.located?.vault && next?.path === this.located?.path) return;
      this.located = next;
      this.emitter.fire();
    });
  }

  /** The note and its vault; undefined when no note is open. */
  get current(): Located | undefined {
    return this.located;
  }

  private isVisible(at: Located): boolean {
    const uri = at.vault.host.uriOf(at.path).toString();
    return vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === uri);
  }

  private locate(editor: vscode.TextEditor | undefined): Located | undefined {
    const at = editor && this.vaults.locate(editor.document.uri);
    return at && /\.md$/i.test(at.path) ? at : undefined;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
