// Applying planned changes to the vault they were planned on, so a test compares whole notes.
import type { NoteIndex } from '../../../../src/core/index/noteIndex';
import { applyChanges, type TextChange } from '../../../../src/core/edits/types';

/** Every changed note's new text, by (old) path. */
export function changedTexts(index: NoteIndex, changes: readonly TextChange[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of new Set(changes.map(c => c.path))) {
    out[path] = applyChanges(index.textOf(path)!, changes.filter(c => c.path === path));
  }
  return out;
}
