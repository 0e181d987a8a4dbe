/**
 * npx tsx --tsconfig tsconfig.node.json bench/check-worthiness-worker-loop.ts [--words N]
 *
 * The main thread's event-loop delay while the Find claims runner's scoring worker
 * (lib/check-worthiness/worker, ScoreWorkerPool) scores an article of about N words (default
 * 30,000: the English labelled texts repeated with varied figures, as bench/check-worthiness.ts),
 * against the same probes for as long in an idle moment of this process, and against
 * scoreSentencesInSlices on this thread. Probes: monitorEventLoopDelay (1 ms resolution) and the
 * longest gap between ticks of a 1 ms timer. The worker is started and warmed before it is timed.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { warmUpEnglish } from '../lib/check-worthiness/english';
import { scoreSentencesInSlices } from '../lib/check-worthiness/score';
import { ScoreWorkerPool } from '../lib/check-worthiness/worker';
import { loadLabelledSet } from './check-worthiness-data';

const i = process.argv.indexOf('--words');
const words = i >= 0 ? Number(process.argv[i + 1]) : 30_000;

function article(n: number): string {
  const bodies = loadLabelledSet()
    .filter((d) => d.language === 'en')
    .map((d) => d.body);
  const parts: string[] = [];
  let count = 0;
  for (let round = 0; count < n; round++) {
    for (const body of bodies) {
      const varied = body.replace(/\d/g, (d) => String((Number(d) + round) % 10));
      parts.push(varied);
      count += varied.split(/\s+/u).filter(Boolean).length;
      if (count >= n) break;
    }
  }
  return parts.join('\n\n');
}

async function probe<T>(work: () => Promise<T>): Promise<{ ms: number; max: number; p99: number; gap: number; result: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let last = performance.now();
  let gap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 1);
  const began = performance.now();
  const result = await work();
  const ms = performance.now() - began;
  clearInterval(timer);
  histogram.disable();
  const r = (x: number) => Math.round(x * 10) / 10;
  return { ms: r(ms), max: r(histogram.max / 1e6), p99: r(histogram.percentile(99) / 1e6), gap: r(gap), result };
}

async function main(): Promise<void> {
  const text = article(words);
  warmUpEnglish();
  const pool = new ScoreWorkerPool();
  await pool.score('Warm-up: the ministry said unemployment fell to 4.2 percent in March.');
  const worker = await probe(() => pool.score(text));
  const idle = await probe(() => new Promise((resolve) => setTimeout(resolve, Math.min(worker.ms, 10_000))));
  const sliced = await probe(() => scoreSentencesInSlices(text));
  await pool.close();
  const row = (name: string, p: { ms: number; max: number; p99: number; gap: number }) => `| ${name} | ${(p.ms / 1000).toFixed(1)} s | ${p.max} / ${p.p99} ms | ${p.gap} ms |`;
  console.log(`${text.length} chars, ${worker.result.sentences.length} sentences, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| main thread during | wall | event-loop delay max / p99 | 1 ms timer max gap |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(row('ScoreWorkerPool.score (the runner)', worker));
  console.log(row('idle (same process, up to 10 s)', idle));
  console.log(row('scoreSentencesInSlices on this thread', sliced));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
