// The citation under the cursor, read by the scanner (so code, math and links are excluded as everywhere).
import type * as vscode from 'vscode';
import { scanNote } from '../../core/syntax/scanNote';
import type { CitationItem } from '../../core/syntax/types';

export function citationAt(doc: vscode.TextDocument, position: vscode.Position): CitationItem | undefined {
  const text = doc.getText();
  if (!text.includes('@')) return undefined;
  const offset = doc.offsetAt(position);
  return scanNote(text).citations?.find(c => c.range.startOffset <= offset && offset <= c.range.endOffset);
}
