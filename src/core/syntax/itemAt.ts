// "Which link (or tag) is at this offset?", answered once for hover, F12, the cursor's
// commands (rename, references) and Follow Link: the item whose range holds the offset.

import type { Range } from './types';

/**
 * The item of `items` (links, tags, block ids of one note) whose range holds `offset`: from its
 * start up to its end, the end itself only when `endInclusive` (a caret just after `#tag`).
 */
export function itemAt<T extends { readonly range: Range }>(items: readonly T[], offset: number, endInclusive = false): T | undefined {
  return items.find(i => i.range.startOffset <= offset && (offset < i.range.endOffset || (endInclusive && offset === i.range.endOffset)));
}
