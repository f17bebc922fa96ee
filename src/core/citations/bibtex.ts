// BibTeX and BibLaTeX files, read in two steps (docs/citations.md, "The library"):
//
// 1. A first pass of our own over the whole file, here: it cuts the file at each line starting
//    with `@` (outside the previous entry's value, unless it reads as an entry's beginning), reads each entry's structure (`@type{key, field = value # macro, ...}`, braces,
//    quotes, `@string` macros, `@comment`, `@preamble`) and keeps what completion and the
//    checks need (key, type, authors, year, title, with LaTeX accents as Unicode, and the line).
//    A malformed entry is named by file and line; the others are used. citation-js took
//    0.9–1.2 s of CPU for 5,000 entries where this pass takes a tenth of it (measured in
//    docs/citations.md), which is why this is hand-written.
// 2. The full reading of one entry into CSL-JSON through citation-js (./bibtexFull), the first
//    time its `item` is read (a hover, a render, a literature note): the entry's text with the
//    `@string` definitions it uses. Entries whose text did not change since the last reading keep
//    their full reading (`memo`: Zotero rewrites the whole export on every edit).
import { commands, defaultStrings, diacritics } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import type { CslItem, CslName, LibraryEntry, ParsedBibliography } from './types';

/** One entry's full reading, computed once. */
export class FullReading {
  private value: CslItem | undefined;
  constructor(
    private readonly text: string,
    private readonly brief: CslItem,
  ) {}

  get item(): CslItem {
    if (!this.value) {
      try {
        const full = bibtexFull().fullItem(this.text, this.brief.id);
        this.value = full ? { ...full, id: this.brief.id } : this.brief;
      } catch {
        // The first pass read it; citation-js did not: what the first pass read is shown.
        this.value = this.brief;
      }
    }
    return this.value;
  }
}

/** An entry's text -> what was read from it (kept across reloads of a file). */
export type BibtexMemo = Map<string, Remembered>;

interface Remembered {
  readonly brief: CslItem;
  readonly reading: FullReading;
  /** The macros the entry uses and their values then: the entry is read again when one changed. */
  readonly used: readonly string[];
  readonly values: readonly (string | undefined)[];
}

// citation-js (about 650 KB bundled) is required on first use, not imported: esbuild keeps it in
// its own file (dist/bibtex.js), so neither activation nor the first pass loads it.
type Full = typeof import('./bibtexFull');
let full: Full | undefined;
function bibtexFull(): Full {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (full ??= require('./bibtexFull') as Full);
}

class BibEntry implements LibraryEntry {
  constructor(
    readonly brief: CslItem,
    private readonly reading: FullReading,
    readonly file: string,
    readonly line: number,
  ) {}
  get item(): CslItem {
    return this.reading.item;
  }
}

class Malformed extends Error {}

/** BibTeX's entry types -> CSL's, for the first pass (the full reading maps every field). */
const CSL_TYPE: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  booklet: 'book',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  incollection: 'chapter',
  inbook: 'chapter',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  online: 'webpage',
  www: 'webpage',
  manual: 'book',
  proceedings: 'book',
};

const KEY_STOP: boolean[] = [];
for (const c of ' \t\n\r\f\v,{}()') KEY_STOP[c.charCodeAt(0)] = true;

/** The fields the first pass keeps. */
const KEPT = new Set(['title', 'author', 'editor', 'year', 'date']);

const ENTRY_START = /^[ \t]*@/gm;
/** Characters that end a name (an entry type, a field name, a macro): white space and `"#%'(),={}`. */
const STOP: boolean[] = [];
for (const c of ' \t\n\r\f\v"#%\'(),={}') STOP[c.charCodeAt(0)] = true;

/** Reads one `@...` chunk of a file: its type, key and the kept fields' raw values. */
class EntryScanner {
  text = '';
  at = 0;
  /** Macros this entry uses (lowercased names). */
  used: string[] = [];
  /** The kept fields' values (raw LaTeX), by lowercased name. */
  kept = new Map<string, string>();
  constructor(private readonly macros: ReadonlyMap<string, string>) {}

  /** Starts on the next chunk (one scanner reads the whole file). */
  reset(text: string): void {
    this.text = text;
    this.at = text.indexOf('@') + 1;
    if (this.used.length) this.used = [];
    if (this.kept.size) this.kept = new Map();
  }

  space(): void {
    const text = this.text;
    let at = this.at;
    for (let c = text.charCodeAt(at); c === 32 || (c >= 9 && c <= 13); c = text.charCodeAt(++at));
    this.at = at;
  }

