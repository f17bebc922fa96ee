// GFM task lists: a list item starting `[ ] ` or `[x] ` shows a checkbox (read-only: the
// preview never writes to a note). Runs after the inline phase, on the item's first text.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const TASK = /^\[([ xX])\](?=\s|$)/;

function addClass(token: Token, name: string): void {
  const current = token.attrGet('class');
  token.attrSet('class', current ? `${current} ${name}` : name);
}

function taskListRule(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  // The lists open around the current token, innermost last: an item's list is found at once
  // (searching back from each item made 40,000 items take 16 s).
  const lists: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.type;
    if (type === 'bullet_list_open' || type === 'ordered_list_open') lists.push(tokens[i]!);
    else if (type === 'bullet_list_close' || type === 'ordered_list_close') lists.pop();
    if (type !== 'list_item_open' || i + 2 >= tokens.length || tokens[i + 1]!.type !== 'paragraph_open') continue;
    const inline = tokens[i + 2]!;
    const first = inline.children?.[0];
    if (inline.type !== 'inline' || first?.type !== 'text') continue;
    const m = TASK.exec(first.content);
    if (!m) continue;
    first.content = first.content.slice(m[0].length).replace(/^[ \t]/, '');
    const box = new state.Token('task_checkbox', 'input', 0);
    box.meta = { checked: m[1] !== ' ' };
    inline.children!.unshift(box);
    addClass(tokens[i]!, 'task-list-item');
    const list = lists[lists.length - 1];
    if (list && !list.attrGet('class')?.includes('contains-task-list')) addClass(list, 'contains-task-list');
  }
}

export function taskLists(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'task_list', taskListRule);
  md.renderer.rules['task_checkbox'] = (tokens, idx) =>
    `<input type="checkbox" class="task-list-item-checkbox" disabled${(tokens[idx]!.meta as { checked: boolean }).checked ? ' checked' : ''}> `;
}
