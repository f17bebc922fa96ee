// Scroll sync by source line, both ways: the editor follows the preview's top line, and the
// preview follows the editor's; the echo of one sync is not taken for a new scroll.
import * as vscode from 'vscode';

/** How long editor scroll events are taken for the echo of a sync from the preview. */
const ECHO_MS = 300;

export class ScrollSync {
  private ignoreEditorScrollUntil = 0;

  /** The preview scrolled to `line` of the note at `uri`: the editor showing it follows. */
  revealLine(uri: vscode.Uri, line: number): boolean {
    const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
    if (!editor) return false;
    this.ignoreEditorScrollUntil = Date.now() + ECHO_MS;
    const at = Math.min(line, editor.document.lineCount - 1);
    editor.revealRange(new vscode.Range(at, 0, at, 0), vscode.TextEditorRevealType.AtTop);
    return true;
  }

  /** The top line the preview should scroll to when the editor showing `uri` scrolled; none for an echo or another note. */
  editorTopLine(e: vscode.TextEditorVisibleRangesChangeEvent, uri: vscode.Uri): number | undefined {
    if (Date.now() < this.ignoreEditorScrollUntil || e.textEditor.document.uri.toString() !== uri.toString()) return undefined;
    return e.visibleRanges[0]?.start.line;
  }
}
