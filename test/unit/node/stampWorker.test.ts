// The stamp worker (src/node/stampWorker.ts): started before it knows its paths (the extension
// starts it with a folder's listing), it stamps what it is then given, as fs.statSync does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startStamper } from '../../../src/node/stampWorker';

suite('node: stamp worker', () => {
  test('started ahead of its paths, stamps them as statSync does; a missing file has none', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-stamps-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.md'), 'one');
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), 'two two');
    const stamp = startStamper(dir);
    await new Promise(resolve => setTimeout(resolve, 50)); // the listing, meanwhile
    fs.writeFileSync(path.join(dir, 'c.md'), 'written after the worker started');
    const paths = ['a.md', 'sub/b.md', 'c.md', 'gone.md'];
    const stamps = await stamp(paths);
    assert.deepStrictEqual(stamps, paths.map(p => {
      const s = fs.statSync(path.join(dir, p), { throwIfNoEntry: false });
      return s && { size: s.size, mtime: s.mtimeMs };
    }));
    assert.strictEqual(stamps[3], undefined);
    await assert.rejects(stamp(paths), /stamps once/);
  });
});
