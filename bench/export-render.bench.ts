/**
 * Export rendering at newsroom scale: every format of the 100,000-word, 2,000-claim report
 * (bench/big-report.ts), rendered in this process. Prints the median per format; nothing is asserted.
 *
 * Run: npx tsx bench/export-render.bench.ts [runs=5] [formats=html,md,csv,json,w3c,claimreview]
 */
import { renderReport, type ExportFormat } from '../lib/export';
import { buildBigReportViewModel } from './big-report';

const RUNS = Number(process.argv[2] ?? 5);
const FORMATS = (process.argv[3] ?? 'html,md,csv,json,w3c,claimreview').split(',') as ExportFormat[];

async function main(): Promise<void> {
  const vm = buildBigReportViewModel();
  console.log(`article: ${vm.article.text.length.toLocaleString('en')} UTF-16 units, ${vm.claims.length} claims`);
  for (const format of FORMATS) {
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 1; i += 1) {
      const t0 = performance.now();
      const report = await renderReport(vm, format, { claimReview: { draft: true } });
      const ms = performance.now() - t0;
      if (i > 0) samples.push(ms); // the first run warms up the JIT
      bytes = typeof report.body === 'string' ? Buffer.byteLength(report.body) : report.body.byteLength;
    }
    samples.sort((a, b) => a - b);
    console.log(`${format.padEnd(12)} median ${samples[Math.floor(samples.length / 2)]!.toFixed(1).padStart(8)} ms   max ${samples.at(-1)!.toFixed(1).padStart(8)} ms   ${(bytes / 1e6).toFixed(2)} MB`);
  }
}

void main();
