// The reference reader of frontmatter: the `yaml` package, for whatever the fast reader
// (frontmatter.ts) does not take — block scalars, nested maps, a title that is a list, values
// over several lines, `key: [[X]]` (which YAML reads as a list in a list). One odd key never
// drops the others: each field takes what it can use from its value and leaves the rest.
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { FIELD_KEYS, emptyFields, propertyValues, type FrontmatterFields } from './frontmatterFields';
import type { YamlString } from './yamlValue';

// Loaded on first use: most vaults never need it, and a cold index should not pay its start-up.
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlModule ??= require('yaml') as typeof import('yaml'));
}
const isMap = (n: unknown): n is YAMLMap => yaml().isMap(n);
const isSeq = (n: unknown): n is YAMLSeq => yaml().isSeq(n);
const isScalar = (n: unknown): n is Scalar => yaml().isScalar(n);
const isPair = (n: unknown): n is Pair => yaml().isPair(n);

export type YamlReading = { readonly fields: FrontmatterFields } | { readonly error: string; readonly line: number };

/** A scalar's text and where it stands (inside its quotes); numbers and dates as written. */
function scalarString(src: string, base: number, node: Scalar): YamlString | undefined {
  if (node.value === null || node.value === undefined || !node.range) return undefined;
  let start = base + node.range[0];
  let end = base + node.range[1];
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start++;
    end--;
  }
  const written = src.slice(start, end);
  const plain = node.type === 'PLAIN' || node.type === undefined;
  // A plain scalar that YAML typed (`2024-03-01`, `12`, `true`) is text as written, as Obsidian shows it.
  const value = typeof node.value === 'string' ? node.value : plain ? written.trim() : String(node.value);
  return { value, start, end, verbatim: written === value };
}

/** `[[X]]` unquoted is a flow list in a flow list: a link, as Obsidian reads it. */
function flowLink(src: string, base: number, node: Node): YamlString | undefined {
  if (!isSeq(node) || !node.flow || !node.range || node.items.length !== 1 || !isSeq(node.items[0])) return undefined;
  const start = base + node.range[0];
  const end = base + node.range[1];
  const value = src.slice(start, end).trimEnd();
  return value.startsWith('[[') && value.endsWith(']]') ? { value, start, end: start + value.length, verbatim: true } : undefined;
}

/** Every string in a value, lists and maps walked, for the property links. */
function strings(src: string, base: number, node: unknown, out: YamlString[]): void {
  if (isScalar(node)) {
    const s = scalarString(src, base, node);
    if (s) out.push(s);
  } else if (isSeq(node) || isMap(node)) {
    const link = flowLink(src, base, node as Node);
    if (link) {
      out.push(link);
      return;
    }
    for (const item of node.items) strings(src, base, isPair(item) ? item.value : item, out);
  }
}

/** The strings a field takes: a scalar, or the scalars of a list (nested lists and maps left out). */
function fieldStrings(src: string, base: number, node: unknown): YamlString[] {
  if (isScalar(node)) {
    const s = scalarString(src, base, node);
    return s ? [s] : [];
  }
  if (!isSeq(node)) return [];
  const out: YamlString[] = [];
  for (const item of node.items) {
    if (!isScalar(item)) continue;
    const s = scalarString(src, base, item);
    if (s) out.push(s);
  }
  return out;
}

const WORD = /[^\s,]+/g;

/** `tags: ml, research`: one string, several tags, each with its own offsets when written verbatim. */
export function splitWords(value: YamlString): YamlString[] {
  const words: YamlString[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(value.value); m; m = WORD.exec(value.value)) {
    const start = value.verbatim ? value.start + m.index : value.start;
    const end = value.verbatim ? start + m[0].length : value.end;
    words.push({ value: m[0], start, end, verbatim: value.verbatim });
  }
  return words;
}

/**
 * Reads the YAML in [start, end) of `src` (the lines between the fences). `firstLine` is the
 * 0-based line of `start` in the note, so an error names the note's own line (counted from 1).
 */
export function readYamlFrontmatter(src: string, start: number, end: number, firstLine: number): YamlReading {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(src.slice(start, end), { uniqueKeys: false, lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = firstLine + lineCounter.linePos(error.pos[0]).line - 1;
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { error: `line ${line + 1}: ${message}`, line };
  }
  const fields = emptyFields();
  const contents = doc.contents;
  if (!isMap(contents)) return { fields };
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !pair.value) continue;
    const value = pair.value as Node;
    if (key === 'title') {
      // A list title: its first string.
      const first = fieldStrings(src, start, value).find(s => s.value.trim() !== '');
      if (first && fields.title === undefined) fields.title = first.value.trim();
    } else if (key === 'aliases' || key === 'alias') {
      for (const s of fieldStrings(src, start, value)) if (s.value.trim() !== '') fields.aliases.push(s.value.trim());
    } else if (key === 'bibliography') {
      for (const s of fieldStrings(src, start, value)) if (s.value.trim() !== '') fields.bibliography.push(s.value.trim());
    } else if (FIELD_KEYS.has(key)) {
      for (const s of fieldStrings(src, start, value)) fields.tags.push(...(isSeq(value) ? [s] : splitWords(s)));
    } else {
      const values: YamlString[] = [];
      strings(src, start, value, values);
      if (values.length === 0) continue;
      const keyStart = start + ((pair.key as Node).range?.[0] ?? 0);
      let lineStart = keyStart;
      while (lineStart > start && src.charCodeAt(lineStart - 1) !== 0x0a && src.charCodeAt(lineStart - 1) !== 0x0d) lineStart--;
      fields.links.push(...propertyValues(src, key, lineStart, values));
    }
  }
  return { fields };
}
