// Runs a worker's TypeScript entry from source (tests, benchmarks, `tsx` scripts): loads the entry
// named in workerData through tsx in this worker thread. Used by the export worker (render-worker.ts)
// and the Find claims worker (lib/check-worthiness/worker/score-worker.ts). The production server
// never uses it: Next.js bundles the entries itself (see each index.ts).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
