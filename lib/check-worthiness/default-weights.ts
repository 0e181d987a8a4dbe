/**
 * The shipped default weights: fitWeights (L2 0.01, 3,000 iterations of batch gradient descent from
 * zero) on the 82 sentences of the `train` documents of fixtures/check-worthiness/labelled.json:
 * demo-khamenei-isis, hospital-waits, river-flood.
 * Rewritten by `npm run bench:check-worthiness -- --fit`; measure them on the held-out `test`
 * documents, never on those (lib/check-worthiness/quality.test.ts checks they are still that fit).
 */
import type { Weights } from './types';

export const DEFAULT_WEIGHTS: Weights = {
  bias: -0.8626,
  features: {
    number: 1.1546,
    percentage: 0.3455,
    money: 0.8429,
    date: -0.1769,
    statistic: 1.6988,
    attribution: 0.6801,
    causal: 0.4067,
    entity: 0.3275,
    quotation: 0.1095,
    hedge: -0.8888,
    question: -0.7339,
    imperative: -0.0962,
    future: -0.8835,
    firstPerson: -0.3696,
    length: 0.5283,
  },
  threshold: 0.5,
};
