// YAML frontmatter: `---` on the first line, up to the next `---` (or `...`) line. Read:
// `title`, `aliases`/`alias`, `tags`/`tag`, `bibliography`, and every other property whose value is a wiki-link
// (`related: "[[Movies]]"`, or a list of them), which is a link like any other. A fast reader
// takes the shapes notes mostly use; on anything else the `yaml` package reads the block
// (yamlFrontmatter.ts), and only YAML it cannot read sets `error` (naming the line).
import { FIELD_KEYS, emptyFields, propertyLink, propertyValues, type FrontmatterFields } from './frontmatterFields';
import type { LineTable } from './lines';
import type { PackedLink, PackedTag, RangeWriter } from './packed';
import type { LineMap } from './positions';
import { asTagName } from './tagChars';
import type { Frontmatter, Span } from './types';
import { readScalar, readValue, YamlShapeError, type YamlString } from './yamlValue';
import { readYamlFrontmatter, splitWords } from './yamlFrontmatter';

export interface FrontmatterBlock {
  readonly frontmatter: Frontmatter;
  readonly tags: PackedTag[];
  /** Links in property values, in text order. */
  readonly links: PackedLink[];
  /** First line of the body. */
  readonly bodyLine: number;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** `---` (or, closing, `...`) alone on the line, trailing blanks allowed. */
function isFence(src: string, lines: LineTable, line: number, closing: boolean): boolean {
  const start = lines.start[line];
  let end = lines.end[line];
  while (end > start && isBlank(src.charCodeAt(end - 1))) end--;
  if (end - start !== 3) return false;
  const text = src.slice(start, end);
  return text === '---' || (closing && text === '...');
}

function lineError(line: number, message: string): YamlShapeError {
  return new YamlShapeError(`line ${line + 1}: ${message}`);
}

class FieldReader {
  readonly fields: FrontmatterFields = emptyFields();

  constructor(
    private readonly src: string,
    private readonly lines: LineTable,
    private readonly last: number,
  ) {}

  private firstNonBlank(line: number): number {
    let pos = this.lines.start[line];
    const end = this.lines.end[line];
    while (pos < end && isBlank(this.src.charCodeAt(pos))) pos++;
    return pos;
  }

  /** Blank or comment-only. */
  private isEmpty(line: number): boolean {
    const pos = this.firstNonBlank(line);
    return pos >= this.lines.end[line] || this.src.charCodeAt(pos) === 0x23;
  }

  private isListItem(pos: number, end: number): boolean {
    return this.src.charCodeAt(pos) === 0x2d && (pos + 1 >= end || isBlank(this.src.charCodeAt(pos + 1)));
  }

  read(first: number): void {
    let line = first;
    while (line < this.last) {
      if (this.isEmpty(line)) {
        line++;
        continue;
      }
      const start = this.lines.start[line];
      const end = this.lines.end[line];
      if (this.firstNonBlank(line) > start) throw lineError(line, 'indented text where a "key: value" was expected');
      const colon = this.keyEnd(start, end);
      if (colon < 0) throw lineError(line, 'expected "key: value"');
      const key = this.src.slice(start, colon).trim();
      if (FIELD_KEYS.has(key)) {
        line = this.readField(key, line, colon + 1);
        continue;
      }
      // Another property: read only when it may hold a link.
      const next = this.skipValue(line + 1);
      line = this.linkBefore(colon + 1, this.lines.end[next - 1]) ? this.readField(key, line, colon + 1) : next;
    }
  }

  /** The next `[[` at or after the last search's start: searches only move forward, so a note is searched once. */
  private nextOpen = -2;

  /** Whether `[[` stands in [start, end). */
  private linkBefore(start: number, end: number): boolean {
    if (this.nextOpen !== -1 && this.nextOpen < start) this.nextOpen = this.src.indexOf('[[', start);
    return this.nextOpen >= 0 && this.nextOpen < end;
  }

  /** Offset of the `:` that ends a plain key at the start of the line, or -1. */
  private keyEnd(start: number, end: number): number {
    const src = this.src;
    const first = src.charCodeAt(start);
    if (first === 0x2d || first === 0x5b || first === 0x7b || first === 0x22 || first === 0x27 || first === 0x3f) return -1;
    for (let i = start; i < end; i++) {
      if (src.charCodeAt(i) === 0x3a && (i + 1 >= end || isBlank(src.charCodeAt(i + 1)))) return i > start ? i : -1;
    }
    return -1;
  }

  /** Lines that belong to a skipped key's value: blank, indented, or `- ` items. */
  private skipValue(line: number): number {
    while (line < this.last) {
      const pos = this.firstNonBlank(line);
      if (!this.isEmpty(line) && pos === this.lines.start[line] && !this.isListItem(pos, this.lines.end[line])) break;
      line++;
    }
    return line;
  }

