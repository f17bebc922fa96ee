// Preloaded into the CLI by the bench: reports the process's peak RSS (kB) on fd 3 at exit.
const fs = require('node:fs');
process.on('exit', () => {
  try { fs.writeSync(3, String(process.resourceUsage().maxRSS) + '\n'); } catch { /* no fd 3: not run by the bench */ }
});
