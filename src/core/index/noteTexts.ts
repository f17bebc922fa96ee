// What the index knows of a note's text once it no longer keeps it: its length and a hash, so
// a text read back (from the host, or an open editor's unsaved text) can be told apart from the
// one its ranges were found in. A query that reads a changed text reindexes the note first:
// ranges are never applied to a text they were not found in.

/** Reads a note's text back: an open document's unsaved text, else the file through the host. Undefined when it cannot be read. */
export type TextReader = (path: string) => Promise<string | undefined>;

/** FNV-1a over the UTF-16 code units (with the length beside it, two texts alike by chance are a 1 in 4 billion case). */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** What the index knows of a text it does not keep: enough to tell whether a text read back is the one it indexed. */
export interface TextPrint {
  readonly length: number;
  readonly hash: number;
}

export function printOf(text: string): TextPrint {
  return { length: text.length, hash: textHash(text) };
}
