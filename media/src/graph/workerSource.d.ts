// `import source from './x?worker'`: the module's bundle as a string (esbuild's inline-worker
// plugin, scripts/inlineWorker.mjs), for a Worker made from a blob: URL (the CSP's worker-src blob:).
declare module '*?worker' {
  const source: string;
  export default source;
}