  private readField(key: string, line: number, valueStart: number): number {
    const src = this.src;
    let value: YamlString[] | YamlString | undefined;
    let next = line + 1;
    try {
      const inline = readValue(src, valueStart, this.lines.end[line]);
      if (inline.kind === 'string') value = inline.string;
      else if (inline.kind === 'list') value = [...inline.items];
    } catch (e) {
      if (e instanceof YamlShapeError) throw lineError(line, `${key}: ${e.message}`);
      throw e;
    }
    if (value === undefined) {
      // `key:` alone: a block list may follow, its items indented or not.
      const items: YamlString[] = [];
      for (; next < this.last; next++) {
        if (this.isEmpty(next)) continue;
        const pos = this.firstNonBlank(next);
        const end = this.lines.end[next];
        if (this.isListItem(pos, end)) {
          try {
            const item = readScalar(src, pos + 1, end);
            if (item) items.push(item);
          } catch (e) {
            if (e instanceof YamlShapeError) throw lineError(next, `${key}: ${e.message}`);
            throw e;
          }
        } else if (pos > this.lines.start[next]) {
          throw lineError(next, `${key}: a nested value (only a text or a list of texts is read)`);
        } else {
          break;
        }
      }
      if (items.length > 0) value = items;
    } else if (next < this.last && !this.isEmpty(next) && this.firstNonBlank(next) > this.lines.start[next]) {
      throw lineError(next, `${key}: a value over several lines (put it on one line)`);
    }
    if (FIELD_KEYS.has(key)) this.store(key, value, line);
    else if (value !== undefined) {
      const values = Array.isArray(value) ? value : [value];
      if (values.length > 0) this.fields.links.push(...propertyValues(src, key, this.lines.start[line], values));
    }
    return next;
  }

  private store(key: string, value: YamlString[] | YamlString | undefined, line: number): void {
    if (value === undefined) return;
    const fields = this.fields;
    if (key === 'title') {
      if (Array.isArray(value)) throw lineError(line, 'title: a list where one title was expected');
      fields.title = value.value.trim();
    } else if (key === 'aliases' || key === 'alias') {
      for (const v of Array.isArray(value) ? value : [value]) if (v.value.trim() !== '') fields.aliases.push(v.value.trim());
    } else if (key === 'bibliography') {
      for (const v of Array.isArray(value) ? value : [value]) if (v.value.trim() !== '') fields.bibliography.push(v.value.trim());
    } else if (Array.isArray(value)) {
      fields.tags.push(...value);
    } else {
      // `tags: ml, research` or `tags: ml research`: one string, several tags.
      fields.tags.push(...splitWords(value));
    }
  }
}

/** What the fast reader takes, or undefined when it meets a shape it does not (the `yaml` package reads those). */
function readFast(src: string, lines: LineTable, close: number): FrontmatterFields | undefined {
  const reader = new FieldReader(src, lines, close);
  try {
    reader.read(1);
  } catch (e) {
    if (!(e instanceof YamlShapeError)) throw e;
    return undefined;
  }
  return reader.fields;
}

/** The fields of the block between the fences, from the `yaml` package: for tests that hold the fast reader to it. */
export function readFrontmatterFields(src: string, lines: LineTable, close: number, fast: boolean): FrontmatterFields | { error: string; line: number } {
  const fields = fast ? readFast(src, lines, close) : undefined;
  if (fields) return fields;
  const reading = readYamlFrontmatter(src, lines.start[1], close > 1 ? lines.end[close - 1] : lines.start[1], 1);
  return 'fields' in reading ? reading.fields : reading;
}

/** Reads the frontmatter at the top of the note (after a BOM), or undefined when there is none. */
export function readFrontmatter(src: string, lines: LineTable, map: LineMap, ranges: RangeWriter): FrontmatterBlock | undefined {
  if (lines.count < 2 || !isFence(src, lines, 0, false)) return undefined;
  let close = 1;
  while (close < lines.count && !isFence(src, lines, close, true)) close++;
  if (close >= lines.count) return undefined; // unclosed: not frontmatter

  const range = map.range(lines.start[0], lines.end[close]);
  const bodyLine = close + 1;
  const read = readFrontmatterFields(src, lines, close, true);
  if ('error' in read) {
    return { frontmatter: { range, aliases: [], tags: [], error: read.error, errorLine: read.line }, tags: [], links: [], bodyLine };
  }
  const { title, aliases } = read;
  const context: Span = { startOffset: range.startOffset, endOffset: range.endOffset };
  const tags: PackedTag[] = [];
  for (const value of read.tags) {
    const name = asTagName(value.value.trim());
    if (name === undefined) continue;
    tags.push({ name, range: ranges.add(value.start, value.end), source: 'frontmatter', context });
  }
  const links: PackedLink[] = [];
  for (const { property, value, contextStart, contextEnd } of read.links) {
    const link = propertyLink(src, value);
    if (!link) continue;
    const { target, heading, block, label } = link.parts;
    const slot = ranges.add(link.start, link.end);
    ranges.add(link.parts.targetStart, link.parts.targetEnd); // the next slot: see PackedLink
    links.push({
      kind: 'wiki',
      target,
      ...(heading === undefined ? {} : { heading }),
      ...(block === undefined ? {} : { block }),
      ...(label === undefined ? {} : { label }),
      range: slot,
      context: { startOffset: contextStart, endOffset: contextEnd },
      property,
    });
  }
  const frontmatter: Frontmatter = {
    range,
    ...(title ? { title } : {}),
    aliases,
    tags: tags.map(t => t.name),
    ...(read.bibliography.length > 0 ? { bibliography: read.bibliography } : {}),
  };
  return { frontmatter, tags, links, bodyLine };
}
