// The boundaries between the parts, checked on every file (docs/architecture.md):
// - src/core/ is the engine: it runs under VS Code, the CLI and the tests alike, so it never
//   imports `vscode`, never touches the disk or the machine itself (`fs`, `os`,
//   `child_process`: it reads through core/host.ts), and never imports the adapters around it
//   (src/vscode/, src/cli/, src/node/, src/extension.ts);
// - media/src/ runs in a webview: it talks to its adapter only through the typed messages of
//   media/src/messages.ts, so it imports nothing from src/, nor `vscode`, nor Node's modules;
//   the exceptions are what the engine and a page must read alike, host-free so they run in a
//   browser: src/core/graph/ (the graph's data shapes and diff, built by the engine, drawn by the
//   renderer), src/core/publish/search.ts (the search options a site's index was built with) and
//   src/core/syntax/urlScheme.ts (the one rule for which links leave the note).
// - src/core/ has no import circles (a type-only one too: a circle is two files that can only be
//   read together); where two parts call each other, one of them knows an interface (BlockSink,
//   InlineSink), not the other's class.
// The compiler holds the rest: src/core/tsconfig.json (no DOM, no VS Code types) and
// media/tsconfig.json (the DOM, nothing of Node), both checked by `npm run compile`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '../../..');

/** Every .ts file under `dir` (relative to the repository), as repository-relative paths. */
function tsFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter(file => file.endsWith('.ts'))
    .map(file => path.posix.join(dir, file.split(path.sep).join('/')));
}

/** The module names a file imports: import, export … from, require(), import(), import type. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(file => file.fileName);
}

const NODE_SYSTEM = new Set(['fs', 'fs/promises', 'os', 'child_process']);

/** Why `file` (repository-relative) may not import `specifier`, or undefined if it may. */
export function forbidden(file: string, specifier: string): string | undefined {
  const bare = specifier.replace(/^node:/, '');
  const target = specifier.startsWith('.') ? path.posix.join(path.posix.dirname(file), specifier) : undefined;
  if (file.startsWith('src/core/')) {
    if (bare === 'vscode') return 'the engine never imports vscode (an adapter in src/vscode/ does)';
    if (NODE_SYSTEM.has(bare)) return `the engine never imports ${specifier} (it reads through src/core/host.ts)`;
    if (target && target.startsWith('src/') && !target.startsWith('src/core/') && !target.startsWith('src/types/')) {
      return `the engine never imports the parts around it (${target})`;
    }
  }
  if (file.startsWith('media/')) {
    // (the header says why these two)
    const SHARED_WITH_PAGES = ['src/core/graph/', 'src/core/publish/search', 'src/core/syntax/urlScheme'];
    if (bare === 'vscode' || NODE_SYSTEM.has(bare)) return `a webview has no ${specifier}`;
    if (target && !target.startsWith('media/') && !SHARED_WITH_PAGES.some(p => target.startsWith(p))) return `a webview talks to src/ only through media/src/messages.ts (${target})`;
  }
  return undefined;
}

/** The import circles among `files`: each a list of files that import one another (Tarjan's strongly connected components). */
export function importCircles(files: ReadonlyMap<string, readonly string[]>): string[][] {
  const resolve = (file: string, specifier: string): string | undefined => {
    if (!specifier.startsWith('.')) return undefined;
    const target = path.posix.join(path.posix.dirname(file), specifier);
    return [target, `${target}.ts`, `${target}/index.ts`].find(candidate => files.has(candidate));
  };
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const specifier of files.get(file)!) {
      const next = resolve(file, specifier);
      if (next === undefined) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || files.get(file)!.some(specifier => resolve(file, specifier) === file)) {
      circles.push(component.sort());
    }
  };
  for (const file of files.keys()) if (!order.has(file)) visit(file);
  return circles;
}

suite('boundaries between the parts', () => {
  for (const dir of ['src/core', 'media/src']) {
    test(`${dir}/ imports only what it may`, () => {
      const files = tsFiles(dir);
      assert.ok(files.length > 0, `no .ts files under ${dir}`);
      const broken: string[] = [];
      for (const file of files) {
        for (const specifier of importsOf(fs.readFileSync(path.join(root, file), 'utf8'))) {
          const why = forbidden(file, specifier);
          if (why) broken.push(`${file} imports '${specifier}': ${why}`);
        }
      }
      assert.deepStrictEqual(broken, []);
    });
  }

  test('src/core/ has no import circles', () => {
    const files = new Map(tsFiles('src/core').map(file => [file, importsOf(fs.readFileSync(path.join(root, file), 'utf8'))]));
    assert.deepStrictEqual(importCircles(files), []);
  });

  test('the circle check finds a circle, type-only imports included', () => {
    const files = new Map([
      ['src/core/syntax/findings.ts', ['./inline', './types']],
      ['src/core/syntax/inline.ts', ['./inlineMath']],
      ['src/core/syntax/inlineMath.ts', ['./findings']],
      ['src/core/syntax/types.ts', []],
    ]);
    assert.deepStrictEqual(importCircles(files), [['src/core/syntax/findings.ts', 'src/core/syntax/inline.ts', 'src/core/syntax/inlineMath.ts']]);
  });

  test('the check sees every kind of import', () => {
    const text = [
      "import * as vscode from 'vscode';",
      "import type { Uri } from 'vscode';",
      "export { x } from '../../vscode/vaults/vault';",
      "const fs = require('node:fs');",
      "const os = import('os');",
      "import '../../cli/main';",
      "import { scanNote } from '../syntax/scanNote';",
      "import MarkdownIt from 'markdown-it';",
    ].join('\n');
    const file = 'src/core/index/example.ts';
    assert.deepStrictEqual(importsOf(text).map(specifier => forbidden(file, specifier) !== undefined),
      [true, true, true, true, true, true, false, false]);
  });

  test('a webview may not reach into src/', () => {
    assert.ok(forbidden('media/src/graph.ts', '../../src/vscode/preview/panel'));
    assert.ok(forbidden('media/src/graph.ts', '../../src/core/render/markdown'));
    assert.ok(forbidden('media/src/graph.ts', 'fs'));
    assert.strictEqual(forbidden('media/src/preview.ts', './messages'), undefined);
    assert.strictEqual(forbidden('media/src/graph/renderer.ts', '../../../src/core/graph/graphDiff'), undefined);
  });
});
