// CSL-JSON (Zotero's and Better BibTeX's other export): an array of items. An item without an
// `id`, or one that is not an object, is named by file and line; the rest are used.
import type { CslItem, ParsedBibliography } from './types';

/** 0-based line of each item's `"id"`, in order (JSON.parse gives no positions). */
function idLines(text: string): number[] {
  const lines: number[] = [];
  let line = 0;
  let from = 0;
  const re = /"id"\s*:/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let at = text.indexOf('\n', from); at >= 0 && at < m.index; at = text.indexOf('\n', at + 1)) line++, (from = at + 1);
    lines.push(line);
  }
  return lines;
}

export function parseCslJson(text: string, file: string): ParsedBibliography {
  const result: ParsedBibliography = { entries: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length - 1 : 0;
    result.problems.push({ file, line, message: `not valid JSON: ${(error as Error).message}` });
    return result;
  }
  if (!Array.isArray(data)) {
    result.problems.push({ file, line: 0, message: 'a CSL-JSON bibliography is an array of items' });
    return result;
  }
  const lines = idLines(text);
  let withId = 0;
  data.forEach((item: unknown, index) => {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') {
      result.problems.push({ file, line: lines[withId] ?? 0, message: `item ${index + 1} has no "id"` });
      return;
    }
    const line = lines[withId++] ?? 0;
    const full: CslItem = { ...(item as CslItem), id: String(id), type: String((item as { type?: unknown }).type ?? 'document') };
    result.entries.push({ item: full, brief: full, file, line });
  });
  return result;
}
