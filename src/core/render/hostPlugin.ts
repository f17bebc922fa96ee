// The Marginalia rules added to someone else's markdown-it (VS Code's built-in Markdown
// preview, through `markdown.markdownItPlugins`): wiki-links, embeds, tags, `\( \)` and
// `\[ \]` math, callouts, highlights, %%comments%%, sidenotes. That instance has its own
// options and plugins, so only what it lacks is added; links are resolved per render by
// `resolveEnv` (from the document being rendered) and written as the host wants them.
import type MarkdownIt from 'markdown-it';
import mark from 'markdown-it-mark';
import { callouts } from './calloutRule';
import { math } from './math';
import { mathBlockRule, mathInlineRule } from './mathRule';
import { obsidianComments } from './obsidianCommentRule';
import { sidenotes } from './sidenoteRule';
import { tags } from './tagRule';
import type { RenderEnv } from './types';
import { wikiLinks } from './wikiLinkRule';

export function marginaliaPlugin(md: MarkdownIt, resolveEnv: (env: Record<string, unknown>) => RenderEnv | undefined): MarkdownIt {
  if (md.renderer.rules['math_inline']) {
    // KaTeX is there already (VS Code's markdown-math): add only the two delimiter forms it lacks.
    md.inline.ruler.before('escape', 'math_backslash', mathInlineRule);
    md.block.ruler.after('blockquote', 'math_bracket_block', mathBlockRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  } else {
    md.use(math);
  }
  md.core.ruler.before('normalize', 'marginalia_env', state => {
    const env = state.env as Record<string, unknown>;
    if (env['resolveLink'] === undefined) Object.assign(env, resolveEnv(env) ?? {});
  });
  return md.use(obsidianComments).use(wikiLinks).use(tags).use(sidenotes).use(callouts).use(mark);
}
