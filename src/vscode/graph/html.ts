// The graph webview's document: the preview's CSP (fresh nonce from `crypto`, only our script),
// the controls, a canvas, the legend (pageBody.ts). No note text here: it arrives as data in messages.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { contentSecurityPolicy } from '../../core/render/contentPolicy';
import { escapeAttr } from '../../core/render/escape';
import { pageHead } from '../../core/render/pageHead';
import { graphPageBody } from './pageBody';

export function graphHtml(webview: vscode.Webview, media: vscode.Uri, title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
  // The preview's policy less what the graph never needs (no images, fonts or inline styles), plus
  // the layout's web worker, made by our script from its own bundled code (a blob: URL).
  const csp = contentSecurityPolicy({ self: webview.cspSource, scriptNonce: nonce, noteContent: false, workerFromBlob: true });
  return `${pageHead({ title, csp, stylesheets: [asset('graph.css')] })}
<body>
${graphPageBody()}
<script nonce="${nonce}" src="${escapeAttr(asset('graph.js'))}"></script>
</body>
</html>`;
}
