/**
 * scoreSentences: split, detect each sentence's language by script, extract cues, score with the
 * logistic model. One implementation, two drivers: `scoreSentences` runs it to the end
 * synchronously; `scoreSentencesInSlices` runs it in slices of at most `sliceMs` of work and yields
 * to the event loop between them (for a server's background job), reporting progress.
 */
import { extractCues, featuresOf, reasonsOf, unsupportedCues } from './cues';
import { analyseEnglishPiece, pieces, type EnglishAnalysis } from './english';
import { DEFAULT_WEIGHTS } from './default-weights';
import { countScripts, emptyCounts, languageOf, type ScriptCounts } from './language';
import { scoreFeatures } from './model';
import { sentenceSpans, type SplitOptions } from './split';
import type { Language, ScoredSentence, ScoreResult, Weights } from './types';

export interface ScoreOptions extends SplitOptions {
  weights?: Weights;
  /** Skip compromise (English entities, superlatives, imperatives). */
  noNlp?: boolean;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The work, one sentence per step; the return value is the result. */
function* scoring(text: string, options: ScoreOptions): Generator<{ done: number; sentences: number }, ScoreResult, undefined> {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const sentences: ScoredSentence[] = [];
  const total: ScriptCounts = emptyCounts();
  let previous: Language = 'und';
  let chunked = 0;
  for (const span of sentenceSpans(text, options)) {
    const sentence = text.slice(span.start, span.end);
    const counts = countScripts(sentence);
    total.latin += counts.latin;
    total.arabic += counts.arabic;
    total.persianMarks += counts.persianMarks;
    total.other += counts.other;
    const language = languageOf(counts, previous);
    previous = language;
    // A sentence longer than one compromise piece: one step per piece, so a slice can end between them.
    let english: { start: number; analysis: EnglishAnalysis }[] | undefined;
    if (language === 'en' && !options.noNlp) {
      const parts = pieces(sentence);
      if (parts.length > 1) {
        english = [];
        for (const part of parts) {
          english.push({ start: part.start, analysis: analyseEnglishPiece(part.text, part.start === 0) });
          yield { done: span.start, sentences: sentences.length };
        }
      }
    }
    const cues = extractCues(sentence, language, { noNlp: options.noNlp, english });
    const features = featuresOf(cues, sentence);
    const scored: ScoredSentence = {
      start: span.start,
      end: span.end,
      text: sentence,
      score: round3(scoreFeatures(features, weights)),
      reasons: reasonsOf(cues, span.start),
      features,
      language,
    };
    if (span.chunked) {
      scored.chunked = true;
      chunked++;
    }
    sentences.push(scored);
    yield { done: span.end, sentences: sentences.length };
  }
  const language = languageOf(total);
  return {
    language,
    languageSupport: language === 'und' ? 'partial' : 'full',
    unsupportedCues: unsupportedCues(language),
    sentences,
    chunkedSentences: chunked,
    threshold: weights.threshold,
  };
}

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new TypeError('scoreSentences: text must be a string');
  return text;
}

/** Scores every sentence of `text`. Empty or whitespace-only text gives no sentences. */
export function scoreSentences(text: string, options: ScoreOptions = {}): ScoreResult {
  const run = scoring(checkText(text), options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions extends ScoreOptions {
  /** Work at most about this long before yielding (one sentence piece can overrun it). Default 4 ms. */
  sliceMs?: number;
  /** How to yield; default a macrotask (setImmediate, else setTimeout 0), so pending I/O and requests run in between. */
  yieldToEventLoop?: () => Promise<void>;
  /**
   * Called after every slice: UTF-16 units of the text done and its length (for a percentage; the
   * sentence total is not known until the end, splitting is lazy), and the sentences scored so far.
   */
  onProgress?: (done: number, total: number, sentences: number) => void;
  signal?: AbortSignal;
  /** Clock in ms (default performance.now). */
  now?: () => number;
}

export interface SliceStats {
  slices: number;
  /** The longest stretch of synchronous work between two yields, in ms (by `now`). */
  longestSliceMs: number;
  /** The median and 99th percentile of the slices' durations, in ms. */
  medianSliceMs: number;
  p99SliceMs: number;
}

/** setImmediate where there is one (Node: pending I/O and timers run first, no 1 ms clamp), else setTimeout 0. */
const macrotask = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/** As scoreSentences, but yields to the event loop every `sliceMs`; rejects with the signal's reason when aborted. */
export async function scoreSentencesInSlices(text: string, options: SliceOptions = {}): Promise<ScoreResult & { stats: SliceStats }> {
  const run = scoring(checkText(text), options);
  const sliceMs = options.sliceMs ?? 4;
  const pause = options.yieldToEventLoop ?? macrotask;
  const now = options.now ?? (() => performance.now());
  const durations: number[] = [];
  for (;;) {
    options.signal?.throwIfAborted();
    const began = now();
    let step = run.next();
    while (!step.done && now() - began < sliceMs) step = run.next();
    durations.push(now() - began);
    if (step.done) {
      options.onProgress?.(text.length, text.length, step.value.sentences.length);
      const sorted = durations.sort((a, b) => a - b);
      const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
      const stats = { slices: sorted.length, longestSliceMs: sorted.at(-1) ?? 0, medianSliceMs: at(0.5), p99SliceMs: at(0.99) };
      return { ...step.value, stats };
    }
    options.onProgress?.(step.value.done, text.length, step.value.sentences);
    await pause();
  }
}
