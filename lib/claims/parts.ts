import type { ClaimPart } from '@/lib/domain/claims';
import type { AnchorState, PartAnchorState } from '@/lib/domain/statuses';

/**
 * A claim's parts (the separate spans it covers) as stored: the claims table's quote/position
 * columns hold the first part and `anchor_state` the claim-level state; `parts_json` is null for a
 * single-part claim (the columns are the part, its state is `anchor_state`), otherwise a JSON array
 * of ALL parts (≥ 2) `{ exact, prefix, suffix, start, end, state }` (positions in code points).
 * Everyone reads and writes parts through this module; nobody parses `parts_json` themselves.
 */

/** Most parts a claim may have (PUT /api/claims/:id/anchor refuses more). */
export const MAX_CLAIM_PARTS = 20;

/** What joins the parts' quotes where a claim is shown as one quote (history, exports). */
export const PART_QUOTE_SEPARATOR = ' … ';

/** The claims-row fields the parts live in (a Drizzle claims row has them all). */
export interface ClaimPartsRow {
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number;
  positionEnd: number;
  anchorState: AnchorState;
  partsJson: string | null;
}

/** The columns to write for a claim's parts (partsColumns). */
export type ClaimPartsColumns = ClaimPartsRow;

/** A stored parts_json that is not what this module writes (a bug or a hand edit): names the claim and the problem. */
export class ClaimPartsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimPartsError';
  }
}

/** One element of parts_json. */
interface StoredPart {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  state: PartAnchorState;
}

const isPartState = (value: unknown): value is PartAnchorState => value === 'anchored' || value === 'orphaned';
const isPosition = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Parses a stored parts_json into parts; throws ClaimPartsError saying what is wrong (never a
 * TypeError from a half-read value). `claimId` only names the claim in the message.
 */
export function parseClaimParts(json: string, claimId?: string): ClaimPart[] {
  const where = claimId ? `Claim ${claimId}: parts_json` : 'parts_json';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ClaimPartsError(`${where} is not valid JSON.`);
  }
  if (!Array.isArray(value)) throw new ClaimPartsError(`${where} must be an array of parts.`);
  if (value.length < 2) throw new ClaimPartsError(`${where} must hold at least 2 parts (a single-part claim stores null), found ${value.length}.`);
  return value.map((item: unknown, i) => {
    const at = `${where} part ${i + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ClaimPartsError(`${at} is not an object.`);
    const p = item as Record<string, unknown>;
    for (const key of ['exact', 'prefix', 'suffix'] as const) {
      if (typeof p[key] !== 'string') throw new ClaimPartsError(`${at} has no text "${key}".`);
    }
    if (!isPosition(p.start) || !isPosition(p.end)) throw new ClaimPartsError(`${at} needs whole, non-negative "start" and "end".`);
    if (p.end <= p.start) throw new ClaimPartsError(`${at} is empty or reversed (start ${p.start}, end ${p.end}).`);
    if (!isPartState(p.state)) throw new ClaimPartsError(`${at} has an unknown state ${JSON.stringify(p.state)} (anchored or orphaned).`);
    const part = p as unknown as StoredPart;
    return {
      quote: { exact: part.exact, prefix: part.prefix, suffix: part.suffix },
      position: { start: part.start, end: part.end },
      anchorState: part.state,
    };
  });
}

/** A claim's parts from its row: the one part of the columns, or every part of parts_json. Throws ClaimPartsError on a malformed parts_json. */
export function readClaimParts(row: ClaimPartsRow & { id?: string }): ClaimPart[] {
  if (row.partsJson === null || row.partsJson === undefined) {
    return [
      {
        quote: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
        position: { start: row.positionStart, end: row.positionEnd },
        // A single part is found or not; 'partial' cannot describe one span.
        anchorState: row.anchorState === 'anchored' ? 'anchored' : 'orphaned',
      },
    ];
  }
  return parseClaimParts(row.partsJson, row.id);
}

/**
 * readClaimParts for code that must not fail on one bad row (lists, re-anchoring): a malformed
 * parts_json is reported through `onError` (default: console.error) and the claim read as the single
 * part its columns hold (they mirror parts[0]).
 */
export function readClaimPartsOrColumns(row: ClaimPartsRow & { id?: string }, onError: (error: ClaimPartsError) => void = (error) => console.error(`${error.message} Read as the single part its columns hold.`)): ClaimPart[] {
  try {
    return readClaimParts(row);
  } catch (error) {
    if (!(error instanceof ClaimPartsError)) throw error;
    onError(error);
    return readClaimParts({ ...row, partsJson: null });
  }
}

/** The claim-level state: every part found, some, or none. */
export function combinedAnchorState(parts: readonly { anchorState: PartAnchorState }[]): AnchorState {
  if (parts.length === 0) throw new ClaimPartsError('A claim has at least one part.');
  const found = parts.filter((p) => p.anchorState === 'anchored').length;
  if (found === parts.length) return 'anchored';
  return found === 0 ? 'orphaned' : 'partial';
}

/** The parts' exact quotes in their order, joined by ' … ' (one part: its quote). */
export function joinPartQuotes(parts: readonly { quote: { exact: string } }[]): string {
  return parts.map((p) => p.quote.exact).join(PART_QUOTE_SEPARATOR);
}

/** Parts in text order (by start, then end); a stable sort, so equal parts keep their order. */
export function sortParts<T extends { position: { start: number; end: number } }>(parts: readonly T[]): T[] {
  return [...parts].sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end);
}

/**
 * The columns that store `parts` (in the order given; sort them first when they come from a
 * user): the quote/position columns mirror parts[0], `anchorState` is the combined state and
 * `partsJson` is null for one part, else every part.
 */
export function partsColumns(parts: readonly ClaimPart[]): ClaimPartsColumns {
  const first = parts[0];
  if (!first) throw new ClaimPartsError('A claim has at least one part.');
  if (parts.length > MAX_CLAIM_PARTS) throw new ClaimPartsError(`A claim has at most ${MAX_CLAIM_PARTS} parts.`);
  const stored: StoredPart[] = parts.map((p) => ({
    exact: p.quote.exact,
    prefix: p.quote.prefix,
    suffix: p.quote.suffix,
    start: p.position.start,
    end: p.position.end,
    state: p.anchorState,
  }));
  return {
    quoteExact: first.quote.exact,
    quotePrefix: first.quote.prefix,
    quoteSuffix: first.quote.suffix,
    positionStart: first.position.start,
    positionEnd: first.position.end,
    anchorState: combinedAnchorState(parts),
    partsJson: parts.length === 1 ? null : JSON.stringify(stored),
  };
}
