import { ServerResponse } from 'node:http';

/**
 * Lets `next start`'s built-in gzip reach route handler responses (the API's JSON: a claim list on a
 * long article is a megabyte). Next copies a route handler's headers onto the Node response by
 * appending, which hands `setHeader('content-type', ['application/json'])` an array; the compression
 * middleware only compresses when Content-Type is a string it knows, so no route handler response
 * was ever compressed (vercel/next.js#98007; fix proposed in #98044). A one-element Content-Type is
 * stored as the string it is. A handler cannot gzip for itself: Next drops a route handler's
 * Content-Encoding header (next/dist/server/send-response.js).
 *
 * Event streams stay uncompressed (compression would hold events back): they send
 * `Cache-Control: no-transform`, which the middleware honours. Remove this once Next ships the fix.
 */
export function compressRouteHandlerResponses(target: typeof ServerResponse.prototype = ServerResponse.prototype): void {
  const holder = target as typeof target & { [PATCHED]?: true };
  if (holder[PATCHED]) return;
  const setHeader = target.setHeader;
  target.setHeader = function setSingleContentType(this: ServerResponse, name: string, value: number | string | readonly string[]) {
    const single = name.toLowerCase() === 'content-type' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string';
    return setHeader.call(this, name, single ? (value as readonly string[])[0]! : value);
  };
  Object.defineProperty(holder, PATCHED, { value: true, enumerable: false });
}

const PATCHED = Symbol.for('claimdesk.compressRouteHandlerResponses');
