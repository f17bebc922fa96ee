// Two readers of frontmatter, one meaning: whatever the fast reader (frontmatter.ts) takes, the
// `yaml` package (yamlFrontmatter.ts) must read the same — fields, property links, offsets —
// over every fixture note, the sample vault, and thousands of frontmatters made of odd pieces.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readFrontmatterFields } from '../../../../src/core/syntax/frontmatter';
import { splitLines } from '../../../../src/core/syntax/lines';
import { randomNotes } from './helpers';

const root = path.resolve(__dirname, '../../../../..');

/** The closing fence's line, or undefined when the note has no frontmatter. */
function closeLine(text: string): { lines: ReturnType<typeof splitLines>; close: number } | undefined {
  const lines = splitLines(text, 0);
  const line = (i: number) => text.slice(lines.start[i], lines.end[i]).trimEnd();
  if (lines.count < 2 || line(0) !== '---') return undefined;
  for (let close = 1; close < lines.count; close++) if (line(close) === '---' || line(close) === '...') return { lines, close };
  return undefined;
}

/**
 * How the two readers differ on valid YAML, or undefined. (On YAML the package refuses, the fast
 * reader may still read the fields it knows: it skips other keys' values unread.)
 */
function difference(text: string): string | undefined {
  const block = closeLine(text);
  if (!block) return undefined;
  const yaml = readFrontmatterFields(text, block.lines, block.close, false);
  if ('error' in yaml) return undefined;
  const fast = readFrontmatterFields(text, block.lines, block.close, true);
  const a = JSON.stringify(fast);
  const b = JSON.stringify(yaml);
  return a === b ? undefined : `fast: ${a}\nyaml: ${b}`;
}

function notesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f));
}

const PIECES = [
  'title: ', 'aliases: ', 'tags: ', 'tag: ', 'alias: ', 'related: ', 'up: ', 'created: ', 'x', 'A b', '2024-01-02', '12', '"q"', "'s'",
  '"[[M]]"', "'[[N|l]]'", '"[[a#H]]"', '"[[b#^c]]"', '[[U]]', '[a, b]', '["#t", u]', '[]', '\n', '\n', '\n  - ', '\n- ', '\n  ', ' # c',
  '"é \\u00e9"', "'it''s'", '#x', ',', ' ', '~', 'null', ':', '"[[M]]" ', '"see [[M]]"', '\n# comment', '[[', ']]',
];

suite('scanner: the fast frontmatter reader agrees with the yaml package', () => {
  test('every fixture note and the sample vault', () => {
    const files = [...notesUnder(path.join(root, 'test/fixtures')), ...notesUnder(path.join(root, 'samples'))];
    const found = files.flatMap((f) => {
      const d = difference(fs.readFileSync(f, 'utf8'));
      return d ? [`${path.relative(root, f)}\n${d}`] : [];
    });
    assert.deepStrictEqual(found, []);
  });

  test('2,000 frontmatters assembled at random from YAML pieces', function () {
    this.timeout(30_000);
    const found: string[] = [];
    let taken = 0;
    for (const body of randomNotes(PIECES, 12, 2000, 9)) {
      const text = `---\n${body}\n---\nbody`;
      const block = closeLine(text);
      if (block && !('error' in readFrontmatterFields(text, block.lines, block.close, false))) taken++;
      const d = difference(text);
      if (d) found.push(`${JSON.stringify(text)}\n${d}`);
    }
    assert.ok(taken > 500, `only ${taken} of the frontmatters were valid YAML: the pieces test too little`);
    assert.deepStrictEqual(found.slice(0, 5), []);
  });
});
