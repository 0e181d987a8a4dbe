import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { slugify } from '../lib/text/slug';
import { ACTORS, discoverApiRoutes, discoverPublicRoutes, headersOnly, type Actor, type RouteMethod } from './authz-routes';
import { DEMO_PASSWORD, expect, importArticle, pageAs, signIn, test, type DemoUser } from './fixtures';

/**
 * Authorization matrix: every API route × every exported method × every kind of caller.
 *
 *   signedOut  no session                                   → 401
 *   outsider   omar@other.demo, owner of ANOTHER workspace   → 404 for ids of the demo workspace
 *   viewer / reviewer / editor / owner of the demo workspace → 2xx or 403 (lib/auth/permissions.ts,
 *              plus the author-only rules: claims, comments)
 *
 * Each row is checked with a valid request body (so a 422 cannot hide the answer) against fresh
 * fixtures built per call through the API: throwaway articles imported by the editor, claims,
 * sources and comments by the editor or by Kofi (a second reviewer, who is not a column and so is
 * "someone else" to every actor), throwaway members added by the owner. Nothing of the seeded demo
 * article or the demo members is changed; workspace settings and the rating scale are re-saved
 * unchanged, the temporary password is changed back, and what the calls create is removed.
 *
 * A route or method added under app/api without a row here fails the first test.
 *
 * The public route handlers outside /api (app/fact-checks, app/annotations; PUBLIC_MATRIX) answer
 * everyone alike, signed in or not: 200 for published content only, 404 for anything unpublished
 * (members see an unpublished claim's annotation). Their own coverage test keeps that list whole.
 */

// ---------------------------------------------------------------------------------------------
// The matrix. Columns: signedOut, outsider, viewer, reviewer, editor, owner (ACTORS order).
// null: not applicable in this case (the actor cannot set it up, e.g. a viewer's "own" comment).
// ---------------------------------------------------------------------------------------------

type FullRow = readonly [number, number, number, number, number, number];
type PartialRow = readonly [number | null, number | null, number | null, number | null, number | null, number | null];

//                                    signedOut  outsider viewer  reviewer editor owner
const MEMBERS_READ: FullRow =         [401,       404,      200,    200,      200,    200];
const REVIEWER_CREATES: FullRow =     [401,       404,      403,    201,      201,    201];
const REVIEWER_WRITES: FullRow =      [401,       404,      403,    200,      200,    200];
const EDITOR_CREATES: FullRow =       [401,       404,      403,    403,      201,    201];
const EDITOR_WRITES: FullRow =        [401,       404,      403,    403,      200,    200];
const OWNER_CREATES: FullRow =        [401,       404,      403,    403,      403,    201];
const OWNER_WRITES: FullRow =         [401,       404,      403,    403,      403,    200];
/** Someone else's comment: only its author may edit or delete it, whatever the role. */
const NOBODY_BUT_AUTHOR: FullRow =    [401,       404,      403,    403,      403,    403];
/** The actor's own claim or comment (viewers cannot write one). */
const OWN_AS_AUTHOR: PartialRow =     [null,      null,     null,   200,      200,    200];
/** Find claims: a background run starts (202). */
const REVIEWER_STARTS: FullRow =      [401,       404,      403,    202,      202,    202];
/** Routes about the caller only (no workspace ids): every signed-in user, the outsider included. */
const ANY_USER: FullRow =             [401,       200,      200,    200,      200,    200];

interface Call {
  path: string;
  data?: unknown;
  /** Server-Sent Events: read the status and headers only. */
  stream?: boolean;
}

interface Outcome {
  status: number;
  contentType: string;
  body: string;
}

interface Case {
  label: string;
  row: FullRow | PartialRow;
  /** Builds a fresh request for this actor (creating what it needs as other users). */
  prepare: (fx: Fixtures, actor: Actor) => Promise<Call>;
  /** Extra check on an answer that was the expected 2xx; returns a problem, or undefined. */
  check?: (outcome: Outcome, actor: Actor) => string | undefined;
  /** Undo what a successful call created or changed (runs right after the call). */
  after?: (fx: Fixtures, actor: Actor, outcome: Outcome) => Promise<void>;
}

interface RouteSpec {
  method: RouteMethod;
  route: string;
  /** The first case must give every actor an expectation. */
  cases: [Case & { row: FullRow }, ...Case[]];
}

/** Route files deliberately left out, with the exact methods they export (so a change is noticed). */
const EXCLUDED: ReadonlyArray<{ route: string; methods: RouteMethod[]; reason: string }> = [
  { route: '/api/auth/[...nextauth]', methods: ['GET', 'POST'], reason: 'next-auth’s own sign-in/session handler' },
];

const TEMP_PASSWORD = 'authz-matrix-temporary-42';
/** Shaped like a mailed-link token (43 base64url characters) but never issued. */
const NEVER_ISSUED_TOKEN = 'A'.repeat(43);

function row(method: RouteMethod, route: string, first: Case & { row: FullRow }, ...more: Case[]): RouteSpec {
  return { method, route, cases: [first, ...more] };
}
/** The main case of a row: every actor has an expected status. */
function on(statuses: FullRow, prepare: Case['prepare'], extra: Partial<Omit<Case, 'row' | 'prepare'>> = {}): Case & { row: FullRow } {
  return { label: '', row: statuses, prepare, ...extra };
}
/** A further case of the same route and method. */
function when(label: string, statuses: PartialRow, prepare: Case['prepare'], extra: Partial<Omit<Case, 'row' | 'prepare' | 'label'>> = {}): Case {
  return { label, row: statuses, prepare, ...extra };
}
const isPreviewPage = (o: Outcome) =>
  !o.contentType.startsWith('text/html') ? `expected HTML, got "${o.contentType}"` : !o.body.includes('Preview — not yet published') ? 'no preview banner' : !o.body.includes('content="noindex"') ? 'not marked noindex' : undefined;
const isEventStream = (o: Outcome) => (o.contentType.startsWith('text/event-stream') ? undefined : `expected an event stream, got "${o.contentType}"`);

