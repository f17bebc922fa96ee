// "Marginalia: Publish Vault…" (marginalia.publish): the vault as a static site
// (src/core/publish/), into a folder the user picks (remembered per workspace), with progress
// and a cancel button, then an offer to open it. The options are the `marginalia.publish.*`
// settings, mirroring the CLI's. The render stack loads on first use (renderEngine).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { refuseOutput, siteAssets, SiteFolder } from '../../node/siteFolder';
import { citationLibraries } from '../citations/libraries';
import { plain } from '../messageText';
import { renderEngine } from '../preview/renderEngine';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

const OUTPUT_KEY = 'marginalia.publish.output';

async function pickVault(vaults: Vaults): Promise<Vault | undefined> {
  const all = vaults.all();
  if (all.length <= 1) return all[0];
  const picked = await vscode.window.showQuickPick(all.map(v => ({ label: v.folder.name, vault: v })), { title: 'Publish which folder?' });
  return picked?.vault;
}

async function pickOutput(vault: Vault, state: vscode.Memento): Promise<vscode.Uri | undefined> {
  const remembered = state.get<Record<string, string>>(OUTPUT_KEY, {})[vault.folder.uri.toString()];
  const picked = await vscode.window.showOpenDialog({
    title: 'Marginalia: Publish Vault… (choose the site\'s folder)',
    openLabel: 'Publish Here',
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: remembered ? vscode.Uri.parse(remembered) : vault.folder.uri,
  });
  return picked?.[0];
}

/** Publishes a vault into `output` (asked for when not given); the site's folder, or undefined when nothing was published. */
export async function publishVault(vaults: Vaults, extensionUri: vscode.Uri, state: vscode.Memento, log: vscode.LogOutputChannel,
  output?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const vault = await pickVault(vaults);
  if (!vault) {
    void vscode.window.showInformationMessage('Open a folder of notes to publish it.');
    return undefined;
  }
  const out = output ?? await pickOutput(vault, state);
  if (!out) return undefined;
  if (out.scheme !== 'file' || vault.folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Marginalia publishes a folder on this computer into a folder on this computer; run `marginalia publish DIR OUT` where the notes are.');
    return undefined;
  }
  let refused = refuseOutput(vault.folder.uri.fsPath, out.fsPath, false);
  if (refused?.includes('--force')) {
    const anyway = output ? undefined : await vscode.window.showWarningMessage(
      `${plain(out.fsPath)} is not empty, and Marginalia did not make it. Publish into it anyway? Files of the same names are replaced.`, { modal: true }, 'Publish Anyway');
    refused = anyway ? refuseOutput(vault.folder.uri.fsPath, out.fsPath, true) : refused;
  }
  if (refused) {
    void vscode.window.showErrorMessage(`Cannot publish: ${plain(refused.replace(/, or --force to write into it anyway$/, ''))}.`);
    return undefined;
  }
  await state.update(OUTPUT_KEY, { ...state.get<Record<string, string>>(OUTPUT_KEY, {}), [vault.folder.uri.toString()]: out.toString() });
  await vaults.ready();
  const settings = vscode.workspace.getConfiguration('marginalia.publish', vault.folder.uri);
  const folder = new SiteFolder(out.fsPath);
  const started = performance.now();
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Publishing ${vault.folder.name}`, cancellable: true }, async (progress, token) => {
    folder.clearPrevious();
    let reported = 0;
    // The site's pages read every note synchronously: a copy of the index that keeps the texts, for this build only.
    const index = await vault.index.withTexts();
    const builder = new (renderEngine().SiteBuilder)({
      index,
      assets: siteAssets(path.join(extensionUri.fsPath, 'media')),
      readAttachment: async p => {
        try {
          return await vault.host.readFile(p);
        } catch {
          return undefined;
        }
      },
    }, {
      include: settings.get<string[]>('include', []),
      exclude: settings.get<string[]>('exclude', []),
      baseUrl: settings.get<string>('baseUrl', '') || undefined,
      title: settings.get<string>('title', '') || vault.folder.name,
      backlinks: settings.get<boolean>('backlinks', true),
      isCancelled: () => token.isCancellationRequested,
      onProgress: (done, total) => {
        progress.report({ message: `${done} of ${total} notes`, increment: ((done - reported) / Math.max(1, total)) * 100 });
        reported = done;
      },
      pause: () => new Promise(resolve => setImmediate(resolve)),
      warn: m => log.warn(`Publish: ${m}`),
      citations: citationLibraries()?.siteCitations(vault, p => index.textOf(p)),
    });
    return builder.build(folder);
  });
  if (result.cancelled) {
    log.info(`Publish of ${vault.folder.name} cancelled after ${result.notes} notes`);
    void vscode.window.showInformationMessage(`Publishing cancelled: ${plain(out.fsPath)} holds part of the site.`);
    return undefined;
  }
  log.info(`Published ${vault.folder.name}: ${result.notes} notes, ${result.tags} tags, ${result.attachments} attachments into ${out.fsPath} in ${Math.round(performance.now() - started)} ms`);
  if (!output) {
    void vscode.window.showInformationMessage(`Published ${result.notes} notes to ${plain(out.fsPath)}.`, 'Open in Browser', 'Reveal Folder').then(choice => {
      if (choice === 'Open in Browser') void vscode.env.openExternal(vscode.Uri.joinPath(out, 'index.html'));
      else if (choice === 'Reveal Folder') void vscode.commands.executeCommand('revealFileInOS', out);
    });
  }
  return out;
}

export function registerPublish(vaults: Vaults, extensionUri: vscode.Uri, state: vscode.Memento, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('marginalia.publish', (output?: vscode.Uri) =>
    publishVault(vaults, extensionUri, state, log, output instanceof vscode.Uri ? output : undefined));
}
