/**
 * What reusing one Chromium saves per PDF export: renders the fixture report N times with a fresh
 * browser each time (what the renderer did before) and N times on the shared browser. Prints the
 * median and max per render and the sandbox mode; nothing is asserted.
 *
 * Run: npx tsx bench/pdf-render.bench.ts [renders=5]
 */
import { renderHtmlReport } from '../lib/export/html';
import { closePdfBrowsers, pdfSandboxMode, renderPdf } from '../lib/export/pdf';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

const RENDERS = Number(process.argv[2] ?? 5);
if (!Number.isInteger(RENDERS) || RENDERS < 1) throw new Error(`renders must be a positive integer (got ${process.argv[2]}).`);

const html = await renderHtmlReport(buildFixtureViewModel());

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(34)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0).padStart(5)} ms   max ${sorted.at(-1)!.toFixed(0).padStart(5)} ms`;
}

async function main(): Promise<void> {
  const fresh: number[] = [];
  for (let i = 0; i < RENDERS; i += 1) {
    fresh.push(await timed(() => renderPdf(html)));
    await closePdfBrowsers();
  }
  const reused: number[] = [];
  await renderPdf(html); // start the shared browser
  for (let i = 0; i < RENDERS; i += 1) reused.push(await timed(() => renderPdf(html)));
  const mode = await pdfSandboxMode();
  await closePdfBrowsers();

  console.log(`${RENDERS} renders of the fixture report, Chromium ${mode ?? 'unknown mode'}, Node ${process.version}`);
  console.log(summary('new browser per export (before)', fresh));
  console.log(summary('shared browser, new context (now)', reused));
}

void main();
