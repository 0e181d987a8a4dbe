/**
 * npm run bench:check-worthiness [-- --fit] [-- --words N]
 *
 * Quality on the labelled set (fixtures/check-worthiness/labelled.json, GUIDELINE.md):
 *  - the shipped default weights on the held-out `test` documents (they were fitted on `train`),
 *    and on all documents (said so: that includes the ones they were fitted on);
 *  - weights fitted by fitWeights, measured by stratified 10-fold cross-validation and by
 *    leave-one-document-out (never scoring an example with weights fitted on it);
 *  - the same without compromise (English entities/superlatives/imperatives off), to see what it adds.
 * `--fit` refits the default weights on the `train` documents and rewrites
 * lib/check-worthiness/default-weights.ts.
 *
 * Performance: a 100,000-word article (the English labelled texts, repeated with varied figures),
 * each run in a child process of its own so its peak RSS is its own: scoreSentences (synchronous),
 * scoreSentencesInSlices (warmed up; timed by wall clock and by CPU time; and cold) with the longest
 * synchronous slice and the event-loop delay seen by a 1 ms timer, and one 200,000-character
 * "sentence". `--modes sync,sliced` runs some of them; `--quality-only` skips them. The load
 * average is printed per run: on a shared machine wall-clock slices include time given to others.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { warmUpEnglish } from '../lib/check-worthiness/english';
import { DEFAULT_WEIGHTS } from '../lib/check-worthiness/default-weights';
import { crossValidate, evaluate, fitWeights, scoreFeatures, type Metrics } from '../lib/check-worthiness/model';
import { scoreSentences, scoreSentencesInSlices } from '../lib/check-worthiness/score';
import { FEATURES, type Weights } from '../lib/check-worthiness/types';
import { loadLabelledSet, matchExamples, ROOT, type GoldDocument, type MatchedExample } from './check-worthiness-data';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
const row = (name: string, m: Metrics, fitted: string): string =>
  `| ${name} | ${m.n} (${m.positives} +) | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${pct(m.auc)} | ${fitted} |`;

function metricsOf(examples: readonly MatchedExample[], weights: Weights): Metrics {
  return evaluate(
    examples.map((e) => scoreFeatures(e.features, weights)),
    examples.map((e) => e.label),
    weights.threshold,
  );
}

function leaveOneDocumentOut(examples: readonly MatchedExample[], documents: readonly GoldDocument[]): Metrics {
  const scores: number[] = [];
  const labels: boolean[] = [];
  for (const doc of documents) {
    const weights = fitWeights(examples.filter((e) => e.document !== doc.id));
    for (const e of examples.filter((x) => x.document === doc.id)) {
      scores.push(scoreFeatures(e.features, weights));
      labels.push(e.label);
    }
  }
  return evaluate(scores, labels);
}

function writeDefaultWeights(weights: Weights, trainDocs: readonly string[], n: number): void {
  const body = FEATURES.map((f) => `    ${f}: ${weights.features[f]},`).join('\n');
  const file = `/**
 * The shipped default weights: fitWeights (L2 0.01, 3,000 iterations of batch gradient descent from
 * zero) on the ${n} sentences of the \`train\` documents of fixtures/check-worthiness/labelled.json:
 * ${trainDocs.join(', ')}.
 * Rewritten by \`npm run bench:check-worthiness -- --fit\`; measure them on the held-out \`test\`
 * documents, never on those (lib/check-worthiness/quality.test.ts checks they are still that fit).
 */
import type { Weights } from './types';

