// A note's excerpt as a hover shows it (the editor's link hover, DESIGN.md §5): the one
// pipeline, drawn with only what VS Code's hover keeps of HTML (MarkdownString with
// supportHtml: no MathML, no stylesheet, no inputs that do anything). Math becomes Unicode with
// <i>, <sup> and <sub> (hoverMath.ts); a footnote is its number; an embed, a link to it.
import type MarkdownIt from 'markdown-it';
import { hoverMath } from './hoverMath';
import { createMarkdown } from './markdown';
import type { RenderEnv, WikiLinkMeta } from './types';

let hoverMd: MarkdownIt | undefined;

function hoverMarkdown(): MarkdownIt {
  if (hoverMd) return hoverMd;
  const md = createMarkdown({ html: true });
  const rules = md.renderer.rules;
  rules['math_inline'] = (tokens, idx) => hoverMath(tokens[idx]!.content, false);
  const block: MarkdownIt.Renderer.RenderRule = (tokens, idx) => `<p>${hoverMath(tokens[idx]!.content, true)}</p>\n`;
  rules['math_block'] = block;
  rules['math_inline_block'] = block;
  const numbers = new WeakMap<object, Map<number, number>>();
  rules['footnote_ref'] = (tokens, idx, _options, env: object) => {
    const id = (tokens[idx]!.meta as { id: number }).id;
    const seen = numbers.get(env) ?? new Map<number, number>();
    numbers.set(env, seen);
    if (!seen.has(id)) seen.set(id, seen.size + 1);
    return `<sup>${seen.get(id)}</sup>`;
  };
  rules['task_checkbox'] = (tokens, idx) => ((tokens[idx]!.meta as { checked: boolean }).checked ? '☑ ' : '☐ ');
  const embed = rules['wikiembed']!;
  rules['wikiembed'] = (tokens, idx, options, env, self) => {
    // An image shows (hovers take <img>); anything else is named, not inlined.
    const meta = tokens[idx]!.meta as WikiLinkMeta;
    if (/\.(?:png|jpe?g|gif|svg|webp|bmp|avif)$/i.test(meta.target)) return embed(tokens, idx, options, env, self);
    return `<em>${md.utils.escapeHtml(meta.inner.trim())}</em>`;
  };
  return (hoverMd = md);
}

/**
 * `markdown` (a note's opening paragraphs) as HTML for a `vscode.MarkdownString` with
 * `supportHtml = true`. `env.resolveLink` makes links point at notes; `env.hostSchemes` lets its
 * addresses use `command:` (a hover with isTrusted) or `file:`. No blank lines in the result, so the hover's markdown reader
 * takes it as one HTML block.
 */
export function renderHoverHtml(markdown: string, env: Pick<RenderEnv, 'resolveLink' | 'hostSchemes'> = {}): string {
  const html = hoverMarkdown().render(markdown, { resolveLink: env.resolveLink, hostSchemes: env.hostSchemes });
  return html.replace(/\n{2,}/g, '\n').trim();
}
