// test/harness/apt-wait.sh: install.sh waits for another apt-get instead of failing.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const script = path.resolve(__dirname, '../../../../test/harness/apt-wait.sh');

/** A fake apt-get that fails with `message` the first `failures` times, then succeeds; returns bash's result. */
function run(failures: number, message: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apt-wait-'));
  const fake = path.join(dir, 'apt-get');
  fs.writeFileSync(fake, `#!/bin/bash\nn=$(cat ${dir}/n 2>/dev/null || echo 0); echo $((n+1)) > ${dir}/n\n[ $n -ge ${failures} ] && { echo "args: $*"; exit 0; }\necho "${message}" >&2; exit 100\n`, { mode: 0o755 });
  const r = spawnSync('bash', ['-c', `source "${script}"; apt_get "${fake}" install -y x`], { env: { ...process.env, APT_LOCK_RETRY_SECONDS: '0' }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout };
}

suite('harness: apt-get waits for the dpkg lock', () => {
  test('a held lock is waited for, and the command runs once it is free, with DPkg::Lock::Timeout', () => {
    const r = run(2, 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (unattended-upgr)');
    assert.strictEqual(r.status, 0);
    assert.match(r.out, /waiting for another apt-get to finish \(2\)/);
    assert.match(r.out, /args: install -y x -o DPkg::Lock::Timeout=600/);
  });

  test('any other failure fails at once', () => {
    assert.deepStrictEqual(run(1, 'E: Unable to locate package x').status, 1);
  });
});
