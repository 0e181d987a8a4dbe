// Runs score-worker.ts from source (tests, benchmarks, `tsx` scripts): loads the entry named in
// workerData through tsx in this worker thread. The production server never uses it: Next.js
// bundles score-worker.ts itself (see index.ts). Same as lib/export/worker/dev-bootstrap.mjs.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
