import { describe, expect, it } from 'vitest';
import { placeClaims, segmentText, type PlacedClaim, type TextSegment } from './segments';
import type { ReportClaim } from './view-model';
import { FIXTURE_PARTIAL_CLAIM_NUMBER, FIXTURE_TWO_PART_CLAIM_NUMBER, buildFixtureViewModel, buildMultiPartFixtureViewModel } from '@/test/fixtures/export-report';

describe('segmentText', () => {
  const vm = buildFixtureViewModel();
  const text = vm.article.text;
  const placed = placeClaims(text, vm.claims);
  const segments = segmentText(text, placed);

  it('places every non-orphaned claim and skips orphans', () => {
    expect(placed.map((p) => p.claim.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('covers the whole text with consecutive segments', () => {
    expect(segments.map((s) => s.text).join('')).toBe(text);
    segments.forEach((s, i) => expect(s.start).toBe(i === 0 ? 0 : segments[i - 1]?.end));
  });

  it('rebuilds each claim from the segments that cover it', () => {
    for (const p of placed) {
      const covered = segments.filter((s) => s.covering.includes(p)).map((s) => s.text).join('');
      expect(covered).toBe(p.claim.quote.exact);
    }
  });

  it('gives overlapping claims different lanes and lists the outer claim first', () => {
    const lane = (n: number) => placed.find((p) => p.claim.number === n)?.lane;
    expect(lane(1)).not.toBe(lane(2));
    expect(lane(3)).not.toBe(lane(4));
    const nested = segments.find((s) => s.covering.length === 2 && s.covering.some((p) => p.claim.number === 4));
    expect(nested?.covering.map((p) => p.claim.number)).toEqual([3, 4]);
  });

  it('ignores out-of-range and empty ranges', () => {
    const [claim] = vm.claims;
    if (!claim) throw new Error('fixture has claims');
    const bad = [
      { ...claim, start: -1, end: 3 },
      { ...claim, start: 5, end: 5 },
      { ...claim, start: 0, end: text.length + 1 },
    ];
    expect(placeClaims(text, bad)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The sweep must give exactly what the quadratic implementation it replaced gave. The old code,
// kept verbatim as the reference:

function referencePlaceClaims(text: string, claims: readonly ReportClaim[]): PlacedClaim[] {
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

function referenceSegmentText(text: string, placed: readonly PlacedClaim[]): TextSegment[] {
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

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function claimAt(template: ReportClaim, number: number, start: number | null, end: number | null, orphaned = false): ReportClaim {
  return { ...template, id: `c${number}`, number, start, end, orphaned };
}

/** Same claims (by identity of the claim object), same lanes, same segments, same covering/ending order. */
function expectSameAsReference(text: string, claims: readonly ReportClaim[]): void {
  const placed = placeClaims(text, claims);
  const expected = referencePlaceClaims(text, claims);
  expect(placed.map((p) => [p.claim.id, p.start, p.end, p.lane])).toEqual(expected.map((p) => [p.claim.id, p.start, p.end, p.lane]));
  placed.forEach((p, i) => expect(p.claim).toBe(expected[i]?.claim));
  // Compare segmentations over the same placed list, by position in it.
  const shape = (segments: TextSegment[], list: readonly PlacedClaim[]) =>
    segments.map((s) => ({ start: s.start, end: s.end, text: s.text, covering: s.covering.map((p) => list.indexOf(p)), ending: s.ending.map((p) => list.indexOf(p)) }));
  expect(shape(segmentText(text, placed), placed)).toEqual(shape(referenceSegmentText(text, placed), placed));
}

describe('sweep segmentation equals the quadratic reference', () => {
  const vm = buildFixtureViewModel();
  const template = vm.claims[0];
  if (!template) throw new Error('fixture has claims');
  const text = vm.article.text;

  it('on the fixture report', () => {
    expectSameAsReference(text, vm.claims);
  });

  it('on nested, overlapping, identical, touching and bad ranges', () => {
    const claims = [
      claimAt(template, 1, 0, 40),
      claimAt(template, 2, 0, 40), // identical
      claimAt(template, 3, 5, 10), // nested
      claimAt(template, 4, 5, 10), // identical nested
      claimAt(template, 5, 8, 50), // crossing
      claimAt(template, 6, 40, 60), // touching the end of 1 and 2
      claimAt(template, 7, 60, 61), // one character
      claimAt(template, 8, 10, 10), // empty
      claimAt(template, 9, -3, 4), // out of range
      claimAt(template, 10, 2, text.length + 5), // out of range
      claimAt(template, 11, 3, 9, true), // orphaned
      claimAt(template, 12, null, null),
      claimAt(template, 13, 2.5, 9), // not an integer
      claimAt(template, 14, 0, text.length), // the whole text
      claimAt(template, 15, text.length - 1, text.length),
    ];
    expectSameAsReference(text, claims);
    // Lanes are reused once a claim has ended.
    const lane = (n: number) => placeClaims(text, claims).find((p) => p.claim.number === n)?.lane;
    expect(lane(6)).not.toBeUndefined();
  });

  it('with no claims and on an empty text', () => {
    expectSameAsReference(text, []);
    expectSameAsReference('', []);
    expectSameAsReference('', [claimAt(template, 1, 0, 0)]);
  });

  it('on a list of placed claims that is not in reading order', () => {
    const placed: PlacedClaim[] = [
      { claim: claimAt(template, 1, 20, 30), start: 20, end: 30, lane: 0 },
      { claim: claimAt(template, 2, 0, 25), start: 0, end: 25, lane: 1 },
      { claim: claimAt(template, 3, 5, 5), start: 5, end: 5, lane: 0 },
      { claim: claimAt(template, 4, 12, 8), start: 12, end: 8, lane: 0 },
      { claim: claimAt(template, 5, 0, 25), start: 0, end: 25, lane: 2 },
    ];
    const shape = (segments: TextSegment[]) => segments.map((s) => ({ ...s, covering: s.covering.map((p) => placed.indexOf(p)), ending: s.ending.map((p) => placed.indexOf(p)) }));
    expect(shape(segmentText(text, placed))).toEqual(shape(referenceSegmentText(text, placed)));
  });

  it('on random ranges (property test, 300 seeds)', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = seeded(seed);
      const length = 1 + Math.floor(random() * 400);
      const body = 'abcdefghij\n '.repeat(40).slice(0, length);
      const count = Math.floor(random() * (seed % 3 === 0 ? 80 : 20));
      // Few distinct boundaries on some seeds, so ties, identical and touching ranges are common.
      const grid = seed % 2 === 0 ? 8 : length + 1;
      const at = () => Math.floor((Math.floor(random() * grid) * (length + 1)) / grid);
      const claims = Array.from({ length: count }, (_, i) => {
        const a = at();
        const b = at();
        const roll = random();
        if (roll < 0.05) return claimAt(template, i + 1, a, a + Math.floor(random() * 20), true);
        if (roll < 0.1) return claimAt(template, i + 1, b, a); // maybe reversed
        if (roll < 0.12) return claimAt(template, i + 1, a, length + 3);
        return claimAt(template, i + 1, Math.min(a, b), Math.max(a, b));
      });
      // Claim numbers are not always in creation order relative to position.
      if (seed % 5 === 0) claims.reverse();
      expectSameAsReference(body, claims);
    }
  });

  it('on the 100,000-word article shape: 2,000 claims over 600,000 characters', () => {
    const random = seeded(42);
    const big = 'lorem ipsum dolor sit amet, consectetur.\n\n'.repeat(15_000);
    const claims = Array.from({ length: 2_000 }, (_, i) => {
      const start = Math.floor(random() * (big.length - 200));
      return claimAt(template, i + 1, start, start + 40 + Math.floor(random() * 120));
    });
    const placed = placeClaims(big, claims);
    expect(placed.map((p) => p.lane)).toEqual(referencePlaceClaims(big, claims).map((p) => p.lane));
    const segments = segmentText(big, placed);
    expect(segments.map((s) => s.text).join('')).toBe(big);
    for (const s of segments) for (const p of s.covering) expect(p.start <= s.start && p.end >= s.end).toBe(true);
    expect(segments.reduce((n, s) => n + s.ending.length, 0)).toBe(placed.length);
  });
});

describe('multi-part claims', () => {
  const vm = buildMultiPartFixtureViewModel();
  const text = vm.article.text;
  const placed = placeClaims(text, vm.claims);
  const segments = segmentText(text, placed);
  const spans = (n: number) => placed.filter((p) => p.claim.number === n);

  it('places one span per part still in the text, the claim marker after the last only', () => {
    const twoPart = vm.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)!;
    expect(spans(FIXTURE_TWO_PART_CLAIM_NUMBER).map((p) => text.slice(p.start, p.end))).toEqual(twoPart.parts!.map((p) => p.quote.exact));
    expect(spans(FIXTURE_TWO_PART_CLAIM_NUMBER).map((p) => p.continues === true)).toEqual([true, false]);
    const endings = segments.flatMap((s) => s.ending).filter((p) => p.claim.number === FIXTURE_TWO_PART_CLAIM_NUMBER);
    expect(endings).toHaveLength(1);
    expect(endings[0]?.end).toBe(twoPart.parts![1]!.end);
  });

  it('skips a gone part and marks after the remaining one', () => {
    const partial = spans(FIXTURE_PARTIAL_CLAIM_NUMBER);
    expect(partial.map((p) => text.slice(p.start, p.end))).toEqual(['appeared in a caption']);
    expect(partial[0]?.continues).toBeUndefined();
  });

  it('rebuilds each part from the segments that cover it and keeps the text whole', () => {
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (const p of placed) expect(segments.filter((s) => s.covering.includes(p)).map((s) => s.text).join('')).toBe(text.slice(p.start, p.end));
  });

  it('skips parts with bad ranges and a claim whose parts are all gone', () => {
    const [claim] = vm.claims.filter((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER);
    const bad = { ...claim!, parts: claim!.parts!.map((p, i) => (i === 0 ? { ...p, start: -4, end: 2 } : { ...p, start: p.start, end: text.length + 5 })) };
    expect(placeClaims(text, [bad])).toEqual([]);
    const gone = { ...claim!, orphaned: true };
    expect(placeClaims(text, [gone])).toEqual([]);
  });
});
