import * as assert from 'assert';
import { BurstFold } from '../../../../src/core/index/burstFold';
import { ManualClock } from '../../manualClock';

suite('BurstFold', () => {
  test('a change after a quiet spell runs on the next turn, not after the fold delay', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock);
    const runs: number[] = [];
    fold.call(() => runs.push(clock.now()));
    assert.deepStrictEqual(runs, [], 'not inside the call itself: what the same turn changes goes with it');
    clock.advance(0);
    assert.deepStrictEqual(runs, [1000]);
  });

  test('changes in the same turn as a lone one go with it: one run, the latest given', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock);
    const runs: string[] = [];
    fold.call(() => runs.push('a'));
    fold.call(() => runs.push('b'));
    clock.advance(0);
    clock.advance(500);
    assert.deepStrictEqual(runs, ['b']);
  });

  test('the keys of a burst after a lone one are folded into one run, the fold delay after the last', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock);
    const runs: [string, number][] = [];
    fold.call(() => runs.push(['first', clock.now()]));
    clock.advance(0);
    for (let i = 1; i <= 5; i++) {
      clock.advance(30);
      fold.call(() => runs.push([`key ${i}`, clock.now()]));
    }
    clock.advance(99);
    assert.strictEqual(runs.length, 1, 'the burst waits while keys keep coming');
    clock.advance(1);
    assert.deepStrictEqual(runs, [['first', 1000], ['key 5', 1250]]);
  });

  test('with a shorter pause, a burst runs once its changes pause for it, not the whole window after the last', () => {
    // One input event's characters, as the extension host gets them: one change each, 1 ms apart, over several turns.
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock, 25);
    const runs: [string, number][] = [];
    fold.call(() => runs.push(['first', clock.now()]));
    clock.advance(0);
    for (let i = 1; i <= 34; i++) {
      clock.advance(1);
      fold.call(() => runs.push([`char ${i}`, clock.now()]));
    }
    clock.advance(24);
    assert.deepStrictEqual(runs, [['first', 1000]], 'folded while the characters come');
    clock.advance(1);
    assert.deepStrictEqual(runs, [['first', 1000], ['char 34', 1059]]);
  });

  test('with a shorter pause, keys further apart than it each run that pause after them', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock, 25);
    const runs: number[] = [];
    fold.call(() => runs.push(clock.now()));
    clock.advance(0);
    for (let i = 0; i < 3; i++) {
      clock.advance(60);
      fold.call(() => runs.push(clock.now()));
    }
    clock.advance(500);
    assert.deepStrictEqual(runs, [1000, 1085, 1145, 1205], 'within the burst window: not at once, but not held to the end of the typing either');
  });

  test('after the fold delay has passed quietly, the next change runs at once again', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock);
    let runs = 0;
    fold.call(() => runs++);
    clock.advance(150);
    fold.call(() => runs++);
    clock.advance(0);
    assert.strictEqual(runs, 2);
  });

  test('a change asked at once runs on the next turn inside a burst too, and the burst goes on folding after it', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock);
    const runs: string[] = [];
    fold.call(() => runs.push('lone'));
    clock.advance(0);
    clock.advance(20);
    fold.call(() => runs.push('key'));
    clock.advance(20);
    fold.call(() => runs.push('at once'), true);
    clock.advance(0);
    assert.deepStrictEqual(runs, ['lone', 'at once'], 'the waiting key goes with it (the run reads the latest state)');
    clock.advance(20);
    fold.call(() => runs.push('next key'));
    clock.advance(99);
    assert.strictEqual(runs.length, 2);
    clock.advance(1);
    assert.deepStrictEqual(runs, ['lone', 'at once', 'next key']);
  });

  test('cancel drops the change waiting', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock);
    let runs = 0;
    fold.call(() => runs++);
    assert.ok(fold.pending);
    fold.cancel();
    clock.advance(500);
    assert.strictEqual(runs, 0);
    assert.ok(!fold.pending);
  });
});
