// Which note a graph opened with no editor active is about (the focus on an image, or in the
// other graph panel): a note still in view, and the page highlights that same note.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ToGraphWebview } from '../../media/src/graph/messages';
import { marginalia, run, uriOf, waitFor } from './marginalia';

const lastActive = (sent: readonly ToGraphWebview[] | undefined) => [...(sent ?? [])].reverse().find((m): m is Extract<ToGraphWebview, { type: 'active' }> => m.type === 'active');

if (run === 'single') suite('graph: opened with no editor active', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Local Graph with an image focused centres on a note in view and highlights that note, not one hidden since', async function () {
    this.timeout(90000);
    const api = await marginalia();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(uriOf('gpt3.md'), { viewColumn: vscode.ViewColumn.One });
    await vscode.window.showTextDocument(uriOf('transformers.md'), { viewColumn: vscode.ViewColumn.Two });
    await vscode.commands.executeCommand('marginalia.showLocalGraph');
    const panel = api.graph.local;
    await waitFor('the local graph of transformers.md is sent', () => panel.state()?.data.center === 'transformers.md', 80000);
    assert.strictEqual(lastActive(panel.state()?.sent)?.id, 'transformers.md');

    // An image over transformers.md: no text editor is active; gpt3.md is still in view.
    await vscode.commands.executeCommand('vscode.open', uriOf('attachments/figure.png'), { viewColumn: vscode.ViewColumn.Two });
    await waitFor('no text editor is active', () => vscode.window.activeTextEditor === undefined);
    await vscode.commands.executeCommand('marginalia.showLocalGraph');
    await waitFor('the local graph of gpt3.md is sent', () => panel.state()?.data.center === 'gpt3.md', 20000);
    assert.strictEqual(lastActive(panel.state()?.sent)?.id, 'gpt3.md', 'the page highlights the centre');
  });
});
