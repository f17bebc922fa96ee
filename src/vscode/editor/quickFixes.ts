// Quick fixes for the link diagnostics: create the missing note (marginalia.createNote), pick
// one candidate of an ambiguous link (rewritten to a target only it answers to), or take one
// of the closest existing headings or block ids.
import * as vscode from 'vscode';
import { linkProblems, type LinkProblem } from '../../core/check/linkProblems';
import { subpathRange } from '../../core/edits/subpaths';
import { destinationFor, VaultPaths, wikiTargetFor } from '../../core/edits/targets';
import { folderOf } from '../../core/index/paths';
import { scanNote } from '../../core/syntax/scanNote';
import { toRange } from '../ranges';
import { createNoteCommand } from '../edits/createNote';
import { diagnosticSource } from './diagnostics';
import type { Vaults } from '../vaults/vaults';

export function registerQuickFixes(vaults: Vaults): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, {
    provideCodeActions(doc, _range, context) {
      const ours = context.diagnostics.filter(d => d.source === diagnosticSource);
      const at = ours.length > 0 ? vaults.locate(doc.uri) : undefined;
      if (!at) return [];
      const text = doc.getText();
      const problems = linkProblems(at.vault.index, at.path, scanNote(text));
      const actions: vscode.CodeAction[] = [];
      for (const d of ours) {
        const p = problems.find(x => x.kind === d.code && toRange(x.link.range).isEqual(d.range));
        if (p) actions.push(...fixesFor(p, d, doc, text, at.path, at.vault.index));
      }
      return actions;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}

type Index = NonNullable<ReturnType<Vaults['locate']>>['vault']['index'];

function fixesFor(p: LinkProblem, d: vscode.Diagnostic, doc: vscode.TextDocument, text: string, path: string, index: Index): vscode.CodeAction[] {
  const action = (title: string, preferred = false) => {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [d];
    a.isPreferred = preferred;
    return a;
  };
  switch (p.kind) {
    case 'missing-note': {
      const a = action(`Create note "${p.link.target}"`, true);
      a.command = { command: createNoteCommand, title: a.title, arguments: [p.link.target, doc.uri] };
      return [a];
    }
    case 'ambiguous': {
      const paths = new VaultPaths([...index.notes()].map(n => n.path), index.attachments());
      return (p.candidates ?? []).map((candidate, i) => {
        const a = action(`Link to ${candidate}`, i === 0);
        const raw = text.slice(p.link.targetRange.startOffset, p.link.targetRange.endOffset);
        const newText = p.link.kind === 'markdown'
          ? destinationFor(p.link.target, raw, text[p.link.targetRange.startOffset - 1] === '<', folderOf(path), candidate)
          : wikiTargetFor(p.link.target, { fromFolder: folderOf(path), path: candidate, attachment: false, paths });
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, toRange(p.link.targetRange), newText);
        return a;
      });
    }
    case 'missing-heading':
    case 'missing-block': {
      const range = subpathRange(text, p.link);
      if (!range) return [];
      return (p.suggestions ?? []).map((s, i) => {
        const a = action(p.kind === 'missing-block' ? `Change to ^${s}` : `Change to #${s}`, i === 0);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, toRange(range), s);
        return a;
      });
    }
    default:
      return [];
  }
}
