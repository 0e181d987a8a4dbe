import { describe, expect, it } from 'vitest';
import { PDF_EXPORT_LIMIT, pdfExportKey, pdfLimitMessage, retryAfterSeconds } from './pdf-quota';

describe('PDF export quota', () => {
  it('counts per user', () => {
    expect(pdfExportKey('u1')).not.toBe(pdfExportKey('u2'));
    expect(PDF_EXPORT_LIMIT).toEqual({ limit: 10, windowMs: 600_000 });
  });

  it('rounds Retry-After up to whole seconds, never 0', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(-5)).toBe(1);
  });

  it('says what happened, how long to wait and what to do instead', () => {
    expect(pdfLimitMessage(PDF_EXPORT_LIMIT, 45_000)).toBe('You have exported 10 PDFs in the last 10 minutes, the most allowed. Try again in 45 seconds, or export HTML and print it from your browser.');
    expect(pdfLimitMessage(PDF_EXPORT_LIMIT, 61_000)).toContain('Try again in 2 minutes');
    expect(pdfLimitMessage({ limit: 1, windowMs: 30_000 }, 1_000)).toContain('exported 1 PDF in the last 30 seconds');
  });
});
