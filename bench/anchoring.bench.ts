/**
 * Anchoring at newsroom scale: a 100,000-word article with 2,000 claims.
 * Prints timings (median of several runs, wall clock and the process's CPU time); nothing is asserted.
 * Run: npx tsx bench/anchoring.bench.ts [--annotator-sample 60] [--runs 5]
 * `npm run bench` (bench/app/run.ts) imports runAnchoringBench() and prints its rows.
 */
import { anchor, describe, reanchorAll, type Selector } from '../lib/anchoring';
import { diffText } from '../lib/text/diff';

const WORDS = 100_000;
const CLAIMS = 2_000;

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export type AnchoringArticle = { text: string; claims: Selector[][] };

/** The deterministic big article (same generator and seed as bench/app/big-article.ts) and its claims' selectors. */
export function generateAnchoringArticle(wordCount = WORDS, claimCount = CLAIMS): AnchoringArticle {
  const random = seededRandom(42);
  const vocabulary = ['the', 'minister', 'said', 'that', 'unemployment', 'fell', 'to', 'percent', 'last', 'year', 'critics', 'replied', 'exports', 'doubled', 'since', 'officials', 'Tehran', 'حکومت', 'می‌خواهم', 'IS', '2019', 'according', 'report'];
  const words: string[] = [];
  for (let i = 0; i < wordCount; i += 1) words.push(vocabulary[Math.floor(random() * vocabulary.length)]! + (i % 17 === 16 ? '.' : ''));
  const paragraphs: string[] = [];
  for (let i = 0; i < words.length; i += 120) paragraphs.push(words.slice(i, i + 120).join(' '));
  const text = paragraphs.join('\n\n');
  const claims = Array.from({ length: claimCount }, () => {
    const start = Math.floor(random() * (text.length - 200));
    const from = text.indexOf(' ', start) + 1;
    const to = text.indexOf(' ', from + 40 + Math.floor(random() * 80));
    return describe(text, from, to) as Selector[];
  });
  return { text, claims };
}

export const INSERTED_PARAGRAPH = 'A new opening paragraph added by the editor, who also fixed a few typos further down.\n\n';

/**
 * The goal scenario: a paragraph inserted at the top, plus one character replaced inside 5% of
 * the quotes (every 20th claim, in the middle of its quote).
 */
export function goalEdit({ text, claims }: AnchoringArticle): string {
  const targets = claims
    .filter((_, i) => i % 20 === 0)
    .map((selectors) => {
      const position = selectors.find((s) => s.type === 'TextPositionSelector')!;
      return position.start + Math.floor((position.end - position.start) / 2); // BMP-only text: code points = UTF-16
    })
    .sort((a, b) => b - a);
  let edited = text;
  for (const at of targets) edited = edited.slice(0, at) + (edited[at] === 'x' ? 'y' : 'x') + edited.slice(at + 1);
  return INSERTED_PARAGRAPH + edited;
}

export type AnchoringBenchRow = {
  /** What was measured. */
  what: string;
  /** Median wall-clock ms (or a description). */
  value: number | string;
  /** What it is compared with (same run). */
  baseline: string;
  goal: string;
  /** Median CPU ms of this process over the same runs (wall clock on a loaded machine includes waiting). */
  cpuMs?: number;
};

export type AnchoringBenchOptions = {
  /** Runs per timing (median reported). Default 5. */
  runs?: number;
  /** Quotes compared with Apache Annotator (≈0.2 s each). Default 60; 0 skips the comparison. */
  annotatorSample?: number;
  /** Stop timing Apache Annotator after this long per layout (at least 5 quotes). Default 60 s. */
  annotatorBudgetMs?: number;
  /** Where detail lines go. Default console.log. */
  log?: (line: string) => void;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

type Timing = { wall: number; cpu: number; min: number; max: number };

function time(runs: number, fn: () => void): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    fn();
    wall.push(performance.now() - began);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu), min: Math.min(...wall), max: Math.max(...wall) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * Times describe/anchor/reanchorAll on the big article and compares a sample of quotes with Apache
 * Annotator's matcher. Returns one row per measurement (and logs details as it goes).
 */
