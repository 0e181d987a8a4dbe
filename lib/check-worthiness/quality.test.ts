/**
 * The scorer on the labelled set (fixtures/check-worthiness/, GUIDELINE.md), with floors a little
 * under today's figures (bench/RESULTS.md, "Check-worthiness"). Raise the floors when the scorer
 * improves; a drop below them is a regression.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLabelledSet, matchExamples, type GoldDocument, type MatchedExample } from '../../bench/check-worthiness-data';
import { DEFAULT_WEIGHTS } from './default-weights';
import { crossValidate, evaluate, fitWeights } from './model';

let documents: GoldDocument[];
let examples: MatchedExample[];

beforeAll(() => {
  documents = loadLabelledSet();
  examples = matchExamples(documents);
}, 60_000);

describe('labelled set', () => {
  it('has 150+ sentences whose text is the slice of its source at its offsets', () => {
    const sentences = documents.flatMap((d) => d.sentences.map((s) => ({ ...s, body: d.body })));
    expect(sentences.length).toBeGreaterThanOrEqual(150);
    for (const s of sentences) expect(s.body.slice(s.start, s.end)).toBe(s.text);
    expect(new Set(documents.map((d) => d.split))).toEqual(new Set(['train', 'test']));
  });

  it('every labelled sentence is matched to exactly the scored sentence with its boundaries', () => {
    const mismatched = examples.filter((e) => e.scored.start !== e.gold.start || e.scored.end !== e.gold.end);
    expect(mismatched.map((e) => e.gold.text)).toEqual([]);
  });
});

describe('shipped default weights', () => {
  it('are what fitWeights gives on the train documents today (after a cue change: npm run bench:check-worthiness -- --fit)', () => {
    expect(fitWeights(examples.filter((e) => e.split === 'train'))).toEqual(DEFAULT_WEIGHTS);
  }, 30_000);
});

describe('quality floors', () => {
  it('shipped default weights on the held-out test documents (not fitted on them)', () => {
    const test = examples.filter((e) => e.split === 'test');
    const m = evaluate(
      test.map((e) => e.score),
      test.map((e) => e.label),
      DEFAULT_WEIGHTS.threshold,
    );
    // Today: F1 0.832, AUC 0.912 (precision 0.758, recall 0.922).
    expect(m.f1).toBeGreaterThanOrEqual(0.8);
    expect(m.auc).toBeGreaterThanOrEqual(0.87);
  });

  it('fitWeights, 10-fold cross-validated over all 168 sentences', () => {
    const m = crossValidate(examples, 10);
    // Today: F1 0.804, AUC 0.863.
    expect(m.f1).toBeGreaterThanOrEqual(0.76);
    expect(m.auc).toBeGreaterThanOrEqual(0.82);
  }, 30_000);
});
