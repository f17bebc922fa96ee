// GFM task lists: a list item starting `[ ] ` or `[x] ` shows a checkbox (read-only: the
// preview never writes to a note). Runs after the inline phase, on the item's first text.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const TASK = /^\[([ xX])\](?=\s|$)/;

function addClass(token: Token, name: string): void {
  const current = token.attrGet('class');
  token.attrSet('class', current ? `${current} ${name}` : name);
}

/** The list_open a list_item at `item` belongs to. */
function listOf(tokens: Token[], item: number): Token | undefined {
  const level = tokens[item]!.level - 1;
  for (let i = item - 1; i >= 0; i--) if (tokens[i]!.level === level) return tokens[i];
  return undefined;
}

function taskListRule(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open' || tokens[i + 1]!.type !== 'paragraph_open') continue;
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
    const list = listOf(tokens, i);
    if (list && !list.attrGet('class')?.includes('contains-task-list')) addClass(list, 'contains-task-list');
  }
}

export function taskLists(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'task_list', taskListRule);
  md.renderer.rules['task_checkbox'] = (tokens, idx) =>
    `<input type="checkbox" class="task-list-item-checkbox" disabled${(tokens[idx]!.meta as { checked: boolean }).checked ? ' checked' : ''}> `;
}
