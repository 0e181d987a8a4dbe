/** Claim counts by final verdict, shared by the HTML, Markdown and JSON reports. */
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { isExcluded } from './audience';
import { PENDING_LABEL } from './format';
import type { ReportVerdict, ReportViewModel } from './view-model';

export interface VerdictCount {
  /** The verdict, or null for the "Pending" row. */
  verdict: ReportVerdict | null;
  label: string;
  count: number;
}

export interface VerdictSummary {
  /** Claims in the fact-check: excluded claims are never counted here or in the rows. */
  total: number;
  /** Claims excluded from the fact-check (internal reports list them apart). */
  excluded: number;
  pending: number;
  /** Under blind review: claims whose verdict the exporting reviewer may not see yet (not counted as pending). */
  hidden: number;
  /**
   * Scale levels in display order (zero counts included), then verdicts no longer on the scale,
   * then Pending, then (only when there are any) the hidden ones.
   */
  rows: VerdictCount[];
}

export function summarizeVerdicts(vm: ReportViewModel): VerdictSummary {
  const counts = new Map<string, VerdictCount>();
  for (const level of vm.scale.levels) counts.set(level.key, { verdict: level, label: level.label, count: 0 });
  let pending = 0;
  let hidden = 0;
  let excluded = 0;
  for (const claim of vm.claims) {
    if (isExcluded(claim)) {
      excluded += 1;
      continue;
    }
    if (claim.decisionHidden) {
      hidden += 1;
      continue;
    }
    const verdict = claim.finalVerdict;
    if (!verdict) {
      pending += 1;
      continue;
    }
    // A level removed from the scale after the verdict was given still has to be counted.
    const row = counts.get(verdict.key) ?? { verdict, label: verdict.label, count: 0 };
    row.count += 1;
    counts.set(verdict.key, row);
  }
  const rows = [...counts.values(), { verdict: null, label: PENDING_LABEL, count: pending }, ...(hidden > 0 ? [{ verdict: null, label: HIDDEN_UNTIL_VERDICT, count: hidden }] : [])];
  return { total: vm.claims.length - excluded, excluded: vm.audience === 'public' ? 0 : excluded, pending, hidden, rows };
}
