// The render stack, required on first use rather than imported: esbuild keeps a required module
// lazy, so activation does not load markdown-it and KaTeX (see src/core/render/engine.ts).
type Engine = typeof import('../../core/render/engine');

let engine: Engine | undefined;

export function renderEngine(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (engine ??= require('../../core/render/engine') as Engine);
}
