/**
 * Splits article text at every claim boundary so overlapping and nested claims can be
 * highlighted with plain, properly nested markup: each segment lists every claim covering it.
 * A multi-part claim is placed once per part still in the text (every part is highlighted).
 */
import { claimParts } from './claim-parts';
import type { ReportClaim } from './view-model';

export interface PlacedClaim {
  claim: ReportClaim;
  /** One span of the claim (a multi-part claim has one PlacedClaim per part found). */
  start: number;
  end: number;
  /**
   * Set on a span of a multi-part claim that another of its spans follows: the claim's [n] marker
   * comes after its last span only, so this one is not in any segment's `ending`.
   */
  continues?: boolean;
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
  /** Claims whose last character (of their last span) is the segment's last character: their marker goes here. */
  ending: PlacedClaim[];
}

/**
 * Claims with a usable range in `text`, in reading order, each with a lane; a multi-part claim
 * once per part. Orphans, orphaned parts and bad ranges are skipped.
 */
export function placeClaims(text: string, claims: readonly ReportClaim[]): PlacedClaim[] {
  const usable = (start: number | null, end: number | null): boolean =>
    start !== null && end !== null && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end;
  const ranged: Array<{ claim: ReportClaim; start: number; end: number; continues?: boolean }> = [];
  for (const claim of claims) {
    if (claim.orphaned) continue;
    if (!claim.parts || claim.parts.length < 2) {
      if (usable(claim.start, claim.end)) ranged.push({ claim, start: claim.start ?? 0, end: claim.end ?? 0 });
      continue;
    }
    const found = claimParts(claim).filter((p) => !p.orphaned && usable(p.start, p.end));
    found.forEach((p, i) => ranged.push({ claim, start: p.start ?? 0, end: p.end ?? 0, ...(i < found.length - 1 ? { continues: true } : {}) }));
  }
  ranged.sort((a, b) => a.start - b.start || b.end - a.end || a.claim.number - b.claim.number);

  // Sweep in start order. Every earlier claim starts at or before this one, so it overlaps this one
  // exactly when it ends after this one's start: those are the active claims, and they hold distinct
  // lanes. The lowest lane no active claim holds is the lowest freed lane, or a new one.
  const placed: PlacedClaim[] = [];
  const active = new MinHeap<PlacedClaim>((a, b) => a.end - b.end);
  const freeLanes = new MinHeap<number>((a, b) => a - b);
  let lanesUsed = 0;
  for (const range of ranged) {
    while (active.size > 0 && active.peek()!.end <= range.start) freeLanes.push(active.pop()!.lane);
    const lane = freeLanes.size > 0 ? freeLanes.pop()! : lanesUsed++;
    const claim = { ...range, lane };
    placed.push(claim);
    active.push(claim);
  }
  return placed;
}

/**
 * The whole text as consecutive segments; uncovered text comes out as segments with no claims.
 * One sweep over the sorted boundaries: the claims covering a segment are those that started at or
 * before it and have not ended yet, kept in `placed` order.
 */
export function segmentText(text: string, placed: readonly PlacedClaim[]): TextSegment[] {
  const cuts = new Set<number>([0, text.length]);
  const startingAt = new Map<number, number[]>();
  const endingAt = new Map<number, PlacedClaim[]>();
  placed.forEach((p, index) => {
    cuts.add(p.start);
    cuts.add(p.end);
    // An empty or reversed range covers nothing, but still counts as ending where it ends.
    if (p.start < p.end) pushTo(startingAt, p.start, index);
    pushTo(endingAt, p.end, p);
  });
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  // Indexes into `placed` of the claims covering the current position, ascending.
  let active: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? 0;
    if (endingAt.has(start)) active = active.filter((index) => placed[index]!.end > start);
    const starting = startingAt.get(start);
    if (starting) {
      const inOrder = active.length === 0 || starting[0]! > active[active.length - 1]!;
      for (const index of starting) active.push(index);
      if (!inOrder) active.sort((a, b) => a - b);
    }
    if (start === end) continue;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      covering: active.map((index) => placed[index]!),
      ending: endingAt.get(end)?.filter((p) => !p.continues) ?? [],
    });
  }
  return segments;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A binary min-heap. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.less(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.less(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
