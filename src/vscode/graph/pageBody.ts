// The graph page's body: the controls, the canvas, the legend (ids media/src/graph/webview.ts
// looks up). No `vscode` here, so the browser test of the page's own logic builds the same page
// (test/ui/graph-page.ui.test.js).
export function graphPageBody(): string {
  const toggle = (id: string, label: string) => `<label><input type="checkbox" id="mg-graph-${id}"> ${label}</label>`;
  return `<div class="mg-graph-bar" role="toolbar" aria-label="Graph">
<select id="mg-graph-views" aria-label="Named views"></select><button id="mg-graph-save" title="Save these settings as a named view">Save View</button>
<input type="search" id="mg-graph-filter" placeholder="Filter: path:papers/ tag:#ml" aria-label="Filter (query)">
<input type="search" id="mg-graph-search" placeholder="Search" aria-label="Search: highlight matching notes">
<label class="mg-local-only">Depth <select id="mg-graph-depth"><option>1</option><option>2</option><option>3</option></select></label>
${toggle('placeholders', 'Not written yet')} ${toggle('tags', 'Tags')} ${toggle('attachments', 'Attachments')} ${toggle('orphans', 'Orphans')}
<label>Colour <select id="mg-graph-group"><option value="folder">by folder</option><option value="tag">by first tag</option><option value="topTag">by top-level tag</option><option value="queries">by groups (settings)</option><option value="none">none</option></select></label>
<label>Size <select id="mg-graph-size"><option value="links">by links</option><option value="pagerank">by PageRank</option></select></label>
<button id="mg-graph-relayout" title="Forget the kept positions and lay the graph out afresh">Re-layout</button>
<span id="mg-graph-count" aria-live="polite"></span>
</div>
<div id="mg-graph-problem" role="alert" hidden></div>
<div class="mg-graph-stage">
<canvas id="mg-graph-canvas" tabindex="0" aria-label="Graph of notes: drag to pan, wheel or + and - to zoom, arrows to move, click a note to open it"></canvas>
<ul id="mg-graph-legend" aria-label="Legend"></ul>
<div id="mg-graph-fallback" hidden></div>
</div>`;
}
