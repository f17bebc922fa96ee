// "Marginalia: Clear Index Cache": deletes every folder's index cache, so the next opening
// reads and scans every note (the index in memory stays as it is).
import * as vscode from 'vscode';
import type { Vaults } from './vaults';

export function registerClearCache(vaults: Vaults, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('marginalia.clearCache', async () => {
    const caches = vaults.all().flatMap(v => (v.cache ? [v.cache] : []));
    await Promise.all(caches.map(c => c.clear()));
    log.info(`Cleared the index cache of ${caches.length} folder(s): the next opening indexes from the files`);
    void vscode.window.showInformationMessage(caches.length > 0
      ? 'Marginalia: index cache cleared. The next opening reads every note again.'
      : 'Marginalia: this window has no index cache (open a folder or workspace to have one).');
  });
}
