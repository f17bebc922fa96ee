import * as assert from 'assert';
import { ReadOnce } from '../../../../src/vscode/graph/readOnce';

/** A read the test finishes when it chooses, counting how often it was started. */
function heldRead<T>() {
  let finish!: (value: T | undefined) => void;
  const read = {
    started: 0,
    finish: (value: T | undefined) => finish(value),
    start: () => {
      read.started++;
      return new Promise<T | undefined>(resolve => (finish = resolve));
    },
  };
  return read;
}

suite('ReadOnce: what the graph keeps, read once whoever asks', () => {
  test('a second caller during the read waits for the same read', async () => {
    const kept = new ReadOnce<string[]>(() => []);
    const read = heldRead<string[]>();
    const first = kept.get('folder', read.start);
    const second = kept.get('folder', read.start);
    read.finish(['a']);
    assert.deepStrictEqual(await first, ['a']);
    assert.strictEqual(await second, await first);
    assert.strictEqual(read.started, 1);
  });

  test('once read, the value is known and not read again', async () => {
    const kept = new ReadOnce<string[]>(() => []);
    const read = heldRead<string[]>();
    const reading = kept.get('folder', read.start);
    assert.strictEqual(kept.known('folder'), undefined);
    read.finish(['a']);
    await reading;
    assert.deepStrictEqual(kept.known('folder'), ['a']);
    assert.deepStrictEqual(await kept.get('folder', read.start), ['a']);
    assert.strictEqual(read.started, 1);
  });

  test('a value set while the read is on its way is kept over what the read found', async () => {
    const kept = new ReadOnce<string[]>(() => []);
    const read = heldRead<string[]>();
    const reading = kept.get('folder', read.start);
    kept.set('folder', ['set']);
    read.finish(['read']);
    assert.deepStrictEqual(await reading, ['set']);
    assert.deepStrictEqual(kept.known('folder'), ['set']);
  });

  test('a read that finds nothing gives the empty value', async () => {
    const kept = new ReadOnce<string[]>(() => ['empty']);
    assert.deepStrictEqual(await kept.get('folder', async () => undefined), ['empty']);
  });

  test('keys are read apart', async () => {
    const kept = new ReadOnce<string>(() => '');
    assert.strictEqual(await kept.get('a', async () => 'A'), 'A');
    assert.strictEqual(await kept.get('b', async () => 'B'), 'B');
  });

  test('forgotten, the next caller reads again, not sharing a read from before', async () => {
    const kept = new ReadOnce<string[]>(() => []);
    const before = heldRead<string[]>();
    const old = kept.get('folder', before.start);
    kept.forget('folder');
    const after = heldRead<string[]>();
    const fresh = kept.get('folder', after.start);
    assert.strictEqual(after.started, 1);
    after.finish(['new']);
    assert.deepStrictEqual(await fresh, ['new']);
    before.finish(['old']);
    await old;
    kept.forget('folder');
    assert.deepStrictEqual(await kept.get('folder', async () => ['again']), ['again']);
  });

  test('a read that fails fails its callers, and the next caller reads again', async () => {
    const kept = new ReadOnce<string[]>(() => []);
    let reads = 0;
    const failing = kept.get('folder', async () => {
      reads++;
      throw new Error('disk gone');
    });
    await assert.rejects(failing, /disk gone/);
    assert.strictEqual(kept.known('folder'), undefined);
    assert.deepStrictEqual(await kept.get('folder', async () => (reads++, ['back'])), ['back']);
    assert.strictEqual(reads, 2);
  });
});
