/**
 * A verdict's non-colour cue: a short glyph shown with its colour (list chip, claim detail, the
 * highlight in the text), so no one has to tell verdicts apart by colour alone. Derived from what a
 * level carries (its numeric value within the scale, and a few well-known words in its key or
 * label), so custom workspace scales get sensible cues too. Pure.
 */

export interface CueLevel {
  key: string;
  label: string;
  /** Numeric rating (higher = truer); null for non-ordinal levels such as "Unproven". */
  value: number | null;
}

/** Glyphs in use: ✓✓ / ✓ true-ish, ~ mixed, ! misleading, ✗ / ✗✗ false-ish, ? unproven, – not rateable, ○ pending. */
export const PENDING_GLYPH = '○';

const words = (level: CueLevel) => `${level.key} ${level.label}`.toLowerCase();
const MISLEADING = /mislead|out of context|missing context|cherry/;
const MIXED = /\bhalf\b|half-|mixed|mixture|partly|partially/;
const UNPROVEN = /unproven|unverified|unsupported|insufficient|unclear|research in progress|undetermined/;
const NOT_RATEABLE = /not[ -]checkable|uncheckable|opinion|satire|not rated|no rating|prediction|not applicable/;

/** Where a rating sits between worst (0) and best (1), or null when the scale gives no span. */
function relative(value: number, worst: number, best: number): number | null {
  return best > worst ? (value - worst) / (best - worst) : null;
}

/**
 * The glyph of each level of one scale, in the order given. Numeric levels are placed by their
 * value between the scale's worst and best (✓ above the middle, ✗ below, ~ at it); the extreme
 * level of a side is doubled (✓✓, ✗✗) when that side has another level. Words win over the value
 * for misleading (!), mixed (~), unproven (?) and not rateable (–) levels.
 */
export function verdictGlyphs(levels: readonly CueLevel[]): string[] {
  const values = levels.map((l) => l.value).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const best = values.length > 0 ? Math.max(...values) : 0;
  const worst = values.length > 0 ? Math.min(...values) : 0;
  const side = levels.map((level): 'true' | 'false' | 'mid' | null => {
    const text = words(level);
    if (MISLEADING.test(text) || MIXED.test(text) || UNPROVEN.test(text) || NOT_RATEABLE.test(text)) return null;
    if (typeof level.value !== 'number' || !Number.isFinite(level.value)) return null;
    const t = relative(level.value, worst, best);
    if (t === null) return 'mid';
    return t > 0.55 ? 'true' : t < 0.45 ? 'false' : 'mid';
  });
  const count = (s: 'true' | 'false') => side.filter((x) => x === s).length;
  return levels.map((level, i) => {
    const text = words(level);
    if (MISLEADING.test(text)) return '!';
    if (MIXED.test(text)) return '~';
    if (NOT_RATEABLE.test(text)) return '–';
    if (UNPROVEN.test(text)) return '?';
    const s = side[i] ?? null;
    if (s === null) return '?';
    if (s === 'mid') return '~';
    const extreme = s === 'true' ? level.value === best : level.value === worst;
    const mark = s === 'true' ? '✓' : '✗';
    return extreme && count(s) > 1 ? mark + mark : mark;
  });
}

/** Words a screen reader could use for a glyph (the chips show the label itself). */
export const GLYPH_MEANINGS: Readonly<Record<string, string>> = {
  '✓✓': 'true',
  '✓': 'true-ish',
  '~': 'mixed',
  '!': 'misleading',
  '✗': 'false-ish',
  '✗✗': 'false',
  '?': 'unproven',
  '–': 'not rateable',
  [PENDING_GLYPH]: 'pending',
};

const cache = new WeakMap<readonly CueLevel[], Map<string, string>>();

/**
 * The glyph of `level` within its scale `levels` (remembered per levels array, so calling it on
 * every render is cheap). A level not in `levels` is placed on its own words and value alone;
 * no level → the pending glyph.
 */
export function verdictGlyph(level: CueLevel | null | undefined, levels: readonly CueLevel[]): string {
  if (!level) return PENDING_GLYPH;
  let byKey = cache.get(levels);
  if (!byKey) {
    const glyphs = verdictGlyphs(levels);
    byKey = new Map(levels.map((l, i) => [l.key, glyphs[i] ?? '?']));
    cache.set(levels, byKey);
  }
  return byKey.get(level.key) ?? verdictGlyphs([level])[0] ?? '?';
}
