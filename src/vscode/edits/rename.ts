// F2: on a link, renames the note it points to (the file, and every link to it); on a heading,
// the heading and every `[[note#Heading]]`; on a ^block-id, it and every `[[note#^id]]`; on a
// #tag, the tag in every note. The plans are made in src/core/edits/; this turns them into one
// WorkspaceEdit.
import * as vscode from 'vscode';
import { planLinkUpdates } from '../../core/edits/moveLinks';
import { headingTextRange, planBlockRename, planHeadingRename } from '../../core/edits/renameHeading';
import { planTagRename } from '../../core/edits/renameTag';
import { renamedPath } from '../../core/edits/newName';
import { fileNameOf, stripMd } from '../../core/index/paths';
import { atCursor } from '../editor/atCursor';
import { toRange } from '../ranges';
import { addChanges, catchUp } from './workspaceEdits';
import type { PlannedRenames } from './renameFiles';
import type { Vaults } from '../vaults/vaults';
import { exists } from './createNote';

export function registerRename(vaults: Vaults, planned: PlannedRenames): vscode.Disposable {
  return vscode.languages.registerRenameProvider({ language: 'markdown' }, {
    async prepareRename(doc, position) {
      const at = vaults.locate(doc.uri);
      const here = at && atCursor(doc, position);
      if (!at || !here) throw new Error('Place the cursor on a link, a heading or a #tag to rename it.');
      switch (here.kind) {
        case 'link': {
          const r = at.vault.index.resolve(here.link.target, at.path);
          if (r.kind === 'placeholder') throw new Error(`"${here.link.target}" is not written yet: there is no note to rename.`);
          const path = r.kind === 'self' ? at.path : r.path;
          const range = here.link.target === '' ? toRange(here.link.range) : toRange(here.link.targetRange);
          return { range, placeholder: r.kind === 'attachment' ? fileNameOf(path) : stripMd(fileNameOf(path)) };
        }
        case 'tag': {
          const written = doc.getText(toRange(here.tag.range));
          const at2 = written.indexOf(here.tag.name);
          const start = doc.positionAt(here.tag.range.startOffset + Math.max(0, at2));
          return { range: new vscode.Range(start, start.translate(0, here.tag.name.length)), placeholder: here.tag.name };
        }
        case 'heading': {
          const range = headingTextRange(doc.getText(), here.heading);
          if (!range) throw new Error('This heading has no text to rename.');
          return { range: toRange(range), placeholder: here.heading.text };
        }
        case 'block': {
          const start = doc.positionAt(here.block.range.startOffset + 1);
          return { range: new vscode.Range(start, doc.positionAt(here.block.range.endOffset)), placeholder: here.block.id };
        }
      }
    },

    async provideRenameEdits(doc, position, newName) {
      const at = vaults.locate(doc.uri);
      const here = at && atCursor(doc, position);
      if (!at || !here) return undefined;
      await catchUp(at.vault);
      const index = at.vault.index;
      if (here.kind === 'tag') {
        const plan = await planTagRename(index, here.tag.name, newName);
        if (!plan.ok) throw new Error(plan.reason);
        return addChanges(new vscode.WorkspaceEdit(), at.vault, plan.changes, `Rename #${here.tag.name}`);
      }
      if (here.kind === 'heading') {
        const heading = index.note(at.path)?.syntax.headings.find(h => h.range.startOffset === here.heading.range.startOffset);
        if (!heading) throw new Error('The heading moved while renaming: try again.');
        const plan = await planHeadingRename(index, at.path, heading, newName);
        if (!plan.ok) throw new Error(plan.reason);
        return addChanges(new vscode.WorkspaceEdit(), at.vault, plan.changes, `Rename heading "${heading.text}"`);
      }
      if (here.kind === 'block') {
        const block = index.note(at.path)?.syntax.blockIds.find(b => b.range.startOffset === here.block.range.startOffset);
        if (!block) throw new Error('The block moved while renaming: try again.');
        const plan = await planBlockRename(index, at.path, block, newName);
        if (!plan.ok) throw new Error(plan.reason);
        return addChanges(new vscode.WorkspaceEdit(), at.vault, plan.changes, `Rename ^${block.id}`);
      }
      if (here.kind !== 'link') return undefined;
      const r = index.resolve(here.link.target, at.path);
      if (r.kind === 'placeholder') return undefined;
      const from = r.kind === 'self' ? at.path : r.path;
      const to = renamedPath(from, newName);
      if (typeof to !== 'string') throw new Error(to.reason);
      const oldUri = at.vault.host.uriOf(from);
      const newUri = at.vault.host.uriOf(to);
      // The last word on leaving the folder is the resolved address's, whatever the name said.
      if (at.vault.host.relativePath(newUri) !== to) throw new Error(`"${newName}" would move the note out of its workspace folder.`);
      if (await exists(newUri)) throw new Error(`${to} already exists: Marginalia never overwrites a file.`);
      const edit = addChanges(new vscode.WorkspaceEdit(), at.vault, await planLinkUpdates(index, [{ from, to }]), `Rename ${from} to ${to}`);
      edit.renameFile(oldUri, newUri, { overwrite: false });
      // The links are in this edit already: the file-rename participant must not add them again.
      const mark = planned.add(oldUri, newUri);
      setTimeout(() => mark.dispose(), 60000);
      return edit;
    },
  });
}
