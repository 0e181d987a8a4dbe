import { describe, expect, it } from 'vitest';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { renderCsvReport } from './csv';
import { renderHtmlReport } from './html';
import { buildJsonReport } from './json';
import { renderMarkdownReport } from './markdown';
import { summarizeVerdicts } from './summary';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';
import type { ReportViewModel } from './view-model';

/** The fixture as a blind reviewer who has rated none of the claims would export it. */
function blindView(): { vm: ReportViewModel; rationales: string[] } {
  const vm = buildFixtureViewModel();
  const rationales = vm.claims.map((c) => c.rationale).filter((r) => r.trim() !== '');
  return { vm: { ...vm, claims: vm.claims.map((c) => ({ ...c, finalVerdict: null, rationale: '', status: null, reviewers: [], decisionHidden: true })) }, rationales };
}

describe('renderers under blind review', () => {
  it('say “Hidden until you give your verdict” instead of a verdict, rationale or status, and never “Pending” or “Resolved” for hidden claims', async () => {
    const { vm, rationales } = blindView();
    const outputs = { html: await renderHtmlReport(vm), md: renderMarkdownReport(vm), csv: renderCsvReport(vm) };
    for (const [format, text] of Object.entries(outputs)) {
      expect(text, format).toContain(HIDDEN_UNTIL_VERDICT);
      expect(text, format).not.toMatch(/Resolved|In review/);
      for (const rationale of rationales) expect(text, format).not.toContain(rationale.slice(0, 30));
    }
    expect(outputs.md).toContain(`${vm.claims.length} claims examined: 0 rated, 0 pending, ${vm.claims.length} hidden until you give your verdict.`);
  });

  it('counts hidden claims apart from pending ones', () => {
    const { vm } = blindView();
    const summary = summarizeVerdicts(vm);
    expect(summary).toMatchObject({ total: vm.claims.length, pending: 0, hidden: vm.claims.length });
    expect(summary.rows.at(-1)).toEqual({ verdict: null, label: HIDDEN_UNTIL_VERDICT, count: vm.claims.length });
    expect(buildJsonReport(vm).summary.byVerdict.at(-1)).toEqual({ key: null, label: HIDDEN_UNTIL_VERDICT, count: vm.claims.length });
  });

  it('adds no hidden row when nothing is hidden', () => {
    const summary = summarizeVerdicts(buildFixtureViewModel());
    expect(summary.hidden).toBe(0);
    expect(summary.rows.map((r) => r.label)).not.toContain(HIDDEN_UNTIL_VERDICT);
  });
});
