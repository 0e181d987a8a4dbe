/**
 * Messages between the Find claims runner's pool (index.ts) and the scoring worker (score-worker.ts).
 * Plain, structured-clone-able data only.
 *
 * The result comes back in pieces the main thread asks for one at a time (`more`), so no single
 * structured clone of thousands of sentences stalls its event loop: `sentences` batches, then `done`.
 */
import type { ScoredSentence, ScoreResult, Weights } from '../types';

export type ToWorker = { kind: 'score'; id: number; text: string; weights?: Weights } | { kind: 'more'; id: number } | { kind: 'cancel'; id: number };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'progress'; id: number; done: number; total: number; sentences: number }
  | { kind: 'sentences'; id: number; sentences: ScoredSentence[] }
  | { kind: 'done'; id: number; result: Omit<ScoreResult, 'sentences'> }
  | { kind: 'error'; id: number; name: string; message: string; stack?: string };

/** Sentences per `sentences` message. */
export const SENTENCE_BATCH = 250;
/** The worker reports progress at most this often. */
export const WORKER_PROGRESS_MS = 200;
