/** What the render worker does with one job: pure rendering, no I/O (shared with the inline path's tests). */
import { AppError } from '../../errors';
import { EXPORT_FORMATS } from '../formats';
import { renderReport } from '../index';
import { serializeError, type RenderJob, type RenderReply } from './protocol';

export async function handleRenderJob(job: RenderJob): Promise<RenderReply> {
  const id = job?.id ?? -1;
  try {
    if (!job || typeof job !== 'object' || !Number.isInteger(job.id)) throw new AppError('bad_request', 'Malformed export job.');
    if (!(EXPORT_FORMATS as readonly string[]).includes(job.format) || (job.format as string) === 'pdf') {
      throw new AppError('bad_request', `The export worker does not render "${String(job.format)}".`);
    }
    if (!job.vm || typeof job.vm !== 'object' || !job.vm.article || !Array.isArray(job.vm.claims)) throw new AppError('bad_request', 'Malformed export job: no report.');
    const report = await renderReport(job.vm, job.format, { claimReview: job.claimReview });
    return { id, ok: true, body: report.body, contentType: report.contentType, fileName: report.fileName };
  } catch (error) {
    return { id, ok: false, error: serializeError(error) };
  }
}
