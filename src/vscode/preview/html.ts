// The preview webview's document: a CSP with a fresh nonce from `crypto` (DESIGN.md §8), the
// stylesheets and script from media/, and the first page already in the body (no blank flash).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { contentSecurityPolicy } from '../../core/render/contentPolicy';
import { escapeAttr } from '../../core/render/escape';
import { pageHead } from '../../core/render/pageHead';

export function previewHtml(webview: vscode.Webview, media: vscode.Uri, page: { html: string; title: string; number: number }): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
  const remoteImages = vscode.workspace.getConfiguration('marginalia.preview').get<boolean>('remoteImages', true);
  const csp = contentSecurityPolicy({ self: webview.cspSource, remoteImages, scriptNonce: nonce });
  const head = pageHead({ title: page.title, csp, colorScheme: 'light dark', stylesheets: [asset('katex', 'katex.min.css'), asset('notes.css'), asset('preview.css')] });
  return `${head}
<body data-page="${page.number}">
<main class="mg-page" id="mg-content">${page.html}</main>
<script nonce="${nonce}" src="${escapeAttr(asset('preview.js'))}"></script>
</body>
</html>`;
}
