// Bundles the extension (dist/extension.js), the command line (dist/cli.js) and the preview's
// webview scripts (media/preview.js, media/graph.js), and copies KaTeX's stylesheet and fonts into media/katex/
// (shipped in the .vsix, never fetched from a CDN; built, not committed).
// `--production` minifies (npm run package); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { inlineWorker } from './scripts/inlineWorker.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The extension and the CLI load the render stack (markdown-it, KaTeX, the sanitizer: most of
 * their code) on first use, from its own file, so activation and `marginalia index` read and
 * compile only what they run.
 */
const renderOnDemand = {
  name: 'render-on-demand',
  setup(build) {
    build.onResolve({ filter: /\/core\/render\/engine$/ }, () => ({ path: './render.js', external: true }));
  },
};

/** The full BibTeX reading (citation-js) likewise, read the first time an entry is read in full (src/core/citations/bibtex.ts). */
const bibtexOnDemand = {
  name: 'bibtex-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/bibtexFull$/ }, args => (/core[\\/]citations[\\/]bibtex\.ts$/.test(args.importer) ? { path: './bibtex.js', external: true } : undefined));
  },
};

/** citeproc-js and its CSL style likewise, read the first time a citation is formatted (src/core/citations/citeproc.ts). */
const citeprocOnDemand = {
  name: 'citeproc-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/cslFormatter$/ }, args => (/core[\\/]citations[\\/]citeproc\.ts$/.test(args.importer) ? { path: './citeproc.js', external: true } : undefined));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [renderOnDemand, bibtexOnDemand, citeprocOnDemand] },
  { ...common, entryPoints: ['src/core/citations/bibtexFull.ts'], outfile: 'dist/bibtex.js' },
  { ...common, entryPoints: ['src/core/citations/cslFormatter.ts'], outfile: 'dist/citeproc.js' },
  { ...common, entryPoints: ['src/core/render/engine.ts'], outfile: 'dist/render.js', plugins: [citeprocOnDemand] },
  // A cold build's scan workers (src/node/scanPool.ts): the extension's local folders (the CLI keeps one thread).
  { ...common, entryPoints: ['src/node/scanWorkerMain.ts'], outfile: 'dist/scanWorkerMain.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [renderOnDemand, bibtexOnDemand, citeprocOnDemand] },
  { ...common, entryPoints: ['media/src/preview.ts'], outfile: 'media/preview.js', platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false },
  // The published site's script (marginalia publish): popovers and search.
  { ...common, entryPoints: ['media/src/site/site.ts'], outfile: 'media/site.js', platform: 'browser', format: 'iife', target: 'es2020', sourcemap: false, minify: true },
  // The graph panel's script; its layout runs in a worker whose code it carries (scripts/inlineWorker.mjs).
  { ...common, entryPoints: ['media/src/graph/webview.ts'], outfile: 'media/graph.js', platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, plugins: [inlineWorker] },
].filter(b => fs.existsSync(b.entryPoints[0]));

/** KaTeX's CSS and its woff2 fonts (every browser VS Code runs in reads woff2; the rest would only bloat the .vsix). */
function copyKatex() {
  const from = 'node_modules/katex/dist';
  fs.mkdirSync('media/katex/fonts', { recursive: true });
  fs.copyFileSync(`${from}/katex.min.css`, 'media/katex/katex.min.css');
  for (const font of fs.readdirSync(`${from}/fonts`)) {
    if (font.endsWith('.woff2')) fs.copyFileSync(`${from}/fonts/${font}`, `media/katex/fonts/${font}`);
  }
}
copyKatex();

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}
