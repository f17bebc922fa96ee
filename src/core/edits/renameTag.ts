// F2 on a tag, or "Rename Tag": every occurrence of the tag and of the tags below it
// (`#ml` -> `#ai` makes `#ml/rl` `#ai/rl`), in the text and in frontmatter `tags:`.
import type { NoteQueries } from '../index/types';
import { scanNote } from '../syntax/scanNote';
import { rangeAt } from '../syntax/positions';
import { sortChanges, type TextChange } from './types';

export type TagRename = { readonly ok: true; readonly changes: TextChange[] } | { readonly ok: false; readonly reason: string };

/** `tag` and `newTag` with or without `#`. */
/** The tagged notes' texts are read first (back, where the index keeps none: a note changed on disk is reindexed by the read). */
export async function planTagRename(index: NoteQueries, tag: string, newTag: string): Promise<TagRename> {
  const from = tag.trim().replace(/^#/, '');
  const to = newTag.trim().replace(/^#/, '');
  if (from === '') return { ok: false, reason: 'no tag to rename' };
  if (!isTagName(to)) return { ok: false, reason: `"${newTag.trim()}" is not a tag: letters, digits, _, - and / only, not all digits` };
  const texts = await index.readTexts(index.notesWithTag(from, { nested: true }).map(o => o.path));
  const changes: TextChange[] = [];
  for (const { path, tag: item } of index.notesWithTag(from, { nested: true })) {
    const text = texts.get(path);
    if (text === undefined) continue;
    const written = text.slice(item.range.startOffset, item.range.endOffset);
    const at = written.indexOf(item.name);
    if (at < 0) continue;
    const start = item.range.startOffset + at;
    changes.push({ path, range: rangeAt(text, item.range, start, start + from.length), newText: to });
  }
  return { ok: true, changes: sortChanges(changes) };
}

/** Whether `#name` is one whole tag, as the scanner reads it. */
export function isTagName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.endsWith('/')) return false;
  const tags = scanNote('#' + name).tags;
  return tags.length === 1 && tags[0].name === name;
}
