import { describe, expect, it } from 'vitest';
import { renderJsonReport } from './json';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

describe('JSON report', () => {
  const vm = buildFixtureViewModel();
  const json = renderJsonReport(vm);
  const report = JSON.parse(json) as Record<string, unknown>;

  it('is pretty-printed and identifies its format', () => {
    expect(json).toContain('\n  "format": "claimdesk-report",\n  "formatVersion": 1,');
    expect(report.generator).toEqual({ name: 'Claimdesk', url: 'http://localhost:3000' });
    expect(report.generatedAt).toBe(vm.generatedAt);
  });

  it('contains the whole view model losslessly (claims with verdicts, sources, comments, history)', () => {
    expect(report.article).toEqual(vm.article);
    expect(report.scale).toEqual(vm.scale);
    expect(report.workspace).toEqual(vm.workspace);
    expect(report.claims).toEqual(vm.claims);
    const [first] = report.claims as typeof vm.claims;
    expect(first?.comments).toHaveLength(1);
    expect(first?.history[0]?.after).toEqual({ status: 'resolved' });
    expect(first?.reviewers).toHaveLength(2);
  });

  it('summarises verdicts including Pending', () => {
    expect(report.summary).toMatchObject({ total: 7, pending: 1 });
    const byVerdict = (report.summary as { byVerdict: Array<{ key: string | null; count: number }> }).byVerdict;
    expect(byVerdict.find((r) => r.key === 'false')?.count).toBe(2);
    expect(byVerdict.at(-1)).toEqual({ key: null, label: 'Pending', count: 1 });
  });

  it('keeps RTL text and emoji as real characters', () => {
    expect(json).toContain('سه\u200cشنبه');
    expect(json).toContain('🚀');
  });
});