export async function runAnchoringBench(options: AnchoringBenchOptions = {}): Promise<{ rows: AnchoringBenchRow[] }> {
  const runs = options.runs ?? 5;
  const sample = options.annotatorSample ?? 60;
  const annotatorBudgetMs = options.annotatorBudgetMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const rows: AnchoringBenchRow[] = [];
  const article = generateAnchoringArticle();
  const { text, claims } = article;
  log(`anchoring: ${WORDS.toLocaleString('en')} words, ${text.length.toLocaleString('en')} UTF-16 units, ${CLAIMS.toLocaleString('en')} claims; median of ${runs} runs (wall clock; CPU of this process in brackets)`);
  const report = (what: string, timing: Timing, baseline: string, goal: string) => {
    log(`  ${what.padEnd(72)} ${ms(timing.wall).padStart(10)}  [cpu ${ms(timing.cpu)}]  (min ${timing.min.toFixed(1)}, max ${timing.max.toFixed(1)})`);
    rows.push({ what, value: timing.wall, baseline, goal, cpuMs: timing.cpu });
  };

  report('describe() 200 ranges', time(runs, () => {
    for (let i = 0; i < 200; i += 1) describe(text, 1000 * i, 1000 * i + 60);
  }), '', '');
  report('anchor() 2,000 claims, unchanged text (fast path)', time(runs, () => {
    for (const selectors of claims) anchor(text, selectors);
  }), '', '');

  const goal = goalEdit(article);
  const perClaim = time(Math.min(runs, 3), () => {
    for (const selectors of claims) anchor(goal, selectors);
  });
  report('anchor() per claim, 2,000 claims: paragraph inserted + typos in 5% of quotes', perClaim, 'the old per-claim loop', '');
  const batch = time(runs, () => {
    reanchorAll(text, goal, claims);
  });
  report('reanchorAll() 2,000 claims: paragraph inserted + typos in 5% of quotes', batch, `anchor() loop ${ms(perClaim.wall)} (${(perClaim.wall / batch.wall).toFixed(0)}×)`, '≤ 30 ms');
  report('  of which diffText() of the two texts', time(runs, () => {
    diffText(text, goal);
  }), '', '');
  checkAgreement(log, goal, claims, reanchorAll(text, goal, claims));

  const corrected = (INSERTED_PARAGRAPH + text).replace(/ minister /g, ' ministre ');
  const perClaimCorrected = time(Math.min(runs, 3), () => {
    for (const selectors of claims) anchor(corrected, selectors);
  });
  report('anchor() per claim, 2,000 claims: paragraph inserted + a word corrected throughout', perClaimCorrected, '', '');
  const batchCorrected = time(runs, () => {
    reanchorAll(text, corrected, claims);
  });
  report('reanchorAll() 2,000 claims: paragraph inserted + a word corrected throughout', batchCorrected, `anchor() loop ${ms(perClaimCorrected.wall)} (${(perClaimCorrected.wall / batchCorrected.wall).toFixed(0)}×)`, '');
  checkAgreement(log, corrected, claims, reanchorAll(text, corrected, claims));

  // Editor ↔ text mapping on the same document (the workbench resolves every highlight through it).
  const [{ getSchema }, { default: StarterKit }, { docToText, plainTextToDocJson }] = await Promise.all([import('@tiptap/core'), import('@tiptap/starter-kit'), import('../lib/editor/doc-text')]);
  const doc = getSchema([StarterKit]).nodeFromJSON(plainTextToDocJson(text));
  report('docToText() on the 100,000-word document', time(runs, () => {
    docToText(doc);
  }), '', '');
  const docText = docToText(doc);
  report('offsetToPos() + posToOffset() for 4,000 claim ends', time(runs, () => {
    // The text is all in the Basic Multilingual Plane here, so code points equal UTF-16 offsets.
    for (const selectors of claims) {
      const position = selectors.find((s) => s.type === 'TextPositionSelector')!;
      docText.posToOffset(docText.offsetToPos(position.start));
      docText.posToOffset(docText.offsetToPos(position.end, 'end'));
    }
  }), '', '');

  if (sample > 0) {
    const { timeAnnotatorMatcher } = await import('./anchoring-annotator');
    const step = Math.max(1, Math.floor(claims.length / sample));
    const picked = claims.filter((_, i) => i % step === 0).slice(0, sample);
    const quotes = picked.map((selectors) => selectors.find((s) => s.type === 'TextQuoteSelector')!);
    // Ours, per quote, on the same quotes: a whole-text search (the position is stale after the insertion).
    const inserted = INSERTED_PARAGRAPH + text;
    const ours = time(runs, () => {
      for (const selectors of picked) anchor(inserted, selectors);
    });
    const oursPerQuote = ours.wall / picked.length;
    const batchPerQuote = batch.wall / claims.length;
    const annotator = await timeAnnotatorMatcher(inserted, quotes, { layout: 'paragraphs', budgetMs: annotatorBudgetMs });
    const flat = await timeAnnotatorMatcher(inserted, quotes, { layout: 'single', budgetMs: annotatorBudgetMs });
    log(`  Apache Annotator text-quote matcher, jsdom with a <p> per paragraph (${annotator.quotes} quotes, ${annotator.found} matches): ${ms(annotator.perQuoteMs)} per quote`);
    log(`  Apache Annotator text-quote matcher, jsdom with the text in one node (${flat.quotes} quotes, ${flat.found} matches): ${ms(flat.perQuoteMs)} per quote`);
    rows.push({
      what: `per quote, ${picked.length} quotes after an insertion: anchor() whole-text search vs Apache Annotator (<p> per paragraph, ${annotator.quotes} quotes)`,
      value: `${oursPerQuote.toFixed(2)} ms`,
      baseline: `Annotator ${annotator.perQuoteMs.toFixed(1)} ms (${(annotator.perQuoteMs / oursPerQuote).toFixed(0)}× ours)`,
      goal: '',
    });
    rows.push({
      what: `per quote, same quotes: anchor() vs Apache Annotator with the text in one DOM node (${flat.quotes} quotes)`,
      value: `${oursPerQuote.toFixed(2)} ms`,
      baseline: `Annotator ${flat.perQuoteMs.toFixed(2)} ms (${(flat.perQuoteMs / oursPerQuote).toFixed(1)}× ours)`,
      goal: '',
    });
    rows.push({
      what: 'per quote, reanchorAll() goal scenario (2,000 claims) vs Apache Annotator (<p> per paragraph)',
      value: `${(batchPerQuote * 1000).toFixed(1)} µs`,
      baseline: `Annotator ${annotator.perQuoteMs.toFixed(1)} ms (${(annotator.perQuoteMs / batchPerQuote).toFixed(0)}× ours)`,
      goal: '',
    });
    log(`  per quote: anchor() ${oursPerQuote.toFixed(2)} ms, reanchorAll() ${(batchPerQuote * 1000).toFixed(1)} µs; Annotator ${annotator.perQuoteMs.toFixed(1)} ms (<p> per paragraph) / ${flat.perQuoteMs.toFixed(2)} ms (one node) → Annotator ÷ anchor() ${(annotator.perQuoteMs / oursPerQuote).toFixed(0)}× / ${(flat.perQuoteMs / oursPerQuote).toFixed(1)}×`);
  }
  return { rows };
}

/** Logs how often reanchorAll() and anchor() disagree (they should not on this text) and how many claims were orphaned. */
function checkAgreement(log: (line: string) => void, text: string, claims: Selector[][], results: ReturnType<typeof reanchorAll>): void {
  let disagreements = 0;
  let orphans = 0;
  results.forEach((result, i) => {
    const expected = anchor(text, claims[i]!);
    if (!result) orphans += 1;
    if (JSON.stringify(result) !== JSON.stringify(expected)) disagreements += 1;
  });
  log(`    (orphans: ${orphans}; disagreements with anchor(): ${disagreements} of ${claims.length})`);
}

function flag(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : Number(process.argv[at + 1]);
}

if (/anchoring\.bench\.ts$/.test(process.argv[1] ?? '')) {
  runAnchoringBench({ runs: flag('--runs'), annotatorSample: flag('--annotator-sample') }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
