import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/transaction';
import type { CurrentUser } from '@/lib/domain/users';
import { AppError, errorBody, forbidden } from '@/lib/errors';
import { requireApiUser } from '@/lib/server/session';
import { JSON_BODY_LIMIT_BYTES, readBodyText, type BodyLimit } from '@/lib/api/body';
import { assertSameOrigin } from '@/lib/api/same-origin';

export interface ApiContext<P> {
  req: Request;
  params: P;
  user: CurrentUser;
  db: Db;
}

/**
 * Wraps a route handler: requires a session (401 otherwise), hands over the awaited params,
 * and turns thrown AppErrors into JSON with their status — never an HTML 500 page.
 */
export function apiRoute<P extends Record<string, string>>(handler: (ctx: ApiContext<P>) => Promise<unknown> | unknown, options: { allowOneTimePassword?: boolean; allowWithoutTwoFactor?: boolean } = {}) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const user = await requireApiUser();
      if (user.mustChangePassword && !options.allowOneTimePassword) throw forbidden('Choose your own password first (Your account page).');
      // A workspace of theirs requires two-factor sign-in: only the account routes (to set it up) answer.
      if (user.twoFactorSetupRequired && !options.allowWithoutTwoFactor) throw forbidden('A workspace you belong to requires two-factor sign-in. Set it up on Your account page first.');
      const result = await handler({ req, params: await context.params, user, db: getDb() });
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export type PublicApiContext<P> = Omit<ApiContext<P>, 'user'>;

/**
 * For the few routes a signed-out visitor may call (mailed links, password reset): the same origin
 * check and JSON errors as `apiRoute`, no session. Each such route proves who is acting another way
 * (a single-use token) or answers the same whoever asks.
 */
export function publicApiRoute<P extends Record<string, string>>(handler: (ctx: PublicApiContext<P>) => Promise<unknown> | unknown) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const result = await handler({ req, params: await context.params, db: getDb() });
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}


/** The JSON error; a 429 also says when to retry (Retry-After, seconds). */
function errorResponse(error: unknown): Response {
  if (isDatabaseUnavailable(error)) {
    console.error('Database unavailable', error);
    return NextResponse.json(
      { error: { code: 'unavailable', message: 'The database is not answering right now. Your change was not saved; try again in a moment.' } },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
  const { status, body } = errorBody(error);
  const retryAfter = error instanceof AppError && error.code === 'too_many_requests' ? (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
  return NextResponse.json(body, { status, headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined });
}

/**
 * Reads and validates a JSON body: 413 past the byte limit (checked while streaming, before
 * parsing; 1 MB unless the route passes a larger one), 400 for malformed JSON, 422 with field
 * messages for invalid input. Routes whose resource is in the path authorise before calling this.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, limit: BodyLimit = { maxBytes: JSON_BODY_LIMIT_BYTES }): Promise<z.output<S>> {
  const text = await readBodyText(req, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON.');
  }
  return parseInput(schema, raw);
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError('unprocessable', fields[0]?.message ?? 'Invalid input.', { fields });
  }
  return parsed.data;
}
