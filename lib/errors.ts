/**
 * Typed errors that cross the server boundary, each with the HTTP status it maps to.
 * Route handlers and server actions throw these; `toErrorResponse` turns them into JSON.
 */
export type ErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'unprocessable' | 'too_many_requests' | 'unavailable' | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra data for the client: field errors, or the current state on a conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const unauthorized = (message = 'Sign in to continue.') => new AppError('unauthorized', message);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError('forbidden', message);
export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found.`);
/** 429 with the seconds to wait; handlers send it as a Retry-After header too. */
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new AppError('too_many_requests', message, { retryAfterSeconds });
export const conflict = (message: string, current: unknown) => new AppError('conflict', message, { current });

/**
 * A 409 for a stale version (conflict(): its details carry the current state), as opposed to other
 * 409s such as the publishing lock's (`{ locked, status }`) or a published claim's (`{ published, number }`).
 */
export const isStaleVersion = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'conflict' && typeof error.details === 'object' && error.details !== null && 'current' in error.details;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  console.error(error);
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side. Your change was not saved; please try again.' } } };
}
