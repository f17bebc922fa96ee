// Math in all four delimiter forms, drawn by KaTeX with the safety options of DESIGN.md §8.
import katexPlugin, { type MarkdownKatexOptions } from '@vscode/markdown-it-katex';
import type { KatexOptions } from 'katex';
import type MarkdownIt from 'markdown-it';
import { dollarBlockRule, mathBlockRule, mathInlineRule } from './mathRule';

/**
 * The plugin spreads its options into katex.renderToString, so KaTeX's own options ride along.
 * trust: false keeps \href, \url, \htmlClass and friends inert; maxSize and maxExpand cap
 * what a hostile formula can make KaTeX draw or expand; with throwOnError: false a bad formula
 * becomes KaTeX's escaped error mark; strict 'ignore' stops KaTeX logging a console warning
 * for every non-LaTeX character a note uses.
 */
export const KATEX_OPTIONS: KatexOptions = {
  throwOnError: false,
  trust: false,
  maxSize: 10,
  maxExpand: 1000,
  strict: 'ignore',
};

/**
 * KaTeX's HTML for a formula depends on its TeX, its form and the fixed options alone, so it is
 * kept: re-rendering a note as you type redraws only the formula being typed. Bounded; dropped
 * whole when full (a vault's formulas repeat far less than a page's re-renders do).
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 5000;

/**
 * KaTeX warns on the console, whatever `strict` says, when its fonts have no metrics for a
 * character (a hair or thin space typed inside `$…$`), and draws the character anyway: the
 * warning tells a reader nothing, and the CLI printed it without naming the note. Silenced
 * while a formula is drawn (synchronously); every other warning passes through.
 */
function withoutMetricWarnings<T>(draw: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('No character metrics ')) return;
    warn.apply(console, args);
  };
  try {
    return draw();
  } finally {
    console.warn = warn;
  }
}

/** Forget every kept formula (the bench measures cold renders with it). */
export function clearMathCache(): void {
  drawn.clear();
}

function memo(type: string, draw: MarkdownIt.Renderer.RenderRule): MarkdownIt.Renderer.RenderRule {
  return (tokens, idx, options, env, self) => {
    const key = `${type}\u0000${tokens[idx]!.content}`;
    let html = drawn.get(key);
    if (html === undefined) {
      if (drawn.size >= MAX_DRAWN) drawn.clear();
      html = withoutMetricWarnings(() => draw(tokens, idx, options, env, self));
      drawn.set(key, html);
    }
    return html;
  };
}

export function math(md: MarkdownIt): void {
  md.use(katexPlugin, KATEX_OPTIONS as MarkdownKatexOptions);
  // The plugin's rule is not exported: wrap it where it stands, with the same interruptions.
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: Parameters<typeof dollarBlockRule>[0] }[] }).__rules__;
  const plugin = rules.find((rule) => rule.name === 'math_block')!.fn;
  md.block.ruler.at('math_block', dollarBlockRule(plugin), { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules['math_inline'] = memo('math_inline', md.renderer.rules['math_inline']!);
  // The plugin's display block drops token attributes: keep `data-line` (scroll sync) on it.
  for (const type of ['math_block', 'math_inline_block']) {
    const draw = memo(type, md.renderer.rules[type]!);
    md.renderer.rules[type] = (tokens, idx, options, env, self) => {
      const html = draw(tokens, idx, options, env, self);
      const line = tokens[idx]!.attrGet('data-line');
      return line === null ? html : html.replace(/^<p class="katex-block( katex-error)?"/, `$& data-line="${line}"`);
    };
  }
  // Before 'escape', which would otherwise read `\(` as an escaped parenthesis.
  md.inline.ruler.before('escape', 'math_backslash', mathInlineRule);
  // Placed and allowed to interrupt like the plugin's `$$` block.
  md.block.ruler.after('blockquote', 'math_bracket_block', mathBlockRule, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
