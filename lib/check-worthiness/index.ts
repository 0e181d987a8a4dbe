/**
 * Check-worthiness: which sentences of an article are worth checking, with reasons (issue #16).
 * Pure logic (no database); the app's job runner, editor suggestions and re-fit UI build on this.
 *
 *   scoreSentences(text, { weights? })            → ScoreResult (synchronous; scripts, tests)
 *   scoreSentencesInSlices(text, { signal, onProgress, sliceMs })
 *                                                  → Promise<ScoreResult & { stats }> (server jobs)
 *   fitWeights(examples, options?)                 → Weights   (per-workspace re-fit)
 *   crossValidate(examples, k, options?)           → Metrics   (out-of-fold precision/recall/F1/AUC)
 *   refit(examples, currentWeights, { k })         → { weights, before, after } (shown to the owner)
 *   maskMarkdown(source)                           → same-length text + block breaks (CLI, imports)
 */
export { scoreSentences, scoreSentencesInSlices, type ScoreOptions, type SliceOptions, type SliceStats } from './score';
export { fitWeights, crossValidate, refit, evaluate, rocAuc, scoreFeatures, sigmoid, DEFAULT_THRESHOLD, MIN_EXAMPLES_PER_CLASS, type FitOptions, type Metrics, type RefitReport } from './model';
export { DEFAULT_WEIGHTS } from './default-weights';
export { extractCues, featuresOf, unsupportedCues, LANGUAGE_CUES, type Cue } from './cues';
export { splitSentences, sentenceSpans, DEFAULT_MAX_SENTENCE_CHARS, type SentenceSpan, type SplitOptions } from './split';
export { detectLanguage } from './language';
export { maskMarkdown, type MaskedMarkdown } from './markdown';
export { warmUpEnglish } from './english';
export * from './types';
