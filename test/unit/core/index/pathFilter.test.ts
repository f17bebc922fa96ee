import * as assert from 'assert';
import { globToRegExp, PathFilter } from '../../../../src/core/index/pathFilter';

const defaults = ['**/node_modules/**', '**/.git/**', '**/.obsidian/**'];

suite('PathFilter: marginalia.include / marginalia.exclude', () => {
  test('everything is included by default', () => {
    assert.ok(new PathFilter(['**/*'], defaults).accepts('papers/attention.md'));
  });

  test('a file inside node_modules at any depth is excluded', () => {
    const filter = new PathFilter(['**/*'], defaults);
    assert.ok(!filter.accepts('node_modules/pkg/readme.md'));
    assert.ok(!filter.accepts('tools/node_modules/pkg/readme.md'));
  });

  test('a folder named like an excluded one but longer is kept', () => {
    assert.ok(new PathFilter(['**/*'], defaults).accepts('my_node_modules/readme.md'));
  });

  test('an exclude that names a folder covers everything in it', () => {
    const filter = new PathFilter(['**/*'], ['drafts']);
    assert.ok(!filter.accepts('drafts/idea.md'));
    assert.ok(!filter.accepts('drafts/old/idea.md'));
    assert.ok(filter.accepts('notes/drafts.md'));
  });

  test('an include limited to one folder leaves the others out', () => {
    const filter = new PathFilter(['notes/**'], []);
    assert.ok(filter.accepts('notes/a.md'));
    assert.ok(!filter.accepts('archive/a.md'));
  });

  test('a file of a walk that skipped excluded folders is accepted exactly when accepts says so', () => {
    const patterns: [string[], string[]][] = [
      [['**/*'], ['**/node_modules/**', '**/.git/**', '**/out/**', '**/.trash/**']],
      [['**/*'], ['drafts', 'a/b', '**/*.{tmp,bak}', 'x/*']],
      [['notes/**', '*.md'], ['notes/private']],
      [['**/*.md'], ['**/out']],
    ];
    const paths = ['a.md', 'a/b.md', 'a/b/c.md', 'drafts/idea.md', 'notes/drafts.md', 'notes/private/p.md', 'notes/a/b.md', 'x/y.md', 'x/y/z.md',
      'tools/node_modules/pkg/readme.md', 'out/a.md', 'src/out/b.md', 'outline.md', 'a/b.tmp', '.trash/old.md', 'deep/a/b/c/d.md'];
    for (const [include, exclude] of patterns) {
      const filter = new PathFilter(include, exclude);
      for (const path of paths) {
        // What the walk does: enter a folder unless excluded, then decide each file in it.
        const folders = path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));
        const reached = folders.every(f => !filter.excludes(f));
        assert.strictEqual(reached && filter.acceptsWalked(path), filter.accepts(path), `${path} with ${include} / ${exclude}`);
      }
    }
  });

  test('no include pattern means no file', () => {
    assert.ok(!new PathFilter([], []).accepts('a.md'));
  });

  test('an exclude with alternatives in braces excludes each of them', () => {
    const filter = new PathFilter(['**/*'], ['**/*.{tmp,bak}']);
    assert.ok(!filter.accepts('a/b.tmp'));
    assert.ok(!filter.accepts('b.bak'));
    assert.ok(filter.accepts('b.md'));
  });
});

suite('globToRegExp: VS Code glob dialect', () => {
  test('* stays within one folder', () => {
    assert.ok(globToRegExp('*.md').test('a.md'));
    assert.ok(!globToRegExp('*.md').test('x/a.md'));
  });

  test('**/ matches zero or more folders', () => {
    assert.ok(globToRegExp('**/a.md').test('a.md'));
    assert.ok(globToRegExp('**/a.md').test('x/y/a.md'));
  });

  test('a/** matches the folder and everything under it', () => {
    assert.ok(globToRegExp('a/**').test('a'));
    assert.ok(globToRegExp('a/**').test('a/b/c.md'));
    assert.ok(!globToRegExp('a/**').test('ab/c.md'));
  });

  test('? matches one character but not a slash', () => {
    assert.ok(globToRegExp('note?.md').test('note1.md'));
    assert.ok(!globToRegExp('a?b').test('a/b'));
  });

  test('character classes and negated classes', () => {
    assert.ok(globToRegExp('[ab].md').test('a.md'));
    assert.ok(!globToRegExp('[!ab].md').test('a.md'));
    assert.ok(globToRegExp('[!ab].md').test('c.md'));
  });

  test('regex characters in a glob are literal', () => {
    assert.ok(globToRegExp('notes (old)/a+b.md').test('notes (old)/a+b.md'));
    assert.ok(!globToRegExp('a.md').test('abmd'));
  });

  test('a leading ./ is ignored', () => {
    assert.ok(globToRegExp('./notes/*.md').test('notes/a.md'));
  });

  test('the shortcuts for every path and for folders named anywhere answer as the globs\' expressions, over random paths', () => {
    // The rule as the expressions say it: a glob covers a path when it matches the path or one of its folders.
    const covers = (globs: readonly string[], path: string) => {
      const res = globs.map(globToRegExp);
      for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) if (res.some(r => r.test(path.slice(0, end)))) return true;
      return false;
    };
    const segments = ['node_modules', '.git', 'out', 'dist', '.obsidian', 'a.b', 'notes', 'outside', 'x', '', 'dist\nx', 'a\rb', 'n.md', 'p.png', '\u2028'];
    let seed = 7;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const filters: [string[], string[]][] = [
      [['**/*'], ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/.obsidian/**', '**/.trash/**', '**/.vscode/**']],
      [['**'], ['./**/a.b/**', '**/out/**', 'notes/**']],
      [['notes/**', '**/*.md'], ['**/x/**', '**/*.png']],
      [['./**/*'], []],
    ];
    let compared = 0;
    for (const [include, exclude] of filters) {
      const filter = new PathFilter(include, exclude);
      for (let i = 0; i < 400; i++) {
        const path = Array.from({ length: 1 + random(4) }, () => segments[random(segments.length)]).join('/');
        const expected = covers(include, path) && !covers(exclude, path);
        assert.strictEqual(filter.accepts(path), expected, `accepts ${JSON.stringify(path)} with ${include} / ${exclude}`);
        assert.strictEqual(filter.excludes(path), covers(exclude, path), `excludes ${JSON.stringify(path)}`);
        const walkedExpected = covers(include, path) && !exclude.map(globToRegExp).some(r => r.test(path));
        assert.strictEqual(filter.acceptsWalked(path), walkedExpected, `acceptsWalked ${JSON.stringify(path)}`);
        compared++;
      }
    }
    assert.strictEqual(compared, 1600);
  });
});
