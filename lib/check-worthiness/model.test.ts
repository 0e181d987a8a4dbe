import { describe, expect, it } from 'vitest';
import { crossValidate, evaluate, fitWeights, refit, rocAuc, scoreFeatures, sigmoid } from './model';
import { FEATURES, type FeatureVector, type LabelledExample } from './types';

const vector = (set: Partial<FeatureVector>): FeatureVector => ({ ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector), ...set });

/** Separable: positives have a number (and sometimes a date), negatives a question or a hedge. */
function synthetic(): LabelledExample[] {
  const out: LabelledExample[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ features: vector({ number: 1, date: i % 2, length: 0.5 }), label: true });
    out.push({ features: vector({ question: i % 2, hedge: 1 - (i % 2), length: 0.3 }), label: false });
  }
  return out;
}

describe('sigmoid / scoreFeatures', () => {
  it.each([
    [0, 0.5],
    [50, 1],
    [-50, 0],
  ])('sigmoid(%s) ≈ %s', (z, expected) => {
    expect(sigmoid(z)).toBeCloseTo(expected, 6);
  });

  it('is the logistic of bias + weights · features', () => {
    const weights = { bias: -1, features: vector({ number: 2, hedge: -1 }), threshold: 0.5 };
    expect(scoreFeatures(vector({ number: 1 }), weights)).toBeCloseTo(sigmoid(1), 10);
    expect(scoreFeatures(vector({ number: 1, hedge: 1 }), weights)).toBeCloseTo(0.5, 10);
  });
});

describe('fitWeights', () => {
  it('separates a separable set, with the signs expected, deterministically', () => {
    const examples = synthetic();
    const weights = fitWeights(examples);
    expect(weights.features.number).toBeGreaterThan(1);
    expect(weights.features.hedge).toBeLessThan(0);
    expect(weights.features.question).toBeLessThan(0);
    for (const e of examples) expect(scoreFeatures(e.features, weights) >= 0.5).toBe(e.label);
    expect(fitWeights(examples)).toEqual(weights);
  });

  it('a stronger L2 penalty gives smaller weights', () => {
    const loose = fitWeights(synthetic(), { l2: 0.001 });
    const tight = fitWeights(synthetic(), { l2: 1 });
    expect(Math.abs(tight.features.number)).toBeLessThan(Math.abs(loose.features.number));
  });

  it('one class only: the bias follows it', () => {
    const all = synthetic().filter((e) => e.label);
    expect(fitWeights(all).bias).toBeGreaterThan(0);
  });

  it('rejects no examples', () => {
    expect(() => fitWeights([])).toThrow(/no examples/);
  });
});

describe('crossValidate', () => {
  it('scores a separable set perfectly, out of fold', () => {
    const result = crossValidate(synthetic(), 5);
    expect(result.folds).toBe(5);
    expect(result.precision).toBe(1);
    expect(result.recall).toBe(1);
    expect(result.f1).toBe(1);
    expect(result.auc).toBe(1);
  });

  it('never scores an example with weights fitted on it: a lone odd example is misjudged', () => {
    // 20 copies of "number → positive" plus one "number → negative": fitted on everything, the
    // odd one out would still be scored by weights that saw it; out of fold it must be predicted positive.
    const examples: LabelledExample[] = synthetic();
    examples.push({ features: vector({ number: 1, date: 1, length: 0.5 }), label: false });
    const result = crossValidate(examples, 4);
    expect(result.outOfFoldScores[examples.length - 1]).toBeGreaterThan(0.5);
    expect(result.falsePositives).toBe(1);
  });

  it('is deterministic and clamps k', () => {
    const a = crossValidate(synthetic(), 3);
    expect(crossValidate(synthetic(), 3)).toEqual(a);
    expect(crossValidate(synthetic().slice(0, 4), 10).folds).toBe(4);
    expect(() => crossValidate(synthetic().slice(0, 1), 2)).toThrow();
  });
});

describe('evaluate / rocAuc', () => {
  it.each([
    ['perfect ranking', [0.9, 0.8, 0.2, 0.1], [true, true, false, false], 1],
    ['inverted ranking', [0.1, 0.2, 0.8, 0.9], [true, true, false, false], 0],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [true, false, true, false], 0.5],
    ['one swap of four pairs', [0.9, 0.4, 0.5, 0.1], [true, true, false, false], 0.75],
  ] as [string, number[], boolean[], number][])('AUC: %s', (_name, scores, labels, auc) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(auc, 10);
  });

  it('AUC is NaN with one class', () => {
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNaN();
  });

  it('precision, recall and F1 at the threshold', () => {
    const m = evaluate([0.9, 0.6, 0.4, 0.7], [true, false, true, false], 0.5);
    expect(m).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1, precision: 1 / 3, recall: 0.5 });
    expect(m.f1).toBeCloseTo(0.4, 10);
  });
});

describe('refit', () => {
  it('reports the current weights before, the cross-validated new weights after, and the weights fitted on all', () => {
    const examples = synthetic();
    const wrong = { bias: 0, features: vector({ hedge: 3, number: -3 }), threshold: 0.5 };
    const report = refit(examples, wrong, { k: 4 });
    expect(report.examples).toBe(80);
    expect(report.before.f1).toBe(0);
    expect(report.after.f1).toBe(1);
    expect(report.after.folds).toBe(4);
    expect(report.weights).toEqual(fitWeights(examples));
  });

  it('refuses too few examples of a class', () => {
    const few = synthetic().filter((e, i) => e.label || i < 8);
    expect(() => refit(few, fitWeights(synthetic()))).toThrow(RangeError);
  });
});
