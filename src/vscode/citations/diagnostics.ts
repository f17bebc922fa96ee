// Unknown citation keys in the notes open in the editor, as problems, with the closest keys of
// the library as quick fixes. Checked once the library is read (which the first note that cites
// anything starts), again while typing (debounced) and when the library changes.
import * as vscode from 'vscode';
import { unknownCitations } from '../../core/citations/unknownKeys';
import { scanNote } from '../../core/syntax/scanNote';
import type { CitationLibraries } from './libraries';
import type { Vaults } from '../vaults/vaults';

export const UNKNOWN_CITATION = 'unknown-citation';
const DELAY = 300;

export function registerCitationDiagnostics(vaults: Vaults, libraries: CitationLibraries): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('marginalia.citations');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const check = async (doc: vscode.TextDocument) => {
    const at = doc.languageId === 'markdown' ? vaults.locate(doc.uri) : undefined;
    if (!at) return;
    const citations = doc.getText().includes('@') ? scanNote(doc.getText()).citations ?? [] : [];
    if (citations.length === 0) return collection.delete(doc.uri);
    const library = await libraries.forNote(at.vault, at.path, doc.getText());
    if (doc.isClosed) return;
    const setting = vscode.workspace.getConfiguration('marginalia', doc.uri).get<string>('diagnostics', 'warning');
    if (setting === 'off') return collection.delete(doc.uri);
    const severity = setting === 'information' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
    collection.set(doc.uri, unknownCitations(citations, library).map(u => {
      const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(u.citation.range.startOffset), doc.positionAt(u.citation.range.endOffset)), u.message, severity);
      d.source = 'marginalia';
      d.code = UNKNOWN_CITATION;
      return d;
    }));
  };
  const later = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => { timers.delete(key); void check(doc); }, DELAY));
  };
  vscode.workspace.textDocuments.forEach(d => void check(d));
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(d => void check(d)),
    vscode.workspace.onDidChangeTextDocument(e => later(e.document)),
    vscode.workspace.onDidCloseTextDocument(d => collection.delete(d.uri)),
    libraries.onDidLoad(() => vscode.workspace.textDocuments.forEach(d => void check(d))),
    { dispose: () => timers.forEach(t => clearTimeout(t)) },
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, {
      async provideCodeActions(doc, _range, context) {
        const at = vaults.locate(doc.uri);
        const mine = context.diagnostics.filter(d => d.code === UNKNOWN_CITATION);
        if (!at || mine.length === 0) return [];
        const library = await libraries.forNote(at.vault, at.path, doc.getText());
        return mine.flatMap(d => {
          const written = doc.getText(d.range).replace(/^-?@\{?|\}$/g, '');
          return library.closestKeys(written).map((key, i) => {
            const action = new vscode.CodeAction(`Cite ${key}`, vscode.CodeActionKind.QuickFix);
            const keyStart = d.range.start.translate(0, doc.getText(d.range).indexOf(written));
            action.edit = new vscode.WorkspaceEdit();
            action.edit.replace(doc.uri, new vscode.Range(keyStart, keyStart.translate(0, written.length)), key);
            action.diagnostics = [d];
            action.isPreferred = i === 0;
            return action;
          });
        });
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
