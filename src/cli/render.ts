// `marginalia render DIR NOTE [-o FILE]` and `render DIR --tag TAG`: the page the preview
// shows, as one standalone HTML file. The stylesheets and KaTeX fonts come from the media/
// folder the build fills (next to dist/ in the package).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportPage, imagesToExport, MAX_RENDER_CHARS, tooLongToRender } from '../core/render/engine';
import type { ExportAssets, ExportWhat } from '../core/render/exportPage';
import type { NoteIndex } from '../core/index/noteIndex';
import type { PageCitations } from '../core/render/page';
import { findNote } from './commands';

/** media/ beside dist/ (the bundle) or at the repository root (the compiled tests in out/). */
export function mediaFolder(): string | undefined {
  for (const candidate of [path.join(__dirname, '..', 'media'), path.join(__dirname, '..', '..', '..', 'media')]) {
    if (fs.existsSync(path.join(candidate, 'katex', 'katex.min.css'))) return candidate;
  }
  return undefined;
}

function readAssets(media: string): ExportAssets {
  const read = (...p: string[]) => fs.readFileSync(path.join(media, ...p), 'utf8');
  return {
    katexCss: read('katex', 'katex.min.css'),
    notesCss: read('notes.css'),
    previewCss: read('preview.css'),
    font: file => {
      const full = path.join(media, 'katex', 'fonts', path.basename(file));
      return fs.existsSync(full) ? fs.readFileSync(full) : undefined;
    },
  };
}

export interface RenderRequest {
  readonly root: string;
  readonly note?: string;
  readonly tag?: string;
  readonly output?: string;
  readonly backlinks?: boolean;
  readonly citations?: PageCitations;
}

/** The page's HTML, written to `output` or returned for stdout; a string starting `error:` on failure. */
export function renderCommand(index: NoteIndex, request: RenderRequest): { html: string; written?: string } | { error: string } {
  let what: ExportWhat;
  if (request.tag !== undefined) what = { tag: request.tag };
  else {
    const found = findNote(index, request.note ?? '');
    if (typeof found === 'string') return { error: found };
    if ('placeholder' in found) return { error: `"${found.placeholder}" is not written yet: nothing to render` };
    if (!found.note.toLowerCase().endsWith('.md')) return { error: `${found.note} is an attachment, not a note` };
    const length = index.textOf(found.note)?.length ?? 0;
    if (length > MAX_RENDER_CHARS) return { error: tooLongToRender(found.note, length) };
    what = { note: found.note };
  }
  const media = mediaFolder();
  if (!media) return { error: 'the stylesheets are missing (media/katex/katex.min.css): run `npm run build` first' };
  const images = new Map<string, Uint8Array>();
  for (const image of imagesToExport(index, what)) {
    try {
      images.set(image, fs.readFileSync(path.join(request.root, image)));
    } catch {
      // Unreadable: the page links it instead of inlining it.
    }
  }
  const html = exportPage(index, what, readAssets(media), images, { backlinks: request.backlinks ?? true, citations: request.citations });
  if (request.output === undefined) return { html };
  const target = path.resolve(request.output);
  const refused = outputProblem(request.output, target);
  if (refused) return { error: refused };
  try {
    fs.writeFileSync(target, html);
  } catch (e) {
    return { error: `cannot write ${request.output} (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  return { html, written: target };
}

/**
 * Why `-o` may not be written, or undefined. A page never replaces a note, also not through a
 * symbolic link (the name is the link's, the file written is where it points); a folder or a
 * missing folder is the user's slip, told as such rather than as a crash.
 */
function outputProblem(given: string, target: string): string | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(target);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) {
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      return `${given} is a link to a file that does not exist: give an .html file name`;
    }
    if (isNote(real)) return `${given} links to a note (${real}): give an .html file name`;
    stat = fs.statSync(real);
  }
  if (stat?.isDirectory()) return `${given} is a folder: give an .html file name in it`;
  if (stat && isNote(target)) return `${given} is a note: give an .html file name`;
  if (!stat) {
    const folder = path.dirname(target);
    if (!fs.existsSync(folder)) return `folder not found: ${path.dirname(given) || folder} (create it first, or give another -o)`;
    if (!fs.statSync(folder).isDirectory()) return `not a folder: ${path.dirname(given)}`;
  }
  return undefined;
}

function isNote(file: string): boolean {
  return /\.(?:md|markdown)$/i.test(file);
}
