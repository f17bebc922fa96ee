// Text a note wrote (a title, path, heading, tag, citation key), put into a string VS Code reads
// as markup, made inert there: one function per kind of string, every caller goes through it.
// - Markdown (hovers, tooltips: `vscode.MarkdownString`): CommonMark backslash escapes.
// - Notifications (`show…Message`): not markdown — a backslash would show — but VS Code turns
//   `[label](command:id)`, `(https://…)`, `(file:…)` into a live link (its linkedText parser:
//   `[` label `](` target `)`, no escapes), so a note named `[Open](command:…)` would put a
//   command in our message.

/** ASCII punctuation that can start or end markup in CommonMark, GFM, VS Code's markdown ($ for math). */
const MARKDOWN_PUNCTUATION = /[\\`*_{}#+\-.!|<>~$"&=:%'@^]/g;
/** Written as character references instead: `\[` and `\(` open TeX math in our own renderer (the hover excerpt). */
const AS_REFERENCE = /[[\]()]/g;

/**
 * `text` as markdown that reads as written: every markup character escaped, and every run of
 * whitespace one space (a line break could start a block, four spaces a code block).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(MARKDOWN_PUNCTUATION, '\\$&').replace(AS_REFERENCE, c => `&#${c.charCodeAt(0)};`);
}

/**
 * `text` as a markdown code span: escapes do not work inside one, so the fence is one backtick
 * longer than the longest run in `text`, with a space inside when `text` starts or ends with one.
 */
export function markdownCodeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map(m => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(flat) || /^ .*[^ ].* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * `text` for a notification: a zero-width space between `]` and `(` breaks the one link pattern
 * VS Code's notifications know, while the text reads the same.
 */
export function plainMessageText(text: string): string {
  return text.replaceAll('](', ']\u200b(');
}
