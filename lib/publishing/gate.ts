import type { PublishBlocker } from '@/lib/domain/publishing';

/**
 * The publish gate: what stops an article from being published. Pure, so the dialog (through
 * GET /api/articles/:id/publication) and the publish transaction read the same list.
 *
 * - `no_claims`: no included claim at all (excluded claims do not count).
 * - `no_final_verdict`: an included claim without a final verdict.
 * - `orphaned`: an included claim whose words are no longer in the text, or a multi-part claim
 *   with a part whose words are gone (`partial`): the public page would quote words the article lost.
 * Excluded claims ("not part of the fact-check") never block. An owner may publish despite
 * blockers with a recorded reason (db/queries/publications.ts).
 */

/**
 * The facts the gate reads about a claim. Accepts a claim row or ClaimDto (`verdictId`,
 * `anchorState`) as well as a report claim (`finalVerdict`, `orphaned`).
 */
export interface GateClaim {
  id: string;
  /** The stable claim number ("Claim 4"). */
  number: number;
  /** Set (non-blank) when the claim is excluded from the fact-check. */
  exclusionReason: string | null;
  /** The final verdict's id (claim rows, ClaimDto). */
  verdictId?: string | null;
  /** The final verdict (report claims). */
  finalVerdict?: unknown;
  anchorState?: 'anchored' | 'partial' | 'orphaned' | string;
  orphaned?: boolean;
  /** Set once published: such a claim can be excluded but no longer deleted. */
  firstPublishedAt?: Date | string | null;
}

/** Whether a claim is left out of the fact-check (the gate, public pages and the publish step agree). */
export function isExcluded(claim: { exclusionReason?: string | null }): boolean {
  return typeof claim.exclusionReason === 'string' && claim.exclusionReason.trim() !== '';
}

function hasFinalVerdict(claim: GateClaim): boolean {
  if (typeof claim.verdictId === 'string' && claim.verdictId !== '') return true;
  return claim.finalVerdict !== undefined && claim.finalVerdict !== null;
}

function isOrphaned(claim: GateClaim): boolean {
  return claim.orphaned === true || claim.anchorState === 'orphaned';
}

function label(claim: GateClaim): string {
  return Number.isInteger(claim.number) && claim.number > 0 ? `Claim ${claim.number}` : 'A claim';
}

/**
 * Everything that blocks publishing, ordered by claim number (a claim's orphaned blocker before
 * its missing verdict: excluding the orphan resolves both). Empty: the article may be published.
 */
export function publishBlockers(claims: ReadonlyArray<GateClaim>): PublishBlocker[] {
  if (!Array.isArray(claims)) throw new TypeError('publishBlockers needs the article’s claims as an array.');
  const included = claims.filter((claim) => {
    if (!claim || typeof claim !== 'object' || typeof claim.id !== 'string') throw new TypeError('publishBlockers: every claim needs an id.');
    return !isExcluded(claim);
  });
  if (included.length === 0) {
    const message =
      claims.length === 0
        ? 'There are no claims to publish. Highlight at least one claim in the text first.'
        : 'Every claim is excluded from the fact-check, so there is nothing to publish. Include at least one claim.';
    return [{ kind: 'no_claims', claimId: null, claimNumber: null, message }];
  }
  const ordered = [...included].sort((a, b) => numberKey(a) - numberKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const blockers: PublishBlocker[] = [];
  for (const claim of ordered) {
    const claimNumber = Number.isInteger(claim.number) && claim.number > 0 ? claim.number : null;
    if (isOrphaned(claim)) {
      const fix = claim.firstPublishedAt ? 'Re-attach it to the text or exclude it (a published claim cannot be deleted).' : 'Re-attach it to the text, exclude it or delete it.';
      blockers.push({ kind: 'orphaned', claimId: claim.id, claimNumber, message: `${label(claim)} is orphaned: its words are no longer in the text. ${fix}` });
    } else if (claim.anchorState === 'partial') {
      blockers.push({
        kind: 'orphaned',
        claimId: claim.id,
        claimNumber,
        message: `${label(claim)} is partly orphaned: the words of one of its parts are no longer in the text. Re-attach or remove that part, or exclude the claim.`,
      });
    }
    if (!hasFinalVerdict(claim)) {
      blockers.push({ kind: 'no_final_verdict', claimId: claim.id, claimNumber, message: `${label(claim)} has no final verdict.` });
    }
  }
  return blockers;
}

/** Claims without a usable number sort last. */
function numberKey(claim: GateClaim): number {
  return Number.isInteger(claim.number) && claim.number > 0 ? claim.number : Number.MAX_SAFE_INTEGER;
}
