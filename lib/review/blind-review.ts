/**
 * Blind review, the parts that are pure: what a reviewer who has not yet given their own verdict
 * on a claim may not see. The final verdict states the team's opinion; the rationale usually
 * states it in words; the claim status ("resolved") says a decision was taken. All three are the
 * claim's *decision* and are withheld together, whatever their values — hiding only the
 * revealing values would make "hidden" itself mean "decided".
 *
 * Who may see is decided by `canSeeOthersVerdicts` (lib/review/verdict-visibility.ts); this module only
 * removes what must not be shown.
 */

/** The one phrase every surface (panel, list, history, exports) shows in place of the decision. */
export const HIDDEN_UNTIL_VERDICT = 'Hidden until you give your verdict';

/**
 * Claim columns that carry the decision, and `basedOn`: the history's record of where a reused
 * verdict came from ("claim #3 in …", db/queries/claim-links.ts), which tells the decision as well.
 */
export const DECISION_FIELDS = ['verdictId', 'rationale', 'status', 'basedOn'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

const DECISION_FIELD_SET: ReadonlySet<string> = new Set(DECISION_FIELDS);

/** Values every claim starts with: a create that only sets these decides nothing. */
const NEW_CLAIM_DECISION: Readonly<Record<DecisionField, unknown>> = { verdictId: null, rationale: '', status: 'open', basedOn: null };

export interface ClaimDecision<S extends string = string> {
  verdictId: string | null;
  rationale: string;
  status: S | null;
}

/** The claim with its decision removed: no verdict, no rationale, no status (null, not a guess). */
export function withholdDecision<T extends ClaimDecision>(claim: T): T & { verdictId: null; rationale: ''; status: null } {
  return { ...claim, verdictId: null, rationale: '', status: null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutDecision(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !DECISION_FIELD_SET.has(key)));
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

export interface ClaimAuditRecord {
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
}

export interface RedactedAuditRecord {
  before: unknown;
  after: unknown;
  /** True when the entry set or changed part of the decision (and that part was removed). */
  hidDecision: boolean;
}

/**
 * A claim's audit entry without its decision fields. `hidDecision` tells whether anything that
 * was removed said something: an update touching a decision field, or a create/delete whose
 * decision differs from a new claim's (open, no verdict, no rationale).
 */
export function redactClaimAudit(entry: ClaimAuditRecord): RedactedAuditRecord {
  const records = [entry.before, entry.after].filter(isRecord);
  const touched = DECISION_FIELDS.filter((field) => records.some((r) => field in r));
  const hidDecision =
    entry.action === 'update'
      ? touched.length > 0
      : touched.some((field) => records.some((r) => field in r && !sameValue(r[field], NEW_CLAIM_DECISION[field])));
  return { before: withoutDecision(entry.before), after: withoutDecision(entry.after), hidDecision };
}
