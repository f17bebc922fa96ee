// Every note of a real vault (../shared/vaults/garden, 1,186 notes nobody here wrote) drawn as the
// preview draws it: no visible text (outside code and math) holds a raw `[[…]]`, no title holds
// markup, and every `.katex-error` is listed with its source so each can be checked as a true TeX
// error, at the line:column where a note writes it (found in the scanner's reading of the same
// math: an erring formula the scanner does not see fails the test), and no callout marker or block
// id is visible (in the note, its embeds or its Backlinks section). An embed's header shows the author's label as written (one here ends in `^b18ef4`):
// it is held to show no link source instead. Skips when the vault is absent.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildIndex } from '../../../../src/core/index/build';
import { renderNotePage } from '../../../../src/core/render/page';
import { scanNote } from '../../../../src/core/syntax/scanNote';
import type { MathItem } from '../../../../src/core/syntax/types';
import { NodeVaultHost } from '../../../../src/node/nodeHost';
import { fixtureHost } from './fixtureVault';

const ROOT = path.resolve(__dirname, '../../../../..');
const GARDEN = [path.resolve(ROOT, '../shared/vaults/garden'), path.resolve(ROOT, '../../shared/vaults/garden')].find(p => fs.existsSync(p));

/** The text a reader sees: code, MathML (KaTeX's copy of the TeX) and tags removed, entities read. */
function visibleText(html: string): string {
  return html
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code[\s\S]*?<\/code>/g, ' ')
    .replace(/<math[\s\S]*?<\/math>/g, ' ')
    .replace(/<(span|p) class="(?:katex-block )?katex-error"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * Each KaTeX error of a page: its TeX and message. KaTeX marks a parse error itself (the message
 * in `title`, the TeX as text); the markdown-it plugin marks any other (the TeX in `title`).
 */
function katexErrorsOf(html: string): { tex: string; message: string }[] {
  return [...html.matchAll(/<(span|p) class="(?:katex-block )?katex-error"(?: data-line="\d+")? title="([^"]*)"[^>]*>([\s\S]*?)<\/\1>/g)].map(m => {
    const [title, body] = [decode(m[2]!), decode(m[3]!)];
    return /^(?:KaTeX |ParseError)/.test(title) ? { tex: body, message: title } : { tex: title, message: body };
  });
}

/** `path:line:column` of the first formula not yet listed whose TeX is `tex`, from the scanner's reading of the note. */
function placeOf(p: string, math: readonly MathItem[], used: Set<MathItem>, tex: string): string | undefined {
  // Compared without whitespace: KaTeX's error mark and the scanner keep a line's trailing spaces differently.
  const bare = (s: string) => s.replace(/\s+/g, '');
  const want = bare(tex);
  const found = math.find(m => !used.has(m) && bare(m.tex) === want) ?? math.find(m => !used.has(m) && bare(m.tex).includes(want));
  if (!found) return undefined;
  used.add(found);
  return `${p}:${found.range.start.line + 1}:${found.range.start.character + 1}`;
}

suite('a real vault drawn as the preview draws it', function () {
  this.timeout(600_000);
  test('no callout marker, block id, raw [[…]] or title with markup in what a reader sees; every KaTeX error listed', async function () {
    if (!GARDEN) {
      console.log('      (skipped: ../shared/vaults/garden is not on this machine)');
      this.skip();
    }
    const { index } = await buildIndex(new NodeVaultHost(GARDEN!));
    const problems: string[] = [];
    const katexErrors: string[] = [];
    let notes = 0;
    let everyFormula: Map<string, string> | undefined;
    const elsewhere = (tex: string) => {
      everyFormula ??= new Map([...index.notes()].reverse().flatMap(n => scanNote(index.textOf(n.path)!).math
        .map(m => [m.tex.replace(/\s+/g, ''), `${n.path}:${m.range.start.line + 1}:${m.range.start.character + 1}`] as [string, string])));
      const at = everyFormula.get(tex.replace(/\s+/g, ''));
      return at && `${at} (drawn in an embed or a backlink)`;
    };
    for (const { path: p, title } of [...index.notes()]) {
      notes++;
      if (/\[\[|\]\]|\*\*|`/.test(title)) problems.push(`${p}: title "${title}"`);
      const page = renderNotePage(index, fixtureHost, p, index.textOf(p)!);
      const errors = katexErrorsOf(page.html);
      if (errors.length) {
        const math = scanNote(index.textOf(p)!).math;
        const used = new Set<MathItem>();
        for (const e of errors) {
          // An embed or a Backlinks context draws another note's formula: found there.
          const place = placeOf(p, math, used, e.tex) ?? elsewhere(e.tex);
          if (!place) problems.push(`${p}: KaTeX error in a formula the scanner does not read: ${e.tex.slice(0, 80)}`);
          katexErrors.push(`${place ?? p}: ${e.tex.replace(/\s+/g, ' ').slice(0, 100)} — ${e.message.replace(/\s+/g, ' ').slice(0, 160)}`);
        }
      }
      for (const m of page.html.matchAll(/<div class="embed-header"><a [^>]*>([^<]*)<\/a>/g)) {
        if (/#\^|\||\[\[/.test(m[1]!)) problems.push(`${p}: embed header shows link source "${m[1]}"`);
      }
      const html = page.html.replace(/(<div class="embed-header"><a [^>]*>)[^<]*/g, '$1');
      for (const line of visibleText(html).split('\n')) {
        const text = line.trim();
        if (text === '') continue;
        if (/\[![A-Za-z-]+\]/.test(text)) problems.push(`${p}: callout marker in "${text.slice(0, 80)}"`);
        if (/(^|\s)\^[A-Za-z0-9-]+$/.test(text)) problems.push(`${p}: block id in "${text.slice(0, 80)}"`);
        if (/\[\[[^\]\n]+\]\]/.test(text)) problems.push(`${p}: raw link in "${text.slice(0, 80)}"`);
      }
    }
    console.log(`      (${notes} notes drawn; ${katexErrors.length} KaTeX errors${katexErrors.length ? ':\n        ' + katexErrors.join('\n        ') : ''})`);
    assert.ok(notes > 1000);
    assert.deepStrictEqual(problems, []);
  });
});
