import type { CheckWorthinessMetricsDto } from '@/lib/domain/check-worthiness';

/** A threshold 0–1 as the whole percentage the settings show. */
export function thresholdPercent(threshold: number): number {
  return Math.round(threshold * 100);
}

export interface MetricRow {
  label: string;
  before: string;
  after: string;
  /** Signed difference in points ("+4.0", "−2.5", "0.0"); '—' when either side is missing. */
  change: string;
}

const MEASURES: Array<{ key: 'precision' | 'recall' | 'f1' | 'auc'; label: string }> = [
  { key: 'precision', label: 'Precision (suggested sentences worth checking)' },
  { key: 'recall', label: 'Recall (sentences worth checking that are suggested)' },
  { key: 'f1', label: 'F1' },
  { key: 'auc', label: 'ROC AUC (ranking)' },
];

const asPercent = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—');

/** The before/after table of a re-fit: each measure as a percentage, and the change in points. Pure. */
export function metricRows(before: CheckWorthinessMetricsDto, after: CheckWorthinessMetricsDto): MetricRow[] {
  return MEASURES.map(({ key, label }) => {
    const a = before[key];
    const b = after[key];
    const diff = (b - a) * 100;
    const change = Number.isFinite(diff) ? `${diff > 0.05 ? '+' : diff < -0.05 ? '−' : ''}${Math.abs(diff).toFixed(1)}` : '—';
    return { label, before: asPercent(a), after: asPercent(b), change };
  });
}

/**
 * What the re-fit report advises, in words: by F1 at the threshold and by ranking (AUC), each
 * counted as changed when it moves by more than half a point.
 */
export function refitAdvice(before: CheckWorthinessMetricsDto, after: CheckWorthinessMetricsDto): { tone: 'better' | 'worse' | 'mixed'; text: string } {
  const moved = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? (b - a > 0.005 ? 1 : a - b > 0.005 ? -1 : 0) : 0);
  const f1 = moved(before.f1, after.f1);
  const auc = moved(before.auc, after.auc);
  if (f1 >= 0 && auc >= 0 && f1 + auc > 0) return { tone: 'better', text: 'The re-fitted weights do better on this desk’s decisions.' };
  if (f1 <= 0 && auc <= 0 && f1 + auc < 0) return { tone: 'worse', text: 'The re-fitted weights do worse on this desk’s decisions: keeping the current weights is advised. More decisions (accept or dismiss suggestions) make a re-fit more reliable.' };
  return { tone: 'mixed', text: 'Mixed: the re-fitted weights do better on one measure and worse or the same on another.' };
}
