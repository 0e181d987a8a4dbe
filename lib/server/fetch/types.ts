/**
 * The one way the server fetches a page from the web (URL import, story updates, source archives):
 * lib/server/fetch/safe-fetch.ts. http/https only; every address a name resolves to is checked and
 * the connection goes to the address that was checked (no second lookup); redirects are followed
 * by hand, each hop checked again.
 */
export interface SafeFetchOptions {
  /** Largest body read (bytes); a longer one fails with 'too-large'. Default 10 MB. */
  maxBytes?: number;
  /** For the whole fetch, redirects included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Content types accepted (lower-case, without parameters); others fail with 'not-html'. Default text/html and application/xhtml+xml. */
  accept?: readonly string[];
  signal?: AbortSignal;
  /**
   * CIDR list of addresses allowed although not public, instead of the env setting
   * CLAIMDESK_FETCH_ALLOW_ADDRESSES (read when left out). Tests pass it; the app leaves it out.
   */
  allowAddresses?: string;
  /** How host names are resolved (default: dns.lookup, all addresses). Tests pass a fake resolver. */
  resolve?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** Where the body came from, after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-case, without parameters, e.g. text/html. */
  contentType: string;
  /** The body decoded to text (charset from the header or the page's <meta charset>, else UTF-8). */
  text: string;
  bytes: number;
  /** The body as received, decompressed (for non-text types a caller accepted, e.g. application/pdf). */
  body?: Buffer;
}

export type FetchFailure = 'bad-url' | 'private-address' | 'unreachable' | 'timeout' | 'too-large' | 'not-html' | 'too-many-redirects' | 'redirect-loop' | 'http-error';

/** A fetch that did not give a usable page, with a message for people. Routes answer 422. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
  }
}
