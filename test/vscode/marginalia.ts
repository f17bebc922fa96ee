// What the in-host suites share: the extension's test API, waiting for the index to
// catch up with an event, and writing notes into the run's fresh copy of the fixture.
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';

export const run = process.env.MARGINALIA_TEST_RUN === 'multi-root' ? 'multi-root' : 'single';

export async function marginalia(): Promise<MarginaliaApi> {
  const extension = vscode.extensions.getExtension<MarginaliaApi>('marginalia.marginalia');
  if (!extension) throw new Error('the Marginalia extension is not loaded');
  const api = await extension.activate();
  await api.ready();
  return api;
}

export function folder(name?: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const found = name === undefined ? folders[0] : folders.find(f => f.name === name);
  if (!found) throw new Error(`no workspace folder ${name ?? ''}`);
  return found.uri;
}

export function uriOf(path: string, folderName?: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(folderName), path);
}

export function lines(...text: string[]): string {
  return text.join('\n');
}

/** Whether a file (or folder) is on disk: tests of writes that must never overwrite check it. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A file's text as it is on disk (not as an editor may hold it). */
export async function textOf(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeNote(uri: vscode.Uri, text: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, typeof text === 'string' ? new TextEncoder().encode(text) : text);
}

/** Polls until `check` holds: the watcher and the edit debounce are asynchronous by design. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

export function backlinkSources(api: MarginaliaApi, path: string, folderName?: string): string[] {
  return api.indexFor(folder(folderName))!.backlinks(path).map(b => b.source).sort();
}

/** Deletes a folder the suite wrote, and waits until the index has let go of it too. */
export async function removeScratch(dir: string, folderName?: string): Promise<void> {
  await vscode.workspace.fs.delete(uriOf(dir, folderName), { recursive: true });
  const api = await marginalia();
  await waitFor(`${dir} has left the index`, () => {
    const index = api.indexFor(folder(folderName))!;
    return ![...index.notes()].some(n => n.path.startsWith(dir + '/')) && ![...index.attachments()].some(a => a.startsWith(dir + '/'));
  }, 60000); // a thousand deletions can outrun a loaded machine's file watcher for a while
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Reverts every note under `dir` with unsaved text (a rename's edits leave them so), so nothing of it outlives the files. */
export async function revertUnsaved(dir: string, folderName?: string): Promise<void> {
  const prefix = uriOf(dir, folderName).toString() + '/';
  for (const doc of vscode.workspace.textDocuments.filter(d => d.isDirty && d.uri.toString().startsWith(prefix))) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