export const DEFAULT_WEIGHTS: Weights = {
  bias: ${weights.bias},
  features: {
${body}
  },
  threshold: ${weights.threshold},
};
`;
  writeFileSync(path.join(ROOT, 'lib/check-worthiness/default-weights.ts'), file);
}

function quality(): void {
  const documents = loadLabelledSet();
  const examples = matchExamples(documents);
  const train = examples.filter((e) => e.split === 'train');
  const test = examples.filter((e) => e.split === 'test');
  const trainDocs = documents.filter((d) => d.split === 'train').map((d) => d.id);

  if (args.includes('--fit')) {
    const weights = fitWeights(train);
    writeDefaultWeights(weights, trainDocs, train.length);
    console.log(`Fitted on ${train.length} train sentences (${trainDocs.join(', ')}); wrote lib/check-worthiness/default-weights.ts:`);
    console.log(JSON.stringify(weights));
    console.log('Run again without --fit to measure them.');
    return;
  }

  const noNlp = matchExamples(documents, { noNlp: true });
  console.log('## Quality on the labelled set (threshold %s)\n', DEFAULT_WEIGHTS.threshold);
  console.log('| weights | sentences | precision | recall | F1 | ROC AUC | fitted on |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  console.log(row('shipped defaults, held-out `test` documents', metricsOf(test, DEFAULT_WEIGHTS), `\`train\` (${train.length} sentences); none of these`));
  console.log(row('shipped defaults, all documents', metricsOf(examples, DEFAULT_WEIGHTS), `**includes** the ${train.length} \`train\` sentences they were fitted on`));
  console.log(row('fitWeights, 10-fold cross-validation', crossValidate(examples, 10), 'the other 9 folds each time'));
  console.log(row('fitWeights, leave one document out', leaveOneDocumentOut(examples, documents), 'the other 6 documents each time'));
  console.log(row('no compromise, 10-fold cross-validation', crossValidate(noNlp, 10), 'the other 9 folds each time'));
  const fa = examples.filter((e) => e.document.endsWith('-fa'));
  console.log(row('shipped defaults, the Persian text only', metricsOf(fa, DEFAULT_WEIGHTS), `\`train\` (English only); none of these`));
  console.log('\nShipped default weights:', JSON.stringify(DEFAULT_WEIGHTS));

  const errors = test.filter((e) => e.score >= DEFAULT_WEIGHTS.threshold !== e.label);
  console.log(`\nHeld-out errors (${errors.length}):`);
  for (const e of errors) console.log(`  ${e.label ? 'missed' : 'false +'} ${e.score.toFixed(2)} ${e.gold.label} | ${e.gold.text.slice(0, 100)}`);
}

// --- performance ------------------------------------------------------------------------------

/** About `words` words of English news text: the labelled English texts over and over, figures varied. */
export function bigArticle(words: number): string {
  const bodies = loadLabelledSet()
    .filter((d) => d.language === 'en')
    .map((d) => d.body);
  const parts: string[] = [];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const body of bodies) {
      const varied = body.replace(/\d/g, (d) => String((Number(d) + round) % 10));
      parts.push(varied);
      count += varied.split(/\s+/u).filter(Boolean).length;
      if (count >= words) break;
    }
  }
  return parts.join('\n\n');
}

