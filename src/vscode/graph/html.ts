// The graph webview's document: the preview's CSP (fresh nonce from `crypto`, only our script),
// the controls, a canvas, the legend. No note text here: it arrives as data in messages.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { contentSecurityPolicy } from '../../core/render/contentPolicy';
import { escapeAttr } from '../../core/render/escape';
import { pageHead } from '../../core/render/pageHead';

export function graphHtml(webview: vscode.Webview, media: vscode.Uri, title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
  // The preview's policy less what the graph never needs (no images, fonts or inline styles), plus
  // the layout's web worker, made by our script from its own bundled code (a blob: URL).
  const csp = contentSecurityPolicy({ self: webview.cspSource, scriptNonce: nonce, noteContent: false, workerFromBlob: true });
  const toggle = (id: string, label: string) => `<label><input type="checkbox" id="mg-graph-${id}"> ${label}</label>`;
  return `${pageHead({ title, csp, stylesheets: [asset('graph.css')] })}
<body>
<div class="mg-graph-bar" role="toolbar" aria-label="Graph">
<select id="mg-graph-views" aria-label="Named views"></select><button id="mg-graph-save" title="Save these settings as a named view">Save View</button>
<input type="search" id="mg-graph-filter" placeholder="Filter: path:papers/ tag:#ml" aria-label="Filter (query)">
<input type="search" id="mg-graph-search" placeholder="Search" aria-label="Search: highlight matching notes">
<label class="mg-local-only">Depth <select id="mg-graph-depth"><option>1</option><option>2</option><option>3</option></select></label>
${toggle('placeholders', 'Not written yet')} ${toggle('tags', 'Tags')} ${toggle('attachments', 'Attachments')} ${toggle('orphans', 'Orphans')}
<label>Colour <select id="mg-graph-group"><option value="folder">by folder</option><option value="tag">by first tag</option><option value="queries">by groups (settings)</option><option value="none">none</option></select></label>
<label>Size <select id="mg-graph-size"><option value="links">by links</option><option value="pagerank">by PageRank</option></select></label>
<button id="mg-graph-relayout" title="Forget the kept positions and lay the graph out afresh">Re-layout</button>
<span id="mg-graph-count" aria-live="polite"></span>
</div>
<div id="mg-graph-problem" role="alert" hidden></div>
<div class="mg-graph-stage">
<canvas id="mg-graph-canvas" tabindex="0" aria-label="Graph of notes: drag to pan, wheel or + and - to zoom, arrows to move, click a note to open it"></canvas>
<ul id="mg-graph-legend" aria-label="Legend"></ul>
<div id="mg-graph-fallback" hidden></div>
</div>
<script nonce="${nonce}" src="${escapeAttr(asset('graph.js'))}"></script>
</body>
</html>`;
}
