// For measuring, never on by default: with MARGINALIA_CPU_PROFILE=<file.cpuprofile> in the
// environment (code-server hands it to the extension host), the extension host's CPU profile
// from activation until the first indexing is done is written there, for Chrome DevTools or
// `node --cpu-prof`'s readers. docs/note-index.md (Speed) says how the numbers were found with it.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';

/** Starts profiling if asked to; the function returned stops and writes the profile (once). */
export function startCpuProfile(file = process.env.MARGINALIA_CPU_PROFILE): () => Promise<void> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  const started = post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 200 })).then(() => post('Profiler.start'));
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    await started;
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
