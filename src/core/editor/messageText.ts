// Text from a note (a link target, a file name, a tag) shown in a VS Code notification. VS Code
// turns `[label](command:id)`, `(https://…)` and `(file:…)` inside a message into a link that
// runs or opens it on a click (its linkedText parser: `[` label `](` target `)`, no escapes), so
// a note named `[Open](command:workbench.action.terminal.new)` would put a live command in our
// message. A zero-width space between `]` and `(` keeps the text as written to the eye and
// breaks the one pattern that parser knows.
export function plainMessageText(text: string): string {
  return text.replaceAll('](', ']\u200b(');
}
