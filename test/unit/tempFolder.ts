// A fresh folder under the system's temp folder holding the given files (vault-relative paths,
// folders made as needed), for tests that need a real disk. The caller removes it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function folderWith(files: Record<string, string | Buffer>, prefix = 'marginalia-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}
