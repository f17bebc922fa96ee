// The engine's ranges (line/character, 0-based UTF-16, as VS Code counts) as VS Code's.
import * as vscode from 'vscode';
import type { Range } from '../core/syntax/types';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
