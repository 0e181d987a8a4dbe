/**
 * The scorer's model: logistic regression over the cue features (FEATURES), fitted by plain batch
 * gradient descent with an L2 penalty (the bias is not penalised). Deterministic: weights start at
 * zero and examples are visited in order, so the same examples always give the same weights.
 */
import { FEATURES, type FeatureVector, type LabelledExample, type Weights } from './types';

export const DEFAULT_THRESHOLD = 0.5;

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function scoreFeatures(features: FeatureVector, weights: Weights): number {
  let z = weights.bias;
  for (const f of FEATURES) z += (weights.features[f] ?? 0) * (features[f] ?? 0);
  return sigmoid(z);
}

export interface FitOptions {
  /** L2 penalty on the feature weights (per example). Default 0.01. */
  l2?: number;
  learningRate?: number;
  iterations?: number;
  threshold?: number;
}

function zeros(): FeatureVector {
  return Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector;
}

/** Fits weights on `examples`. Throws on no examples; with one class only, the bias follows it. */
export function fitWeights(examples: readonly LabelledExample[], options: FitOptions = {}): Weights {
  if (examples.length === 0) throw new Error('fitWeights: no examples');
  const l2 = options.l2 ?? 0.01;
  const rate = options.learningRate ?? 0.5;
  const iterations = options.iterations ?? 3000;
  const n = examples.length;
  const w = zeros();
  let bias = 0;
  const rows = examples.map((e) => FEATURES.map((f) => e.features[f] ?? 0));
  const ys = examples.map((e) => (e.label ? 1 : 0));
  const wv = FEATURES.map(() => 0);
  for (let it = 0; it < iterations; it++) {
    const grad = FEATURES.map(() => 0);
    let gradBias = 0;
    for (let i = 0; i < n; i++) {
      const x = rows[i] ?? [];
      let z = bias;
      for (let j = 0; j < wv.length; j++) z += (wv[j] ?? 0) * (x[j] ?? 0);
      const err = sigmoid(z) - (ys[i] ?? 0);
      gradBias += err;
      for (let j = 0; j < wv.length; j++) grad[j] = (grad[j] ?? 0) + err * (x[j] ?? 0);
    }
    bias -= (rate * gradBias) / n;
    for (let j = 0; j < wv.length; j++) wv[j] = (wv[j] ?? 0) - rate * ((grad[j] ?? 0) / n + l2 * (wv[j] ?? 0));
  }
  FEATURES.forEach((f, j) => {
    w[f] = round(wv[j] ?? 0);
  });
  return { bias: round(bias), features: w, threshold: options.threshold ?? DEFAULT_THRESHOLD };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

export interface Metrics {
  n: number;
  positives: number;
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** ROC AUC: the chance a random check-worthy sentence outscores a random other one (ties count ½). */
  auc: number;
}

/** ROC AUC by ranks (Mann–Whitney), ties averaged. NaN when one class is missing. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const idx = scores.map((s, i) => ({ s, y: labels[i] === true })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let pos = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]?.s === idx[i]?.s) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (idx[k]?.y) {
        rankSumPos += rank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function evaluate(scores: readonly number[], labels: readonly boolean[], threshold = DEFAULT_THRESHOLD): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    const actual = labels[i] === true;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    n: scores.length,
    positives: labels.filter(Boolean).length,
    threshold,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1,
    auc: rocAuc(scores, labels),
  };
}

/**
 * Stratified k-fold cross-validation: positives and negatives are dealt round-robin (in input
 * order) into k folds; each fold is scored with weights fitted on the other k−1 only, and the
 * out-of-fold scores are pooled into one set of metrics. Deterministic.
 */
export function crossValidate(examples: readonly LabelledExample[], k: number, options: FitOptions = {}): Metrics & { folds: number; outOfFoldScores: number[] } {
  const folds = Math.max(2, Math.min(Math.floor(k), examples.length));
  if (examples.length < 2) throw new Error('crossValidate: need at least two examples');
  const fold = new Array<number>(examples.length).fill(0);
  let p = 0;
  let q = 0;
  examples.forEach((e, i) => {
    fold[i] = e.label ? p++ % folds : q++ % folds;
  });
  const scores = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    if (train.length === 0) continue;
    const weights = fitWeights(train, options);
    examples.forEach((e, i) => {
      if (fold[i] === f) scores[i] = scoreFeatures(e.features, weights);
    });
  }
  const metrics = evaluate(
    scores,
    examples.map((e) => e.label),
    options.threshold ?? DEFAULT_THRESHOLD,
  );
  return { ...metrics, folds, outOfFoldScores: scores };
}

export interface RefitReport {
  /** Fitted on all the examples: what the workspace would switch on. */
  weights: Weights;
  /** The current weights scored on the examples (fair only for examples they were not fitted on). */
  before: Metrics;
  /** The new weights measured by k-fold cross-validation: no example scored by weights fitted on it. */
  after: Metrics & { folds: number };
  examples: number;
}

/** Smallest desk sample a re-fit is offered for: per class. */
export const MIN_EXAMPLES_PER_CLASS = 5;

/**
 * The before/after a workspace owner sees before switching re-fitted weights on. `examples` are the
 * desk's decisions (accepted suggestions and hand-marked claims: true; dismissed: false). Pass only
 * examples the `current` weights were not fitted on, or `before` flatters them. Throws a RangeError
 * when either class has fewer than MIN_EXAMPLES_PER_CLASS examples.
 */
export function refit(examples: readonly LabelledExample[], current: Weights, options: FitOptions & { k?: number } = {}): RefitReport {
  const positives = examples.filter((e) => e.label).length;
  const negatives = examples.length - positives;
  if (positives < MIN_EXAMPLES_PER_CLASS || negatives < MIN_EXAMPLES_PER_CLASS) {
    throw new RangeError(`refit: need at least ${MIN_EXAMPLES_PER_CLASS} check-worthy and ${MIN_EXAMPLES_PER_CLASS} other examples (have ${positives} and ${negatives})`);
  }
  const threshold = options.threshold ?? current.threshold;
  const before = evaluate(
    examples.map((e) => scoreFeatures(e.features, current)),
    examples.map((e) => e.label),
    current.threshold,
  );
  const { outOfFoldScores: _scores, ...after } = crossValidate(examples, options.k ?? 5, { ...options, threshold });
  return { weights: fitWeights(examples, { ...options, threshold }), before, after, examples: examples.length };
}
