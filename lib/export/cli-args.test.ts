import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_APP_URL, EXPORT_USAGE, parseExportCliArgs, resolveAppUrl } from './cli-args';

function usageError(argv: string[]): CliUsageError {
  try {
    parseExportCliArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error(`Expected a usage error for ${JSON.stringify(argv)}`);
}

describe('parseExportCliArgs', () => {
  it('parses long and short options', () => {
    expect(parseExportCliArgs(['--article', 'demo', '--format', 'pdf', '--out', 'report.pdf'])).toEqual({
      kind: 'export',
      options: { article: 'demo', format: 'pdf', out: 'report.pdf', draft: false },
    });
    expect(parseExportCliArgs(['-a', 'a1b2', '-f', 'MD'])).toEqual({ kind: 'export', options: { article: 'a1b2', format: 'md', out: null, draft: false } });
    expect(parseExportCliArgs(['--article=demo', '--format=markdown'])).toMatchObject({ options: { format: 'md' } });
  });

  it('takes --draft for a ClaimReview only', () => {
    expect(parseExportCliArgs(['--article', 'demo', '--format', 'claimreview', '--draft'])).toMatchObject({ options: { format: 'claimreview', draft: true } });
    expect(parseExportCliArgs(['--article', 'demo', '--format', 'claim-review'])).toMatchObject({ options: { draft: false } });
    expect(usageError(['--article', 'demo', '--format', 'html', '--draft']).message).toBe('--draft only applies to --format claimreview.');
    expect(usageError(['--article', 'demo', '--format', 'claimreview', '--draft=yes']).message).toContain('--draft');
    expect(EXPORT_USAGE).toContain('--draft');
  });

  it('recognises --help, even with other options', () => {
    expect(parseExportCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseExportCliArgs(['-h', '--format', 'nope'])).toEqual({ kind: 'help' });
    expect(EXPORT_USAGE).toContain('--article <id or slug>');
    expect(EXPORT_USAGE).toContain('html, pdf, md, csv, json, w3c, claimreview');
  });

  it('rejects an unknown format, listing the valid ones', () => {
    expect(usageError(['--article', 'demo', '--format', 'docx']).message).toBe(
      'Unknown export format "docx". Valid formats: html, pdf, md, csv, json, w3c, claimreview.',
    );
  });

  it('requires --article and --format', () => {
    expect(usageError(['--format', 'md']).message).toMatch(/^Missing --article/);
    expect(usageError(['--article', '  ', '--format', 'md']).message).toMatch(/^Missing --article/);
    expect(usageError(['--article', 'demo']).message).toBe('Missing --format. Valid formats: html, pdf, md, csv, json, w3c, claimreview.');
  });

  it('rejects unknown flags, stray arguments and options without a value', () => {
    expect(usageError(['--article', 'demo', '--format', 'md', '--verbose']).message).toContain("'--verbose'");
    expect(usageError(['demo']).message).toContain("'demo'");
    expect(usageError(['--format', 'md', '--article']).message).toContain('--article');
    expect(usageError(['--article', 'demo', '--format', 'md', '--out', '']).message).toBe('--out needs a file name.');
  });
});

describe('resolveAppUrl', () => {
  it('defaults to the local server and drops a trailing slash', () => {
    expect(resolveAppUrl({})).toBe(DEFAULT_APP_URL);
    expect(resolveAppUrl({ CLAIMDESK_APP_URL: ' ' })).toBe(DEFAULT_APP_URL);
    expect(resolveAppUrl({ CLAIMDESK_APP_URL: 'https://desk.example.org/' })).toBe('https://desk.example.org');
  });

  it('rejects a URL that is not absolute http(s)', () => {
    expect(() => resolveAppUrl({ CLAIMDESK_APP_URL: 'desk.example.org' })).toThrow(CliUsageError);
    expect(() => resolveAppUrl({ CLAIMDESK_APP_URL: 'javascript:alert(1)' })).toThrow('CLAIMDESK_APP_URL must be an absolute http(s) URL');
  });
});
