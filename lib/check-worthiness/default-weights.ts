/**
 * The shipped default weights: fitWeights (L2 0.01, 3,000 iterations of batch gradient descent from
 * zero) on the 82 sentences of the `train` documents of fixtures/check-worthiness/labelled.json
 * (demo-khamenei-isis, hospital-waits, river-flood). Rewritten by `npm run bench:check-worthiness -- --fit`; measure them
 * on the held-out `test` documents, never on those.
 */
import type { Weights } from './types';

export const DEFAULT_WEIGHTS: Weights = {
  bias: -0.7752,
  features: {
    number: 1.1083,
    percentage: 0.3229,
    money: 0.8393,
    date: -0.1903,
    statistic: 1.6594,
    attribution: 0.3462,
    causal: 0.4817,
    entity: 0.4215,
    quotation: 0.1702,
    hedge: -0.8821,
    question: -0.7622,
    imperative: -0.1279,
    future: -0.8345,
    firstPerson: -0.3538,
    length: 0.664,
  },
  threshold: 0.5,
};
