import 'server-only';
import type { Db } from '@/db/client';
import { activeWeights, getCheckWorthinessSettingsRow } from '@/db/queries/check-worthiness-settings';
import { currentArticleText, endRun, failDeadRuns, finishSuggestionRun, getRunRow, rebaseRun, recordRunProgress, startSuggestionRun } from '@/db/queries/check-worthiness';
import { DEFAULT_WEIGHTS, scoreSentencesInSlices, warmUpEnglish } from '@/lib/check-worthiness';
import type { ScoreResult, Weights } from '@/lib/check-worthiness';
import { scoreWorkerPool, ScoreWorkerError } from '@/lib/check-worthiness/worker';
import type { SuggestionRunDto } from '@/lib/domain/check-worthiness';
import { AppError } from '@/lib/errors';
import { emitEntity } from '@/lib/events/emit';

/**
 * Find claims runs in the background (issue 16). The request that starts one answers at once (202);
 * the run is queued here, one at a time per process (two cores are shared with the requests), and
 * scored on the scoring worker thread (lib/check-worthiness/worker: slices on this thread still had
 * 17 ms p99 and 40–70 ms garbage-collection pauses, bench/RESULTS.md); a tiny text, or any text when
 * the worker cannot start, is scored here with scoreSentencesInSlices, yielding every few ms. The
 * database allows one running run per article (partial unique index). Progress is written about
 * once a second with a 'suggestions.updated' event; so is the end. A text saved during the run: the
 * new text is scored once more, then the run fails with a message. On shutdown the runs are aborted
 * (marked cancelled); runs that died with their process are marked failed by the start-up sweep.
 */

export const PROGRESS_EVERY_MS = 1_000;
/** A running row not written for this long belongs to a dead process (progress is written every second). */
export const DEAD_RUN_AFTER_MS = 2 * 60_000;

export const STALE_TEXT_MESSAGE = 'The article text kept changing while Find claims was running. Run it again when the text is saved.';
export const CANCELLED_MESSAGE = 'Find claims was stopped (the server shut down). Run it again.';

interface Job {
  runId: string;
  articleId: string;
  workspaceId: string;
  actorId: string | null;
}

class SuggestionJobs {
  private readonly waiting: Job[] = [];
  private readonly controllers = new Map<string, AbortController>();
  private active = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly concurrency = 1,
    private readonly log: (message: string, error: unknown) => void = (m, e) => console.error(`[claimdesk] ${m}`, e),
  ) {}

  enqueue(db: Db, job: Job): void {
    if (this.controllers.has(job.runId)) return;
    this.controllers.set(job.runId, new AbortController());
    this.waiting.push(job);
    // Never in the caller's turn: the request answers first.
    setImmediate(() => this.pump(db));
  }

  get size(): number {
    return this.waiting.length + this.active;
  }

  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  abortAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
  }

  private pump(db: Db): void {
    while (this.active < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      const controller = this.controllers.get(job.runId) ?? new AbortController();
      this.active += 1;
      void executeRun(db, job, controller.signal)
        .catch((error: unknown) => this.log(`Find claims run ${job.runId} failed`, error))
        .finally(() => {
          this.active -= 1;
          this.controllers.delete(job.runId);
          this.pump(db);
          if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }
}

const globalForJobs = globalThis as unknown as { claimdeskSuggestionJobs?: SuggestionJobs; claimdeskSuggestionSweep?: boolean };

function jobs(): SuggestionJobs {
  globalForJobs.claimdeskSuggestionJobs ??= new SuggestionJobs(1);
  return globalForJobs.claimdeskSuggestionJobs;
}

/** Resolves when no run is waiting or running (tests). */
export function suggestionJobsIdle(): Promise<void> {
  return jobs().idle();
}

/** Aborts every run of this process (shutdown): they are marked cancelled. */
export function abortSuggestionJobs(): void {
  jobs().abortAll();
}

function announce(job: Pick<Job, 'workspaceId' | 'articleId'>, run: { id: string; version: number }, actorId: string | null): void {
  emitEntity('suggestions.updated', { workspaceId: job.workspaceId, articleId: job.articleId, claimId: null }, run, actorId);
}

/**
 * POST /api/articles/:id/suggestions/runs: the run row is created (409 with progress when one is
 * running), queued, announced; the run itself happens after the request answered.
 */
export async function startFindClaims(db: Db, input: { articleId: string; workspaceId: string; actorId: string | null }): Promise<SuggestionRunDto> {
  const run = await startSuggestionRun(db, { articleId: input.articleId, actorId: input.actorId });
  jobs().enqueue(db, { runId: run.id, articleId: input.articleId, workspaceId: input.workspaceId, actorId: input.actorId });
  announce(input, run, input.actorId);
  return run;
}

/** After an import: a run when the workspace switched auto-run on (never throws: the import succeeded). */
export async function autoFindAfterImport(db: Db, article: { id: string; workspaceId: string }, actorId: string | null): Promise<SuggestionRunDto | null> {
  try {
    const settings = await getCheckWorthinessSettingsRow(db, article.workspaceId);
    if (!settings?.autoFindOnImport) return null;
    return await startFindClaims(db, { articleId: article.id, workspaceId: article.workspaceId, actorId });
  } catch (error) {
    console.error('[claimdesk] Find claims after import not started', error);
    return null;
  }
}

/** The run itself: score in slices, write progress every second, store at the end (once more on a newer text). */
export async function executeRun(db: Db, job: Job, signal: AbortSignal): Promise<void> {
  try {
    for (let attempt = 0; ; attempt += 1) {
      const run = await getRunRow(db, job.runId);
      if (!run || run.status !== 'running') return;
      const weights = await activeWeights(db, job.workspaceId);
      const current = await currentArticleText(db, job.articleId);
      if (current.revision !== run.revision) await rebaseRun(db, job.runId, current.revision);
      let lastWrite = Date.now();
      let pending: Promise<unknown> = Promise.resolve();
      const result = await scoreText(current.text, {
        signal,
        weights,
        onProgress: (done, total, sentences) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_EVERY_MS || done >= total) return;
          lastWrite = now;
          // Sentences are split lazily: the total is estimated from the share of the text done.
          const estimate = done > 0 ? Math.max(sentences, Math.round((sentences * total) / done)) : sentences;
          pending = pending
            .then(() => recordRunProgress(db, job.runId, { sentencesDone: sentences, sentencesTotal: estimate }))
            .then((row) => row && announce(job, row, null))
            .catch((error: unknown) => console.error('[claimdesk] Find claims progress not written', error));
        },
      });
      await pending;
      const outcome = await finishSuggestionRun(db, job.runId, current.revision, result);
      if (outcome.status === 'done') {
        announce(job, outcome.run, job.actorId);
        return;
      }
      if (outcome.status === 'gone') return;
      if (attempt >= 1) {
        const failed = await endRun(db, job.runId, 'failed', STALE_TEXT_MESSAGE);
        if (failed) announce(job, failed, null);
        return;
      }
    }
  } catch (error) {
    const aborted = signal.aborted;
    const message = aborted ? CANCELLED_MESSAGE : error instanceof AppError ? error.message : 'Find claims failed on this text. Try again; if it fails again, tell your administrator.';
    const ended = await endRun(db, job.runId, aborted ? 'cancelled' : 'failed', message).catch(() => null);
    if (ended) announce(job, ended, null);
    if (!aborted) throw error;
  }
}

