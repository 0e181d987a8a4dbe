/**
 * The big article of issue 11, deterministic: 100,000 words in paragraphs of 120, and 2,000 claim
 * ranges of 40–120 characters at random word starts (seed 42). `loadBigArticle()` takes it from
 * bench/anchoring.bench.ts (generateAnchoringArticle), so both benches talk about the same text and
 * quotes; the copy below (same generator, same seed) is only used when that module cannot be
 * loaded (e.g. the anchoring code is mid-edit), and says so.
 */

export const WORDS = 100_000;
export const CLAIMS = 2_000;

export interface BigArticle {
  text: string;
  /** UTF-16 offsets into `text`, one per claim. */
  ranges: Array<{ start: number; end: number }>;
}

/** The anchoring bench's generator, or this file's identical copy when it cannot be imported. */
export async function loadBigArticle(): Promise<BigArticle & { source: string }> {
  try {
    const { generateAnchoringArticle } = await import('../anchoring.bench');
    const { text, claims } = generateAnchoringArticle(WORDS, CLAIMS);
    // The text is all in the Basic Multilingual Plane: code points are UTF-16 offsets.
    const ranges = claims.map((selectors) => {
      const position = selectors.find((s) => s.type === 'TextPositionSelector');
      if (!position || position.type !== 'TextPositionSelector') throw new Error('a claim without a TextPositionSelector');
      return { start: position.start, end: position.end };
    });
    return { text, ranges, source: 'generateAnchoringArticle() from bench/anchoring.bench.ts' };
  } catch (error) {
    return { ...generateBigArticle(), source: `the copy in bench/app/big-article.ts (bench/anchoring.bench.ts did not load: ${(error as Error).message.split('\n')[0]})` };
  }
}

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const VOCABULARY = ['the', 'minister', 'said', 'that', 'unemployment', 'fell', 'to', 'percent', 'last', 'year', 'critics', 'replied', 'exports', 'doubled', 'since', 'officials', 'Tehran', 'حکومت', 'می‌خواهم', 'IS', '2019', 'according', 'report'];

export function generateBigArticle(words = WORDS, claims = CLAIMS): BigArticle {
  const random = seededRandom(42);
  const list: string[] = [];
  for (let i = 0; i < words; i += 1) list.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]! + (i % 17 === 16 ? '.' : ''));
  const paragraphs: string[] = [];
  for (let i = 0; i < list.length; i += 120) paragraphs.push(list.slice(i, i + 120).join(' '));
  const text = paragraphs.join('\n\n');
  const ranges = Array.from({ length: claims }, () => {
    const start = Math.floor(random() * (text.length - 200));
    const from = text.indexOf(' ', start) + 1;
    const to = text.indexOf(' ', from + 40 + Math.floor(random() * 80));
    return { start: from, end: to };
  });
  return { text, ranges };
}

/** Context the app keeps either side of a quote (lib/anchoring/describe.ts CONTEXT_CODE_POINTS). */
const CONTEXT = 32;

/**
 * The selectors lib/anchoring's describe() makes, for text in the Basic Multilingual Plane (the
 * big article's: code points equal UTF-16 offsets). Kept here so seeding does not depend on the
 * anchoring module of the tree being benchmarked.
 */
export function describeBmp(text: string, start: number, end: number): [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] {
  if (/[\uD800-\uDFFF]/.test(text.slice(Math.max(0, start - CONTEXT), end + CONTEXT))) throw new Error('describeBmp: text outside the Basic Multilingual Plane');
  return [
    { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    { start, end },
  ];
}
