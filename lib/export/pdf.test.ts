import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { renderHtmlReport } from './html';
import { closePdfBrowsers, PdfUnavailableError, renderPdf } from './pdf';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

const CHROMIUM = '/usr/bin/chromium';

afterAll(() => closePdfBrowsers());

describe('renderPdf', () => {
  it.skipIf(!existsSync(CHROMIUM))(`renders the HTML report with ${CHROMIUM}`, async () => {
    const vm = buildFixtureViewModel();
    const pdf = await renderPdf(await renderHtmlReport(vm), { executablePath: CHROMIUM, title: vm.article.title });
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(1024);
  }, 60_000);

  it.skipIf(!existsSync(CHROMIUM))('makes no network requests, even when the HTML asks for them', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<link rel="stylesheet" href="${base}/a.css"><img src="${base}/b.png"><iframe src="${base}/c"></iframe>
        <style>body { background: url(${base}/d.png) }</style><script src="${base}/e.js"></script><p>offline</p>`;
      const pdf = await renderPdf(html, { executablePath: CHROMIUM });
      expect(pdf.byteLength).toBeGreaterThan(1024);
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('throws PdfUnavailableError (HTTP 503) when there is no browser', async () => {
    const error = await renderPdf('<p>x</p>', { executablePath: '/nonexistent/chromium' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as PdfUnavailableError).status).toBe(503);
    expect((error as Error).message).toContain('/nonexistent/chromium');
    expect((error as Error).message).toContain('CLAIMDESK_CHROMIUM');
  });

  it('uses CLAIMDESK_CHROMIUM when no path is given', async () => {
    const previous = process.env.CLAIMDESK_CHROMIUM;
    process.env.CLAIMDESK_CHROMIUM = '/nonexistent/from-env';
    try {
      await expect(renderPdf('<p>x</p>')).rejects.toThrow('/nonexistent/from-env');
    } finally {
      if (previous === undefined) delete process.env.CLAIMDESK_CHROMIUM;
      else process.env.CLAIMDESK_CHROMIUM = previous;
    }
  });
});
