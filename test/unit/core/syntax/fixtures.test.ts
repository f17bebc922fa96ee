// Fixture notes in, expected items out, markdown-it style: each `test/fixtures/syntax/X.md`
// has `X.expected.txt` beside it, listing what the scanner finds, one item a line, in a form a
// person can read and check against the note.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import type { Span } from '../../../../src/core/syntax/types';
import { at } from './helpers';

const dir = path.resolve(__dirname, '../../../../../test/fixtures/syntax');

/** Text of a span on one line, shortened: enough to see which paragraph it is. */
function quote(text: string, span: Span): string {
  const flat = JSON.stringify(text.slice(span.startOffset, span.endOffset));
  return flat.length > 50 ? `${flat.slice(0, 47)}..."` : flat;
}

export function listing(text: string): string {
  const s = scanNote(text);
  const out: string[] = [`lines ${s.lineCount}`];
  if (s.title !== undefined) out.push(`title ${JSON.stringify(s.title)}`);
  if (s.frontmatter) {
    const { range, title, aliases, tags, error, errorLine } = s.frontmatter;
    out.push(`frontmatter ${at(range)} title=${JSON.stringify(title)} aliases=${JSON.stringify(aliases)} tags=${JSON.stringify(tags)}${error ? ` error=${JSON.stringify(error)} on line ${errorLine}` : ''}`);
  }
  for (const h of s.headings) out.push(`heading ${h.level} ${JSON.stringify(h.text)} #${h.slug} ${at(h.range)}`);
  for (const l of s.links) {
    const parts = [l.kind, JSON.stringify(l.target)];
    if (l.heading !== undefined) parts.push(`heading=${JSON.stringify(l.heading)}`);
    if (l.block !== undefined) parts.push(`block=${JSON.stringify(l.block)}`);
    if (l.label !== undefined) parts.push(`label=${JSON.stringify(l.label)}`);
    if (l.property !== undefined) parts.push(`property=${JSON.stringify(l.property)}`);
    if (l.reference !== undefined) parts.push(`reference=${JSON.stringify(l.reference)}`);
    out.push(`link ${parts.join(' ')} ${at(l.range)} target ${at(l.targetRange)} in ${quote(text, l.context)}`);
  }
  for (const t of s.tags) out.push(`tag ${JSON.stringify(t.name)} ${t.source} ${at(t.range)} in ${quote(text, t.context)}`);
  for (const b of s.blockIds) out.push(`block-id ${JSON.stringify(b.id)} ${at(b.range)} names ${quote(text, b.block)}`);
  for (const f of s.footnotes) out.push(`footnote ${f.kind} ${JSON.stringify(f.label)} ${at(f.range)}`);
  for (const m of s.math) out.push(`math ${m.delimiter}${m.display ? ' display' : ''} ${at(m.range)} ${JSON.stringify(m.tex)}`);
  for (const c of s.code ?? []) out.push(`code ${quote(text, c)}`);
  return out.join('\n') + '\n';
}

suite('scanner: fixture notes', () => {
  const notes = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));

  test('there are fixture notes', () => {
    assert.ok(notes.length >= 3);
  });

  for (const note of notes) {
    test(note, () => {
      const text = fs.readFileSync(path.join(dir, note), 'utf8');
      const expectedFile = path.join(dir, note.replace(/\.md$/, '.expected.txt'));
      const actual = listing(text);
      assert.ok(fs.existsSync(expectedFile), `no ${path.basename(expectedFile)}; the scanner finds:\n${actual}`);
      assert.strictEqual(actual, fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
