// The graph's settings: `marginalia.graph.groups` (colour groups as queries) and
// `marginalia.graph.views` (named views saved in the workspace settings). A malformed entry is
// skipped, never fatal.
import * as vscode from 'vscode';
import type { GraphGroupSpec } from '../../core/graph/graphData';
import { DEFAULT_VIEW, parseViewState, type GraphViewState } from '../../../media/src/graph/messages';

export interface NamedView {
  readonly name: string;
  readonly state: GraphViewState;
}

export function graphGroups(): GraphGroupSpec[] {
  const raw = vscode.workspace.getConfiguration('marginalia.graph').get<unknown[]>('groups', []);
  const out: GraphGroupSpec[] = [];
  for (const g of Array.isArray(raw) ? raw : []) {
    if (typeof g !== 'object' || g === null) continue;
    const { query, name, color } = g as Record<string, unknown>;
    if (typeof query !== 'string') continue;
    out.push({ query, ...(typeof name === 'string' ? { name } : {}), ...(typeof color === 'string' ? { color } : {}) });
  }
  return out;
}

export function namedViews(): NamedView[] {
  const raw = vscode.workspace.getConfiguration('marginalia.graph').get<unknown[]>('views', []);
  const out: NamedView[] = [];
  for (const v of Array.isArray(raw) ? raw : []) {
    if (typeof v !== 'object' || v === null || typeof (v as { name?: unknown }).name !== 'string') continue;
    const state = parseViewState({ ...DEFAULT_VIEW, ...(v as object) });
    if (state) out.push({ name: (v as { name: string }).name, state });
  }
  return out;
}

/** Adds or replaces the view named `name` in the workspace settings. */
export async function saveNamedView(name: string, state: GraphViewState): Promise<void> {
  const config = vscode.workspace.getConfiguration('marginalia.graph');
  const raw = config.get<unknown[]>('views', []);
  const others = (Array.isArray(raw) ? raw : []).filter(v => !(typeof v === 'object' && v !== null && (v as { name?: unknown }).name === name));
  await config.update('views', [...others, { name, ...state }], vscode.ConfigurationTarget.Workspace);
}