/** Up to this much text (a sentence or two, a slice or two) is scored on this thread: no worker round trip. */
export const INLINE_MAX_TEXT = 400;

const logged = { worker: false, fallback: false };

interface ScoreTextOptions {
  signal: AbortSignal;
  weights: Weights;
  onProgress: (done: number, total: number, sentences: number) => void;
}

/** On the scoring worker; on this thread in slices for a tiny text or when the worker cannot start (logged once). */
async function scoreText(text: string, options: ScoreTextOptions): Promise<ScoreResult> {
  if (text.length > INLINE_MAX_TEXT) {
    try {
      const result = await scoreWorkerPool().score(text, options);
      if (!logged.worker) console.info('[claimdesk] Find claims: scoring on the worker thread');
      logged.worker = true;
      return result;
    } catch (error) {
      if (!(error instanceof ScoreWorkerError && error.unavailable) || options.signal.aborted) throw error;
      if (!logged.fallback) console.error('[claimdesk] Find claims: the scoring worker cannot start; scoring on the main thread in slices', error);
      logged.fallback = true;
    }
  }
  return scoreSentencesInSlices(text, options);
}

/**
 * A text's sentences and features scored off the event loop like a run's (the re-fit re-scores the
 * articles of hand-marked claims); features do not depend on the weights.
 */
export function scoreForFeatures(text: string, signal: AbortSignal = new AbortController().signal): Promise<ScoreResult> {
  return scoreText(text, { signal, weights: DEFAULT_WEIGHTS, onProgress: () => {} });
}

/**
 * Start-up: running rows whose process died (not written for DEAD_RUN_AFTER_MS) are marked failed,
 * a few seconds after start, never blocking it (lib/server/startup.ts); the English model is warmed up.
 */
export function sweepDeadRunsSoon(db: Db, delayMs = 3_000): void {
  if (globalForJobs.claimdeskSuggestionSweep) return;
  globalForJobs.claimdeskSuggestionSweep = true;
  const timer = setTimeout(() => {
    // compromise builds its lexicon on first use (~80 ms): at start-up, not in a run's first slice.
    try {
      warmUpEnglish();
    } catch (error) {
      console.error('[claimdesk] Find claims: English warm-up failed', error);
    }
    failDeadRuns(db, new Date(Date.now() - DEAD_RUN_AFTER_MS))
      .then((n) => {
        if (n > 0) console.warn(`[claimdesk] Find claims: ${n} run(s) left running by a stopped server marked failed`);
      })
      .catch((error: unknown) => console.error('[claimdesk] Find claims: dead runs not swept', error));
  }, delayMs);
  timer.unref();
}
