/**
 * The Content-Security-Policy of every page (finding 7 of issue 7). Scripts run only with the
 * per-request nonce that proxy.ts generates; Next.js reads the nonce from the request's CSP header
 * and stamps it on its own script tags, and 'strict-dynamic' lets those load the chunks they need.
 */

export interface CspOptions {
  /** `next dev` evaluates source maps and uses a websocket for hot reload; production never does. */
  dev?: boolean;
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = false }: CspOptions = {}): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error('A CSP nonce must be base64.');
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Inline style *attributes* are needed: React renders style={{…}} props into the HTML and the
    // editor (ProseMirror/Tiptap) sets style attributes. A nonce cannot cover attributes (and its
    // presence would switch 'unsafe-inline' off), and CSS cannot run script, so styles stay open.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** For responses that carry no script or style at all (the proxy's own error pages). */
export const LOCKED_DOWN_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
