import { NextRequest } from 'next/server';
import { errorBody } from '@/lib/errors';
import { readBodyBytes, type BodyLimit } from './body';

/** Sign-in and other small forms handled by libraries (NextAuth): a few fields of text. */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;

type RouteHandler<C> = (req: NextRequest, context: C) => Promise<Response> | Response;

/**
 * Puts the streaming byte limit in front of a handler that reads the body itself (a library such
 * as NextAuth, not our readJson): the body is read with the limit, then handed on as a fresh
 * request with the same URL, method and headers. Over the limit answers 413 JSON.
 */
export function withBodyLimit<C>(handler: RouteHandler<C>, limit: BodyLimit): (req: NextRequest, context: C) => Promise<Response> {
  return async (req, context) => {
    let bytes: Uint8Array;
    try {
      bytes = await readBodyBytes(req, limit);
    } catch (error) {
      const { status, body } = errorBody(error);
      return Response.json(body, { status });
    }
    // Uint8Array<ArrayBufferLike> is not BodyInit in the DOM typings; a plain ArrayBuffer copy is.
    const copy = bytes.slice().buffer;
    return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: copy }), context);
  };
}
