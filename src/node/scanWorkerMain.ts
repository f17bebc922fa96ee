// A scan worker's program (src/node/scanPool.ts starts it; bundled to dist/scanWorkerMain.js):
// each request is a list of notes, answered with what scanNotes makes of them, the chunk's
// buffers handed over, not copied. Its target table lives as long as it does: the build decodes
// its chunks in the order it asked for them.
import { parentPort, workerData } from 'node:worker_threads';
import type { VaultFile } from '../core/host';
import { JoinedText } from '../core/index/joinedText';
import { scanNotes } from '../core/index/scanBatch';
import { TargetNumbering } from '../core/index/targetTable';
import { NodeVaultHost } from './nodeHost';

const { root, scanner, maxFileBytes, keepTexts } = workerData as { root: string; scanner: number; maxFileBytes: number; keepTexts: boolean };
const host = new NodeVaultHost(root);
const numbering = new TargetNumbering();
const joined = new JoinedText();

parentPort!.on('message', (m: { id: number; files: VaultFile[] }) => {
  const { scanned, transfer } = scanNotes(host, m.files, maxFileBytes, keepTexts, numbering, scanner, joined);
  parentPort!.postMessage({ id: m.id, scanned }, transfer);
});
