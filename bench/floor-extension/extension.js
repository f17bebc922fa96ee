// Bench only: what VS Code itself costs before the graph draws anything (bench/graphVscode.mjs).
// "Blank Webview" opens a panel as the graph does (beside, scripts on, a nonce CSP) whose one-line
// page stamps its document start, its script and its first frame, and posts a message; "Markdown
// Preview" stamps the command and opens VS Code's own preview of the active note to the side.
// Stamps are epoch ms (Date.now() here, performance.timeOrigin + now() in the page): the graph
// bench's one clock. Lines go to this extension's log ("Marginalia Bench.log").
const vscode = require('vscode');
const { randomBytes } = require('crypto');

function activate(context) {
  const log = vscode.window.createOutputChannel('Marginalia Bench', { log: true });
  context.subscriptions.push(log,
    vscode.commands.registerCommand('marginaliaBench.blankWebview', () => {
      const invoked = Date.now();
      const panel = vscode.window.createWebviewPanel('marginaliaBench.blank', 'Blank', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, enableForms: false, retainContextWhenHidden: true, localResourceRoots: [] });
      const nonce = randomBytes(18).toString('base64');
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head><body><p id="blank">blank</p>`
        + `<script nonce="${nonce}">const at = () => performance.timeOrigin + performance.now(); window.benchBlank = { timeOrigin: performance.timeOrigin, scriptAt: at() }; acquireVsCodeApi().postMessage({ type: 'ready', ...window.benchBlank }); requestAnimationFrame(() => { window.benchBlank.firstFrameAt = at(); });</script></body></html>`;
      const created = Date.now();
      panel.webview.onDidReceiveMessage(m => log.info(`Blank webview: invoked at ${invoked}, panel created at ${created}, document at ${Math.round(m.timeOrigin)}, script at ${Math.round(m.scriptAt)}, ready at host ${Date.now()}`));
    }),
    vscode.commands.registerCommand('marginaliaBench.markdownPreview', async () => {
      log.info(`Markdown preview: invoked at ${Date.now()}`);
      await vscode.commands.executeCommand('markdown.showPreviewToSide');
    }),
  );
}

module.exports = { activate };
