/**
 * What reusing one Chromium saves per PDF export: renders the fixture report N times with a fresh
 * browser each time (what the renderer did before) and N times on the shared browser. Prints the
 * median and max per render and the sandbox mode; nothing is asserted.
 *
 * With `big`, renders the newsroom-scale report instead (bench/big-report.ts: 100,000 words,
 * 2,000 claims) on the shared browser and prints the time per phase (HTML, setContent, page.pdf).
 *
 * Run: npx tsx bench/pdf-render.bench.ts [renders=5]
 *      npx tsx bench/pdf-render.bench.ts big [renders=2]
 */
import { renderHtmlReport } from '../lib/export/html';
import { closePdfBrowsers, pdfSandboxMode, renderPdf } from '../lib/export/pdf';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';
import { buildBigReportViewModel } from './big-report';

const BIG = process.argv[2] === 'big';
const RENDERS = Number(process.argv[BIG ? 3 : 2] ?? (BIG ? 2 : 5));
if (!Number.isInteger(RENDERS) || RENDERS < 1) throw new Error(`renders must be a positive integer (got ${process.argv[2]}).`);

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
  if (BIG) return big();
  const html = await renderHtmlReport(buildFixtureViewModel());
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

async function big(): Promise<void> {
  const vm = buildBigReportViewModel();
  const timings: PdfPhaseTimings[] = [];
  for (let i = 0; i < RENDERS + 1; i += 1) {
    const t0 = performance.now();
    const html = await renderHtmlReport(vm);
    const htmlMs = performance.now() - t0;
    const phases: PdfPhaseTimings = { htmlMs, setContentMs: 0, pdfMs: 0, bytes: 0 };
    const pdf = await renderPdf(html, { title: vm.article.title, onPhase: (phase, ms) => (phases[phase === 'setContent' ? 'setContentMs' : 'pdfMs'] = ms) });
    phases.bytes = pdf.byteLength;
    if (i > 0) timings.push(phases); // the first render starts the browser
  }
  await closePdfBrowsers();
  console.log(`${RENDERS} renders of the 100,000-word, 2,000-claim report on the shared browser, Node ${process.version}`);
  for (const t of timings) {
    console.log(`html ${t.htmlMs.toFixed(0).padStart(5)} ms   setContent ${t.setContentMs.toFixed(0).padStart(6)} ms   page.pdf ${t.pdfMs.toFixed(0).padStart(6)} ms   ${(t.bytes / 1e6).toFixed(1)} MB`);
  }
}

interface PdfPhaseTimings {
  htmlMs: number;
  setContentMs: number;
  pdfMs: number;
  bytes: number;
}
