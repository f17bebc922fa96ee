// Preloaded into the CLI by the bench: reports the process's peak RSS (kB) and its CPU time
// (user and system, microseconds, all threads) on fd 3 at exit.
const fs = require('node:fs');
process.on('exit', () => {
  const usage = process.resourceUsage();
  try { fs.writeSync(3, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`); } catch { /* no fd 3: not run by the bench */ }
});
