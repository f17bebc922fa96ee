import * as assert from 'assert';
import { TimeSlices } from '../../../../src/core/index/timeSlices';

/** Holds the thread for `ms`, as a long synchronous step of a build would. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

suite('TimeSlices', () => {
  test('next() runs other tasks first: a macrotask queued before it has run when it resolves', async () => {
    const slices = new TimeSlices(5);
    let ran = false;
    setTimeout(() => (ran = true), 0);
    busy(2); // so the timer is due
    await slices.next();
    // setImmediate runs after the timers phase of the same turn or the next: give it one more turn at most.
    if (!ran) await slices.next();
    assert.strictEqual(ran, true);
  });

  test('around(): time spent waiting for async I/O is not part of any slice', async () => {
    const slices = new TimeSlices(5);
    await slices.around(new Promise(resolve => setTimeout(resolve, 120)));
    assert.ok(slices.finish() < 100, `the 120 ms wait counted as a slice of ${slices.finish()} ms`);
  });

  test('around(): synchronous work behind a promise stays in the slice', async () => {
    const slices = new TimeSlices(5);
    const work = new Promise<void>(resolve => {
      busy(30);
      resolve();
    });
    await slices.around(work);
    assert.ok(slices.finish() >= 30, `the 30 ms of synchronous work counted as ${slices.finish()} ms`);
  });

  test('without a budget nothing is due and the deadline is never', () => {
    const slices = new TimeSlices();
    busy(3);
    assert.strictEqual(slices.due(), false);
    assert.strictEqual(slices.deadline(), Infinity);
  });
});
