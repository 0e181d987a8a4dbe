/**
 * Oversized request bodies against a running server (finding 3 of issue 7): how fast the answer
 * comes and how much the server's resident memory grows.
 *
 *   BASE_URL=http://localhost:3130 npx tsx bench/body-limit.bench.ts
 *
 * Needs the seeded demo data (scripts/e2e-server.sh starts such a server) and a Linux /proc.
 */
import { pidListeningOn, rssMb, sendBigBody, signInCookie, type BigBodyOptions } from './body-limit-probe';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:3130';
const PASSWORD = 'claimdesk-demo';
const MB = 1024 * 1024;
const SIZE = Number(process.env.BODY_MB ?? 50) * MB;

async function main() {
  const pid = pidListeningOn(Number(new URL(BASE_URL).port));
  const outsider = await signInCookie(BASE_URL, 'omar@other.demo', PASSWORD);
  const editor = await signInCookie(BASE_URL, 'tom@claimdesk.demo', PASSWORD);
  const demoArticleId = await firstArticleId(editor);

  const cases: Array<[string, BigBodyOptions]> = [
    ['POST /api/claims, non-member, chunked (counted)', { method: 'POST', path: '/api/claims', cookie: outsider, bodyBytes: SIZE, length: 'chunked' }],
    ['POST /api/claims, non-member, Content-Length declared', { method: 'POST', path: '/api/claims', cookie: outsider, bodyBytes: SIZE, length: 'declared' }],
    ['PUT article text, editor, chunked (8 MB limit)', { method: 'PUT', path: `/api/articles/${demoArticleId}/text`, cookie: editor, bodyBytes: SIZE, length: 'chunked' }],
    ['PUT article text, non-member, chunked (authorised first)', { method: 'PUT', path: `/api/articles/${demoArticleId}/text`, cookie: outsider, bodyBytes: SIZE, length: 'chunked' }],
    ['POST sign-in form, signed out, chunked (64 KB limit)', { method: 'POST', path: '/api/auth/callback/credentials', bodyBytes: SIZE, length: 'chunked' }],
    ['POST /api/claims, non-member, lying Content-Length: 100', { method: 'POST', path: '/api/claims', cookie: outsider, bodyBytes: SIZE, length: 100 }],
  ];

  console.log(`server pid ${pid}, body ${SIZE / MB} MB per request, ${BASE_URL}`);
  console.log('| request | status | time to answer | body sent before answer | server RSS before → after |');
  console.log('|---|---|---|---|---|');
  for (const [label, options] of cases) {
    global.gc?.();
    const before = rssMb(pid);
    const result = await sendBigBody(BASE_URL, options);
    await new Promise((r) => setTimeout(r, 300)); // let the server finish with the connection
    const after = rssMb(pid);
    console.log(`| ${label} | ${result.status} | ${result.msToAnswer.toFixed(0)} ms | ${(result.bytesSentBeforeAnswer / MB).toFixed(1)} MB | ${before.toFixed(0)} → ${after.toFixed(0)} MB (${signed(after - before)} MB) |`);
  }
}

async function firstArticleId(cookie: string): Promise<string> {
  const html = await (await fetch(`${BASE_URL}/articles`, { headers: { Cookie: cookie } })).text();
  const id = /href="\/articles\/([0-9a-f-]{36})"/.exec(html)?.[1];
  if (!id) throw new Error('No article link on /articles.');
  return id;
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
