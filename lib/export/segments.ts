/**
 * Splits article text at every claim boundary so overlapping and nested claims can be
 * highlighted with plain, properly nested markup: each segment lists every claim covering it.
 */
import type { ReportClaim } from './view-model';

export interface PlacedClaim {
  claim: ReportClaim;
  start: number;
  end: number;
  /**
   * 0 for claims that overlap nothing earlier; otherwise the lowest lane not used by an
   * overlapping claim, so stacked underlines of overlapping claims never sit on top of each other.
   */
  lane: number;
}

export interface TextSegment {
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
  text: string;
  /** Claims covering the whole segment, outermost (earliest start, then longest) first. */
  covering: PlacedClaim[];
  /** Claims whose last character is the segment's last character. */
  ending: PlacedClaim[];
}

/** Claims with a usable range in `text`, in reading order, each with a lane. Orphans and bad ranges are skipped. */
export function placeClaims(text: string, claims: readonly ReportClaim[]): PlacedClaim[] {
  const ranged = claims
    .filter((c) => !c.orphaned && c.start !== null && c.end !== null)
    .map((c) => ({ claim: c, start: c.start ?? 0, end: c.end ?? 0 }))
    .filter((c) => Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end <= text.length && c.start < c.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.claim.number - b.claim.number);

  const placed: PlacedClaim[] = [];
  for (const range of ranged) {
    const busy = new Set(placed.filter((p) => p.end > range.start && p.start < range.end).map((p) => p.lane));
    let lane = 0;
    while (busy.has(lane)) lane += 1;
    placed.push({ ...range, lane });
  }
  return placed;
}

/** The whole text as consecutive segments; uncovered text comes out as segments with no claims. */
export function segmentText(text: string, placed: readonly PlacedClaim[]): TextSegment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const p of placed) {
    cuts.add(p.start);
    cuts.add(p.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? 0;
    if (start === end) continue;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      covering: placed.filter((p) => p.start <= start && p.end >= end),
      ending: placed.filter((p) => p.end === end),
    });
  }
  return segments;
}
