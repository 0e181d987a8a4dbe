import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { EXPORT_FORMATS, FORMAT_INFO, exportFileName, parseExportFormat, renderReport } from './index';
import { exportMenuEntries } from './formats';
import { buildFixtureViewModel, buildPublishedFixtureViewModel } from '@/test/fixtures/export-report';

const vm = buildFixtureViewModel();

describe('export formats', () => {
  it('describes every format', () => {
    expect(EXPORT_FORMATS).toEqual(['html', 'pdf', 'md', 'csv', 'json', 'w3c', 'claimreview']);
    expect(Object.keys(FORMAT_INFO).sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(FORMAT_INFO.html.contentType).toBe('text/html; charset=utf-8');
    expect(FORMAT_INFO.pdf.contentType).toBe('application/pdf');
    expect(FORMAT_INFO.md.contentType).toBe('text/markdown; charset=utf-8');
    expect(FORMAT_INFO.csv.contentType).toBe('text/csv; charset=utf-8');
    expect(FORMAT_INFO.json.contentType).toBe('application/json');
    expect(FORMAT_INFO.w3c.contentType).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(FORMAT_INFO.claimreview.contentType).toBe('application/ld+json');
  });

  it('parses formats case-insensitively, with a few aliases', () => {
    expect(parseExportFormat('PDF')).toBe('pdf');
    expect(parseExportFormat(' md ')).toBe('md');
    expect(parseExportFormat('markdown')).toBe('md');
    expect(parseExportFormat('claimreview')).toBe('claimreview');
  });

  it.each([['docx'], [''], [null], [42], [['html']], ['__proto__'], ['toString']])('rejects %j with a 400 listing valid formats', (input) => {
    let error: unknown;
    try {
      parseExportFormat(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toContain('Valid formats: html, pdf, md, csv, json, w3c, claimreview.');
  });

  it('builds ASCII file names that differ per format', () => {
    expect(exportFileName(vm, 'pdf')).toBe('claimdesk-minister-economy-claims-2024-03-08.pdf');
    expect(exportFileName(vm, 'w3c')).toBe('claimdesk-minister-economy-claims-2024-03-08-annotations.jsonld');
    // The fixture is not published: its ClaimReview is a draft, and its name says so.
    expect(exportFileName(vm, 'claimreview')).toBe('claimdesk-minister-economy-claims-2024-03-08-claimreview-draft.jsonld');
    const published = buildPublishedFixtureViewModel();
    expect(exportFileName(published, 'claimreview')).toBe('claimdesk-minister-economy-claims-2024-03-08-claimreview.jsonld');
    expect(exportFileName(published, 'claimreview', { claimReview: { draft: true } })).toBe('claimdesk-minister-economy-claims-2024-03-08-claimreview-draft.jsonld');
    expect(exportFileName(published, 'w3c', { claimReview: { draft: true } })).toBe('claimdesk-minister-economy-claims-2024-03-08-annotations.jsonld');
    const persian = { ...vm, article: { ...vm.article, slug: 'ادعاهای-وزیر', id: 'A 1' } };
    expect(exportFileName(persian, 'csv')).toBe('claimdesk-a-1-2024-03-08.csv');
    const names = new Set(EXPORT_FORMATS.map((f) => exportFileName(vm, f)));
    expect(names.size).toBe(EXPORT_FORMATS.length);
  });

  it.each(EXPORT_FORMATS.filter((f) => f !== 'pdf'))('renders %s with its content type and file name', async (format) => {
    const report = await renderReport(vm, format);
    expect(report.contentType).toBe(FORMAT_INFO[format].contentType);
    expect(report.fileName).toBe(exportFileName(vm, format));
    expect(typeof report.body).toBe('string');
    expect((report.body as string).length).toBeGreaterThan(100);
    if (format === 'json' || format === 'w3c' || format === 'claimreview') expect(() => JSON.parse(report.body as string)).not.toThrow();
  });

  it('passes the ClaimReview draft option through', async () => {
    const published = buildPublishedFixtureViewModel();
    const live = JSON.parse((await renderReport(published, 'claimreview')).body as string) as Array<Record<string, unknown>>;
    expect(live.every((r) => r.datePublished === '2024-03-08' && !('creativeWorkStatus' in r))).toBe(true);
    const draft = await renderReport(published, 'claimreview', { claimReview: { draft: true } });
    expect(draft.fileName).toMatch(/-claimreview-draft\.jsonld$/);
    expect((JSON.parse(draft.body as string) as Array<Record<string, unknown>>).every((r) => r.creativeWorkStatus === 'Draft' && !('datePublished' in r))).toBe(true);
  });

  it('passes PDF options through (and reports a missing browser)', async () => {
    await expect(renderReport(vm, 'pdf', { pdf: { executablePath: '/nonexistent/chromium' } })).rejects.toThrow('PDF export is unavailable');
  });
});

describe('the Export menu', () => {
  const summary = (status: Parameters<typeof exportMenuEntries>[0]) => exportMenuEntries(status).map((e) => `${e.label}${e.draft ? ' [draft=1]' : ''}${e.unavailable ? ` (${e.unavailable})` : ''}`);

  it('offers every format, ClaimReview itself once published', () => {
    expect(summary('published')).toEqual(EXPORT_FORMATS.map((f) => FORMAT_INFO[f].label));
  });

  it.each(['draft', 'in_review', 'ready'] as const)('says ClaimReview needs publication and offers a draft when %s', (status) => {
    expect(summary(status).slice(-2)).toEqual(['ClaimReview (schema.org) (needs publication)', 'ClaimReview (draft) [draft=1]']);
    expect(summary(status).slice(0, -2)).toEqual(EXPORT_FORMATS.filter((f) => f !== 'claimreview').map((f) => FORMAT_INFO[f].label));
    expect(new Set(exportMenuEntries(status).map((e) => e.key)).size).toBe(EXPORT_FORMATS.length + 1);
  });

  it('has no ClaimReview for a retracted fact-check', () => {
    expect(summary('retracted').at(-1)).toBe('ClaimReview (schema.org) (retracted)');
    expect(exportMenuEntries('retracted').some((e) => e.draft)).toBe(false);
  });
});
