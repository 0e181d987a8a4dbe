import { describe, expect, it } from 'vitest';
import { renderJsonReport } from './json';
import { FIXTURE_TWO_PART_CLAIM_NUMBER, buildFixtureViewModel, buildMultiPartFixtureViewModel, buildPublishedFixtureViewModel } from '@/test/fixtures/export-report';

describe('JSON report', () => {
  const vm = buildFixtureViewModel();
  const json = renderJsonReport(vm);
  const report = JSON.parse(json) as Record<string, unknown>;

  it('is pretty-printed and identifies its format', () => {
    expect(json).toContain('\n  "format": "claimdesk-report",\n  "formatVersion": 4,');
    expect(report.generator).toEqual({ name: 'Claimdesk', url: 'http://localhost:3000' });
    expect(report.generatedAt).toBe(vm.generatedAt);
  });

  it('contains the whole view model losslessly (claims with verdicts, sources, comments, history)', () => {
    expect(report.article).toEqual(vm.article);
    expect(report.scale).toEqual(vm.scale);
    expect(report.workspace).toEqual(vm.workspace);
    expect(report.claims).toEqual(vm.claims);
    expect(report.audience).toBe('internal');
    expect(report.publication).toBeNull();
    const [first] = report.claims as typeof vm.claims;
    expect(first?.comments).toHaveLength(2);
    expect(first?.comments.map((c) => c.isPublic)).toEqual([false, true]);
    expect(first?.replies.map((r) => [r.methodLabel, r.contact !== '', r.response])).toEqual([
      ['Email', true, 'The minister was quoting the figure for one province.'],
      ['Phone', true, null],
    ]);
    expect((report.claims as typeof vm.claims).flatMap((c) => c.sources).map((s) => s.isPublic)).toContain(false);
    expect(first?.history[0]?.after).toEqual({ status: 'resolved' });
    expect(first?.reviewers).toHaveLength(2);
  });

  it('summarises verdicts including Pending', () => {
    expect(report.summary).toMatchObject({ total: 7, pending: 1 });
    const byVerdict = (report.summary as { byVerdict: Array<{ key: string | null; count: number }> }).byVerdict;
    expect(byVerdict.find((r) => r.key === 'false')?.count).toBe(2);
    expect(byVerdict.at(-1)).toEqual({ key: null, label: 'Pending', count: 1 });
  });

  it('keeps the publication record and every claim, counting excluded ones apart', () => {
    const published = buildPublishedFixtureViewModel();
    const out = JSON.parse(renderJsonReport(published)) as { publication: unknown; claims: Array<{ number: number; exclusionReason: string | null }>; summary: { total: number; excluded: number; pending: number } };
    expect(out.publication).toEqual(published.publication);
    expect(out.claims.map((c) => c.number)).toEqual([1, 2, 8, 3, 4, 5, 6, 7]);
    expect(out.claims.find((c) => c.number === 8)?.exclusionReason).toBe('Attribution only <not> a factual claim.');
    expect(out.summary).toMatchObject({ total: 7, excluded: 1, pending: 1 });
  });

  it('keeps RTL text and emoji as real characters', () => {
    expect(json).toContain('سه\u200cشنبه');
    expect(json).toContain('🚀');
  });
});

describe('JSON report with multi-part claims', () => {
  it('keeps every part and the passage context losslessly', () => {
    const multi = buildMultiPartFixtureViewModel();
    const parsed = JSON.parse(renderJsonReport(multi)) as { claims: typeof multi.claims };
    expect(parsed.claims).toEqual(multi.claims);
    const twoPart = parsed.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)!;
    expect(twoPart.parts).toHaveLength(2);
    expect(twoPart.quote).toEqual(twoPart.parts![0]!.quote);
    expect(twoPart.sources[0]).toMatchObject({ excerptPrefix: 'In 2023,', excerptSuffix: 'according to the provisional' });
    // Single-part claims carry no `parts`.
    expect(parsed.claims.filter((c) => c.parts).map((c) => c.number).sort((a, b) => a - b)).toEqual([9, 10]);
  });
});
