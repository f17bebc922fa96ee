// `[text](other-note.md#heading)` is a link between notes (DESIGN.md §2): resolved by the
// host like a wiki-link, so it opens the same note and is marked the same way when missing.
// Every other markdown link passes safeHref.
import type MarkdownIt from 'markdown-it';
import { noteTarget } from '../syntax/noteLink';
import { safeHref } from './safeHref';
import type { RenderEnv } from './types';

export function noteLinkRender(md: MarkdownIt): void {
  const fallback = md.renderer.rules['link_open'] ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules['link_open'] = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const resolveLink = (env as RenderEnv | undefined)?.resolveLink;
    const note = resolveLink && noteTarget(token.attrGet('href') ?? '', '');
    const resolved = note && resolveLink!(note.target, note.heading);
    if (resolved) {
      token.attrSet('href', safeHref(resolved.href, '#', { schemes: (env as RenderEnv).hostSchemes }));
      token.attrSet('class', `wikilink${resolved.exists ? '' : ' missing'}${resolved.ambiguous ? ' ambiguous' : ''}`);
      if (!resolved.exists) token.attrSet('title', `Not written yet: ${note!.target}`);
    } else {
      // markdown-it lets any scheme but javascript:, vbscript:, file: and data: through
      // (`command:`, `vscode:`): the one gate decides here too.
      token.attrSet('href', safeHref(token.attrGet('href') ?? ''));
    }
    return fallback(tokens, idx, options, env, self);
  };
}
