// A note or tag page as one standalone HTML file: what `marginalia render` prints and
// "Export Note as HTML" writes. The host reads the files first (the pipeline is synchronous):
// images, and where the index keeps no texts, the notes (`loadPageTexts`, in `options.texts`).
import type { NoteQueries } from '../index/types';
import { formatNoteAddress } from './noteAddress';
import { renderNotePage, type PageOptions } from './page';
import { keptTexts } from './pageTexts';
import { imageDataUri, imagesOnPage, inlineKatexFonts, standaloneHtml } from './standalone';
import { renderTagPage, tagPageNotes } from './tagPage';

export interface ExportAssets {
  /** media/katex/katex.min.css */
  readonly katexCss: string;
  /** media/notes.css */
  readonly notesCss: string;
  /** media/preview.css */
  readonly previewCss: string;
  /** A KaTeX font (`KaTeX_Main-Regular.woff2`) from media/katex/fonts. */
  font(file: string): Uint8Array | undefined;
}

export type ExportWhat = { readonly note: string; readonly text?: string } | { readonly tag: string };

/** The vault images the page shows, so the host can read them before rendering. */
export function imagesToExport(index: NoteQueries, what: ExportWhat): string[] {
  const paths = 'note' in what ? [what.note] : tagPageNotes(index, what.tag).map(n => n.path);
  return imagesOnPage(index, paths);
}

export function exportPage(index: NoteQueries, what: ExportWhat, assets: ExportAssets,
  images: ReadonlyMap<string, Uint8Array>, options: PageOptions = {}): string {
  const host = {
    noteHref: formatNoteAddress,
    imageSrc: (path: string) => {
      const bytes = images.get(path);
      return (bytes && imageDataUri(path, bytes)) ?? formatNoteAddress(path);
    },
  };
  const page = 'note' in what
    ? renderNotePage(index, host, what.note, what.text ?? (options.texts ?? keptTexts(index)).text(what.note) ?? '', options)
    : renderTagPage(index, host, what.tag, options);
  return standaloneHtml(page, [inlineKatexFonts(assets.katexCss, assets.font), assets.notesCss, assets.previewCss], { remoteImages: options.remoteImages });
}
