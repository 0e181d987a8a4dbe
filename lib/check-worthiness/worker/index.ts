/**
 * Find claims scores on one worker_threads worker, reused for the process (the same pattern as the
 * export worker, lib/export/worker): scoring in slices on the main thread left 17 ms p99 slices and
 * 40–70 ms garbage-collection outliers (bench/RESULTS.md, "Check-worthiness"); on a worker the main
 * thread's event-loop delay stays an idle process's. Jobs run in order; a worker that crashes is
 * ended, its jobs fail, and the next job starts a fresh one. A worker that cannot start (it never
 * said `ready`) fails its jobs with `unavailable` set, and the runner falls back to
 * scoreSentencesInSlices. The idle worker does not keep the process alive and stops after a while.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScoredSentence, ScoreResult, Weights } from '../types';
import type { FromWorker, ToWorker } from './protocol';

/**
 * Whether this module runs from its TypeScript source (vitest, tsx) rather than a Next.js bundle.
 * Not import.meta.url alone: Turbopack keeps the source file's URL in it.
 */
function runningFromSource(): boolean {
  return !process.env.NEXT_RUNTIME && typeof import.meta.url === 'string' && import.meta.url.endsWith('.ts');
}

export function createScoreWorker(): Worker {
  if (runningFromSource()) {
    // Plain paths, not `new URL(...)`: bundlers follow that form (below) and would copy these too.
    const here = fileURLToPath(import.meta.url);
    // The export worker's bootstrap runs any TypeScript entry named in workerData.
    const bootstrap = here.replace(/check-worthiness\/worker\/index\.ts$/, 'export/worker/dev-bootstrap.mjs');
    return new Worker(bootstrap, { workerData: { entry: pathToFileURL(here.replace(/index\.ts$/, 'score-worker.ts')).href } });
  }
  return new Worker(new URL('./score-worker.ts', import.meta.url));
}

/** The worker failed (or never started: `unavailable`); not an error of the scoring itself. */
export class ScoreWorkerError extends Error {
  constructor(
    message: string,
    readonly unavailable: boolean,
  ) {
    super(message);
    this.name = 'ScoreWorkerError';
  }
}

export interface ScoreInWorkerOptions {
  weights?: Weights;
  signal?: AbortSignal;
  /** As scoreSentencesInSlices' onProgress: UTF-16 units done, the text's length, sentences scored. */
  onProgress?: (done: number, total: number, sentences: number) => void;
}

export interface ScoreWorkerPoolOptions {
  createWorker?: () => Worker;
  /** Stop the worker after this long without jobs. Default 5 minutes. */
  idleMs?: number;
  /** A job that takes longer ends the worker. Default 15 minutes (a 100,000-word article takes 13–50 s). */
  jobTimeoutMs?: number;
}

interface Job {
  sentences: ScoredSentence[];
  onProgress?: ScoreInWorkerOptions['onProgress'];
  resolve: (result: ScoreResult) => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

export class ScoreWorkerPool {
  private worker: Worker | null = null;
  private ready = false;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Workers started and jobs finished on a worker so far (tests, logs). */
  starts = 0;
  scored = 0;

  constructor(private readonly options: ScoreWorkerPoolOptions = {}) {}

  score(text: string, options: ScoreInWorkerOptions = {}): Promise<ScoreResult> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const worker = this.ensureWorker();
    this.clearIdle();
    const id = this.nextId++;
    return new Promise<ScoreResult>((resolve, reject) => {
      const timeoutMs = this.options.jobTimeoutMs ?? 15 * 60_000;
      const timer = setTimeout(() => this.fail(worker, new ScoreWorkerError(`Scoring took longer than ${timeoutMs} ms.`, false)), timeoutMs);
      timer.unref();
      const onAbort = () => {
        if (this.worker === worker) worker.postMessage({ kind: 'cancel', id } satisfies ToWorker);
        this.settle(id)?.reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      this.jobs.set(id, { sentences: [], onProgress: options.onProgress, resolve, reject, cleanup });
      try {
        worker.postMessage({ kind: 'score', id, text, weights: options.weights } satisfies ToWorker);
      } catch (error) {
        this.settle(id)?.reject(error);
      }
    });
  }

  /** Ends the worker; jobs still in it fail. */
  async close(): Promise<void> {
    this.clearIdle();
    const worker = this.worker;
    if (!worker) return;
    this.fail(worker, new ScoreWorkerError('The scoring worker was stopped.', false));
    await worker.terminate().catch(() => undefined);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = (this.options.createWorker ?? createScoreWorker)();
    } catch (error) {
      throw new ScoreWorkerError(`The scoring worker could not be created: ${error instanceof Error ? error.message : String(error)}`, true);
    }
    this.starts += 1;
    this.ready = false;
    worker.unref();
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (error) => this.fail(worker, new ScoreWorkerError(`The scoring worker failed: ${error.message}`, !this.ready)));
    worker.on('exit', (code) => this.fail(worker, new ScoreWorkerError(`The scoring worker stopped (exit code ${code}).`, !this.ready)));
    this.worker = worker;
    return worker;
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (this.worker !== worker || !message) return;
    if (message.kind === 'ready') {
      this.ready = true;
      return;
    }
    const job = this.jobs.get(message.id);
    if (!job) return;
    switch (message.kind) {
      case 'progress':
        job.onProgress?.(message.done, message.total, message.sentences);
        return;
      case 'sentences':
        for (const sentence of message.sentences) job.sentences.push(sentence);
        // The next batch in a later turn of the event loop: requests in between.
        setImmediate(() => {
          if (this.worker === worker && this.jobs.has(message.id)) worker.postMessage({ kind: 'more', id: message.id } satisfies ToWorker);
        });
        return;
      case 'done':
        this.scored += 1;
        this.settle(message.id)?.resolve({ ...message.result, sentences: job.sentences });
        return;
      case 'error': {
        const error = new Error(message.message);
        error.name = message.name;
        if (message.stack) error.stack = message.stack;
        this.settle(message.id)?.reject(error);
        return;
      }
    }
  }

  private settle(id: number): Job | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    this.jobs.delete(id);
    job.cleanup();
    if (this.jobs.size === 0) this.armIdle();
    return job;
  }

  /** The worker is gone or stuck: fail everything in it and start afresh next time. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate().catch(() => undefined);
    for (const id of [...this.jobs.keys()]) this.settle(id)?.reject(error);
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? 5 * 60_000);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

// One pool per process, kept on globalThis so dev-mode reloads reuse it.
const registry = globalThis as unknown as { claimdeskScoreWorkerPool?: ScoreWorkerPool };

export function scoreWorkerPool(): ScoreWorkerPool {
  return (registry.claimdeskScoreWorkerPool ??= new ScoreWorkerPool());
}

/** Replaces the process's pool (tests); undefined: a fresh default one on next use. */
export function setScoreWorkerPool(pool: ScoreWorkerPool | undefined): void {
  registry.claimdeskScoreWorkerPool = pool;
}
