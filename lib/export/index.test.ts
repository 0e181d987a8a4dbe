import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { EXPORT_FORMATS, FORMAT_INFO, exportFileName, parseExportFormat, renderReport } from './index';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

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
    expect(exportFileName(vm, 'claimreview')).toBe('claimdesk-minister-economy-claims-2024-03-08-claimreview.jsonld');
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

  it('passes PDF options through (and reports a missing browser)', async () => {
    await expect(renderReport(vm, 'pdf', { pdf: { executablePath: '/nonexistent/chromium' } })).rejects.toThrow('PDF export is unavailable');
  });
});
