// Test vaults written inline: `lines(...)` joins a note's lines, `vaultIndex` indexes files one by one.
import { NoteIndex } from '../../../../src/core/index/noteIndex';

export function lines(...text: string[]): string {
  return text.join('\n');
}

/** Upserts each file in turn (the incremental path); `.md` files are notes, others attachments. */
export function vaultIndex(files: Record<string, string>): NoteIndex {
  const index = new NoteIndex();
  for (const [path, text] of Object.entries(files)) index.upsert(path, text);
  return index;
}

/** Where each link of `source` points, as `target -> path` or `target -> placeholder:name`. */
export function linksOf(index: NoteIndex, source: string): string[] {
  return index.forwardLinks(source).map(l => {
    const r = l.resolution;
    return `${l.link.target} -> ${r.kind === 'placeholder' ? `placeholder:${r.name}` : r.path}`;
  });
}
