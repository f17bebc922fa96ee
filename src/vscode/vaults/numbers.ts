// Counts as the user's locale writes them: `1,234 notes`, `3,200/10,000`.
import * as vscode from 'vscode';

let format: Intl.NumberFormat | undefined;

export function formatCount(n: number): string {
  format ??= numberFormat(vscode.env.language);
  return format.format(n);
}

function numberFormat(language: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(language);
  } catch {
    return new Intl.NumberFormat('en'); // a display language ICU does not know
  }
}
