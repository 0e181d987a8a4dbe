import { describe, expect, it } from 'vitest';
import { FIXTURE_TEXT, buildFixtureViewModel } from './test-fixture';

// The fixture is only useful if its offsets are right; check them against the text.
describe('awkward fixture', () => {
  const vm = buildFixtureViewModel();

  it('has every awkward case the export tests rely on', () => {
    expect(FIXTURE_TEXT).toContain('\u200c');
    expect(FIXTURE_TEXT).toMatch(/\p{Extended_Pictographic}/u);
    expect(vm.claims.some((c) => c.quote.exact.includes('<script>alert(1)</script>'))).toBe(true);
    expect(vm.claims.some((c) => c.claimText.startsWith('=HYPERLINK('))).toBe(true);
    expect(vm.claims.some((c) => c.rationale.startsWith('-'))).toBe(true);
    expect(vm.claims.some((c) => c.sources.some((s) => s.url === 'javascript:alert(1)'))).toBe(true);
    expect(vm.claims.some((c) => c.finalVerdict === null)).toBe(true);
    expect(vm.claims.some((c) => c.orphaned)).toBe(true);
    expect(vm.claims.some((c) => c.finalVerdict?.value === null)).toBe(true);
  });

  it('has UTF-16 ranges, code-point positions and quote context that match the text', () => {
    const codePoints = [...FIXTURE_TEXT];
    for (const claim of vm.claims.filter((c) => !c.orphaned)) {
      expect(FIXTURE_TEXT.slice(claim.start ?? 0, claim.end ?? 0)).toBe(claim.quote.exact);
      expect(codePoints.slice(claim.position.start, claim.position.end).join('')).toBe(claim.quote.exact);
      expect(FIXTURE_TEXT).toContain(claim.quote.prefix + claim.quote.exact + claim.quote.suffix);
    }
    const orphan = vm.claims.find((c) => c.orphaned);
    expect(orphan?.start).toBeNull();
    expect(FIXTURE_TEXT).not.toContain(orphan?.quote.exact);
  });

  it('has overlapping and nested claims, numbered in text order', () => {
    const [c1, c2, c3, c4] = vm.claims;
    const s = (c: typeof c1) => c?.start ?? -1;
    const e = (c: typeof c1) => c?.end ?? -1;
    expect(s(c1) < s(c2) && s(c2) < e(c1) && e(c1) < e(c2)).toBe(true); // overlap
    expect(s(c3) < s(c4) && e(c4) < e(c3)).toBe(true); // nesting
    expect(vm.claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
