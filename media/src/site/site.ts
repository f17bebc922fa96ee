/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The published site's one script (assets/site.js, loaded with `script-src 'self'`): popovers
// that show a linked note's opening on hover, the search page, and the graph page. Progressive enhancement:
// every page reads and navigates without it; sidenotes are CSS alone (float, clear: the next
// moves down past the last, never over it).
import { initGraph } from './graph';
import { initPopovers } from './popover';
import { initSearch } from './search';

function root(): string {
  return document.body.dataset['root'] ?? './';
}

initPopovers(root());
initSearch(root());
initGraph(root());
