/// <reference lib="dom" />
// The site's graph page: the graph view's own renderer (media/src/graph/renderer.ts) over the
// graph.json publish wrote, in the site's colours; a click opens the note's page.
import type { GraphData } from '../../../src/core/graph/graphData';
import { packGraph } from '../../../src/core/graph/packedGraph';
import { createGraphRenderer, mixColors, type GraphColors } from '../graph/renderer';

function siteColors(): GraphColors {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const background = v('--vscode-editor-background', '#fffffc');
  return {
    background,
    foreground: v('--vscode-editor-foreground', '#1f1f1f'),
    edge: v('--vscode-editorWidget-border', '#b8b5aa'),
    accent: v('--vscode-textLink-foreground', '#1b5fad'),
    // 8 colours (the panel has 10): the 8 largest groups are coloured here, the rest neutral (groupColors.ts);
    // 10 would move every folder's colour on the sites already published (a slot is the name's hash modulo the palette).
    palette: ['#3d7cc9', '#d18616', '#3f9e4d', '#9a5fc7', '#d14b4b', '#b59400', '#2aa198', '#c2185b'],
    ungrouped: mixColors(v('--vscode-descriptionForeground', '#888'), background, 0.45),
  };
}

export function initGraph(root: string): void {
  const canvas = document.getElementById('mg-graph') as HTMLCanvasElement | null;
  if (!canvas?.dataset['src']) return;
  void fetch(canvas.dataset['src']).then(r => r.json()).then((json: { graph: GraphData; urls: Record<string, string> }) => {
    canvas.hidden = false;
    document.querySelector('.graph-fallback')?.setAttribute('hidden', '');
    const renderer = createGraphRenderer(canvas, packGraph(json.graph), {
      colors: siteColors(),
      onOpen: id => {
        const url = json.urls[id];
        if (url !== undefined) location.href = root + url.split('/').map(encodeURIComponent).join('/');
      },
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => renderer.setColors(siteColors()));
  }).catch(() => {
    canvas.hidden = true;
  });
}
