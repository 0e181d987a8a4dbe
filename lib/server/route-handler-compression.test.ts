import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { compressRouteHandlerResponses } from './route-handler-compression';

/** A prototype of our own, so the test never patches the real ServerResponse for other tests. */
function patchedResponse(): ServerResponse {
  class Res extends ServerResponse {}
  compressRouteHandlerResponses(Res.prototype);
  return new Res(new IncomingMessage(new Socket()));
}

describe('compressRouteHandlerResponses', () => {
  it('stores a one-element Content-Type array (how Next copies a route handler header) as a string', () => {
    const res = patchedResponse();
    res.setHeader('Content-Type', ['application/json']);
    expect(res.getHeader('content-type')).toBe('application/json');
  });

  it('leaves an unpatched response as Node has it: the array the compression middleware cannot read', () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    res.setHeader('Content-Type', ['application/json']);
    expect(res.getHeader('content-type')).toEqual(['application/json']);
  });

  it('leaves every other header and value alone', () => {
    const res = patchedResponse();
    res.setHeader('Set-Cookie', ['a=1']);
    res.setHeader('Vary', ['Accept', 'Accept-Encoding']);
    res.setHeader('Content-Length', 12);
    expect(res.getHeader('set-cookie')).toEqual(['a=1']);
    expect(res.getHeader('vary')).toEqual(['Accept', 'Accept-Encoding']);
    expect(res.getHeader('content-length')).toBe(12);
    res.setHeader('Content-Type', ['text/plain', 'application/json']);
    expect(res.getHeader('content-type')).toEqual(['text/plain', 'application/json']);
    res.setHeader('Content-Type', 'text/html');
    expect(res.getHeader('content-type')).toBe('text/html');
  });

  it('patches a prototype once, however often it is called', () => {
    class Res extends ServerResponse {}
    compressRouteHandlerResponses(Res.prototype);
    const once = Res.prototype.setHeader;
    compressRouteHandlerResponses(Res.prototype);
    expect(Res.prototype.setHeader).toBe(once);
  });
});
