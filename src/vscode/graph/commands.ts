// Show Graph, Show Local Graph (also buttons in the Backlinks view's title bar and the editor
// title menu for markdown), and Use Graph View (a named view from `marginalia.graph.views`).
import * as vscode from 'vscode';
import { GraphPanel } from './panel';
import { GraphPositionStore } from './positionStore';
import { namedViews } from './settings';
import type { Vaults } from '../vaults/vaults';

export interface Graphs {
  readonly global: GraphPanel;
  readonly local: GraphPanel;
  readonly positions: GraphPositionStore;
  readonly disposable: vscode.Disposable;
}

export function registerGraph(vaults: Vaults, extensionUri: vscode.Uri, storage: vscode.Uri | undefined, log: vscode.LogOutputChannel): Graphs {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const positions = new GraphPositionStore(storage, log);
  const global = new GraphPanel(false, vaults, media, positions, log);
  const local = new GraphPanel(true, vaults, media, positions, log);
  const disposable = vscode.Disposable.from(
    global, local, positions,
    vscode.commands.registerCommand('marginalia.showGraph', () => global.open()),
    vscode.commands.registerCommand('marginalia.showLocalGraph', () => local.open()),
    vscode.commands.registerCommand('marginalia.useGraphView', async () => {
      const views = namedViews();
      if (views.length === 0) {
        void vscode.window.showInformationMessage('No graph views saved yet: use "Save View" in the graph panel.');
        return;
      }
      const picked = await vscode.window.showQuickPick(views.map(v => ({ label: v.name, view: v })), { title: 'Use Graph View' });
      if (!picked) return;
      const panel = local.state() && !global.state() ? local : global;
      await panel.open();
      await panel.useView(picked.view.state);
    }),
  );
  return { global, local, positions, disposable };
}
