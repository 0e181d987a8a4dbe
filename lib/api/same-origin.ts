import { forbidden } from '@/lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence beyond the SameSite=Lax session cookie (which another port
 * or a sibling subdomain still counts as the same site): a browser's state-changing request must
 * come from this origin. Browsers send Sec-Fetch-Site and Origin; scripts and tests that send
 * neither are not browsers acting on a user's behalf.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw forbidden('Cross-site requests are not allowed.');
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (origin === 'null') throw forbidden('Cross-site requests are not allowed.');
  if (origin && host) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) throw forbidden('Cross-site requests are not allowed.');
  }
}
