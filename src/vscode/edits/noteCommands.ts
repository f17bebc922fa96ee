// The note commands of the palette: New Note, today's (yesterday's, tomorrow's) daily note,
// a random note, and copying the link to the active note. None overwrites a file: a note
// that exists is opened as it is.
import * as vscode from 'vscode';
import { plain } from '../messageText';
import { addDays, dailyNoteTarget } from '../../core/notes/dailyNote';
import { fillTemplate, newNoteText, planNewNote } from '../../core/notes/newNote';
import { wikiLinkTo } from '../../core/notes/wikiLinkTo';
import { linkTargetOf } from '../../core/views/mentionRows';
import { createNoteAt, exists } from './createNote';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

/** The vault a command works in: the active note's, the only one, or the one the user picks. */
async function chooseVault(vaults: Vaults): Promise<{ vault: Vault; fromPath?: string } | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const at = uri && vaults.locate(uri);
  if (at) return { vault: at.vault, fromPath: at.path };
  const inFolder = uri && vaults.vaultFor(uri);
  if (inFolder) return { vault: inFolder };
  const all = vaults.all();
  if (all.length <= 1) return all[0] && { vault: all[0] };
  const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder?' });
  const vault = folder && vaults.vaultFor(folder.uri);
  return vault && { vault };
}

function setting(vault: Vault, name: string): string {
  const value = vscode.workspace.getConfiguration('marginalia', vault.folder.uri).get<unknown>(name);
  return typeof value === 'string' ? value : '';
}

/** The template's text, or undefined (with a message naming it and saying what happens `instead`) when it cannot be read. */
export async function readTemplate(vault: Vault, settingName: string, instead = 'the note starts with its title only'): Promise<string | undefined> {
  const path = setting(vault, settingName).trim();
  if (path === '') return undefined;
  const uri = /^([a-z]:[\\/]|\/)/i.test(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(vault.folder.uri, path);
  // A cloned repository's settings must not copy any file it likes (a private key) into a note:
  // a template is read from inside its workspace folder only (and untrusted workspaces cannot
  // set it at all: package.json restrictedConfigurations).
  if (vault.host.relativePath(uri) === undefined) {
    void vscode.window.showWarningMessage(`Marginalia: the template ${plain(path)} (marginalia.${settingName}) is outside the workspace folder, ` +
      `so ${instead}: templates are read from inside the folder.`);
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    void vscode.window.showWarningMessage(`Marginalia: the template ${plain(path)} (marginalia.${settingName}) could not be read, ` +
      `so ${instead}: ${plain(e instanceof Error ? e.message : String(e))}`);
    return undefined;
  }
}

/** Creates the note unless it exists, then opens it. `existed` says which. */
async function createAndOpen(vault: Vault, target: string, options: { fromPath?: string; folder?: string }, templateSetting: string, now: Date) {
  const plan = planNewNote(target, options);
  if (!plan.ok) {
    void vscode.window.showWarningMessage(`Marginalia: cannot create "${plain(target)}": ${plain(plan.reason)}.`);
    return undefined;
  }
  const uri = vault.host.uriOf(plan.path);
  let existed = await exists(uri);
  if (!existed) {
    const template = await readTemplate(vault, templateSetting);
    const text = template === undefined ? newNoteText(plan.title) : fillTemplate(template, { title: plan.title, now });
    const created = await createNoteAt(vault, plan.path, text);
    if (!created) {
      void vscode.window.showErrorMessage(`Marginalia: VS Code did not create ${plain(plan.path)}.`);
      return undefined;
    }
    existed = created.existed;
  }
  await vscode.window.showTextDocument(uri);
  return { uri, existed };
}

async function newNote(vaults: Vaults, title?: string): Promise<vscode.Uri | undefined> {
  const at = await chooseVault(vaults);
  if (!at) {
    void vscode.window.showWarningMessage('Marginalia: open a folder first: a new note goes into a workspace folder.');
    return undefined;
  }
  const name = title ?? await vscode.window.showInputBox({
    title: 'New Note', prompt: 'The title of the note (a folder may come first: papers/New Idea)', placeHolder: 'Title',
    validateInput: value => {
      if (value.trim() === '') return undefined;
      const plan = planNewNote(value, { fromPath: at.fromPath, folder: setting(at.vault, 'newNoteFolder') });
      return plan.ok ? undefined : plan.reason;
    },
  });
  if (name === undefined || name.trim() === '') return undefined;
  const opened = await createAndOpen(at.vault, name, { fromPath: at.fromPath, folder: setting(at.vault, 'newNoteFolder') }, 'newNoteTemplate', new Date());
  if (opened?.existed) void vscode.window.setStatusBarMessage(`Marginalia: ${vscode.workspace.asRelativePath(opened.uri)} already exists: opened it`, 5000);
  return opened?.uri;
}

async function openDailyNote(vaults: Vaults, days: number): Promise<vscode.Uri | undefined> {
  const at = await chooseVault(vaults);
  if (!at) return undefined;
  const now = new Date();
  const day = addDays(now, days);
  const folderSetting = vscode.workspace.getConfiguration('marginalia', at.vault.folder.uri).get<unknown>('dailyNoteFolder');
  const target = dailyNoteTarget(day, {
    folder: typeof folderSetting === 'string' ? folderSetting : undefined,
    format: setting(at.vault, 'dailyNoteFormat'),
  });
  return (await createAndOpen(at.vault, target, {}, 'dailyNoteTemplate', day))?.uri;
}

async function openRandomNote(vaults: Vaults): Promise<vscode.Uri | undefined> {
  const at = await chooseVault(vaults);
  if (!at) return undefined;
  const paths = [...at.vault.index.notes()].map(n => n.path).filter(p => p !== at.fromPath);
  if (paths.length === 0) {
    void vscode.window.showInformationMessage('Marginalia: there is no other note to open.');
    return undefined;
  }
  const uri = at.vault.host.uriOf(paths[Math.floor(Math.random() * paths.length)]);
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function copyWikiLink(vaults: Vaults): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const at = editor && vaults.locate(editor.document.uri);
  const note = at && at.vault.index.note(at.path);
  if (!editor || !at || !note) {
    void vscode.window.showWarningMessage('Marginalia: open a note of the workspace to copy a link to it.');
    return undefined;
  }
  const link = wikiLinkTo(linkTargetOf(at.vault.index, at.path), note.syntax.headings, editor.selection.start.line, !editor.selection.isEmpty);
  await vscode.env.clipboard.writeText(link);
  void vscode.window.setStatusBarMessage(`Marginalia: copied ${link}`, 4000);
  return link;
}

export function registerNoteCommands(vaults: Vaults): vscode.Disposable {
  const command = vscode.commands.registerCommand;
  return vscode.Disposable.from(
    command('marginalia.newNote', (title?: unknown) => newNote(vaults, typeof title === 'string' ? title : undefined)),
    command('marginalia.openDailyNote', () => openDailyNote(vaults, 0)),
    command('marginalia.openYesterdaysNote', () => openDailyNote(vaults, -1)),
    command('marginalia.openTomorrowsNote', () => openDailyNote(vaults, 1)),
    command('marginalia.openRandomNote', () => openRandomNote(vaults)),
    command('marginalia.copyWikiLink', () => copyWikiLink(vaults)),
  );
}
