import * as assert from 'assert';
import { formatHostTiming, startHostTiming } from '../../../../src/vscode/graph/hostTiming';

suite('graph host timings (the debug lines the graph bench reads)', () => {
  test('counts the CPU time spent and the wall time meanwhile', () => {
    const read = startHostTiming();
    const cpu = process.cpuUsage();
    let spent = 0;
    let x = 0;
    while (spent < 25) {
      for (let i = 0; i < 1e5; i++) x += Math.sqrt(i);
      const u = process.cpuUsage(cpu);
      spent = (u.user + u.system) / 1000;
    }
    const t = read();
    assert.ok(x > 0);
    assert.ok(t.cpuMs !== undefined && t.cpuMs >= 25, `CPU ${t.cpuMs} ms after spending ${spent} ms`);
    assert.ok(t.ms > 0);
  });

  test('says wall and CPU time as the bench parses them', () => {
    const line = `built in ${formatHostTiming({ ms: 12.345, cpuMs: 3 })}`;
    assert.strictEqual(line, 'built in 12.3 ms (CPU 3.0 ms)');
    assert.match(line, /built in ([\d.]+) ms \(CPU ([\d.?]+) ms\)/);
    assert.strictEqual(formatHostTiming({ ms: 1, cpuMs: undefined }), '1.0 ms (CPU ? ms)');
  });
});
