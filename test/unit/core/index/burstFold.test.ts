import * as assert from 'assert';
import { BurstFold, type FoldClock } from '../../../../src/core/index/burstFold';

/** A clock the test moves by hand: timers fire when `advance` passes their time. */
class ManualClock implements FoldClock {
  private time = 1000;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private ids = 0;
  now(): number {
    return this.time;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  }
  clearTimeout(timer: unknown): void {
    this.timers = this.timers.filter(t => t.id !== timer);
  }
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.timers.filter(t => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter(t => t !== next);
      this.time = next.at;
      next.run();
    }
    this.time = until;
  }
}

suite('BurstFold', () => {
  test('a change after a quiet spell runs on the next turn, not after the fold delay', () => {
    const clock = new ManualClock();
    const fold = new BurstFold(100, clock);
    const runs: number[] = [];
    fold.call(() => runs.push(clock.now()));
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

  test('the keys of a burst are folded into one run, the fold delay after the last', () => {
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