const MATRIX: RouteSpec[] = [
  // --- the caller's own account, workspaces, queue and mentions -------------------------------
  row('PUT', '/api/account/password', on(ANY_USER, async () => ({ path: '/api/account/password', data: { currentPassword: DEMO_PASSWORD, newPassword: TEMP_PASSWORD } }), {
    // Changes the actor's own password and puts the demo one back at once.
    after: async (fx, actor, outcome) => {
      if (outcome.status === 200 && actor !== 'signedOut') await fx.json(actor, 'PUT', '/api/account/password', { currentPassword: TEMP_PASSWORD, newPassword: DEMO_PASSWORD });
    },
  })),
  // Sessions and two-factor of the caller's own account (e2e/sessions.spec.ts, e2e/two-factor.spec.ts test the flows).
  row('DELETE', '/api/account/sessions', on(ANY_USER, async () => ({ path: '/api/account/sessions' }), {
    // "Sign out everywhere" ends the actor's matrix session too: sign the actor in again.
    after: async (_fx, actor, outcome) => {
      if (outcome.status === 200 && actor !== 'signedOut') await signIn(sessions.pages[actor], actor);
    },
  })),
  // An id that is not one of the caller's sessions (unknown, or someone else's) answers 404 alike.
  row('DELETE', '/api/account/sessions/[sessionId]', on([401, 404, 404, 404, 404, 404], async () => ({ path: `/api/account/sessions/${crypto.randomUUID()}` }))),
  // Starts a setup (an unconfirmed secret; two-factor stays off).
  row('POST', '/api/account/two-factor/setup', on(ANY_USER, async () => ({ path: '/api/account/two-factor/setup' }))),
  // Confirming after that setup with a wrong code: refused as input, never a session problem.
  row('POST', '/api/account/two-factor', on([401, 422, 422, 422, 422, 422], async () => ({ path: '/api/account/two-factor', data: { code: '000000' } }))),
  // Demo users have two-factor off: nothing to turn off or renew.
  row('DELETE', '/api/account/two-factor', on([401, 409, 409, 409, 409, 409], async () => ({ path: '/api/account/two-factor', data: { password: DEMO_PASSWORD, code: '000000' } }))),
  row('POST', '/api/account/two-factor/recovery-codes', on([401, 409, 409, 409, 409, 409], async () => ({ path: '/api/account/two-factor/recovery-codes', data: { code: '000000' } }))),
  row('GET', '/api/workspaces', on(ANY_USER, async () => ({ path: '/api/workspaces' }), {
    check: (o, actor) => {
      const slugs = (JSON.parse(o.body) as { workspaces: Array<{ slug: string }> }).workspaces.map((w) => w.slug);
      const seesDemo = slugs.includes('demo-desk');
      if (actor === 'outsider' && seesDemo) return `the outsider's list includes demo-desk: ${slugs.join(', ')}`;
      if (actor !== 'outsider' && !seesDemo) return `a demo member's list lacks demo-desk: ${slugs.join(', ')}`;
      return undefined;
    },
  })),
  row('GET', '/api/queue', on(ANY_USER, async () => ({ path: '/api/queue' }))),
  row('GET', '/api/mentions', on(ANY_USER, async () => ({ path: '/api/mentions?unread=1' }))),
  // Search covers only the caller's own workspaces: an outsider gets 200 with nothing of ours.
  row('GET', '/api/search', on(ANY_USER, async () => ({ path: '/api/search?q=budget' }))),
  row('PATCH', '/api/mentions', on(ANY_USER, async (fx) => ({ path: '/api/mentions', data: { ids: [await fx.mentionOfKofi()] } }), {
    // The id is Kofi's unread mention: marking it read as anyone else must change nothing.
    check: (o) => {
      const { updated } = JSON.parse(o.body) as { updated: number };
      return updated === 0 ? undefined : `marked ${updated} of someone else's mentions read`;
    },
  })),

  // --- articles ---------------------------------------------------------------------------------
  row('POST', '/api/articles', on(EDITOR_CREATES, async (fx) => ({ path: '/api/articles', data: { workspaceId: fx.ids.workspaceId, title: `Authz import ${fx.next()}`, text: ARTICLE_TEXT } }))),
  // The import's first step: a preview of pasted text, nothing stored (the upload and URL paths authorise the same way: e2e/import.spec.ts).
  row('POST', '/api/imports/preview', on(EDITOR_WRITES, async (fx) => ({ path: '/api/imports/preview', data: { workspaceId: fx.ids.workspaceId, format: 'rich-text', html: '<h2>Authz</h2><p>Preview only.</p>', text: 'Authz\n\nPreview only.' } }))),
  row('GET', '/api/articles/[articleId]', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}` }))),
  // Details (metadata) edit and the trash (e2e/article-lifecycle.spec.ts tests the flows), each on a fresh article.
  row('PATCH', '/api/articles/[articleId]', on(EDITOR_WRITES, async (fx) => {
    const article = await fx.article();
    return { path: `/api/articles/${article.id}`, data: { version: article.version, outlet: 'Authz Outlet' } };
  })),
  row('DELETE', '/api/articles/[articleId]', on(EDITOR_WRITES, async (fx) => {
    const article = await fx.article();
    return { path: `/api/articles/${article.id}`, data: { version: article.version } };
  })),
  // A trashed article: gone for everyone (404) but the owners and editors who may restore it.
  row('POST', '/api/articles/[articleId]/restore', on([401, 404, 403, 403, 200, 200], async (fx) => {
    const article = await fx.article();
    await fx.json('editor', 'DELETE', `/api/articles/${article.id}`, { version: article.version });
    return { path: `/api/articles/${article.id}/restore` };
  })),
  row('GET', '/api/articles/[articleId]/agreement', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/agreement` }))),
  row('GET', '/api/articles/[articleId]/assignments', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/assignments` }))),
  row('GET', '/api/articles/[articleId]/claims', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/claims` }))),
  row('GET', '/api/articles/[articleId]/events', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/events`, stream: true }), { check: isEventStream })),
  row('GET', '/api/articles/[articleId]/export', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/export?format=json` }))),
  // The public page as publishing would make it (publish dialog): HTML with the preview banner.
  row(
    'GET',
    '/api/articles/[articleId]/publication/preview',
    on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/publication/preview` }), { check: isPreviewPage }),
    when('a claim number the fact-check has no page for', [401, 404, 404, 404, 404, 404], async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/publication/preview?claim=99` })),
  ),
  row('GET', '/api/articles/[articleId]/publication', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/publication` }))),
  // Reopening an article that is not published: editors and owners reach the state check (409),
  // reviewers and viewers are refused first. Nothing is written either way.
  row(
    'POST',
    '/api/articles/[articleId]/publication',
    on([401, 404, 403, 403, 409, 409], async (fx) => {
      const article = await fx.article();
      return { path: `/api/articles/${article.id}/publication`, data: { action: 'reopen', version: article.version, reason: 'The matrix checks who may reopen.' } };
    }, { label: 'reopen an unpublished article' }),
  ),
  row('POST', '/api/articles/[articleId]/presence', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/presence`, data: { openClaimId: null } }))),
  row('PATCH', '/api/articles/[articleId]/settings', on(EDITOR_WRITES, async (fx) => {
    const article = await fx.article();
    return { path: `/api/articles/${article.id}/settings`, data: { blindReview: true, version: article.version } };
  })),
  row('PUT', '/api/articles/[articleId]/status', on(EDITOR_WRITES, async (fx) => {
    const article = await fx.article(); // a fresh import is a draft
    return { path: `/api/articles/${article.id}/status`, data: { status: 'in_review', version: article.version } };
  })),
  row('PUT', '/api/articles/[articleId]/text', on(EDITOR_WRITES, async (fx) => {
    const article = await fx.article();
    return { path: `/api/articles/${article.id}/text`, data: { revision: article.revision, doc: article.doc } };
  })),
  // Story updates (e2e/story-updates.spec.ts tests the flow against the local web server). The matrix's
  // articles have no URL: editors reach the check and are told so (422); nothing is fetched or written.
  row('GET', '/api/articles/[articleId]/updates', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/updates` }))),
  row('POST', '/api/articles/[articleId]/updates', on([401, 404, 403, 403, 422, 422], async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/updates` }), { label: 'an article without a URL' })),
  // No such update: members who may act on updates reach the lookup (404); the others are refused first.
  row('GET', '/api/articles/[articleId]/updates/[updateId]', on([401, 404, 404, 404, 404, 404], async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/updates/${crypto.randomUUID()}` }), { label: 'an update that does not exist' })),
  row('POST', '/api/articles/[articleId]/updates/[updateId]/accept', on([401, 404, 403, 403, 404, 404], async (fx) => {
    const article = await fx.sharedArticle();
    return { path: `/api/articles/${article.id}/updates/${crypto.randomUUID()}/accept`, data: { revision: 1 } };
  }, { label: 'an update that does not exist' })),
  row('POST', '/api/articles/[articleId]/updates/[updateId]/dismiss', on([401, 404, 403, 403, 404, 404], async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/updates/${crypto.randomUUID()}/dismiss` }), { label: 'an update that does not exist' })),
  row('GET', '/api/articles/[articleId]/revisions', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/revisions` }))),
  row('GET', '/api/articles/[articleId]/revisions/compare', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/revisions/compare?from=1&to=1` }))),

  // --- review sessions (db/queries/review-session*.ts; e2e/review-sessions.spec.ts tests the flow) ---
  // One running session (led by the editor) on its own article serves the rows that do not end it.
  row('GET', '/api/articles/[articleId]/review-sessions', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedSession()).articleId}/review-sessions` }))),
  row(
    'POST',
    '/api/articles/[articleId]/review-sessions',
    on(EDITOR_CREATES, async (fx) => ({ path: `/api/articles/${(await fx.article()).id}/review-sessions`, data: {} }), { label: 'a fresh article' }),
    when('an article with a session running (409 names the lead)', [401, 404, 403, 403, 409, 409], async (fx) => ({ path: `/api/articles/${(await fx.sharedSession()).articleId}/review-sessions`, data: {} })),
  ),
  row(
    'GET',
    '/api/articles/[articleId]/review-sessions/proposal',
    on(EDITOR_WRITES, async (fx) => ({ path: `/api/articles/${(await fx.article()).id}/review-sessions/proposal` }), { label: 'no session running' }),
    // While one runs the proposal would show how its open votes move: refused like a second start.
    when('an article with a session running', [401, 404, 403, 403, 409, 409], async (fx) => ({ path: `/api/articles/${(await fx.sharedSession()).articleId}/review-sessions/proposal` })),
  ),
  row('GET', '/api/review-sessions/[sessionId]', on(MEMBERS_READ, async (fx) => ({ path: `/api/review-sessions/${(await fx.sharedSession()).id}` }))),
  row(
    'PATCH',
    '/api/review-sessions/[sessionId]',
    on(EDITOR_WRITES, async (fx) => ({ path: `/api/review-sessions/${(await fx.sharedSession()).id}`, data: { op: 'takeLead' } }), { label: 'take the lead' }),
    when('go to an item (the lead only: the editor leads)', [401, 404, 403, 403, 200, 403], async (fx) => {
      const session = await fx.leadSession('editor');
      return { path: `/api/review-sessions/${session.id}`, data: { op: 'goto', itemId: session.items[1]!.id } };
    }),
  ),
  row('POST', '/api/review-sessions/[sessionId]/attendance', on(MEMBERS_READ, async (fx) => ({ path: `/api/review-sessions/${(await fx.sharedSession()).id}/attendance`, data: { action: 'join' } }))),
  row('POST', '/api/review-sessions/[sessionId]/items/[itemId]/notes', on(REVIEWER_CREATES, async (fx) => {
    const session = await fx.sharedSession();
    return { path: `/api/review-sessions/${session.id}/items/${session.items[0]!.id}/notes`, data: { body: 'A note from the authorization matrix.' } };
  })),
  row(
    'PATCH',
    '/api/review-sessions/[sessionId]/notes/[noteId]',
    on(NOBODY_BUT_AUTHOR, async (fx) => {
      const note = await fx.sessionNote('reviewer2');
      return { path: `/api/review-sessions/${note.sessionId}/notes/${note.id}`, data: { body: 'Edited by the authorization matrix.', version: note.version } };
    }, { label: 'someone else’s note' }),
    when('own note', OWN_AS_AUTHOR, async (fx, actor) => {
      const note = await fx.sessionNote(asMember(actor));
      return { path: `/api/review-sessions/${note.sessionId}/notes/${note.id}`, data: { body: 'Edited by its author.', version: note.version } };
    }),
  ),
  row(
    'DELETE',
    '/api/review-sessions/[sessionId]/notes/[noteId]',
    on(NOBODY_BUT_AUTHOR, async (fx) => {
      const note = await fx.sessionNote('reviewer2');
      return { path: `/api/review-sessions/${note.sessionId}/notes/${note.id}`, data: { version: note.version } };
    }, { label: 'someone else’s note' }),
    when('own note', OWN_AS_AUTHOR, async (fx, actor) => {
      const note = await fx.sessionNote(asMember(actor));
      return { path: `/api/review-sessions/${note.sessionId}/notes/${note.id}`, data: { version: note.version } };
    }),
  ),
  // Action items are the lead's: an editor or owner takes the lead first (a viewer or reviewer cannot).
  row('POST', '/api/review-sessions/[sessionId]/actions', on(EDITOR_CREATES, async (fx, actor) => {
    const session = actor === 'editor' || actor === 'owner' ? await fx.leadSession(actor) : await fx.sharedSession();
    return { path: `/api/review-sessions/${session.id}/actions`, data: { kind: 'task', assigneeId: fx.ids.kofiId, text: 'A task from the authorization matrix.' } };
  })),
  // Kofi's task: only he or the lead (the editor here) marks it done.
  row('PATCH', '/api/review-sessions/[sessionId]/actions/[actionId]', on([401, 404, 403, 403, 200, 403], async (fx) => {
    const task = await fx.sessionTaskOfKofi();
    return { path: `/api/review-sessions/${task.sessionId}/actions/${task.id}`, data: { done: true, version: task.version } };
  }, { label: 'someone else’s task, the editor leading' })),
  row(
    'GET',
    '/api/review-sessions/[sessionId]/minutes',
    on(MEMBERS_READ, async (fx) => ({ path: `/api/review-sessions/${(await fx.endedSession()).id}/minutes?format=markdown` }), { label: 'an ended session, Markdown' }),
    when('a running session', [401, 404, 409, 409, 409, 409], async (fx) => ({ path: `/api/review-sessions/${(await fx.sharedSession()).id}/minutes?format=markdown` })),
  ),

  // --- assignments ----------------------------------------------------------------------------
  row('POST', '/api/assignments', on(EDITOR_CREATES, async (fx) => {
    const claim = await fx.claim('editor');
    return { path: '/api/assignments', data: { articleId: claim.articleId, claimId: claim.id, assigneeId: fx.ids.kofiId } };
  }, {
    after: async (fx, _actor, outcome) => {
      if (outcome.status === 201) await fx.removeAssignment((JSON.parse(outcome.body) as { assignment: { id: string } }).assignment.id);
    },
  })),
  row('DELETE', '/api/assignments/[assignmentId]', on(EDITOR_WRITES, async (fx) => ({ path: `/api/assignments/${await fx.assignment()}` }))),

  // --- claims -----------------------------------------------------------------------------------
  row('POST', '/api/claims', on(REVIEWER_CREATES, async (fx) => {
    const article = await fx.sharedArticle();
    return { path: '/api/claims', data: { articleId: article.id, revision: article.revision, ...CLAIM_SPAN } };
  })),
  row('GET', '/api/claims/[claimId]', on(MEMBERS_READ, async (fx) => ({ path: `/api/claims/${(await fx.sharedClaim()).id}` }))),
  row(
    'PATCH',
    '/api/claims/[claimId]',
    on(REVIEWER_WRITES, async (fx) => {
      const claim = await fx.claim('reviewer2');
      return { path: `/api/claims/${claim.id}`, data: { version: claim.version, rationale: 'Edited by the authorization matrix.' } };
    }, { label: 'edit someone else’s claim' }),
    when('set the final verdict through PATCH', EDITOR_WRITES, async (fx) => {
      const claim = await fx.claim('reviewer2');
      return { path: `/api/claims/${claim.id}`, data: { version: claim.version, verdictId: fx.ids.levelId } };
    }),
  ),
  row(
    'DELETE',
    '/api/claims/[claimId]',
    on(EDITOR_WRITES, async (fx) => {
      const claim = await fx.claim('reviewer2');
      return { path: `/api/claims/${claim.id}`, data: { version: claim.version } };
    }, { label: 'someone else’s claim' }),
    when('own claim', OWN_AS_AUTHOR, async (fx, actor) => {
      const claim = await fx.claim(asMember(actor));
      return { path: `/api/claims/${claim.id}`, data: { version: claim.version } };
    }),
  ),
  // Putting someone else's claim on other words: authorised like editing it (PATCH).
  row('PUT', '/api/claims/[claimId]/anchor', on(REVIEWER_WRITES, async (fx) => {
    const article = await fx.sharedArticle();
    const claim = await fx.claim('reviewer2');
    return { path: `/api/claims/${claim.id}/anchor`, data: { version: claim.version, revision: article.revision, parts: [{ start: CLAIM_SPAN.start, end: CLAIM_SPAN.end - 1 }] } };
  }, { label: 'change the words of someone else’s claim' })),
  row('GET', '/api/claims/[claimId]/comments', on(MEMBERS_READ, async (fx) => ({ path: `/api/claims/${(await fx.sharedClaim()).id}/comments` }))),
  row('POST', '/api/claims/[claimId]/comments', on(REVIEWER_CREATES, async (fx) => ({ path: `/api/claims/${(await fx.claim('editor')).id}/comments`, data: { body: 'A comment from the authorization matrix.' } }))),
  row('PUT', '/api/claims/[claimId]/final-verdict', on(EDITOR_WRITES, async (fx) => {
    const claim = await fx.claim('reviewer2');
    return { path: `/api/claims/${claim.id}/final-verdict`, data: { verdictId: fx.ids.levelId, version: claim.version } };
  })),
  row('GET', '/api/claims/[claimId]/history', on(MEMBERS_READ, async (fx) => ({ path: `/api/claims/${(await fx.sharedClaim()).id}/history` }))),
  row('POST', '/api/claims/[claimId]/sources', on(REVIEWER_CREATES, async (fx) => ({ path: `/api/claims/${(await fx.claim('editor')).id}/sources`, data: SOURCE }))),
  // "Already checked?" (e2e/already-checked.spec.ts tests the flow): suggestions and links, and reusing an earlier verdict.
  row('GET', '/api/claims/[claimId]/similar', on(MEMBERS_READ, async (fx) => ({ path: `/api/claims/${(await fx.sharedClaim()).id}/similar` }))),
  row('POST', '/api/claims/[claimId]/reuse', on(REVIEWER_WRITES, async (fx) => {
    const earlier = await fx.claim('editor');
    await fx.json('editor', 'PUT', `/api/claims/${earlier.id}/final-verdict`, { verdictId: fx.ids.levelId, version: earlier.version });
    const claim = await fx.claim('editor');
    return { path: `/api/claims/${claim.id}/reuse`, data: { from: { claimId: earlier.id }, version: claim.version } };
  })),
  row('GET', '/api/claims/[claimId]/verdicts', on(MEMBERS_READ, async (fx) => ({ path: `/api/claims/${(await fx.sharedClaim()).id}/verdicts` }))),
  row('PUT', '/api/claims/[claimId]/verdicts', on(REVIEWER_CREATES, async (fx) => ({ path: `/api/claims/${(await fx.claim('editor')).id}/verdicts`, data: { verdictId: fx.ids.levelId, reason: 'Matrix verdict.' } }))),

  // --- comments (author-only writes, whatever the role) ----------------------------------------
  row(
    'PATCH',
    '/api/comments/[commentId]',
    on(NOBODY_BUT_AUTHOR, async (fx) => {
      const comment = await fx.comment('reviewer2');
      return { path: `/api/comments/${comment.id}`, data: { body: 'Edited by the authorization matrix.', version: comment.version } };
    }, { label: 'someone else’s comment' }),
    when('own comment', OWN_AS_AUTHOR, async (fx, actor) => {
      const comment = await fx.comment(asMember(actor));
      return { path: `/api/comments/${comment.id}`, data: { body: 'Edited by its author.', version: comment.version } };
    }),
  ),
  row(
    'DELETE',
    '/api/comments/[commentId]',
    on(NOBODY_BUT_AUTHOR, async (fx) => {
      const comment = await fx.comment('reviewer2');
      return { path: `/api/comments/${comment.id}`, data: { version: comment.version } };
    }, { label: 'someone else’s comment' }),
    when('own comment', OWN_AS_AUTHOR, async (fx, actor) => {
      const comment = await fx.comment(asMember(actor));
      return { path: `/api/comments/${comment.id}`, data: { version: comment.version } };
    }),
  ),

  // --- right of reply (any reviewer, like sources) ------------------------------------------------
  row('GET', '/api/claims/[claimId]/replies', on(MEMBERS_READ, async (fx) => ({ path: `/api/claims/${(await fx.sharedClaim()).id}/replies` }))),
  row('POST', '/api/claims/[claimId]/replies', on(REVIEWER_CREATES, async (fx) => ({ path: `/api/claims/${(await fx.claim('editor')).id}/replies`, data: REPLY }))),
  row('PATCH', '/api/replies/[replyId]', on(REVIEWER_WRITES, async (fx) => {
    const reply = await fx.reply('reviewer2');
    return { path: `/api/replies/${reply.id}`, data: { ...REPLY, response: 'They answered the matrix.', respondedOn: REPLY.contactedOn, version: reply.version } };
  }, { label: 'someone else’s reply attempt' })),
  row('DELETE', '/api/replies/[replyId]', on(REVIEWER_WRITES, async (fx) => {
    const reply = await fx.reply('reviewer2');
    return { path: `/api/replies/${reply.id}`, data: { version: reply.version } };
  }, { label: 'someone else’s reply attempt' })),

  // --- sources (any reviewer, not author-only) ---------------------------------------------------
  row('PATCH', '/api/sources/[sourceId]', on(REVIEWER_WRITES, async (fx) => {
    const source = await fx.source('reviewer2');
    return { path: `/api/sources/${source.id}`, data: { ...SOURCE, title: 'Retitled by the matrix', version: source.version } };
  }, { label: 'someone else’s source' })),
  row('DELETE', '/api/sources/[sourceId]', on(REVIEWER_WRITES, async (fx) => {
    const source = await fx.source('reviewer2');
    return { path: `/api/sources/${source.id}`, data: { version: source.version } };
  }, { label: 'someone else’s source' })),
  // Archived copies (e2e/source-archive.spec.ts tests taking and viewing them against the local web server).
  row('GET', '/api/sources/[sourceId]/archive', on(MEMBERS_READ, async (fx) => ({ path: `/api/sources/${(await fx.source('reviewer2')).id}/archive` }))),
  row('POST', '/api/sources/[sourceId]/archive', on([401, 404, 403, 202, 202, 202], async (fx) => ({ path: `/api/sources/${(await fx.source('reviewer2')).id}/archive` }), { label: 'take a new copy of someone else’s source' })),
  // An unknown view: members reach the check (400) after authorization; nothing is read.
  row('GET', '/api/sources/[sourceId]/archive/view', on([401, 404, 400, 400, 400, 400], async (fx) => ({ path: `/api/sources/${(await fx.source('reviewer2')).id}/archive/view?as=nonsense` }), { label: 'an unknown view' })),

  // --- workspace administration (owner) -----------------------------------------------------------
  row('PATCH', '/api/workspaces/[workspaceId]', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}`, data: await fx.currentWorkspaceSettings() }), {
    label: 'the current settings, unchanged',
  })),
  row('GET', '/api/workspaces/[workspaceId]/members', on(MEMBERS_READ, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/members` }))),
  row('POST', '/api/workspaces/[workspaceId]/members', on(OWNER_CREATES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/members`, data: { email: fx.throwawayEmail(), name: 'Matrix Throwaway', role: 'viewer' } }), {
    label: 'invite (creates a pending invitation)',
    after: async (fx, _actor, outcome) => {
      if (outcome.status === 201) await fx.revokeInvitation((JSON.parse(outcome.body) as { invitation: { id: string } }).invitation.id);
    },
  })),
  row('GET', '/api/workspaces/[workspaceId]/invitations', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/invitations` }))),
  row('DELETE', '/api/workspaces/[workspaceId]/invitations/[invitationId]', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/invitations/${(await fx.invitation()).id}` }), {
    label: 'a throwaway invitation',
  })),
  row('POST', '/api/workspaces/[workspaceId]/invitations/[invitationId]/resend', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/invitations/${(await fx.invitation()).id}/resend` }), {
    label: 'a throwaway invitation',
  })),
  // Leaving is tried on the OTHER workspace, so no demo member actually leaves: non-members get 404,
  // and the outsider, its only owner, is refused (422). The success path is in e2e/invitations.spec.ts.
  row('POST', '/api/workspaces/[workspaceId]/leave', on([401, 422, 404, 404, 404, 404], async (fx) => ({ path: `/api/workspaces/${await fx.otherWorkspaceId()}/leave` }), {
    label: 'the other workspace (the outsider is its last owner)',
  })),
  row('GET', '/api/workspaces/[workspaceId]/security-events', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/security-events?limit=5` }))),

  // --- invitations and mailed links (public where the link itself is the proof) -------------------
  // Accepting as the signed-in account: nobody but the invited address may, whatever their role.
  row('POST', '/api/invitations/accept', on([401, 403, 403, 403, 403, 403], async (fx) => ({ path: '/api/invitations/accept', data: { token: (await fx.invitation()).token } }), {
    label: 'an invitation for someone else',
  })),
  row('POST', '/api/invitations/register', on([201, 201, 201, 201, 201, 201], async (fx) => ({ path: '/api/invitations/register', data: { token: (await fx.invitation()).token, name: 'Matrix Newcomer', password: TEMP_PASSWORD, confirmPassword: TEMP_PASSWORD } }), {
    label: 'a fresh invitation for a new address (the link is the proof)',
    after: async (fx, _actor, outcome) => {
      if (outcome.status === 201) await fx.removeMember((JSON.parse(outcome.body) as { userId: string }).userId);
    },
  })),
  // Demo accounts are verified already: the answer says so and no mail is needed.
  row('POST', '/api/account/verify-email', on(ANY_USER, async () => ({ path: '/api/account/verify-email' }))),
  // Working verification and reset links exist only in mail, which the test server does not send.
  row('POST', '/api/account/verify-email/confirm', on([422, 422, 422, 422, 422, 422], async () => ({ path: '/api/account/verify-email/confirm', data: { token: NEVER_ISSUED_TOKEN } }), {
    label: 'a well-formed token that was never issued',
  })),
  // Load-balancer probes: no session, the same short answer for everyone, no detail.
  row('GET', '/api/health', on([200, 200, 200, 200, 200, 200], async () => ({ path: '/api/health' }), {
    label: 'liveness',
    check: (outcome) => (JSON.parse(outcome.body).status === 'ok' && Object.keys(JSON.parse(outcome.body)).length === 1 ? undefined : `unexpected body ${outcome.body}`),
  })),
  row('GET', '/api/ready', on([200, 200, 200, 200, 200, 200], async () => ({ path: '/api/ready' }), {
    label: 'readiness: database answers and is migrated',
    check: (outcome) => (outcome.body === '{"status":"ready"}' ? undefined : `unexpected body ${outcome.body}`),
  })),
  row('POST', '/api/account/password-reset', on([503, 503, 503, 503, 503, 503], async (fx) => ({ path: '/api/account/password-reset', data: { email: fx.throwawayEmail() } }), {
    label: 'no mail configured on the test server',
  })),
  row('POST', '/api/account/password-reset/confirm', on([422, 422, 422, 422, 422, 422], async () => ({ path: '/api/account/password-reset/confirm', data: { token: NEVER_ISSUED_TOKEN, password: TEMP_PASSWORD, confirmPassword: TEMP_PASSWORD } }), {
    label: 'a well-formed token that was never issued',
  })),
  row('PATCH', '/api/workspaces/[workspaceId]/members/[userId]', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/members/${await fx.member()}`, data: { role: 'reviewer' } }), {
    label: 'a throwaway member',
  })),
  row('DELETE', '/api/workspaces/[workspaceId]/members/[userId]', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/members/${await fx.member()}` }), {
    label: 'a throwaway member',
  })),
  // Setting it to "not required" (as it is): owners only; requiring it needs two-factor on (e2e/two-factor.spec.ts).
  row('PUT', '/api/workspaces/[workspaceId]/two-factor', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/two-factor`, data: { required: false } }))),
  // --- Find claims: check-worthiness suggestions (db/queries/check-worthiness*.ts; e2e/suggestions.spec.ts tests the flow) ---
  row('GET', '/api/articles/[articleId]/suggestions', on(MEMBERS_READ, async (fx) => ({ path: `/api/articles/${(await fx.sharedArticle()).id}/suggestions` }))),
  // A fresh article per actor: a second start on an article would be 409 while the first runs.
  row('POST', '/api/articles/[articleId]/suggestions/runs', on(REVIEWER_STARTS, async (fx) => ({ path: `/api/articles/${(await fx.article()).id}/suggestions/runs`, data: {} }), { label: 'a fresh article' })),
  row('POST', '/api/suggestions/[suggestionId]/accept', on(REVIEWER_WRITES, async (fx) => {
    const suggestion = await fx.suggestion();
    return { path: `/api/suggestions/${suggestion.id}/accept`, data: { version: suggestion.version } };
  })),
  row('POST', '/api/suggestions/[suggestionId]/dismiss', on(REVIEWER_WRITES, async (fx) => {
    const suggestion = await fx.suggestion();
    return { path: `/api/suggestions/${suggestion.id}/dismiss`, data: { version: suggestion.version } };
  })),
  row('POST', '/api/suggestions/[suggestionId]/restore', on(REVIEWER_WRITES, async (fx) => {
    const suggestion = await fx.suggestion();
    const dismissed = await fx.json<{ version: number }>('editor', 'POST', `/api/suggestions/${suggestion.id}/dismiss`, { version: suggestion.version });
    return { path: `/api/suggestions/${suggestion.id}/restore`, data: { version: dismissed.version } };
  }, { label: 'a suggestion the editor dismissed' })),
  row('GET', '/api/workspaces/[workspaceId]/check-worthiness', on(MEMBERS_READ, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/check-worthiness` }))),
  row('PUT', '/api/workspaces/[workspaceId]/check-worthiness', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/check-worthiness`, data: { autoFindOnImport: false } }), {
    label: 'auto-run off, as it is',
  })),
  // The owner's call is made with enough decisions (5 dismissed suggestions; the demo claims are check-worthy examples):
  // a model is stored, not switched on. Too few decisions (422) is in the DB tests.
  row('POST', '/api/workspaces/[workspaceId]/check-worthiness/refit', on(OWNER_CREATES, async (fx, actor) => {
    if (actor === 'owner') await fx.enoughDecisions();
    return { path: `/api/workspaces/${fx.ids.workspaceId}/check-worthiness/refit`, data: {} };
  }, { label: 'at least 5 dismissed suggestions' })),
  row('POST', '/api/workspaces/[workspaceId]/check-worthiness/models/[modelId]/activate', on([401, 404, 403, 403, 403, 404], async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/check-worthiness/models/00000000-0000-4000-8000-000000000000/activate`, data: {} }), {
    label: 'an unknown model (404 for the owner)',
  })),
  row('GET', '/api/workspaces/[workspaceId]/scale', on(MEMBERS_READ, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/scale` }))),
  // Claim library: members list it and download the ClaimReview feed; editors and owners import (a dry run here) and delete.
  row('GET', '/api/workspaces/[workspaceId]/library', on(MEMBERS_READ, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/library?limit=5` }))),
  row('POST', '/api/workspaces/[workspaceId]/library', on(EDITOR_WRITES, async (fx) => ({
    path: `/api/workspaces/${fx.ids.workspaceId}/library?dryRun=1`,
    data: { text: JSON.stringify({ '@context': 'https://schema.org', '@type': 'ClaimReview', url: `https://checks.example.org/authz-${fx.next()}`, claimReviewed: 'Authz matrix preview' }) },
  }), { label: 'a preview (dryRun=1)' })),
  row('DELETE', '/api/workspaces/[workspaceId]/library/[itemId]', on(EDITOR_WRITES, async (fx) => {
    const base = `/api/workspaces/${fx.ids.workspaceId}/library`;
    const marker = `authz-library-${fx.next()}-${Date.now()}`;
    await fx.json('editor', 'POST', base, { text: JSON.stringify({ '@type': 'ClaimReview', url: `https://checks.example.org/${marker}`, claimReviewed: `Authz matrix ${marker}` }) });
    const { items } = await fx.json<{ items: Array<{ id: string; version: number }> }>('editor', 'GET', `${base}?q=${marker}`);
    const item = items[0]!;
    fx.defer(async () => void (await fx.json('editor', 'DELETE', `${base}/${item.id}`, { version: item.version }, [200, 404])));
    return { path: `${base}/${item.id}`, data: { version: item.version } };
  })),
  row('GET', '/api/workspaces/[workspaceId]/claim-review-feed', on(MEMBERS_READ, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/claim-review-feed` }))),
  row('PUT', '/api/workspaces/[workspaceId]/scale', on(OWNER_WRITES, async (fx) => ({ path: `/api/workspaces/${fx.ids.workspaceId}/scale`, data: await fx.currentScale() }), {
    label: 'the current scale, unchanged',
  })),
];

// ---------------------------------------------------------------------------------------------
// Public route handlers outside /api: the same for every caller, signed in or not.
// ---------------------------------------------------------------------------------------------

/** The published demo fact-check (db/seed/city-budget.ts) and its public address. */
const PUBLIC_WORKSPACE = 'demo-desk';
const PUBLISHED_PATH = `/fact-checks/${PUBLIC_WORKSPACE}/city-budget-fact-check`;
const PUBLISHED_TITLE = 'Riverton council approves $412 million budget';

//                                    signedOut  outsider viewer  reviewer editor owner
const ANYONE: FullRow =               [200,       200,      200,    200,      200,    200];
const NOBODY: FullRow =               [404,       404,      404,    404,      404,    404];
/** An unpublished article's annotation: its workspace's members only, 404 (not 401/403) for the rest. */
const MEMBERS_ONLY_OR_404: FullRow =  [404,       404,      200,    200,      200,    200];

const isPublicPage = (o: Outcome) => (o.contentType.startsWith('text/html') ? undefined : `expected HTML, got "${o.contentType}"`);
const isClaimPage = (o: Outcome) => {
  const blocks = [...o.body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { '@type'?: string });
  return blocks.length === 1 && blocks[0]!['@type'] === 'ClaimReview' ? undefined : `expected exactly one ClaimReview, found ${blocks.length} JSON-LD blocks`;
};
/** Lists the published fact-check, none of the matrix's throwaway (unpublished) articles. */
const listsPublishedOnly = (o: Outcome) =>
  !o.body.includes(PUBLISHED_PATH) ? `does not list ${PUBLISHED_PATH}` : /authz-(matrix|import|public)-/.test(o.body) ? 'lists an unpublished article' : undefined;

const PUBLIC_MATRIX: RouteSpec[] = [
  row(
    'GET',
    '/fact-checks/[workspaceSlug]/[articleSlug]',
    on(ANYONE, async () => ({ path: PUBLISHED_PATH }), { label: 'the published demo fact-check', check: isPublicPage }),
    when('an unpublished article', NOBODY, async (fx) => ({ path: `/fact-checks/${PUBLIC_WORKSPACE}/${await fx.unpublishedSlug()}` })),
    when('an unknown workspace', NOBODY, async () => ({ path: PUBLISHED_PATH.replace(PUBLIC_WORKSPACE, 'no-such-desk') })),
  ),
  row(
    'GET',
    '/fact-checks/[workspaceSlug]/[articleSlug]/claims/[claimNumber]',
    on(ANYONE, async () => ({ path: `${PUBLISHED_PATH}/claims/1` }), { label: 'a claim of the published fact-check', check: isClaimPage }),
    when('a claim of an unpublished article', NOBODY, async (fx) => ({ path: `/fact-checks/${PUBLIC_WORKSPACE}/${await fx.unpublishedSlug()}/claims/1` })),
    when('a claim number the fact-check does not have', NOBODY, async () => ({ path: `${PUBLISHED_PATH}/claims/99` })),
  ),
  row(
    'GET',
    '/fact-checks/[workspaceSlug]/sitemap.xml',
    on(ANYONE, async () => ({ path: `/fact-checks/${PUBLIC_WORKSPACE}/sitemap.xml` }), { check: listsPublishedOnly }),
    when('an unknown workspace', NOBODY, async () => ({ path: '/fact-checks/no-such-desk/sitemap.xml' })),
  ),
  row(
    'GET',
    '/fact-checks/[workspaceSlug]/feed.xml',
    on(ANYONE, async () => ({ path: `/fact-checks/${PUBLIC_WORKSPACE}/feed.xml` }), { check: listsPublishedOnly }),
    when('an unknown workspace', NOBODY, async () => ({ path: '/fact-checks/no-such-desk/feed.xml' })),
  ),
  // Archived copies of sources: only a public source of a served fact-check with a copy taken (e2e/source-archive.spec.ts).
  row(
    'GET',
    '/fact-checks/[workspaceSlug]/[articleSlug]/sources/[sourceId]/archive',
    on(NOBODY, async () => ({ path: `${PUBLISHED_PATH}/sources/${crypto.randomUUID()}/archive?as=pdf` }), { label: 'a source the published fact-check does not cite' }),
    when('a source of an unpublished article', NOBODY, async (fx) => ({ path: `/fact-checks/${PUBLIC_WORKSPACE}/${await fx.unpublishedSlug()}/sources/${(await fx.source('reviewer2')).id}/archive?as=text` })),
  ),
  row('GET', '/fact-checks/[...rest]', on(NOBODY, async () => ({ path: `${PUBLISHED_PATH}/claims/1/more` }), { label: 'any other address below /fact-checks/' })),
  row(
    'GET',
    '/annotations/[claimId]',
    on(ANYONE, async (fx) => ({ path: `/annotations/${await fx.publishedClaimId()}` }), { label: 'a claim of the published fact-check' }),
    when('a claim of an unpublished article', MEMBERS_ONLY_OR_404, async (fx) => ({ path: `/annotations/${(await fx.sharedClaim()).id}` })),
    when('an unknown claim id', NOBODY, async () => ({ path: `/annotations/${crypto.randomUUID()}` })),
  ),
];

// ---------------------------------------------------------------------------------------------
// Fixtures, built through the API as other users.
// ---------------------------------------------------------------------------------------------

const ARTICLE_TEXT = [
  'The mayor said the new bridge cost 40 million euros to build.',
  'Critics said the real figure was twice as high, citing council minutes.',
].join('\n\n');
const CLAIM_SPAN = { start: 4, end: 61 }; // "mayor said the new bridge cost 40 million euros to build."
const SOURCE = { url: 'https://example.org/council-minutes', title: 'Council minutes', publisher: 'Example Council' };
const REPLY = { contactedOn: '2026-11-01', method: 'email', contact: 'press office', response: null, respondedOn: null, showPublicly: false };

interface DemoIds {
  workspaceId: string;
  kofiId: string;
  levelId: string;
}
interface ArticleRef {
  id: string;
  version: number;
  revision: number;
  doc: unknown;
}
/** The parts of a ReviewSessionView the matrix's fixtures use. */
interface SessionRef {
  id: string;
  articleId: string;
  items: Array<{ id: string; notes: Array<{ id: string; version: number }> }>;
  actions: Array<{ id: string; version: number }>;
}
interface ClaimRef {
  id: string;
  version: number;
  articleId: string;
}

/** The demo users signed in once each (browser contexts with their session cookies). */
interface Sessions {
  baseURL: string;
  pages: Record<DemoUser, Page>;
  signedOut: BrowserContext;
  ids: DemoIds;
  shared: Map<string, Promise<unknown>>;
  counter: number;
}
let sessions: Sessions;

const MEMBER_ACTORS = ['viewer', 'reviewer', 'editor', 'owner'] as const;
function asMember(actor: Actor): DemoUser {
  if (!(MEMBER_ACTORS as readonly string[]).includes(actor)) throw new Error(`${actor} is not a demo member`);
  return actor as DemoUser;
}

function snippet(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text || '(empty body)';
}

class Fixtures {
  private readonly cleanups: Array<() => Promise<void>> = [];

  constructor(private readonly s: Sessions) {}

  get ids(): DemoIds {
    return this.s.ids;
  }

  next(): number {
    this.s.counter += 1;
    return this.s.counter;
  }

  api(who: DemoUser): APIRequestContext {
    return this.s.pages[who].request;
  }

  /** A setup or teardown call that must succeed: fails loudly with the route and answer otherwise. */
  async json<T>(who: DemoUser, method: string, urlPath: string, data?: unknown, ok: number[] = [200, 201]): Promise<T> {
    const response = await this.api(who).fetch(urlPath, { method, data, failOnStatusCode: false, maxRedirects: 0 });
    const body = await response.text();
    if (!ok.includes(response.status())) throw new Error(`Fixture call failed: ${method} ${urlPath} as ${who} → ${response.status()} ${snippet(body)}`);
    return JSON.parse(body) as T;
  }

  /** Runs after the test, newest first. */
  defer(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  async cleanup(): Promise<void> {
    const problems: string[] = [];
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        problems.push(String(error));
      }
    }
    if (problems.length) throw new Error(`Cleanup failed:\n${problems.join('\n')}`);
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.s.shared.has(key)) this.s.shared.set(key, make());
    return this.s.shared.get(key) as Promise<T>;
  }

  /** A fresh draft article, imported by the editor (fixtures.importArticle). */
  async article(): Promise<ArticleRef> {
    const id = await importArticle(this.s.pages.editor, `Authz matrix ${this.next()}`, ARTICLE_TEXT);
    const { article } = await this.json<{ article: ArticleRef }>('editor', 'GET', `/api/articles/${id}`);
    return article;
  }

  /** One article for the whole file: read by the read-only rows, claims added to it are each fresh. */
  sharedArticle(): Promise<ArticleRef> {
    return this.once('article', () => this.article());
  }

  /** The public address (slug) of a fresh, never published article (imported by the editor). */
  unpublishedSlug(): Promise<string> {
    return this.once('unpublished', async () => {
      const title = `Authz public ${Date.now()} ${this.next()}`;
      await importArticle(this.s.pages.editor, title, ARTICLE_TEXT);
      return slugify(title);
    });
  }

  /** The id of a claim of the published demo fact-check, as its members see it. */
  publishedClaimId(): Promise<string> {
    return this.once('publishedClaim', async () => {
      const page = this.s.pages.owner;
      await page.goto('/articles');
      const href = await page.getByRole('link', { name: PUBLISHED_TITLE }).getAttribute('href');
      const articleId = href?.split('/').pop();
      if (!articleId) throw new Error('Fixture: the published demo fact-check is not listed');
      const { claims } = await this.json<{ claims: Array<{ id: string }> }>('owner', 'GET', `/api/articles/${articleId}`);
      if (!claims[0]) throw new Error('Fixture: the published demo fact-check has no claims');
      return claims[0].id;
    });
  }

  /** A claim (by Kofi) for the read-only rows. */
  sharedClaim(): Promise<ClaimRef> {
    return this.once('claim', () => this.claim('reviewer2'));
  }

  /** An open suggestion on a fresh article (Find claims run by the editor, waited for). */
  async suggestion(): Promise<{ id: string; version: number }> {
    const article = await this.article();
    await this.json('editor', 'POST', `/api/articles/${article.id}/suggestions/runs`, {}, [202]);
    for (let i = 0; i < 100; i += 1) {
      const list = await this.json<{ run: { status: string } | null; suggestions: Array<{ id: string; version: number }> }>('editor', 'GET', `/api/articles/${article.id}/suggestions`);
      if (list.run && list.run.status !== 'running') {
        if (!list.suggestions[0]) throw new Error(`Fixture: Find claims found nothing (run ${list.run.status})`);
        return list.suggestions[0];
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('Fixture: Find claims did not finish within 10 s');
  }

  /** At least 5 dismissed suggestions in the demo desk (the minimum a re-fit needs per class), dismissed by the editor. */
  enoughDecisions(): Promise<void> {
    return this.once('enoughDecisions', async () => {
      for (let i = 0; i < 5; i += 1) {
        const suggestion = await this.suggestion();
        await this.json('editor', 'POST', `/api/suggestions/${suggestion.id}/dismiss`, { version: suggestion.version });
      }
    });
  }

  async claim(by: DemoUser): Promise<ClaimRef> {
    const article = await this.sharedArticle();
    const { claim } = await this.json<{ claim: ClaimRef }>(by, 'POST', '/api/claims', { articleId: article.id, revision: article.revision, ...CLAIM_SPAN });
    return claim;
  }

  async source(by: DemoUser): Promise<{ id: string; version: number }> {
    const claim = await this.claim('editor');
    const { source } = await this.json<{ source: { id: string; version: number } }>(by, 'POST', `/api/claims/${claim.id}/sources`, SOURCE);
    return source;
  }

  async reply(by: DemoUser): Promise<{ id: string; version: number }> {
    const claim = await this.claim('editor');
    const { reply } = await this.json<{ reply: { id: string; version: number } }>(by, 'POST', `/api/claims/${claim.id}/replies`, REPLY);
    return reply;
  }

  async comment(by: DemoUser, body = 'A comment for the authorization matrix.'): Promise<{ id: string; version: number }> {
    const claim = await this.claim('editor');
    const { comment } = await this.json<{ comment: { id: string; version: number } }>(by, 'POST', `/api/claims/${claim.id}/comments`, { body });
    return comment;
  }

  /** An unread @mention of Kofi (in a comment by the editor, deleted after the test); its id. */
  async mentionOfKofi(): Promise<string> {
    const comment = await this.comment('editor', `@[Kofi Mensah](${this.ids.kofiId}) can you check this figure?`);
    this.defer(async () => {
      await this.json('editor', 'DELETE', `/api/comments/${comment.id}`, { version: comment.version });
    });
    const { mentions } = await this.json<{ mentions: Array<{ id: string; commentId: string }> }>('reviewer2', 'GET', '/api/mentions?unread=1');
    const mention = mentions.find((m) => m.commentId === comment.id);
    if (!mention) throw new Error('Fixture: Kofi was not mentioned');
    return mention.id;
  }

  /** A running review session led by the editor on a fresh article with two claims (the editor's POST answer). */
  async session(): Promise<SessionRef> {
    const article = await this.article();
    const claimIds: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { claim } = await this.json<{ claim: ClaimRef }>('editor', 'POST', '/api/claims', { articleId: article.id, revision: article.revision, ...CLAIM_SPAN });
      claimIds.push(claim.id);
    }
    return this.json<SessionRef>('editor', 'POST', `/api/articles/${article.id}/review-sessions`, { claimIds });
  }

  /** One running session for the whole file (never ended by the rows that use it). */
  sharedSession(): Promise<SessionRef> {
    return this.once('reviewSession', () => this.session());
  }

  /** The shared session with `who` (an editor or owner) as its lead. */
  async leadSession(who: 'editor' | 'owner'): Promise<SessionRef> {
    const session = await this.sharedSession();
    await this.json(who, 'PATCH', `/api/review-sessions/${session.id}`, { op: 'takeLead' });
    return session;
  }

  /** A session that has ended (its minutes written). */
  endedSession(): Promise<SessionRef> {
    return this.once('endedReviewSession', async () => {
      const session = await this.session();
      await this.json('editor', 'PATCH', `/api/review-sessions/${session.id}`, { op: 'end' });
      return session;
    });
  }

  /** A fresh note by `by` on the shared session's first item. */
  async sessionNote(by: DemoUser): Promise<{ sessionId: string; id: string; version: number }> {
    const session = await this.sharedSession();
    const view = await this.json<SessionRef>(by, 'POST', `/api/review-sessions/${session.id}/items/${session.items[0]!.id}/notes`, { body: 'A note for the authorization matrix.' });
    const note = view.items[0]!.notes.at(-1)!;
    return { sessionId: session.id, id: note.id, version: note.version };
  }

  /** A fresh task for Kofi in the shared session, made by the editor, who is left leading. */
  async sessionTaskOfKofi(): Promise<{ sessionId: string; id: string; version: number }> {
    const session = await this.leadSession('editor');
    const view = await this.json<SessionRef>('editor', 'POST', `/api/review-sessions/${session.id}/actions`, { kind: 'task', assigneeId: this.ids.kofiId, text: 'A task for the authorization matrix.' });
    const action = view.actions.at(-1)!;
    return { sessionId: session.id, id: action.id, version: action.version };
  }

  /** A claim assigned to Kofi by the editor; the assignment is removed after the test if still there. */
  async assignment(): Promise<string> {
    const claim = await this.claim('editor');
    const { assignment } = await this.json<{ assignment: { id: string } }>('editor', 'POST', '/api/assignments', { articleId: claim.articleId, claimId: claim.id, assigneeId: this.ids.kofiId });
    this.defer(() => this.removeAssignment(assignment.id));
    return assignment.id;
  }

  async removeAssignment(id: string): Promise<void> {
    await this.json('editor', 'DELETE', `/api/assignments/${id}`, undefined, [200, 404]);
  }

  throwawayEmail(): string {
    return `authz.${Date.now()}.${this.next()}@claimdesk.demo`;
  }

  /**
   * A throwaway viewer (never a demo member), removed after the test: the owner invites a new
   * address and the invitation link (shown, as the test server sends no mail) creates the account.
   */
  async member(): Promise<string> {
    const { token } = await this.invitation();
    const response = await this.s.signedOut.request.post('/api/invitations/register', { data: { token, name: 'Matrix Throwaway', password: TEMP_PASSWORD, confirmPassword: TEMP_PASSWORD }, failOnStatusCode: false });
    if (response.status() !== 201) throw new Error(`Fixture: register through an invitation → ${response.status()} ${snippet(await response.text())}`);
    const { userId } = (await response.json()) as { userId: string };
    this.defer(() => this.removeMember(userId));
    return userId;
  }

  /** A pending viewer invitation of the demo workspace for a throwaway address (withdrawn after the test if still pending). */
  async invitation(): Promise<{ id: string; token: string }> {
    const { invitation, link } = await this.json<{ invitation: { id: string }; link?: string }>('owner', 'POST', `/api/workspaces/${this.ids.workspaceId}/members`, { email: this.throwawayEmail(), name: 'Matrix Throwaway', role: 'viewer' });
    if (!link) throw new Error('Fixture: the invitation answer has no link (is mail configured on the test server?)');
    this.defer(() => this.revokeInvitation(invitation.id));
    return { id: invitation.id, token: link.split('/invite/')[1]! };
  }

  async revokeInvitation(id: string): Promise<void> {
    await this.json('owner', 'DELETE', `/api/workspaces/${this.ids.workspaceId}/invitations/${id}`, undefined, [200, 404]);
  }

  /** The outsider's own workspace (the demo members are not in it). */
  async otherWorkspaceId(): Promise<string> {
    const { workspaces } = await this.json<{ workspaces: Array<{ id: string; slug: string }> }>('outsider', 'GET', '/api/workspaces');
    return workspaces.find((w) => w.slug === 'other-desk')!.id;
  }

  async removeMember(userId: string): Promise<void> {
    await this.json('owner', 'DELETE', `/api/workspaces/${this.ids.workspaceId}/members/${userId}`, undefined, [200, 404]);
  }

  /**
   * The demo workspace's settings as a valid PATCH body. There is no GET for them: a deliberately
   * stale PATCH by the owner is refused with 409 and the current row, which is re-sent unchanged.
   */
  async currentWorkspaceSettings() {
    const stale = { version: 2_147_483_647, name: 'x', organizationName: 'x', organizationUrl: null, factCheckUrlPattern: '' };
    const { error } = await this.json<{ error: { details: { current: { version: number; name: string; organizationName: string; organizationUrl: string | null; factCheckUrlPattern: string | null } } } }>(
      'owner',
      'PATCH',
      `/api/workspaces/${this.ids.workspaceId}`,
      stale,
      [409],
    );
    const current = error.details.current;
    return { version: current.version, name: current.name, organizationName: current.organizationName, organizationUrl: current.organizationUrl, factCheckUrlPattern: current.factCheckUrlPattern ?? '' };
  }

  /** The demo workspace's rating scale as a valid PUT body (the same levels, the current version). */
  async currentScale() {
    const { scale } = await this.json<{ scale: { name: string; version: number; levels: Array<{ key: string; label: string; color: string; value: number | null; description: string }> } }>(
      'viewer',
      'GET',
      `/api/workspaces/${this.ids.workspaceId}/scale`,
    );
    return { version: scale.version, name: scale.name, levels: scale.levels.map(({ key, label, color, value, description }) => ({ key, label, color, value, description })) };
  }
}

async function send(actor: Actor, method: RouteMethod, call: Call): Promise<Outcome> {
  const context = actor === 'signedOut' ? sessions.signedOut : sessions.pages[actor].context();
  if (call.stream) {
    if (method !== 'GET') throw new Error('Only GET can be a stream');
    return headersOnly(context, sessions.baseURL, call.path);
  }
  const response = await context.request.fetch(call.path, { method, data: call.data, failOnStatusCode: false, maxRedirects: 0 });
  return { status: response.status(), contentType: response.headers()['content-type'] ?? '', body: await response.text() };
}

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------

/** Pure file-system check: needs no session. */
test('the matrix covers exactly the routes and methods under app/api', () => {
  const discovered = discoverApiRoutes();
  expect(discovered.length, 'no route files found under app/api').toBeGreaterThan(0);

  const inSource = new Set<string>();
  for (const { route, file, methods } of discovered) {
    const excluded = EXCLUDED.find((e) => e.route === route);
    if (excluded) {
      expect.soft(methods, `${file} is excluded (${excluded.reason}) for ${excluded.methods.join(', ')}, but exports ${methods.join(', ') || 'nothing'}`).toEqual(excluded.methods);
      continue;
    }
    expect.soft(methods.length, `${file} exports no HTTP method the test recognises: update authz-routes.ts`).toBeGreaterThan(0);
    for (const method of methods) inSource.add(`${method} ${route}`);
  }
  for (const excluded of EXCLUDED) expect.soft(discovered.some((d) => d.route === excluded.route), `excluded route ${excluded.route} no longer exists`).toBe(true);

  const inMatrix = MATRIX.map((r) => `${r.method} ${r.route}`);
  const duplicates = inMatrix.filter((key, i) => inMatrix.indexOf(key) !== i);
  expect.soft(duplicates, 'routes listed twice in MATRIX').toEqual([]);
  const missing = [...inSource].filter((key) => !inMatrix.includes(key)).sort();
  const stale = inMatrix.filter((key) => !inSource.has(key)).sort();
  expect.soft(missing, 'route handlers with no row in the authorization MATRIX (add one: e2e/authz-matrix.spec.ts)').toEqual([]);
  expect(stale, 'MATRIX rows for routes or methods that no longer exist').toEqual([]);
});

/** Pure file-system check, like the one above, for the public route handlers outside /api. */
test('the public matrix covers exactly the route handlers under app/fact-checks and app/annotations', () => {
  const discovered = discoverPublicRoutes();
  expect(discovered.length, 'no public route files found').toBeGreaterThan(0);
  const inSource = new Set(discovered.flatMap(({ route, methods }) => methods.map((m) => `${m} ${route}`)));
  const inMatrix = PUBLIC_MATRIX.map((r) => `${r.method} ${r.route}`);
  expect.soft([...inSource].filter((key) => !inMatrix.includes(key)).sort(), 'public route handlers with no row in PUBLIC_MATRIX').toEqual([]);
  expect(inMatrix.filter((key) => !inSource.has(key)).sort(), 'PUBLIC_MATRIX rows for routes or methods that no longer exist').toEqual([]);
});

test.describe('API authorization matrix', () => {
  test.beforeAll(async ({ browser, appServer }) => {
    const baseURL = appServer.baseURL;
    const users: DemoUser[] = ['outsider', 'viewer', 'reviewer', 'editor', 'owner', 'reviewer2'];
    const signedIn = await Promise.all(users.map((who) => pageAs(browser, who)));
    const pages = Object.fromEntries(users.map((who, i) => [who, signedIn[i]!])) as Record<DemoUser, Page>;
    const signedOut = await browser.newContext();

    const get = async <T>(who: DemoUser, urlPath: string): Promise<T> => {
      const response = await pages[who].request.get(urlPath);
      expect(response.status(), `setup: GET ${urlPath} as ${who}`).toBe(200);
      return (await response.json()) as T;
    };
    const { workspaces } = await get<{ workspaces: Array<{ id: string; slug: string }> }>('owner', '/api/workspaces');
    const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')!.id;
    const { members } = await get<{ members: Array<{ userId: string; email: string }> }>('owner', `/api/workspaces/${workspaceId}/members`);
    const { scale } = await get<{ scale: { levels: Array<{ id: string }> } }>('owner', `/api/workspaces/${workspaceId}/scale`);
    sessions = {
      baseURL,
      pages,
      signedOut,
      ids: { workspaceId, kofiId: members.find((m) => m.email === 'kofi@claimdesk.demo')!.userId, levelId: scale.levels[0]!.id },
      shared: new Map(),
      counter: 0,
    };
  });

  test.afterAll(async () => {
    if (!sessions) return;
    await sessions.signedOut.close();
    for (const page of Object.values(sessions.pages)) await page.context().close();
  });

  // Blind review reaches the export too: a reviewer or viewer who has not given a verdict sees no one
  // else's (nor the final one) in a report, just as in the workbench; editors see everything.
  test('blind review: the export withholds other reviewers’ verdicts from those who may not see them', async () => {
    const fx = new Fixtures(sessions);
    const secret = `Kofi's reason ${Date.now()}`;
    const article = await fx.article();
    await fx.json('editor', 'PATCH', `/api/articles/${article.id}/settings`, { blindReview: true, version: article.version });
    const { claim } = await fx.json<{ claim: ClaimRef }>('editor', 'POST', '/api/claims', { articleId: article.id, revision: article.revision, ...CLAIM_SPAN });
    await fx.json('reviewer2', 'PUT', `/api/claims/${claim.id}/verdicts`, { verdictId: fx.ids.levelId, reason: secret });
    await fx.json('editor', 'PUT', `/api/claims/${claim.id}/final-verdict`, { verdictId: fx.ids.levelId, version: 1 });

    for (const who of ['reviewer', 'viewer'] as const) {
      // The API itself redacts: Ana (no verdict yet) and Vera see that there is a verdict, not which.
      const { verdicts } = await fx.json<{ verdicts: { hidden: boolean; others: unknown[] } }>(who, 'GET', `/api/claims/${claim.id}/verdicts`);
      expect(verdicts, `${who}: the verdicts API hides Kofi's verdict under blind review`).toMatchObject({ hidden: true, others: [] });
      const exported = await fx.api(who).get(`/api/articles/${article.id}/export?format=json`);
      expect(exported.status()).toBe(200);
      const report = (await exported.json()) as { claims: Array<{ reviewers: unknown[]; finalVerdict: unknown }> };
      expect.soft(report.claims[0]?.reviewers, `${who}: the export lists Kofi's verdict under blind review`).toEqual([]);
      expect.soft(report.claims[0]?.finalVerdict, `${who}: the export shows the final verdict under blind review`).toBeNull();
      expect.soft(JSON.stringify(report).includes(secret), `${who}: the export contains Kofi's reason (reviewers or history) under blind review`).toBe(false);
    }
    const editorReport = (await (await fx.api('editor').get(`/api/articles/${article.id}/export?format=json`)).json()) as { claims: Array<{ reviewers: unknown[]; finalVerdict: unknown }> };
    expect(editorReport.claims[0]?.reviewers, 'the editor’s export lists the reviewer verdicts').toHaveLength(1);
    expect(editorReport.claims[0]?.finalVerdict, 'the editor’s export carries the final verdict').not.toBeNull();
  });

  for (const spec of [...MATRIX, ...PUBLIC_MATRIX]) {
    test(`${spec.method} ${spec.route}`, async () => {
      const fx = new Fixtures(sessions);
      try {
        for (const c of spec.cases) {
          for (const [column, actor] of ACTORS.entries()) {
            const expected = c.row[column];
            if (expected === null || expected === undefined) continue;
            const call = await c.prepare(fx, actor);
            const outcome = await send(actor, spec.method, call);
            const where = `${spec.method} ${spec.route}${c.label ? ` [${c.label}]` : ''} as ${actor}`;
            expect.soft(outcome.status, `${where}: expected ${expected}, got ${outcome.status} — ${snippet(outcome.body)}`).toBe(expected);
            if (outcome.status === expected && expected < 300 && c.check) {
              let problem: string | undefined;
              try {
                problem = c.check(outcome, actor);
              } catch (error) {
                problem = `the answer could not be checked (${String(error)}): ${snippet(outcome.body)}`;
              }
              expect.soft(problem, `${where}: ${problem}`).toBeUndefined();
            }
            if (c.after) await c.after(fx, actor, outcome);
          }
        }
      } finally {
        await fx.cleanup();
      }
    });
  }
});
