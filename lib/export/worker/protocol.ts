/**
 * Messages between the export worker pool (pool.ts) and the render worker (render-worker.ts).
 * Plain, structured-clone-able data only. Errors cross as data and come back as AppErrors when
 * they were AppErrors in the worker, so routes map them to the same HTTP responses as inline.
 */
import { AppError, type ErrorCode } from '../../errors';
import type { ClaimReviewOptions } from '../claimreview';
import type { ExportFormat } from '../formats';
import type { ReportViewModel } from '../view-model';

/** Formats the worker renders: everything but PDF, whose HTML it renders and the main thread prints. */
export type WorkerFormat = Exclude<ExportFormat, 'pdf'>;

export interface RenderJob {
  id: number;
  vm: ReportViewModel;
  format: WorkerFormat;
  claimReview?: ClaimReviewOptions;
  /** 'bytes': a text body comes back as UTF-8 bytes, moved rather than copied (a response body as is). */
  output?: 'string' | 'bytes';
}

/**
 * A job goes over in pieces so no single structured clone stalls the main thread: the report
 * without its claims and with the article text as UTF-16 bytes (moved, not cloned), then the claims in batches (a claim with its sources, reviews and history
 * costs ~50 µs to clone; 2,000 at once were >100 ms), then `end`. `abort` drops a partial job.
 */
export type WireMessage =
  | { kind: 'start'; id: number; format: WorkerFormat; claimReview?: ClaimReviewOptions; output?: RenderJob['output']; vm: ReportViewModel; text: Uint8Array }
  | { kind: 'claims'; id: number; claims: ReportViewModel['claims'] }
  | { kind: 'end'; id: number }
  | { kind: 'abort'; id: number };

export type SerializedError = { app: true; code: ErrorCode; message: string; details?: unknown } | { app: false; name: string; message: string; stack?: string };

export type RenderReply = { id: number; ok: true; body: string | Uint8Array; contentType: string; fileName: string } | { id: number; ok: false; error: SerializedError };

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'unprocessable', 'too_many_requests', 'unavailable', 'internal']);

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) {
    let details: unknown;
    try {
      details = structuredClone(error.details);
    } catch {
      details = undefined;
    }
    return { app: true, code: error.code, message: error.message, ...(details === undefined ? {} : { details }) };
  }
  if (error instanceof Error) return { app: false, name: error.name, message: error.message, stack: error.stack };
  return { app: false, name: 'Error', message: String(error) };
}

/** An error the worker threw that was not an AppError (a bug, bad data): routes treat it as a render failure. */
export class ExportWorkerError extends Error {
  constructor(
    message: string,
    readonly originalName: string,
    readonly workerStack?: string,
  ) {
    super(message);
    this.name = 'ExportWorkerError';
  }
}

export function deserializeError(error: SerializedError): Error {
  if (error.app && ERROR_CODES.has(error.code)) return new AppError(error.code, error.message, error.details);
  if (error.app) return new AppError('internal', error.message);
  return new ExportWorkerError(error.message, error.name, error.stack);
}
