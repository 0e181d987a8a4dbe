/**
 * How long the main thread is blocked while a newsroom-scale report (bench/big-report.ts) is
 * exported, inline vs on the export worker (lib/export/worker). A 1 ms interval timer measures the
 * longest main-thread stall (what any other request would wait); the same with nothing running gives
 * the machine's own noise. Prints the longest stall per mode; nothing is asserted.
 *
 * Run: NODE_ENV=production npx tsx bench/export-stall.bench.ts [runs=3] [format=html]
 */
import { renderReport, type ExportFormat } from '../lib/export';
import { exportWorkerPool, renderExport } from '../lib/export/worker';
import { buildBigReportViewModel } from './big-report';

const RUNS = Number(process.argv[2] ?? 3);
const FORMAT = (process.argv[3] ?? 'html') as ExportFormat;

/** Longest gap between ticks of a 1 ms interval timer while `work` runs (started 50 ms before it). */
async function stallDuring(work: () => Promise<unknown>): Promise<{ maxGap: number; ms: number }> {
  let last = performance.now();
  let maxGap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  maxGap = 0;
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  // Let the probe tick once more, so a gap that ends with the work is counted.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  return { maxGap, ms };
}

async function measure(label: string, work: () => Promise<unknown>): Promise<void> {
  const gaps: number[] = [];
  let ms = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const result = await stallDuring(work);
    gaps.push(result.maxGap);
    ms = result.ms;
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} took ${ms.toFixed(0).padStart(5)} ms   longest main-thread stall: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1).padStart(6)} ms (all ${gaps.map((m) => m.toFixed(0)).join(', ')})`);
}

async function main(): Promise<void> {
  const vm = buildBigReportViewModel();
  const pool = exportWorkerPool();
  await renderExport(vm, FORMAT, { worker: true, pool }); // start the worker, warm both paths
  await renderReport(vm, FORMAT);
  await measure('idle (machine noise)', () => new Promise((resolve) => setTimeout(resolve, 1000)));
  await measure(`${FORMAT} inline`, () => renderReport(vm, FORMAT));
  await measure(`${FORMAT} on the export worker`, () => renderExport(vm, FORMAT, { worker: true, pool }));
  await pool.close();
}

void main();
