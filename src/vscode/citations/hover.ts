// Hover on a citation: the formatted reference, the first lines of the abstract, DOI or URL as a
// link; a key the library lacks says so and names the closest keys. Text from the library is
// escaped for markdown (only the formatter's own <i> and links are HTML).
import * as vscode from 'vscode';
import { formatReference } from '../../core/citations/citeproc';
import { escapeMarkdown, markdownCodeSpan } from '../../core/editor/inertText';
import { citationAt } from './citationAt';
import type { CitationLibraries } from './libraries';
import type { Vaults } from '../vaults/vaults';

const ABSTRACT_CHARS = 400;

export function registerCitationHover(vaults: Vaults, libraries: CitationLibraries): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, {
    async provideHover(doc, position, token) {
      const at = vaults.locate(doc.uri);
      const cite = at && citationAt(doc, position);
      if (!at || !cite) return undefined;
      const library = await libraries.forNote(at.vault, at.path, doc.getText());
      if (token.isCancellationRequested) return undefined;
      const range = new vscode.Range(doc.positionAt(cite.range.startOffset), doc.positionAt(cite.range.endOffset));
      const item = library.item(cite.key);
      const md = new vscode.MarkdownString();
      if (!item) {
        const near = library.closestKeys(cite.key);
        md.appendMarkdown(`No entry ${markdownCodeSpan(cite.key)} in the bibliography${near.length ? ` — did you mean ${near.map(markdownCodeSpan).join(', ')}?` : '.'}`);
        return new vscode.Hover(md, range);
      }
      md.supportHtml = true;
      md.appendMarkdown(formatReference(item, 'author-date'));
      if (item.abstract) {
        const abstract = item.abstract.replace(/\s+/g, ' ').trim();
        md.appendMarkdown(`\n\n---\n\n${escapeMarkdown(abstract.length > ABSTRACT_CHARS ? `${abstract.slice(0, ABSTRACT_CHARS).replace(/\s+\S*$/, '')}…` : abstract)}`);
      }
      return new vscode.Hover(md, range);
    },
  });
}
