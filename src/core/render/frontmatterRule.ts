// YAML frontmatter at the top of a note: one token that renders as nothing, so it neither
// renders as a setext heading (`title: x` over `---`) nor yields links or tags, while every
// later block keeps its true line numbers.
import type MarkdownIt from 'markdown-it';

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

export function frontmatterRule(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.parentType !== 'root') return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line]!, state.eMarks[line]);
  if (!OPEN.test(lineText(0))) return false;
  let close = 1;
  while (close < endLine && !CLOSE.test(lineText(close))) close++;
  if (close >= endLine) return false;
  if (silent) return true;

  const token = state.push('front_matter', '', 0);
  token.block = true;
  token.markup = '---';
  token.content = state.getLines(1, close, 0, true);
  token.map = [0, close + 1];
  state.line = close + 1;
  return true;
}

export function frontmatter(md: MarkdownIt): void {
  md.block.ruler.before('table', 'front_matter', frontmatterRule);
  md.renderer.rules['front_matter'] = () => '';
}