interface PerfReport {
  mode: string;
  words: number;
  chars: number;
  sentences: number;
  wallMs: number;
  maxRssMb: number;
  rssBeforeMb: number;
  heapUsedMb: number;
  slices?: number;
  longestSliceMs?: number;
  p99SliceMs?: number;
  medianSliceMs?: number;
  load: number;
  timerMaxGapMs?: number;
  eventLoopDelayMaxMs?: number;
  eventLoopDelayP99Ms?: number;
  chunked?: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * What the main thread's callers feel while a run goes on: the longest gap between 1 ms timer ticks
 * and the event-loop delay (max, p99). `stop()` ends the probe and returns the figures in ms.
 */
function startLoopProbe(): { stop: () => { timerMaxGapMs: number; eventLoopDelayMaxMs: number; eventLoopDelayP99Ms: number } } {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return {
    stop: () => {
      clearInterval(timer);
      histogram.disable();
      return { timerMaxGapMs: tenth(maxGap), eventLoopDelayMaxMs: tenth(histogram.max / 1e6), eventLoopDelayP99Ms: tenth(histogram.percentile(99) / 1e6) };
    },
  };
}

async function perfChild(mode: string, words: number): Promise<PerfReport> {
  const text = mode === 'idle' ? '' : mode === 'huge' ? 'word '.repeat(40_000) : mode === 'huge-nospace' ? 'x'.repeat(200_000) : bigArticle(words);
  if (mode !== 'sliced-cold') warmUpEnglish();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const base = { mode, load: Math.round(loadavg()[0] ?? 0), words: text.split(/\s+/u).filter(Boolean).length, chars: text.length, rssBeforeMb: mb(rssBefore) };
  if (mode === 'idle') {
    // The baseline: the same probes in a process that does nothing for 10 s (what the shared machine's scheduling costs).
    const probe = startLoopProbe();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const loop = probe.stop();
    return {
      ...base,
      sentences: 0,
      wallMs: 10_000,
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      heapUsedMb: mb(process.memoryUsage().heapUsed),
      ...loop,
    };
  }
  if (mode === 'worker') {
    // The whole synchronous scorer in a worker thread: the main thread only waits for one message.
    const probe = startLoopProbe();
    const t0 = performance.now();
    const sentences = await new Promise<number>((resolve, reject) => {
      // tsx's loader does not reach worker threads on Node 20: the worker loads the TypeScript through tsImport.
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { text, score: path.join(ROOT, 'lib/check-worthiness/score.ts'), english: path.join(ROOT, 'lib/check-worthiness/english.ts'), parent: import.meta.url } });
      worker.once('message', (n: number) => {
        resolve(n);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    const wallMs = performance.now() - t0;
    const loop = probe.stop();
    return {
      ...base,
      sentences,
      wallMs: Math.round(wallMs),
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      heapUsedMb: mb(process.memoryUsage().heapUsed),
      ...loop,
    };
  }
  if (mode.startsWith('sliced')) {
    const probe = startLoopProbe();
    const t0 = performance.now();
    // sliced-cpu: slices timed by this process's CPU time, so time the OS gave to other processes
    // (the machine is shared) does not count as work; the wall-clock runs show what callers feel.
    const cpuNow = (): number => process.cpuUsage().user / 1000;
    const result = await scoreSentencesInSlices(text, mode === 'sliced-cpu' ? { sliceMs: 4, now: cpuNow } : { sliceMs: 4 });
    const wallMs = performance.now() - t0;
    const loop = probe.stop();
    return {
      ...base,
      sentences: result.sentences.length,
      wallMs: Math.round(wallMs),
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      heapUsedMb: mb(process.memoryUsage().heapUsed),
      slices: result.stats.slices,
      longestSliceMs: Math.round(result.stats.longestSliceMs * 10) / 10,
      p99SliceMs: Math.round(result.stats.p99SliceMs * 10) / 10,
      medianSliceMs: Math.round(result.stats.medianSliceMs * 10) / 10,
      ...loop,
    };
  }
  const t0 = performance.now();
  const result = scoreSentences(text);
  const wallMs = performance.now() - t0;
  return {
    ...base,
    sentences: result.sentences.length,
    wallMs: Math.round(wallMs),
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    chunked: result.chunkedSentences,
  };
}

function performanceRuns(words: number): void {
  console.log(`\n## Performance (${words.toLocaleString('en')}-word article; each row a child process)\n`);
  console.log('| run | load avg | words | chars | sentences | wall | peak RSS (before scoring) | heap after | slice max / p99 / median | 1 ms timer max gap | event-loop delay max / p99 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const self = fileURLToPath(import.meta.url);
  for (const mode of (flag('--modes') ?? 'idle,sync,sliced,sliced-cpu,sliced-cold,worker,huge,huge-nospace').split(',')) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--perf', mode, '--words', String(words)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`| ${mode} | failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    const r = JSON.parse(line) as PerfReport;
    const dash = (x: number | undefined, unit = ' ms'): string => (x === undefined ? '—' : `${x}${unit}`);
    console.log(
      `| ${r.mode}${r.chunked ? ` (${r.chunked} chunked)` : ''} | ${r.load} | ${r.words} | ${r.chars} | ${r.sentences} | ${(r.wallMs / 1000).toFixed(2)} s | ${r.maxRssMb} MB (${r.rssBeforeMb} MB) | ${r.heapUsedMb} MB | ${r.longestSliceMs === undefined ? '—' : `${r.longestSliceMs} / ${r.p99SliceMs} / ${r.medianSliceMs} ms`} | ${dash(r.timerMaxGapMs)} | ${r.eventLoopDelayMaxMs === undefined ? '—' : `${r.eventLoopDelayMaxMs} / ${r.eventLoopDelayP99Ms} ms`} |`,
    );
  }
}

async function main(): Promise<void> {
  const words = Number(flag('--words') ?? 100_000);
  const mode = flag('--perf');
  if (mode) {
    console.log(JSON.stringify(await perfChild(mode, words)));
    return;
  }
  quality();
  if (!args.includes('--fit') && !args.includes('--quality-only')) performanceRuns(words);
}

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
import('tsx/esm/api').then(async ({ tsImport }) => {
  const { warmUpEnglish } = await tsImport(workerData.english, workerData.parent);
  const { scoreSentences } = await tsImport(workerData.score, workerData.parent);
  warmUpEnglish();
  parentPort.postMessage(scoreSentences(workerData.text).sentences.length);
});
`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
