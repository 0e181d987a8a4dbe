import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/server/health';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Readiness for load balancers: 200 when the database answers and its migrations are applied,
 * 503 otherwise. No authentication; the reason goes to the server log, never to the caller.
 */
export async function GET(): Promise<Response> {
  const { ready, reason } = await checkReadiness();
  if (!ready) console.error(`Not ready: ${reason ?? 'unknown'}`);
  return NextResponse.json({ status: ready ? 'ready' : 'unavailable' }, { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
