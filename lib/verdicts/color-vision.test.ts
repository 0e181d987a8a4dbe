import { describe, expect, it } from 'vitest';
import { closestPairs, deltaE2000, hexToLab, simulate, visionDeltaE, VISIONS, type ClosestPair, type Vision } from './color-vision';
import { DEFAULT_RATING_LEVELS, PENDING_COLOR as PENDING_COLOR_HEX, PREVIOUS_DEFAULT_COLORS } from './default-scale';

/** The smallest CIEDE2000 difference allowed between two verdicts of the default scale, for every vision. */
const MIN_DELTA_E = 12;

describe('CIEDE2000', () => {
  // Sharma, Wu & Dalal (2005), test data pairs 1, 7, 17 and 25.
  it.each([
    [{ L: 50, a: 2.6772, b: -79.7751 }, { L: 50, a: 0, b: -82.7485 }, 2.0425],
    [{ L: 50, a: 0, b: 0 }, { L: 50, a: -1, b: 2 }, 2.3669],
    [{ L: 50, a: 2.5, b: 0 }, { L: 73, a: 25, b: -18 }, 27.1492],
    [{ L: 60.2574, a: -34.0099, b: 36.2677 }, { L: 60.4626, a: -34.1751, b: 39.4387 }, 1.2644],
  ])('matches the published value (%#)', (a, b, expected) => {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 3);
    expect(deltaE2000(b, a)).toBeCloseTo(expected, 3);
  });
  it('is zero for the same colour', () => {
    expect(deltaE2000(hexToLab('#123456'), hexToLab('#123456'))).toBe(0);
  });
});

describe('colour-vision simulation (Machado 2009, severity 1)', () => {
  it('leaves greys grey and white white', () => {
    for (const v of VISIONS) {
      expect(simulate('#ffffff', v)).toBe('#ffffff');
      const grey = hexToLab('#777777', v);
      expect(Math.hypot(grey.a, grey.b)).toBeLessThan(1);
    }
  });
  it('makes red and green hard to tell apart for red-green deficiencies, not for tritanopia', () => {
    // A brown and an olive: far apart (ΔE ≈ 36) with normal vision, barely apart for red-green deficiencies.
    const normal = visionDeltaE('#b5651d', '#6b8e23');
    expect(normal).toBeGreaterThan(30);
    expect(visionDeltaE('#b5651d', '#6b8e23', 'deuteranopia')).toBeLessThan(normal / 10);
    expect(visionDeltaE('#b5651d', '#6b8e23', 'protanopia')).toBeLessThan(normal / 3);
    expect(visionDeltaE('#b5651d', '#6b8e23', 'tritanopia')).toBeGreaterThan(normal);
  });
  it('rejects anything but #rrggbb', () => {
    expect(() => simulate('red', 'protanopia')).toThrow('Not a hex colour');
    expect(() => visionDeltaE('#fff', '#000000')).toThrow('Not a hex colour');
    expect(() => closestPairs([{ name: 'a', color: '#000000' }])).toThrow('at least two');
  });
});

const table = (colors: Array<{ name: string; color: string }>) => Object.fromEntries(closestPairs(colors).byVision.map((p) => [p.vision, p])) as Record<Vision, ClosestPair>;

describe('default verdict scale', () => {
  const levels = DEFAULT_RATING_LEVELS.map((l) => ({ name: l.label, color: l.color }));

  it.each(VISIONS)(`every pair is at least ΔE2000 ${MIN_DELTA_E} apart with %s vision`, (vision: Vision) => {
    const closest = table(levels)[vision];
    expect(closest.deltaE, `${closest.a} vs ${closest.b}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  it('every verdict is also apart from the pending grey', () => {
    for (const vision of VISIONS) {
      for (const l of levels) expect(visionDeltaE(l.color, PENDING_COLOR_HEX, vision), `${l.name} (${vision})`).toBeGreaterThanOrEqual(MIN_DELTA_E);
    }
  });

  it('the check fails on the previous default colours (Half true vs Misleading under deuteranopia)', () => {
    const previous = DEFAULT_RATING_LEVELS.map((l) => ({ name: l.label, color: PREVIOUS_DEFAULT_COLORS[l.key] ?? '' }));
    const closest = table(previous);
    expect(closest.deuteranopia.deltaE).toBeLessThan(MIN_DELTA_E);
    expect(visionDeltaE('#b58a00', '#c96a00', 'deuteranopia')).toBeLessThan(4); // Half true vs Misleading
    expect(visionDeltaE('#4d9b2f', '#b58a00', 'protanopia')).toBeLessThan(3); // Mostly true vs Half true
  });
});
