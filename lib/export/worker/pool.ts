/**
 * One render worker for the process, started on the first large export and reused: rendering a
 * 100,000-word report is ~100 ms of synchronous CPU, which on the main thread stalls every other
 * request. Jobs queue in order (bounded: past the limit a 429 asks to retry); a worker that crashes
 * or hangs is ended, its jobs fail with a render error, and the next job starts a fresh one. The
 * idle worker does not keep the process alive, and is stopped after a while without jobs.
 */
import { Worker } from 'node:worker_threads';
import { tooManyRequests } from '../../errors';
import { deserializeError, ExportWorkerError, type RenderJob, type RenderReply, type WireMessage } from './protocol';

export interface RenderResult {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

export interface ExportWorkerPoolOptions {
  /** Starts a worker running render-worker.ts (or a stand-in in tests). */
  createWorker: () => Worker;
  /** Jobs in the worker or waiting for it; one more is refused with 429. Default 8. */
  maxQueued?: number;
  /** A job that takes longer ends the worker (it may be stuck). Default 60 s. */
  jobTimeoutMs?: number;
  /** Claims per message when sending a job (see WireMessage). Default 25. */
  batchSize?: number;
  /** Stop the worker after this long without jobs. Default 5 minutes. */
  idleMs?: number;
}

interface Pending {
  resolve: (result: RenderResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ExportWorkerPool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Workers started so far (tests, logs). */
  starts = 0;

  constructor(private readonly options: ExportWorkerPoolOptions) {}

  get queued(): number {
    return this.pending.size;
  }

  render(job: Omit<RenderJob, 'id'>): Promise<RenderResult> {
    if (this.pending.size >= (this.options.maxQueued ?? 8)) {
      return Promise.reject(tooManyRequests('Too many reports are being prepared right now. Please try again in a few seconds.', 5));
    }
    const id = this.nextId++;
    const worker = this.ensureWorker();
    this.clearIdle();
    const result = new Promise<RenderResult>((resolve, reject) => {
      const timeoutMs = this.options.jobTimeoutMs ?? 60_000;
      const timer = setTimeout(() => this.fail(worker, new ExportWorkerError(`Rendering the report took longer than ${timeoutMs} ms.`, 'TimeoutError')), timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
    });
    void this.send(worker, id, job);
    return result;
  }

  /** Posts the job in pieces, yielding to the event loop between claim batches. */
  private async send(worker: Worker, id: number, job: Omit<RenderJob, 'id'>): Promise<void> {
    const post = (message: WireMessage) => worker.postMessage(message);
    try {
      const claims = Array.isArray(job.vm?.claims) ? job.vm.claims : null;
      // The text (1.4 MB on a 100,000-word article) as bytes moved to the worker: no clone on this thread.
      const text = typeof job.vm?.article?.text === 'string' ? job.vm.article.text : null;
      const bytes = text === null ? new Uint8Array(0) : utf16Bytes(text);
      let vm = job.vm;
      if (claims) vm = { ...vm, claims: [] };
      if (text !== null) vm = { ...vm, article: { ...vm.article, text: '' } };
      worker.postMessage({ kind: 'start', id, format: job.format, claimReview: job.claimReview, output: job.output, vm, text: bytes } satisfies WireMessage, [bytes.buffer as ArrayBuffer]);
      const batch = this.options.batchSize ?? 25;
      for (let from = 0; claims && from < claims.length; from += batch) {
        if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        if (!this.pending.has(id) || this.worker !== worker) return; // failed meanwhile
        post({ kind: 'claims', id, claims: claims.slice(from, from + batch) });
      }
      post({ kind: 'end', id });
    } catch (error) {
      // Data that cannot be cloned: this job fails, the worker is fine.
      if (this.worker === worker) worker.postMessage({ kind: 'abort', id } satisfies WireMessage);
      this.settle(id)?.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Ends the worker; jobs still in it fail. */
  async close(): Promise<void> {
    this.clearIdle();
    const worker = this.worker;
    if (!worker) return;
    this.fail(worker, new ExportWorkerError('The export worker was stopped.', 'AbortError'));
    await worker.terminate().catch(() => undefined);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.options.createWorker();
    this.starts += 1;
    // An idle worker must not keep the server (or a CLI run) from exiting.
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.onReply(reply));
    worker.on('error', (error) => this.fail(worker, new ExportWorkerError(`The export worker failed: ${error.message}`, error.name, error.stack)));
    worker.on('exit', (code) => this.fail(worker, new ExportWorkerError(`The export worker stopped (exit code ${code}).`, 'ExitError')));
    this.worker = worker;
    return worker;
  }

  private onReply(reply: RenderReply): void {
    const pending = this.settle(reply?.id);
    if (!pending) return;
    if (reply.ok) pending.resolve({ body: reply.body, contentType: reply.contentType, fileName: reply.fileName });
    else pending.reject(deserializeError(reply.error));
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.armIdle();
    return pending;
  }

  /** The worker is gone or stuck: fail everything in it and start afresh next time. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate().catch(() => undefined);
    const jobs = [...this.pending.keys()];
    for (const id of jobs) this.settle(id)?.reject(error);
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

/** The string's UTF-16 code units as bytes in a buffer of their own (lone surrogates kept as they are). */
function utf16Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).write(text, 'utf16le');
  return bytes;
}
