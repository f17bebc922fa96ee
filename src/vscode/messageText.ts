// The one escaping every notification built from note text goes through (DESIGN.md §8): a
// link target, note name, path or tag in `showInformationMessage` & co. is shown as plain text,
// never as a clickable `command:` link. `${plain(x)}` in a message, for every `x` a note wrote.
import { plainMessageText } from '../core/editor/inertText';

export function plain(text: string): string {
  return plainMessageText(text);
}
