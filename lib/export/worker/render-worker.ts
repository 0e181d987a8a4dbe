/**
 * The export render worker (a worker_threads entry, started by pool.ts). Reassembles each job from
 * its pieces (protocol.ts WireMessage), renders it off the main event loop and posts the result
 * back; never touches the database or the network. Jobs render one at a time, in order.
 * Next.js bundles it through `new Worker(new URL('./render-worker.ts', import.meta.url))`.
 */
import { parentPort } from 'node:worker_threads';
import type { RenderJob, WireMessage } from './protocol';
import { handleRenderJob } from './render-job';

if (!parentPort) throw new Error('render-worker.ts must run as a worker thread.');
const port = parentPort;
const partial = new Map<number, RenderJob>();

port.on('message', (message: WireMessage) => {
  switch (message?.kind) {
    case 'start':
      partial.set(message.id, { id: message.id, format: message.format, claimReview: message.claimReview, output: message.output, vm: withText(message.vm, message.text) });
      return;
    case 'claims': {
      const job = partial.get(message.id);
      if (job?.vm?.claims) for (const claim of message.claims) job.vm.claims.push(claim);
      return;
    }
    case 'abort':
      partial.delete(message.id);
      return;
    case 'end': {
      const job = partial.get(message.id);
      partial.delete(message.id);
      void handleRenderJob(job ?? ({ id: message.id } as RenderJob)).then((reply) => {
        if (reply.ok && job?.output === 'bytes' && typeof reply.body === 'string') reply.body = new TextEncoder().encode(reply.body);
        // Hand the bytes over instead of copying them.
        const transfer = reply.ok && reply.body instanceof Uint8Array ? [reply.body.buffer as ArrayBuffer] : [];
        port.postMessage(reply, transfer);
      });
      return;
    }
  }
});

/** Puts back the article text that came over as UTF-16 bytes (pool.ts). */
function withText(vm: RenderJob['vm'], text: Uint8Array | undefined): RenderJob['vm'] {
  if (!vm?.article || !(text instanceof Uint8Array) || text.byteLength === 0) return vm;
  return { ...vm, article: { ...vm.article, text: Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf16le') } };
}
