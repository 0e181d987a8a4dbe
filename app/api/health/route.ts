import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers: the process answers. No authentication, no detail. */
export function GET(): Response {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
