// HTML comments while raw HTML is off. markdown-it would show `<!-- [[draft]] -->` as text
// and find the link in it; DESIGN.md §2 says nothing is found inside comments. These rules
// read comments by CommonMark's rules (a block: html block type 2; inline: a raw HTML
// comment) and render them as nothing. With `html: true` markdown-it's own rules do this.
import type MarkdownIt from 'markdown-it';

/** CommonMark's end condition for a comment block is a line that contains `-->`. */
function htmlCommentBlockRule(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith('<!--', start)) return false;
  if (silent) return true;

  let next = startLine + 1;
  if (!state.src.slice(start, state.eMarks[startLine]).includes('-->')) {
    for (; next < endLine; next++) {
      // A comment inside a list or quote ends with its container, but not at an outdented blank line.
      if (state.sCount[next]! < state.blkIndent && !state.isEmpty(next)) break;
      const text = state.src.slice(state.bMarks[next]! + state.tShift[next]!, state.eMarks[next]);
      if (text.includes('-->')) {
        next++;
        break;
      }
    }
  }
  state.line = next;
  const token = state.push('html_comment_block', '', 0);
  token.map = [startLine, next];
  token.content = state.getLines(startLine, next, state.blkIndent, true);
  return true;
}

interface CommentState extends MarkdownIt.StateInline {
  /**
   * The smallest position from which a search found no `-->` in the rest of the source: a
   * comment opening at or after it cannot close either (keeps `<!--` x 100k linear), while one
   * before it still may (link labels are scanned ahead, so searches do not come in order).
   */
  commentUnclosedFrom?: number;
}

/** Offset just past the comment that starts at `pos`, or -1 (CommonMark 0.31: `<!-->` and `<!--->` count). */
function commentEnd(state: CommentState): number {
  const { src, pos } = state;
  if (!src.startsWith('<!--', pos)) return -1;
  if (src.startsWith('>', pos + 4)) return pos + 5;
  if (src.startsWith('->', pos + 4)) return pos + 6;
  if (state.commentUnclosedFrom !== undefined && pos >= state.commentUnclosedFrom) return -1;
  const end = src.indexOf('-->', pos + 4);
  if (end < 0) state.commentUnclosedFrom = Math.min(pos, state.commentUnclosedFrom ?? pos);
  return end < 0 || end + 3 > state.posMax ? -1 : end + 3;
}

function htmlCommentInlineRule(state: CommentState, silent: boolean): boolean {
  const end = commentEnd(state);
  if (end < 0) return false;
  if (!silent) state.push('html_comment_inline', '', 0).content = state.src.slice(state.pos, end);
  state.pos = end;
  return true;
}

/**
 * A line that opens a comment block belongs to it whole, so text after `-->` on that line
 * (`<!-- note --> visible`) is kept, escaped, as CommonMark would pass it through.
 */
function textAround(content: string): string {
  return content.replace(/<!--(?:>|->|[\s\S]*?(?:-->|$))/g, '').trim();
}

export function htmlComments(md: MarkdownIt): void {
  if (md.options.html) return;
  md.block.ruler.before('html_block', 'html_comment_block', htmlCommentBlockRule, {
    alt: ['paragraph', 'reference', 'blockquote'],
  });
  md.inline.ruler.before('html_inline', 'html_comment_inline', htmlCommentInlineRule);
  md.renderer.rules['html_comment_block'] = (tokens, idx) => {
    const rest = textAround(tokens[idx]!.content);
    return rest === '' ? '' : `<p>${md.utils.escapeHtml(rest)}</p>\n`;
  };
  md.renderer.rules['html_comment_inline'] = () => '';
}
