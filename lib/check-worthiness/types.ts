/**
 * Check-worthiness: the shapes the scorer returns and the app stores. Pure types, no imports.
 * Offsets are UTF-16 code-unit indexes into the text that was scored (JavaScript string indexes).
 */

/** What the sentence-level language detector can tell apart (by script, not by vocabulary). */
export type Language = 'en' | 'fa' | 'ar' | 'und';

/**
 * 'full': the language's own cues run (English: with compromise; Persian/Arabic: word lists).
 * 'partial': an unknown script; only the language-independent cues (digits, %, currency symbols,
 * ISO dates and years, quotation marks, question marks) ran, so scores are less reliable.
 */
export type LanguageSupport = 'full' | 'partial';

/** The cue features, in the order the weights use. Every one is 0/1 except `length` (0–1). */
export const FEATURES = [
  'number',
  'percentage',
  'money',
  'date',
  'statistic',
  'attribution',
  'causal',
  'entity',
  'quotation',
  'hedge',
  'question',
  'imperative',
  'future',
  'firstPerson',
  'length',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type FeatureVector = Record<FeatureName, number>;

/** A cue that can be shown as a reason (all features but `length`). */
export type CueName = Exclude<FeatureName, 'length'>;

export interface Reason {
  cue: CueName;
  /** Human words for the UI, e.g. `Attribution to "the ministry"`, `Money "$412 million"`. */
  label: string;
  /** Span of the matched words, offsets into the scored text. */
  start: number;
  end: number;
  /** For attributions: who is speaking, when found (the claimant the app pre-fills). */
  who?: string;
}

export interface ScoredSentence {
  start: number;
  end: number;
  text: string;
  /** Check-worthiness 0–1 (logistic over the features). */
  score: number;
  reasons: Reason[];
  features: FeatureVector;
  language: Language;
  /** True when the sentence is a piece of a longer run of text with no sentence end (see `maxSentenceChars`). */
  chunked?: boolean;
}

export interface ScoreResult {
  /** The dominant language of the text (by letters counted per script). */
  language: Language;
  languageSupport: LanguageSupport;
  /** Cues that did not run for the dominant language (e.g. `entity` for Persian/Arabic). */
  unsupportedCues: CueName[];
  sentences: ScoredSentence[];
  /** How many sentences were cut into pieces because they exceeded `maxSentenceChars`. */
  chunkedSentences: number;
  /** The threshold of the weights used: sentences with score ≥ threshold are suggestions. */
  threshold: number;
}

/** Logistic-regression weights over FEATURES. */
export interface Weights {
  bias: number;
  features: FeatureVector;
  /** Suggest a sentence when its score is at least this. */
  threshold: number;
}

export interface LabelledExample {
  features: FeatureVector;
  /** True: check-worthy. */
  label: boolean;
}
