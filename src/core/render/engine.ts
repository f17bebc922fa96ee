// The render stack's door for the extension, loaded on first use (src/vscode/renderEngine.ts):
// markdown-it, KaTeX and the sanitizer take a few hundred ms to load on a busy machine, which
// activation must not pay (DESIGN.md §7: activation under 50 ms).
export { exportPage, imagesToExport } from './exportPage';
export { marginaliaPlugin } from './hostPlugin';
export { renderHoverHtml } from './hover';
export { MAX_RENDER_CHARS, PageRenderer, renderNotePage, tooLongToRender } from './page';
export { renderTagPage, tagPageNotes } from './tagPage';
// The site builder (marginalia publish) renders every page through this stack: it loads with it.
export { SiteBuilder } from '../publish/site';
// ... and the search index's worker thread (src/node/searchWorker.ts) loads its search code from here.
export { SearchIndex, searchText } from '../publish/search';
