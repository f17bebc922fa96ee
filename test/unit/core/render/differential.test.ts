// One meaning, two readers (DESIGN.md §2): the index's scanner and the preview's markdown-it
// pipeline must find the same links and inline tags in every fixture note and in a generated
// 1,000-note vault. On a difference the test lists the first ones, with file and line.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectLinksAndTags, createMarkdown } from '../../../../src/core/render/markdown';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import { randomNotes } from '../syntax/helpers';

const root = path.resolve(__dirname, '../../../../..');
// The preview's setting: raw HTML on (through its sanitizer), so an HTML block is no markdown.
const md = createMarkdown({ html: true });

/**
 * A label in one spelling for both readers: markdown-it reads `\r\n` and `\r` as `\n` before
 * anything else, and a table cell reaches it with `\|` already made `|`; the scanner keeps
 * the text as written. Same label, either way.
 */
const sameSpelling = (label: string | undefined) => label?.replace(/\r\n?/g, '\n').replace(/\\\|/g, '|');

/** One comparable line per item: what both readers report, in text order. */
function viaScanner(text: string): string[] {
  const syntax = scanNote(text);
  return [
    // Frontmatter renders as nothing: its property links are the index's alone.
    ...syntax.links.filter((link) => link.property === undefined).map(({ kind, target, heading, block, label, range }) =>
      JSON.stringify({ line: range.start.line, kind, target, heading, block, label: sameSpelling(label) })),
    ...syntax.tags
      .filter((tag) => tag.source === 'inline')
      .map(({ name, range }) => JSON.stringify({ line: range.start.line, tag: name })),
  ];
}

function viaMarkdownIt(text: string): string[] {
  const found = collectLinksAndTags(md, text);
  return [
    ...found.links.map(({ kind, target, heading, block, label, line }) =>
      JSON.stringify({ line, kind, target, heading, block, label: sameSpelling(label) })),
    ...found.tags.map(({ name, line }) => JSON.stringify({ line, tag: name })),
  ];
}

/** `file:line: only the scanner / only markdown-it found {...}` for each item one reader lacks. */
function differences(file: string, text: string): string[] {
  const scanner = viaScanner(text);
  const markdownIt = viaMarkdownIt(text);
  const out: string[] = [];
  const report = (mine: string[], theirs: string[], who: string) => {
    const left = new Map<string, number>();
    for (const item of theirs) left.set(item, (left.get(item) ?? 0) + 1);
    for (const item of mine) {
      const n = left.get(item) ?? 0;
      if (n > 0) left.set(item, n - 1);
      else out.push(`${file}:${(JSON.parse(item) as { line: number }).line + 1}: only ${who} found ${item}`);
    }
  };
  report(scanner, markdownIt, 'the scanner');
  report(markdownIt, scanner, 'markdown-it');
  if (out.length === 0 && scanner.join('\n') !== markdownIt.join('\n')) {
    out.push(`${file}: same items in a different order`);
  }
  return out;
}

function markdownFiles(dir: string): string[] {
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return names.filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name)).sort();
}

function assertAgree(files: string[]): void {
  assert.ok(files.length > 0, 'no notes to compare');
  const found: string[] = [];
  for (const file of files) found.push(...differences(path.relative(root, file), fs.readFileSync(file, 'utf8')));
  assert.ok(found.length === 0, `${found.length} differences; the first ones:\n${found.slice(0, 25).join('\n')}`);
}

/** The bench's deterministic vault generator. */
function generator(): string {
  return path.join(root, 'bench/gen-vault.mjs');
}

/**
 * A 1,000-note vault in the temp folder, made once per version of the generator and reused;
 * built aside and renamed so a half-made one is never read.
 */
