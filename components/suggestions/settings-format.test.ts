import { describe, expect, it } from 'vitest';
import type { CheckWorthinessMetricsDto } from '@/lib/domain/check-worthiness';
import { metricRows, refitAdvice, thresholdPercent } from './settings-format';

const m = (precision: number, recall: number, f1: number, auc: number): CheckWorthinessMetricsDto => ({
  n: 20,
  positives: 10,
  threshold: 0.5,
  truePositives: 0,
  falsePositives: 0,
  falseNegatives: 0,
  precision,
  recall,
  f1,
  auc,
});

describe('metricRows', () => {
  it.each([
    ['better', m(0.5, 0.6, 0.545, 0.7), m(0.75, 0.6, 0.667, 0.81), ['+25.0', '0.0', '+12.2', '+11.0']],
    ['worse', m(0.8, 0.9, 0.85, 0.9), m(0.7, 0.85, 0.77, 0.88), ['−10.0', '−5.0', '−8.0', '−2.0']],
    ['one class missing (AUC NaN)', m(1, 1, 1, Number.NaN), m(1, 1, 1, Number.NaN), ['0.0', '0.0', '0.0', '—']],
  ])('%s', (_name, before, after, changes) => {
    const rows = metricRows(before, after);
    expect(rows.map((r) => r.label.split(' ')[0])).toEqual(['Precision', 'Recall', 'F1', 'ROC']);
    expect(rows.map((r) => r.change)).toEqual(changes);
  });

  it('shows each side as a percentage with one decimal', () => {
    const [precision, , , auc] = metricRows(m(0.5, 0.6, 0.545, Number.NaN), m(0.756, 0.6, 0.667, 0.81));
    expect([precision!.before, precision!.after]).toEqual(['50.0%', '75.6%']);
    expect([auc!.before, auc!.after]).toEqual(['—', '81.0%']);
  });
});

describe('thresholdPercent', () => {
  it.each([
    [0.5, 50],
    [0.455, 46],
    [0.1, 10],
  ])('%d → %d', (t, p) => expect(thresholdPercent(t)).toBe(p));
});

describe('refitAdvice', () => {
  it.each([
    ['better on both', m(0.5, 0.5, 0.5, 0.7), m(0.6, 0.6, 0.6, 0.8), 'better'],
    ['better F1, same AUC', m(0.5, 0.5, 0.5, 0.7), m(0.6, 0.6, 0.6, 0.702), 'better'],
    ['worse on both', m(0.72, 0.95, 0.818, 0.624), m(0.708, 0.895, 0.791, 0.526), 'worse'],
    ['one up, one down', m(0.5, 0.5, 0.5, 0.8), m(0.6, 0.6, 0.6, 0.7), 'mixed'],
    ['no change', m(0.5, 0.5, 0.5, 0.8), m(0.5, 0.5, 0.5, 0.8), 'mixed'],
    ['AUC missing, F1 down', m(0.5, 0.5, 0.5, Number.NaN), m(0.4, 0.4, 0.4, Number.NaN), 'worse'],
  ])('%s', (_name, before, after, tone) => {
    expect(refitAdvice(before, after).tone).toBe(tone);
  });
});