  name(what: string): string {
    this.space();
    const text = this.text;
    const start = this.at;
    let at = start;
    while (at < text.length && !STOP[text.charCodeAt(at)]) at++;
    if (at === start) throw new Malformed(`expected ${what} at ${this.where()}`);
    this.at = at;
    return text.slice(start, at);
  }

  where(): string {
    const before = this.text.slice(0, this.at);
    const line = before.split('\n').length;
    const found = this.at < this.text.length ? `“${this.text[this.at]}”` : 'the end of the entry';
    return `line ${line} of the entry (found ${found})`;
  }

  expect(char: string): void {
    this.space();
    if (this.text[this.at] !== char) throw new Malformed(`expected “${char}” at ${this.where()}`);
    this.at++;
  }

  /** `{...}` with nested braces; `this.at` on the `{`. Returns the inside. */
  braced(): string {
    const start = this.at + 1;
    let depth = 0;
    for (let i = this.at; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === 123 /* { */) depth++;
      else if (c === 125 /* } */ && --depth === 0) {
        this.at = i + 1;
        return this.text.slice(start, i);
      }
    }
    throw new Malformed('a “{” is never closed (before the next entry)');
  }

  /** `"..."`, where a `"` inside braces does not end it. */
  quoted(): string {
    const start = this.at + 1;
    let depth = 0;
    for (let i = start; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 123) depth++;
      else if (c === 125) depth--;
      else if (c === 34 /* " */ && depth === 0) {
        this.at = i + 1;
        return this.text.slice(start, i);
      }
    }
    throw new Malformed('a “"” is never closed (before the next entry)');
  }

  /** A field's value: pieces joined by `#`, macros expanded (an unknown macro is empty, as in BibTeX). */
  value(keep: boolean): string {
    let out = '';
    for (;;) {
      this.space();
      const c = this.text[this.at];
      if (c === '{') {
        const inside = this.braced();
        if (keep) out += inside;
      } else if (c === '"') {
        const inside = this.quoted();
        if (keep) out += inside;
      } else {
        const piece = this.name('a value');
        if (/^\d+$/.test(piece)) out += piece;
        else {
          const macro = piece.toLowerCase();
          this.used.push(macro);
          out += this.macros.get(macro) ?? defaultStrings[macro] ?? '';
        }
      }
      this.space();
      if (this.text[this.at] !== '#') return out;
      this.at++;
    }
  }

  /** `name = value` pairs up to the closing `close`; those `keep` holds (all when undefined) go to `kept`. */
  fields(close: string, keep?: ReadonlySet<string>): void {
    for (;;) {
      this.space();
      if (this.text[this.at] === close) {
        this.at++;
        return;
      }
      const name = this.name('a field name').toLowerCase();
      this.expect('=');
      const kept = !keep || keep.has(name);
      const value = this.value(kept);
      if (kept) this.kept.set(name, value);
      this.space();
      const c = this.text[this.at];
      if (c === ',') this.at++;
      else if (c !== close) throw new Malformed(`expected “,” or “${close}” after field ${name} at ${this.where()}`);
    }
  }
}

/** `@type{` or `@type(` at `at` (after blanks): what only an entry's beginning reads like. */
const ENTRY_HEADER = /[ \t]*@[ \t]*[A-Za-z][^\s"#%'(),={}]*\s*[{(]/y;

/**
 * Whether `at` lies inside the entry starting at `from`: within its braces (or parentheses), or in a
 * quoted value, as BibTeX reads them.
 */
function insideEntry(text: string, from: number, at: number): boolean {
  let i = from + 1;
  while (i < at && text[i] !== '{' && text[i] !== '(') i++;
  if (i >= at) return false;
  const parenthesized = text[i] === '(';
  let depth = 0;
  let quoted = false;
  for (i++; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */) {
      if (depth > 0) depth--;
      else if (!parenthesized) return false;
    } else if (c === 34 /* " */ && depth === 0) quoted = !quoted;
    else if (c === 41 /* ) */ && parenthesized && depth === 0 && !quoted) return false;
  }
  return true;
}

/**
 * Where entries start: at each line starting with `@`, except a line inside the previous entry's
 * value (an abstract may hold "@someone wrote") that does not read as an entry's beginning. A line
 * that does (`@article{`) always starts one: an entry whose brace is never closed is then named as
 * malformed and the rest of the file is still read.
 */
