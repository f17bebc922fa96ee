// `marginalia.renameTag` ("Rename Tag"): from the Tags view (an item with a `tag`), a command
// link (a tag string, `#` or not) or the palette (the tag at the cursor); asks for the new name
// and renames the tag and the tags below it in every note of its vault (a row's), else of every vault.
import * as vscode from 'vscode';
import { plain } from '../messageText';
import { isTagName, planTagRename } from '../../core/edits/renameTag';
import { atCursor } from '../editor/atCursor';
import { addChanges, catchUp } from './workspaceEdits';
import type { Vaults } from '../vaults/vaults';

export const renameTagCommand = 'marginalia.renameTag';

export function registerRenameTag(vaults: Vaults): vscode.Disposable {
  return vscode.commands.registerCommand(renameTagCommand, async (arg?: unknown, newName?: unknown) => {
    const tag = tagOf(arg) ?? tagAtCursor() ?? await vscode.window.showInputBox({ title: 'Rename Tag', prompt: 'The tag to rename', placeHolder: 'ml/transformers' });
    if (!tag?.replace(/^#/, '').trim()) return false;
    const name = tag.trim().replace(/^#/, '');
    const to = typeof newName === 'string' ? newName : await vscode.window.showInputBox({
      title: `Rename #${name}`, prompt: `New name for #${name} (tags below it follow)`, value: name,
      validateInput: v => isTagName(v.trim().replace(/^#/, '')) ? undefined : 'Letters, digits, _, - and / only, not all digits',
    });
    if (to === undefined) return false;
    const edit = new vscode.WorkspaceEdit();
    let total = 0;
    // A Tags view row names its vault (multi-root): rename there; else in every vault.
    const own = arg && typeof arg === 'object' ? (arg as { vault?: unknown }).vault : undefined;
    for (const vault of vaults.all().filter(v => own === undefined || v === own)) {
      await catchUp(vault);
      const plan = await planTagRename(vault.index, name, to);
      if (!plan.ok) {
        void vscode.window.showWarningMessage(`Marginalia: ${plain(plan.reason)}.`);
        return false;
      }
      addChanges(edit, vault, plan.changes, `Rename #${name}`);
      total += plan.changes.length;
    }
    if (total === 0) {
      void vscode.window.showInformationMessage(`Marginalia: no note carries #${plain(name)}.`);
      return false;
    }
    const done = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    if (!done) void vscode.window.showErrorMessage(`Marginalia: VS Code did not apply the rename of #${plain(name)}.`);
    return done;
  });
}

function tagOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { tag?: unknown }).tag === 'string') return (arg as { tag: string }).tag;
  return undefined;
}

function tagAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const here = atCursor(editor.document, editor.selection.active);
  return here?.kind === 'tag' ? here.tag.name : undefined;
}
