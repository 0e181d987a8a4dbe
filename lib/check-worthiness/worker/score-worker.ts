/**
 * The Find claims scoring worker (a worker_threads entry, started by index.ts): scores an article's
 * text off the main event loop, posting progress and then the result in batches (protocol.ts).
 * Never touches the database or the network. Next.js bundles it through
 * `new Worker(new URL('./score-worker.ts', import.meta.url))`.
 */
import { parentPort } from 'node:worker_threads';
import { warmUpEnglish } from '../english';
import { scoreSentencesInSlices } from '../score';
import { SENTENCE_BATCH, WORKER_PROGRESS_MS, type FromWorker, type ToWorker } from './protocol';

if (!parentPort) throw new Error('score-worker.ts must run as a worker thread.');
const port = parentPort;
const post = (message: FromWorker) => port.postMessage(message);
const cancels = new Map<number, AbortController>();
const waitingForMore = new Map<number, () => void>();

port.on('message', (message: ToWorker) => {
  switch (message?.kind) {
    case 'score':
      void score(message.id, message.text, message.weights);
      return;
    case 'more':
      waitingForMore.get(message.id)?.();
      return;
    case 'cancel':
      cancels.get(message.id)?.abort();
      waitingForMore.get(message.id)?.();
      return;
  }
});

async function score(id: number, text: string, weights: Extract<ToWorker, { kind: 'score' }>['weights']): Promise<void> {
  const controller = new AbortController();
  cancels.set(id, controller);
  try {
    let lastPost = 0;
    // Slices here only let `cancel` messages in: nothing else runs on this thread.
    const { sentences, stats: _stats, ...rest } = await scoreSentencesInSlices(text, {
      weights,
      signal: controller.signal,
      sliceMs: 50,
      onProgress: (done, total, count) => {
        const now = performance.now();
        if (done < total && now - lastPost < WORKER_PROGRESS_MS) return;
        lastPost = now;
        post({ kind: 'progress', id, done, total, sentences: count });
      },
    });
    for (let from = 0; from < sentences.length; from += SENTENCE_BATCH) {
      if (from > 0) await new Promise<void>((resolve) => waitingForMore.set(id, resolve));
      waitingForMore.delete(id);
      if (controller.signal.aborted) return;
      post({ kind: 'sentences', id, sentences: sentences.slice(from, from + SENTENCE_BATCH) });
    }
    if (sentences.length > 0) await new Promise<void>((resolve) => waitingForMore.set(id, resolve));
    waitingForMore.delete(id);
    if (controller.signal.aborted) return;
    post({ kind: 'done', id, result: rest });
  } catch (error) {
    if (controller.signal.aborted) return;
    const e = error instanceof Error ? error : new Error(String(error));
    post({ kind: 'error', id, name: e.name, message: e.message, stack: e.stack });
  } finally {
    cancels.delete(id);
    waitingForMore.delete(id);
  }
}

// compromise builds its lexicon on first use (~80 ms): before the first job, on this thread.
try {
  warmUpEnglish();
} catch {
  // The first job builds it then.
}
post({ kind: 'ready' });