function vault(): string {
  const script = generator();
  const version = createHash('sha256').update(fs.readFileSync(script)).digest('hex').slice(0, 8);
  const dir = path.join(os.tmpdir(), `marginalia-vault-1000-42-${version}`);
  if (fs.existsSync(dir)) return dir;
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  execFileSync(process.execPath, [script, '1000', building, '42'], { stdio: 'ignore' });
  try {
    fs.renameSync(building, dir);
  } catch (error) {
    if (!fs.existsSync(dir)) throw error; // else another run made it first: use theirs
    fs.rmSync(building, { recursive: true, force: true });
  }
  fs.rmSync(`${building}.manifest.json`, { force: true });
  return dir;
}

// Pieces that make the two readers' corners meet: delimiters of code, math, comments, links,
// containers, escapes, line endings, references, footnotes. Inline footnotes (`^[`) are left out:
// where one runs into a link's brackets (`^[x](n.md)`, `^[[a]]`) markdown-it-footnote and the
// scanner still part ways (docs/render.md, known differences); the fixtures hold the plain cases.
const PIECES = [
  '[[a]]', '[[b|c]]', '![[d.png|3]]', '[[#h]]', '[[a#^b]]', '[[a\\|b]]', '[[x\ny]]', '#t', '#1', '#é', '#🚀',
  '#a/', '#/', '\\#', '&#35;', ' ', ' ', '\t', '\n', '\n', '\n\n', '\r\n', '\r', '  \n', '`', '``',
  '$', '$$', '$$\n', '\\(', '\\)', '\\[', '\\]', '\\', '\\\\', '\\|', '[', ']', '(', ')', '[x](n.md)',
  '](n.md)', '![x](n.md)', '[x](<n m.md>)', '[x](n.md "t")', '[x]( n.md )', '<n.md>', '<!--', '-->',
  '<!-- x -->', '\n<!--\n', '> ', '> > ', '- ', '* ', '+ ', '1. ', '2) ', '\t- ', '- [ ] ', '# ', '    ',
  '\n\n    ', '|', '| a |', '|---|', ':--', '---', '\n---\n', '===', 'a\n===', '```', '~~~', '~~', '**',
  'x', 'y', '*', '_', '<', '>', '!', '"', 'é', '<a>', '<div>', '&amp;', 'http://x.y/#z',
  '<http://x.y>', '\ufeff', '\u00a0', '\u3000', '[r]', '[r][]', '[t][r]', '\n[r]: n.md\n', '[r]: n.md#h "t"',
  '^', '[^1]', '\n[^1]: ', '\n[^1]: x [[a]]\n',
];

suite('render: scanner and markdown-it agree on every link and tag', () => {
  let vaultDir = '';
  suiteSetup(function () {
    this.timeout(60_000);
    vaultDir = vault();
  });

  test('the render fixtures (code, math, tables, quotes, comments, escapes, tags)', () => {
    assertAgree(markdownFiles(path.join(root, 'test/fixtures/render')));
  });

  test('the other test fixtures', () => {
    const all = markdownFiles(path.join(root, 'test/fixtures'));
    // The hostile corpus (test/fixtures/xss) is the sanitizer's, not notes: its named character
    // references in link destinations are decoded by markdown-it and not by the scanner (a known
    // difference, left to the work on link destinations).
    assertAgree(all.filter((file) => !file.includes(`${path.sep}render${path.sep}`) && !file.includes(`${path.sep}xss${path.sep}`)));
  });

  test('the sample vault', () => {
    assertAgree(markdownFiles(path.join(root, 'samples')));
  });

  test('3,000 notes assembled at random from tricky pieces', () => {
    const found: string[] = [];
    let index = 0;
    for (const text of randomNotes(PIECES, 40, 3000, 42)) {
      for (const difference of differences(`random note ${index++}`, text)) found.push(`${difference}\n    in ${JSON.stringify(text)}`);
    }
    assert.ok(found.length === 0, `${found.length} differences; the first ones:\n${found.slice(0, 10).join('\n')}`);
  });

  test('a generated 1,000-note vault', () => {
    const files = markdownFiles(vaultDir);
    assert.strictEqual(files.length, 1000);
    assertAgree(files);
  });
});
