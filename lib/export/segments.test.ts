import { describe, expect, it } from 'vitest';
import { placeClaims, segmentText } from './segments';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

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