function entryStarts(text: string): number[] {
  const starts: number[] = [];
  for (let m = ENTRY_START.exec(text); m; m = ENTRY_START.exec(text)) {
    ENTRY_HEADER.lastIndex = m.index;
    const previous = starts[starts.length - 1];
    if (previous !== undefined && !ENTRY_HEADER.test(text) && insideEntry(text, previous, m.index)) continue;
    starts.push(m.index);
  }
  return starts;
}

/** The entries of one `.bib` file at `file` (vault-relative, for messages). */
export function parseBibtex(text: string, file: string, memo: BibtexMemo = new Map()): ParsedBibliography {
  const result: ParsedBibliography = { entries: [], problems: [] };
  const starts = entryStarts(text);
  /** Macro name -> its expanded value, and the `@string` text that defines it (for the full reading). */
  const macros = new Map<string, string>();
  const macroText = new Map<string, string>();
  const seen = new Set<string>();
  const scan = new EntryScanner(macros);
  let line = 0;
  let lineAt = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    for (let at = text.indexOf('\n', lineAt); at >= 0 && at < start; at = text.indexOf('\n', at + 1)) line++, (lineAt = at + 1);
    const known = memo.get(chunk);
    if (known && known.used.every((m, k) => macros.get(m) === known.values[k])) {
      seen.add(chunk);
      result.entries.push(new BibEntry(known.brief, known.reading, file, line));
      continue;
    }
    scan.reset(chunk);
    let key = '';
    try {
      const type = scan.name('an entry type').toLowerCase();
      if (type === 'comment') continue;
      scan.space();
      const open = chunk[scan.at];
      if (open !== '{' && open !== '(') throw new Malformed(`expected “{” after @${type}`);
      const close = open === '{' ? '}' : ')';
      if (type === 'preamble') {
        if (open === '{') scan.braced();
        continue;
      }
      scan.at++;
      if (type === 'string') {
        scan.fields(close);
        for (const [name, value] of scan.kept) macros.set(name, value), macroText.set(name, chunk);
        continue;
      }
      scan.space();
      const keyAt = scan.at;
      while (scan.at < chunk.length && !KEY_STOP[chunk.charCodeAt(scan.at)]) scan.at++;
      key = chunk.slice(keyAt, scan.at);
      if (!key) throw new Malformed('the entry has no key');
      scan.space();
      if (chunk[scan.at] === ',') scan.at++;
      else if (chunk[scan.at] !== close) throw new Malformed(`expected “,” after the key at ${scan.where()}`);
      scan.fields(close, KEPT);
      const brief = briefItem(key, type, scan.kept);
      // The full reading gets the entry with the @string definitions it uses (in file order).
      const defs = scan.used.length ? [...new Set(scan.used.map(m => macroText.get(m)).filter((t): t is string => t !== undefined))] : [];
      const fullText = defs.length ? `${defs.join('\n')}\n${chunk}` : chunk;
      const reading = new FullReading(fullText, brief);
      const used = [...new Set(scan.used)];
      memo.set(chunk, { brief, reading, used, values: used.map(m => macros.get(m)) });
      seen.add(chunk);
      result.entries.push(new BibEntry(brief, reading, file, line));
    } catch (error) {
      if (!(error instanceof Malformed)) throw error;
      result.problems.push({ file, line, message: `${key ? `entry ${key}: ` : ''}${error.message}` });
    }
  }
  // A memo never grows past the file.
  for (const old of memo.keys()) if (!seen.has(old)) memo.delete(old);
  return result;
}

function briefItem(id: string, type: string, fields: ReadonlyMap<string, string>): CslItem {
  const title = fields.get('title');
  const author = fields.get('author');
  const editor = fields.get('editor');
  const year = /\d{4}/.exec(fields.get('year') ?? fields.get('date') ?? '')?.[0];
  const item: { -readonly [K in keyof CslItem]: CslItem[K] } = { id, type: CSL_TYPE[type] ?? 'document' };
  if (title !== undefined) item.title = latexToText(title);
  if (author !== undefined) item.author = bibtexNames(author);
  if (editor !== undefined) item.editor = bibtexNames(editor);
  if (year !== undefined) item.issued = { 'date-parts': [[Number(year)]] };
  return item;
}

// ---- LaTeX to text (titles and names) ---------------------------------------------------------

