// "Marginalia: Reindex Notes", and reindexing a folder when the settings that decide
// which files it holds change.
import * as vscode from 'vscode';
import { listingSettings } from './settings';
import type { Vaults } from './vaults';

export function registerReindex(vaults: Vaults, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('marginalia.reindex', () => {
      log.info('Reindexing: asked by the user');
      return vaults.reindex();
    }),
    vscode.workspace.onDidChangeConfiguration(e => {
      const affected = vaults.all().filter(v => listingSettings.some(s => e.affectsConfiguration(s, v.folder.uri)));
      if (affected.length === 0) return;
      log.info(`Reindexing ${affected.map(v => v.folder.name).join(', ')}: include/exclude settings changed`);
      void vaults.reindex(affected);
    }),
  );
}
