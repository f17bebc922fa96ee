// What both frontmatter readers (the fast one in frontmatter.ts, the `yaml` package in
// yamlFrontmatter.ts) hand back, and the rule that makes a property value a link.
import { parseWikiLink, type WikiLinkParts } from './wikiLink';
import type { YamlString } from './yamlValue';

/** A property value that may be a link (`related: "[[Movies]]"`), with the property it sits in. */
export interface PropertyValue {
  readonly property: string;
  readonly value: YamlString;
  /** The property's text in the note (its key line to the end of its value): a link's context. */
  readonly contextStart: number;
  readonly contextEnd: number;
}

export interface FrontmatterFields {
  title?: string;
  aliases: string[];
  tags: YamlString[];
  /** `bibliography` (a path or a list of them, as Pandoc reads it): the note's own reference files. */
  bibliography: string[];
  /** Values of every other property that are strings (list items included), in text order. */
  links: PropertyValue[];
}

/** The keys read as fields; every other key is a property whose values may be links. */
export const FIELD_KEYS: ReadonlySet<string> = new Set(['title', 'aliases', 'alias', 'tags', 'tag', 'bibliography']);

export function emptyFields(): FrontmatterFields {
  return { aliases: [], tags: [], bibliography: [], links: [] };
}

/**
 * The values of one property that may be links (they hold `[[`), each with the property's text
 * as its context: from the start of its key's line to the end of its last such value (closing
 * quote included), as both readers see it.
 */
export function propertyValues(src: string, property: string, lineStart: number, values: readonly YamlString[]): PropertyValue[] {
  const linky = values.filter(v => v.value.indexOf('[[') >= 0);
  if (linky.length === 0) return [];
  const last = linky[linky.length - 1];
  const q = src.charCodeAt(last.end);
  const contextEnd = last.end + (q === 0x22 || q === 0x27 ? 1 : 0);
  return linky.map(value => ({ property, value, contextStart: lineStart, contextEnd }));
}

/** A property link: the wiki-link's parts and where the whole link stands in the note. */
export interface PropertyLink {
  readonly parts: WikiLinkParts;
  readonly start: number;
  readonly end: number;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * A value is a link when it is one wiki-link and nothing else (`"[[Movies]]"`), as Obsidian reads
 * properties. Written verbatim, its parts carry their offsets in the note; a value with escapes
 * (`"[[caf\u00e9]]"`) is a link too, whose ranges are the whole value.
 */
export function propertyLink(src: string, value: YamlString): PropertyLink | undefined {
  if (value.value.indexOf('[[') < 0) return undefined;
  if (value.verbatim) {
    let start = value.start;
    let end = value.end;
    while (start < end && isBlank(src.charCodeAt(start))) start++;
    while (end > start && isBlank(src.charCodeAt(end - 1))) end--;
    if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5b) return undefined;
    const parts = parseWikiLink(src, start, end);
    return parts && parts.end === end ? { parts, start, end } : undefined;
  }
  const text = value.value.trim();
  if (!text.startsWith('[[')) return undefined;
  const parts = parseWikiLink(text, 0, text.length);
  if (!parts || parts.end !== text.length) return undefined;
  return { parts: { ...parts, targetStart: value.start, targetEnd: value.end }, start: value.start, end: value.end };
}
