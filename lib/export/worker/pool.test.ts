import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { renderReport } from '../index';
import type { ReportViewModel } from '../view-model';
import { createRenderWorker, renderExport, rendersInline } from './index';
import { ExportWorkerPool } from './pool';
import { deserializeError, ExportWorkerError, serializeError } from './protocol';
import { buildFixtureViewModel } from '@/test/fixtures/export-report';

const pool = new ExportWorkerPool({ createWorker: createRenderWorker });
afterAll(async () => {
  await pool.close();
  const { closePdfBrowsers } = await import('../pdf');
  await closePdfBrowsers();
});

const CHROMIUM = '/usr/bin/chromium';

/** A worker that runs the given code instead of the renderer (crashes, hangs, garbage). */
function fakeWorker(code: string): () => Worker {
  return () => new Worker(`const { parentPort } = require('node:worker_threads');\n${code}`, { eval: true });
}

describe('export worker pool', () => {
  it('renders every non-PDF format exactly as inline rendering does, reusing one worker', async () => {
    const vm = buildFixtureViewModel();
    for (const format of ['html', 'md', 'csv', 'json', 'w3c', 'claimreview'] as const) {
      const inline = await renderReport(vm, format, { claimReview: { draft: true } });
      const viaWorker = await renderExport(vm, format, { pool, worker: true, claimReview: { draft: true } });
      // Text formats come back as their UTF-8 bytes (the CSV's byte-order mark included).
      expect(viaWorker.body).toBeInstanceOf(Uint8Array);
      expect({ ...viaWorker, body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(viaWorker.body as Uint8Array) }).toEqual(inline);
      expect(await pool.render({ vm, format, claimReview: { draft: true } })).toEqual(inline);
    }
    expect(pool.starts).toBe(1);
  }, 30_000);

  it.skipIf(!existsSync(CHROMIUM))('prints a PDF from HTML rendered on the worker', async () => {
    const vm = buildFixtureViewModel();
    const pdf = await renderExport(vm, 'pdf', { pool, worker: true, pdf: { executablePath: CHROMIUM } });
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.fileName).toMatch(/\.pdf$/);
    expect(pdf.fileName).toBe((await renderReport(vm, 'html')).fileName.replace(/\.html$/, '.pdf'));
    expect(Buffer.from((pdf.body as Uint8Array).subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('sends a report in claim batches and reassembles it in the worker', async () => {
    const batched = new ExportWorkerPool({ createWorker: createRenderWorker, batchSize: 2 });
    const vm = buildFixtureViewModel();
    expect(vm.claims.length).toBeGreaterThan(4);
    const viaWorker = await batched.render({ vm, format: 'json' });
    expect(viaWorker).toEqual(await renderReport(vm, 'json'));
    const none = await batched.render({ vm: { ...vm, claims: [] }, format: 'csv' });
    expect(none).toEqual(await renderReport({ ...vm, claims: [] }, 'csv'));
    await batched.close();
  }, 30_000);

  it('keeps the article text exactly, lone surrogates and all', async () => {
    const vm = buildFixtureViewModel();
    const text = `${vm.article.text}\n\nodd \ud83d alone \udc00 and 🚀 end`;
    const odd = { ...vm, article: { ...vm.article, text } };
    const json = await pool.render({ vm: odd, format: 'json' });
    expect(json).toEqual(await renderReport(odd, 'json'));
    expect(JSON.parse(String(json.body)).article.text).toBe(text);
  }, 30_000);

  it('runs queued jobs concurrently in order and answers each', async () => {
    const vm = buildFixtureViewModel();
    const results = await Promise.all([0, 1, 2].map((i) => pool.render({ vm: { ...vm, article: { ...vm.article, title: `Title ${i}` } }, format: 'md' })));
    results.forEach((r, i) => expect(String(r.body)).toContain(`Title ${i}`));
  }, 30_000);

  it('maps an AppError thrown in the worker back to an AppError with its code', async () => {
    const vm = buildFixtureViewModel();
    const error = await pool.render({ vm, format: 'pdf' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad_request');
    const noReport = await pool.render({ vm: null as unknown as ReportViewModel, format: 'html' }).catch((e: unknown) => e);
    expect(noReport).toBeInstanceOf(AppError);
  }, 30_000);

  it('maps any other error in the worker to an ExportWorkerError, and the worker keeps serving', async () => {
    const vm = buildFixtureViewModel();
    const broken = { ...vm, claims: [{ ...vm.claims[0], sources: null }] } as unknown as ReportViewModel;
    const error = await pool.render({ vm: broken, format: 'html' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWorkerError);
    expect(error).not.toBeInstanceOf(AppError);
    expect((error as ExportWorkerError).originalName).toBe('TypeError');
    const ok = await pool.render({ vm, format: 'csv' });
    expect(String(ok.body)).toContain('claim');
    expect(pool.starts).toBe(1);
  }, 30_000);

  it('fails the jobs of a crashed worker and starts a fresh one for the next job', async () => {
    let starts = 0;
    const crashing = new ExportWorkerPool({
      createWorker: () => {
        starts += 1;
        return starts === 1 ? fakeWorker("parentPort.on('message', () => { throw new Error('boom'); });")() : fakeWorker("parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, ok: true, body: 'fine', contentType: 'text/plain', fileName: 'x.txt' }));")();
      },
    });
    const vm = buildFixtureViewModel();
    const failed = await crashing.render({ vm, format: 'html' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ExportWorkerError);
    expect((failed as Error).message).toContain('boom');
    await expect(crashing.render({ vm, format: 'html' })).resolves.toMatchObject({ body: 'fine' });
    expect(starts).toBe(2);
    await crashing.close();
  }, 30_000);

  it('ends a stuck worker after the job timeout', async () => {
    const stuck = new ExportWorkerPool({ createWorker: fakeWorker("parentPort.on('message', () => { for (;;) {} });"), jobTimeoutMs: 300 });
    const error = await stuck.render({ vm: buildFixtureViewModel(), format: 'html' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWorkerError);
    expect((error as Error).message).toMatch(/longer than 300 ms/);
    await stuck.close();
  }, 30_000);

  it('refuses jobs past the queue bound with a 429', async () => {
    const silent = new ExportWorkerPool({ createWorker: fakeWorker("parentPort.on('message', () => {});"), maxQueued: 2 });
    const vm = buildFixtureViewModel();
    const first = silent.render({ vm, format: 'csv' }).catch((e: unknown) => e);
    const second = silent.render({ vm, format: 'csv' }).catch((e: unknown) => e);
    const third = await silent.render({ vm, format: 'csv' }).catch((e: unknown) => e);
    expect(third).toBeInstanceOf(AppError);
    expect((third as AppError).status).toBe(429);
    await silent.close();
    expect(await first).toBeInstanceOf(ExportWorkerError);
    expect(await second).toBeInstanceOf(ExportWorkerError);
  }, 30_000);

  it('rejects a job whose data cannot be sent, without losing the worker', async () => {
    const vm = { ...buildFixtureViewModel(), notCloneable: () => 1 } as unknown as ReportViewModel;
    await expect(pool.render({ vm, format: 'csv' })).rejects.toThrow();
    expect(pool.queued).toBe(0);
    await expect(pool.render({ vm: buildFixtureViewModel(), format: 'csv' })).resolves.toBeTruthy();
  }, 30_000);
});

describe('error serialization', () => {
  it('round-trips AppErrors with code and details, and anything else as ExportWorkerError', () => {
    const app = deserializeError(serializeError(new AppError('too_many_requests', 'slow down', { retryAfterSeconds: 3 })));
    expect(app).toBeInstanceOf(AppError);
    expect(app).toMatchObject({ code: 'too_many_requests', message: 'slow down', details: { retryAfterSeconds: 3 } });
    const uncloneable = deserializeError(serializeError(new AppError('conflict', 'x', { fn: () => 1 })));
    expect(uncloneable).toMatchObject({ code: 'conflict', details: undefined });
    const other = deserializeError(serializeError(new RangeError('bad')));
    expect(other).toBeInstanceOf(ExportWorkerError);
    expect(other).toMatchObject({ message: 'bad', originalName: 'RangeError' });
    expect(deserializeError(serializeError('a string'))).toMatchObject({ message: 'a string' });
    expect(deserializeError({ app: true, code: 'nonsense' as never, message: 'm' })).toMatchObject({ code: 'internal' });
  });
});

describe('rendersInline', () => {
  it('keeps small reports inline and sends large ones to the worker', () => {
    const vm = buildFixtureViewModel();
    expect(rendersInline(vm)).toBe(true);
    expect(rendersInline({ ...vm, article: { ...vm.article, text: 'x'.repeat(100_000) } })).toBe(false);
    expect(rendersInline({ ...vm, claims: Array.from({ length: 500 }, () => vm.claims[0]!) })).toBe(false);
  });
});
