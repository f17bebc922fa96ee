// Pandoc's citation cases (test/fixtures/citations/pandoc-cases.txt): the scanner's ranges and
// markdown-it's reading of each, both held to the fixture, so the two readers agree.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type Token from 'markdown-it/lib/token.mjs';
import type { CitationMeta } from '../../../../src/core/render/citationRender';
import { createMarkdown } from '../../../../src/core/render/markdown';
import { scanNote } from '../../../../src/core/syntax/scanNote';

const root = path.resolve(__dirname, '../../../../..');
const md = createMarkdown();

interface Case {
  readonly name: string;
  readonly text: string;
  readonly expected: string[];
}

function readCases(): Case[] {
  const all = fs.readFileSync(path.join(root, 'test/fixtures/citations/pandoc-cases.txt'), 'utf8');
  return all.split(/^## /m).slice(1).map(block => {
    const [head, ...rest] = block.split('\n');
    const [text, expected] = rest.join('\n').split(/^>>\s*/m);
    const lines = expected!.trim().split('\n').filter(l => l.trim() !== '');
    return { name: head!.trim(), text: text!.replace(/\n$/, ''), expected: lines[0] === 'none' ? [] : lines };
  });
}

function describe(line: number, key: string, group: string, cite: string, bracketed: boolean, suppress: boolean): string {
  return `L${line} ${key} "${group}" "${cite}"${bracketed ? '' : ' bare'}${suppress ? ' -author' : ''} |`;
}

function viaScanner(text: string): string[] {
  return (scanNote(text).citations ?? []).map(c =>
    describe(c.range.start.line, c.key, text.slice(c.group.startOffset, c.group.endOffset), text.slice(c.range.startOffset, c.range.endOffset), c.bracketed, c.suppressAuthor));
}

function viaMarkdownIt(text: string): string[] {
  const out: string[] = [];
  let line = 0;
  for (const token of md.parse(text, {})) {
    if (token.map) line = token.map[0];
    if (token.type !== 'inline') continue;
    for (const child of token.children ?? ([] as Token[])) {
      if (child.type !== 'citation') continue;
      const { group, source } = child.meta as CitationMeta;
      const lineOf = line + token.content.slice(0, group.start).split('\n').length - 1;
      for (const c of group.cites) {
        const parts = [c.prefix && `prefix=${c.prefix}`, c.locator && `locator=${c.locator}`, c.suffix && `suffix=${c.suffix}`].filter(Boolean).join(' ');
        const cite = source.slice(c.start - group.start, c.end - group.start);
        out.push(describe(lineOf, c.key, source, cite, group.bracketed, c.suppressAuthor) + (parts ? ` ${parts}` : ''));
      }
    }
  }
  return out;
}

suite('citations: Pandoc syntax, both readers', () => {
  for (const c of readCases()) {
    test(`scanner: ${c.name}`, () => {
      assert.deepStrictEqual(viaScanner(c.text), c.expected.map(e => e.replace(/ \|.*$/, ' |')));
    });
    test(`markdown-it: ${c.name}`, () => {
      assert.deepStrictEqual(viaMarkdownIt(c.text), c.expected.map(e => e.replace(/ \|\s*$/, ' |')));
    });
  }
});
