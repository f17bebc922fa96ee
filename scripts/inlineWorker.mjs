// esbuild plugin: `import source from './layoutWorker?worker'` gives that module bundled on its own
// as a string, which the page starts as a Worker from a blob: URL. A webview's scripts come from
// another origin than the page, and a Worker must be same-origin: a blob: URL is (CSP: worker-src blob:).
import * as esbuild from 'esbuild';
import path from 'node:path';

export const inlineWorker = {
  name: 'inline-worker',
  setup(build) {
    build.onResolve({ filter: /\?worker$/ }, args => ({ path: path.resolve(args.resolveDir, args.path.replace(/\?worker$/, '') + '.ts'), namespace: 'inline-worker' }));
    build.onLoad({ filter: /.*/, namespace: 'inline-worker' }, async args => {
      const result = await esbuild.build({ entryPoints: [args.path], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', metafile: true, logLevel: 'warning' });
      return { contents: `export default ${JSON.stringify(result.outputFiles[0].text)};`, loader: 'js', watchFiles: Object.keys(result.metafile.inputs).map(f => path.resolve(f)) };
    });
  },
};
