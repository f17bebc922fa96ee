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
  // The host parses with one env and renders with another (VS Code's preview puts
  // `currentDocument` only in the second): links are resolved when rendering.
  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, options, env: Record<string, unknown> | undefined) => {
    if (env && env['resolveLink'] === undefined) Object.assign(env, resolveEnv(env) ?? {});
    return render(tokens, options, env);
  };
  return md.use(obsidianComments).use(wikiLinks).use(tags).use(sidenotes).use(callouts).use(mark);
}
