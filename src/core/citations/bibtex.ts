// BibTeX and BibLaTeX through @citation-js/plugin-bibtex (maintained, maps BibLaTeX to CSL-JSON
// as citeproc expects). The file is cut at each line starting with `@` and every entry parsed on
// its own: a malformed entry is named by file and line and the others are still used (the
// parser throws on the first error of a whole file), and an entry Zotero did not change since
// the last reading is taken from `memo` instead of being parsed again.
import { parse as parseFile } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { parse as toCsl } from '@citation-js/plugin-bibtex/lib/input/entries.js';
import type { CslItem, LibraryEntry, ParsedBibliography } from './types';

/** Entry text -> its items (a chunk may hold `@string` definitions and no item). */
export type BibtexMemo = Map<string, CslItem[]>;

const ENTRY_START = /^[ \t]*@/gm;

function firstLineOf(message: string): string {
  return message.split('\n', 1)[0]!.replace(/ at line \d+ col \d+:?$/, '');
}

/** The entries of one `.bib` file at `file` (vault-relative, for messages). */
export function parseBibtex(text: string, file: string, memo: BibtexMemo = new Map()): ParsedBibliography {
  const result: ParsedBibliography = { entries: [], problems: [] };
  const starts: number[] = [];
  for (let m = ENTRY_START.exec(text); m; m = ENTRY_START.exec(text)) starts.push(m.index);
  let line = 0;
  let lineAt = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    for (let at = text.indexOf('\n', lineAt); at >= 0 && at < start; at = text.indexOf('\n', at + 1)) line++, (lineAt = at + 1);
    if (/^[ \t]*@comment\b/i.test(chunk) || /^[ \t]*@preamble\b/i.test(chunk)) continue;
    let items = memo.get(chunk);
    if (!items) {
      try {
        items = toCsl(parseFile(chunk)) as unknown as CslItem[];
      } catch (error) {
        const label = /^[ \t]*@\w+\s*[{(]\s*([^,\s]*)/.exec(chunk)?.[1];
        result.problems.push({ file, line, message: `${label ? `entry ${label}: ` : ''}${firstLineOf((error as Error).message)}` });
        continue;
      }
      memo.set(chunk, items);
    }
    for (const item of items) {
      if (typeof item.id === 'string' && item.id !== '') result.entries.push({ item, file, line } satisfies LibraryEntry);
    }
  }
  return result;
}