const ACCENT_SYMBOL = /\\([`'^~=."])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g;
const ACCENT_LETTER = /\\([uvHcdbkrt])(?:\s+(\\?[A-Za-z])|\s*\{\s*(\\?[A-Za-z])\s*\})/g;
const COMMAND = /\\([A-Za-z]+)(?:\{\}|\s*)/g;
const ESCAPED = /\\([&%$#_{}\\ ])/g;
const OPEN = '\uE000';
const CLOSE = '\uE001';

function accented(mark: string, base: string): string {
  const letter = base === '\\i' ? 'i' : base === '\\j' ? 'j' : base.replace('\\', '');
  return `${letter}${diacritics[mark] ?? ''}`;
}

/** `{\"u}ber \emph{alles} --- \'{e}t\'e` -> `über alles — été`: accents as Unicode, braces gone. */
export function latexToText(tex: string): string {
  if (!/[\\~$`'-]/.test(tex)) return tex.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  return tex
    .replace(ACCENT_SYMBOL, (_, mark: string, a?: string, b?: string) => accented(mark, (a ?? b)!))
    .replace(ACCENT_LETTER, (_, mark: string, a?: string, b?: string) => accented(mark, (a ?? b)!))
    .replace(ESCAPED, (_, c: string) => (c === '{' ? OPEN : c === '}' ? CLOSE : c === '\\' ? ' ' : c))
    .replace(COMMAND, (_, name: string) => (commands[name] !== undefined ? commands[name]! : ''))
    .replace(/[{}$]/g, '')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/~/g, '\u00A0')
    .replace(/\uE000/g, '{')
    .replace(/\uE001/g, '}')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
    .normalize('NFC');
}

/** Splits `text` at `sep` (a sticky regex) outside braces. */
function splitTopLevel(text: string, sep: RegExp): string[] {
  if (!text.includes('{')) return text.split(PLAIN.get(sep)!).map(p => p.trim());
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m) {
        parts.push(text.slice(from, i));
        from = i + m[0].length;
        i = from - 1;
      }
    }
  }
  parts.push(text.slice(from));
  return parts.map(p => p.trim());
}

const AND = /\s+and\s+/iy;
const COMMA = /,/y;
const WORD_SPACE = /\s+/y;
/** The same separators for a text without braces (String.split). */
const PLAIN = new Map<RegExp, RegExp>([
  [AND, /\s+and\s+/i],
  [COMMA, /,/],
  [WORD_SPACE, /\s+/],
]);

/** Lowercase first letter outside braces: a "von" particle in BibTeX's name grammar. */
function isParticle(word: string): boolean {
  const m = /^[^A-Za-z{]*([A-Za-z])/.exec(word);
  return !!m && m[1] === m[1]!.toLowerCase() && !word.startsWith('{');
}

/** BibTeX's `author` field: "Last, First and First von Last and {Institution}". */
export function bibtexNames(field: string): CslName[] {
  const names: CslName[] = [];
  for (const raw of splitTopLevel(field.trim(), AND)) {
    if (!raw || raw.toLowerCase() === 'others') continue;
    if (/^\{[^]*\}$/.test(raw) && splitTopLevel(raw, WORD_SPACE).length === 1) {
      names.push({ literal: latexToText(raw) });
      continue;
    }
    const parts = splitTopLevel(raw, COMMA);
    // "First von Last" or "von Last, First" or "von Last, Jr, First": the "von" part is the run
    // of words starting in lowercase before the last word (as citation-js and BibTeX read it).
    const words = splitTopLevel(parts[0]!, WORD_SPACE);
    const lastWord = parts.length === 1 ? words.length - 1 : words.length;
    let von = words.findIndex((w, i) => i < words.length - 1 && isParticle(w));
    let vonEnd = von;
    if (von >= 0) while (vonEnd + 1 < words.length - 1 && isParticle(words[vonEnd + 1]!)) vonEnd++;
    let given: string;
    let family: string[];
    if (parts.length === 1) {
      given = words.slice(0, von >= 0 ? von : lastWord).join(' ');
      family = words.slice(von >= 0 ? vonEnd + 1 : lastWord);
    } else {
      given = parts.slice(parts.length === 3 ? 2 : 1).join(' ');
      family = words.slice(von >= 0 ? vonEnd + 1 : 0);
      if (von > 0) (von = -1), (family = words);
    }
    const particle = von >= 0 ? words.slice(von, vonEnd + 1).join(' ') : '';
    const name: CslName = {
      family: latexToText(family.join(' ')),
      ...(given.trim() && { given: latexToText(given) }),
      ...(particle && { 'non-dropping-particle': latexToText(particle) }),
    };
    names.push(name);
  }
  return names;
}
