// The render fixtures' vault (test/fixtures/render/vault), indexed once, and helpers that
// make KaTeX's long output readable in expected files.
import * as fs from 'fs';
import * as path from 'path';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import type { PageHost } from '../../../../src/core/render/page';

export const fixtureRoot = path.resolve(__dirname, '../../../../../test/fixtures/render');
export const vaultRoot = path.join(fixtureRoot, 'vault');

export function fixtureIndex(): NoteIndex {
  const index = new NoteIndex();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(vaultRoot, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (rel.endsWith('.md')) index.upsert(rel, fs.readFileSync(path.join(vaultRoot, rel), 'utf8'));
      else index.addAttachment(rel);
    }
  };
  walk('');
  return index;
}

/** Addresses a reader can follow in the expected files: the vault path, `#` and the fragment. */
export const fixtureHost: PageHost = {
  noteHref: (p, fragment) => encodeURI(p) + (fragment === undefined ? '' : `#${encodeURIComponent(fragment)}`),
  imageSrc: p => `./${encodeURI(p)}`,
};

/** End of the element opening at `start` (a `<span`), counting nested spans. */
function spanEnd(html: string, start: number): number {
  let depth = 0;
  const re = /<span\b|<\/span>/g;
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0] === '</span>' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

/** Each KaTeX formula becomes `<katex>TeX</katex>`: what it says, not how KaTeX lays it out. */
export function readableMath(html: string): string {
  let out = '';
  let from = 0;
  for (let at = html.indexOf('<span class="katex">'); at >= 0; at = html.indexOf('<span class="katex">', from)) {
    const end = spanEnd(html, at);
    const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(html.slice(at, end))?.[1] ?? '?';
    out += html.slice(from, at) + `<katex>${tex.trim()}</katex>`;
    from = end;
  }
  return out + html.slice(from);
}
