// Broken and ambiguous links in the Problems panel, live while typing (the editor's text,
// saved or not): `marginalia.diagnostics` (warning / information / off) and
// `marginalia.diagnosticsScope` (openNotes / vault). What is wrong is decided in
// src/core/check/linkProblems.ts.
import * as vscode from 'vscode';
import { linkProblems, type LinkProblem } from '../../core/check/linkProblems';
import { isNotePath } from '../../core/index/paths';
import { scanNote } from '../../core/syntax/scanNote';
import { toRange } from '../ranges';
import type { Vaults } from '../vaults/vaults';

export const diagnosticSource = 'marginalia';

export function registerDiagnostics(vaults: Vaults): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('marginalia');
  const typing = new Map<string, ReturnType<typeof setTimeout>>();
  let everything: ReturnType<typeof setTimeout> | undefined;

  const settingsOf = (uri: vscode.Uri) => {
    const config = vscode.workspace.getConfiguration('marginalia', uri);
    return { severity: config.get<string>('diagnostics', 'warning'), scope: config.get<string>('diagnosticsScope', 'openNotes') };
  };

  const show = (uri: vscode.Uri, problems: readonly LinkProblem[], severity: string) => {
    const level = severity === 'information' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
    collection.set(uri, problems.map(p => {
      const d = new vscode.Diagnostic(toRange(p.link.range), p.message, level);
      d.source = diagnosticSource;
      d.code = p.kind;
      return d;
    }));
  };

  const checkDocument = (doc: vscode.TextDocument) => {
    const at = doc.languageId === 'markdown' ? vaults.locate(doc.uri) : undefined;
    if (!at || !isNotePath(at.path) || at.vault.indexing) return;
    const { severity } = settingsOf(doc.uri);
    if (severity === 'off') return collection.delete(doc.uri);
    show(doc.uri, linkProblems(at.vault.index, at.path, scanNote(doc.getText())), severity);
  };

  // Open notes at once; in vault scope the closed ones in slices, so a 10,000-note vault never
  // holds up typing; a newer round stops an older one. Files no longer checked lose their entries.
  let round = 0;
  const checkAll = () => {
    const mine = ++round;
    const checked = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      checked.add(doc.uri.toString());
      checkDocument(doc);
    }
    const closed: (() => void)[] = [];
    for (const vault of vaults.all()) {
      const { severity, scope } = settingsOf(vault.folder.uri);
      if (severity === 'off' || scope !== 'vault' || vault.indexing) continue;
      for (const note of vault.index.notes()) {
        const uri = vault.host.uriOf(note.path);
        if (checked.has(uri.toString())) continue;
        checked.add(uri.toString());
        closed.push(() => show(uri, linkProblems(vault.index, note.path, note.syntax), severity));
      }
    }
    const step = (from: number) => {
      if (mine !== round) return;
      const end = Math.min(from + 250, closed.length);
      for (let i = from; i < end; i++) closed[i]();
      if (end < closed.length) return void setTimeout(() => step(end), 0);
      const stale: vscode.Uri[] = [];
      collection.forEach(uri => { if (!checked.has(uri.toString())) stale.push(uri); });
      for (const uri of stale) collection.delete(uri);
    };
    step(0);
  };
  const checkAllSoon = () => {
    clearTimeout(everything);
    everything = setTimeout(checkAll, 150);
  };

  return vscode.Disposable.from(
    collection,
    // A keystroke is checked against its own text at once (a short pause folds a burst of keys).
    vscode.workspace.onDidChangeTextDocument(e => {
      if (e.contentChanges.length === 0) return;
      const key = e.document.uri.toString();
      clearTimeout(typing.get(key));
      typing.set(key, setTimeout(() => { typing.delete(key); checkDocument(e.document); }, 30));
    }),
    vscode.workspace.onDidOpenTextDocument(checkDocument),
    vscode.workspace.onDidCloseTextDocument(doc => {
      if (settingsOf(doc.uri).scope !== 'vault') collection.delete(doc.uri);
      else checkAllSoon();
    }),
    // Another note created, renamed or edited may mend or break this one's links.
    vaults.onDidChange(checkAllSoon),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('marginalia.diagnostics') || e.affectsConfiguration('marginalia.diagnosticsScope')) checkAllSoon();
    }),
    { dispose: () => { clearTimeout(everything); typing.forEach(clearTimeout); } },
  );
}
