import { z } from 'zod';
import { authorize } from '@/db/queries/access';
import { decodeSecurityLogCursor, encodeSecurityLogCursor, listSecurityEvents } from '@/db/queries/security-events';
import { apiRoute, parseInput } from '@/lib/server/api/handler';

const querySchema = z.object({
  before: z.string().refine((value) => decodeSecurityLogCursor(value) !== null, 'before must be a cursor from nextBefore.').optional(),
  limit: z.coerce.number({ error: 'limit must be a number.' }).int().min(1).max(200).default(50),
});

/** The workspace's security log, newest first (owners only); `before` pages backwards. */
export const GET = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'member:manage', 'Workspace');
  const search = new URL(req.url).searchParams;
  const query = parseInput(querySchema, { before: search.get('before') ?? undefined, limit: search.get('limit') ?? undefined });
  const events = await listSecurityEvents(db, params.workspaceId, { limit: query.limit + 1, before: decodeSecurityLogCursor(query.before) });
  const page = events.slice(0, query.limit);
  return { events: page, nextBefore: events.length > query.limit ? encodeSecurityLogCursor(page[page.length - 1]!) : null };
});
