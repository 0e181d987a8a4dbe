/**
 * Whether a URL path's percent-encoding decodes (finding 7 of issue 7): `/api/articles/%ZZ` or a
 * cut UTF-8 sequence like `%E0%A4%A` made Next.js answer a plain-text 500. The proxy answers 400
 * for these before routing.
 */
export function hasMalformedPercentEncoding(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return false;
  } catch {
    return true;
  }
}

export const MALFORMED_PATH_MESSAGE = 'The address contains malformed percent-encoding (a % must be followed by two hex digits forming valid UTF-8).';
