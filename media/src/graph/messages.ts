// The one message module the graph webview (media/src/graph/webview.ts) and its adapter
// (src/vscode/graph/panel.ts) both import. Messages from the webview are untrusted input:
// `parseFromGraphWebview` checks every field before the adapter acts on one.
import type { GraphGroupBy, GraphSizeBy } from '../../../src/core/graph/graphData';
import type { PackedGraph } from '../../../src/core/graph/packedGraph';
import type { GraphDiff } from '../../../src/core/graph/graphDiff';

/** What the panel's controls choose; a named view (`marginalia.graph.views`) saves exactly this. */
export interface GraphViewState {
  readonly depth: number;
  readonly placeholders: boolean;
  readonly tags: boolean;
  readonly attachments: boolean;
  readonly orphans: boolean;
  readonly groupBy: GraphGroupBy | 'queries';
  readonly sizeBy: GraphSizeBy;
  readonly filter: string;
}

export const DEFAULT_VIEW: GraphViewState = { depth: 1, placeholders: false, tags: false, attachments: false, orphans: true, groupBy: 'folder', sizeBy: 'links', filter: '' };

export type Positions = Record<string, [number, number]>;

export type FromGraphWebview =
  | { readonly type: 'ready' }
  /** A click on a node: open the note (`toSide`: Ctrl/Cmd+click). */
  | { readonly type: 'open'; readonly id: string; readonly toSide: boolean }
  /** The layout settled or a node was dragged. */
  | { readonly type: 'positions'; readonly positions: Positions }
  /** The controls changed. */
  /** `seq` counts the page's own changes of the controls, so a reply to an older one never overwrites a newer. */
  | { readonly type: 'state'; readonly state: GraphViewState; readonly seq?: number }
  /** The user chose a named view from the drop-down. */
  | { readonly type: 'useView'; readonly name: string }
  /** Save the current controls as a named view (the extension asks for the name). */
  | { readonly type: 'saveView' }
  | { readonly type: 'relayout' }
  /** Timings taken with the performance API inside the webview (bench, tests); `legend`: each group's name and the colour the page draws it in. */
  | { readonly type: 'stats'; readonly firstFrameMs: number; readonly longestFrameMs: number; readonly frames: number; readonly nodes: number; readonly legend?: readonly (readonly [string, string])[] };

export type ToGraphWebview =
  /** A whole picture: on opening, and when the controls (not the vault) changed. */
  | {
      readonly type: 'graph';
      /** The picture, one array per field (src/core/graph/packedGraph.ts). */
      readonly graph: PackedGraph;
      /** The palette slot of each group of `graph.legend`, in order, as the extension keeps them (groupColors.ts). */
      readonly slots: readonly number[];
      /** Kept positions in the order of `graph.ids`: x, y per node; NaN (null in JSON) where a node has none. */
      readonly positions: readonly (number | null)[];
      readonly state: GraphViewState;
      /** The page's `seq` of the last state message the host had when it sent this: older than the page's own means stale controls. */
      readonly seq?: number;
      readonly local: boolean;
      readonly views: readonly string[];
      /** A query that could not be read, in the user's words. */
      readonly problem?: string;
      /** Forget the kept positions and lay out afresh. */
      readonly relayout?: boolean;
    }
  /** The vault changed: only what changed. */
  | { readonly type: 'diff'; readonly diff: GraphDiff; /** With `diff.groups`: the palette slot of each, in order. */ readonly slots?: readonly number[] }
  /** The note in the editor. */
  | { readonly type: 'active'; readonly id: string | undefined }
  /** The answer to `ready` when the opening's picture was posted before it: a page that holds no picture lost it, and sends `ready` again. */
  | { readonly type: 'posted' };

const MAX_TEXT = 4096;
const MAX_NODES = 500_000;
const MAX_GROUPS = 10_000;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isFlag = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseViewState(raw: unknown): GraphViewState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  const depth = s['depth'];
  if (!(depth === 1 || depth === 2 || depth === 3)) return undefined;
  if (!isFlag(s['placeholders']) || !isFlag(s['tags']) || !isFlag(s['attachments']) || !isFlag(s['orphans'])) return undefined;
  const groupBy = s['groupBy'];
  if (groupBy !== 'folder' && groupBy !== 'tag' && groupBy !== 'topTag' && groupBy !== 'none' && groupBy !== 'queries') return undefined;
  const sizeBy = s['sizeBy'];
  if (sizeBy !== 'links' && sizeBy !== 'pagerank') return undefined;
  if (!isText(s['filter'])) return undefined;
  return { depth, placeholders: s['placeholders'], tags: s['tags'], attachments: s['attachments'], orphans: s['orphans'], groupBy, sizeBy, filter: s['filter'] };
}

function parsePositions(raw: unknown): Positions | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Positions = Object.create(null);
  let n = 0;
  for (const [id, p] of Object.entries(raw)) {
    if (++n > MAX_NODES || id.length > MAX_TEXT) return undefined;
    if (!Array.isArray(p) || p.length !== 2 || !isNumber(p[0]) || !isNumber(p[1])) return undefined;
    out[id] = [p[0], p[1]];
  }
  return out;
}

/** The message if it is one the graph webview may send, well formed; undefined for anything else. */
export function parseFromGraphWebview(raw: unknown): FromGraphWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'relayout':
      return { type: 'relayout' };
    case 'saveView':
      return { type: 'saveView' };
    case 'open':
      return isText(m['id']) && m['id'] !== '' && isFlag(m['toSide']) ? { type: 'open', id: m['id'], toSide: m['toSide'] } : undefined;
    case 'useView':
      return isText(m['name']) ? { type: 'useView', name: m['name'] } : undefined;
    case 'positions': {
      const positions = parsePositions(m['positions']);
      return positions ? { type: 'positions', positions } : undefined;
    }
    case 'state': {
      const state = parseViewState(m['state']);
      const seq = m['seq'];
      if (seq !== undefined && !(typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0)) return undefined;
      return state ? { type: 'state', state, ...(seq !== undefined ? { seq } : {}) } : undefined;
    }
    case 'stats': {
      const { firstFrameMs, longestFrameMs, frames, nodes } = m;
      if (!isNumber(firstFrameMs) || !isNumber(longestFrameMs) || !isNumber(frames) || !isNumber(nodes)) return undefined;
      const legend = m['legend'];
      if (legend === undefined) return { type: 'stats', firstFrameMs, longestFrameMs, frames, nodes };
      if (!Array.isArray(legend) || legend.length > MAX_GROUPS || !legend.every(g => Array.isArray(g) && g.length === 2 && isText(g[0]) && isText(g[1]))) return undefined;
      return { type: 'stats', firstFrameMs, longestFrameMs, frames, nodes, legend: legend.map(g => [g[0], g[1]] as const) };
    }
    default:
      return undefined;
  }
}
