// markdown-it's `[text](note.md)` tokens carry no source position. collectLinksAndTags needs
// each link's line and raw text as the scanner reports them, so this wraps the stock link
// rule (unchanged behaviour) and notes where each link it makes starts.
import MarkdownIt from 'markdown-it';

export interface MarkdownLinkMeta {
  /** Offset of `[` in the inline source. */
  readonly offset: number;
  /** The text between the brackets, as written. */
  readonly label: string;
}

/** The stock rule, taken through the public Ruler API from an instance that enables only it. */
function stockLinkRule(): MarkdownIt.ParserInline.RuleInline {
  const probe = new MarkdownIt();
  probe.inline.ruler.enableOnly(['link']);
  return probe.inline.ruler.getRules('')[0]!;
}

export function linkOffsets(md: MarkdownIt): void {
  const link = stockLinkRule();
  md.inline.ruler.at('link', (state, silent) => {
    const start = state.pos;
    const before = state.tokens.length;
    if (!link(state, silent)) return false;
    if (silent) return true;
    for (let i = before; i < state.tokens.length; i++) {
      const token = state.tokens[i]!;
      if (token.type !== 'link_open') continue;
      const afterLink = state.pos;
      const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
      state.pos = afterLink;
      const meta: MarkdownLinkMeta = { offset: start, label: state.src.slice(start + 1, labelEnd) };
      token.meta = meta;
      break;
    }
    return true;
  });
}
