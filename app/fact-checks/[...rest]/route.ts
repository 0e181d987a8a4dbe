import { notFoundResponse, publicRoute } from '../_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * Any other address under /fact-checks/: the same styled 404 as an unpublished fact-check (the
 * app's own not-found page needs scripts, which the fixed CSP of these paths does not allow).
 */
export async function GET(): Promise<Response> {
  return publicRoute(() => notFoundResponse());
}
