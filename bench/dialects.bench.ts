/**
 * Claim-creation load on one or more running production instances (issue 9): many concurrent
 * clients create claims on one fresh article while SSE streams on every instance listen, so the
 * same run measures the write path (throughput and latency of `POST /api/claims`) and the live
 * fan-out (how long a `claim.created` takes to reach every stream, across instances too).
 * Run it against SQLite (one instance), PostgreSQL (one instance) and PostgreSQL (two instances on
 * one database) to compare; results and the exact commands: bench/RESULTS.md
 * ("SQLite vs PostgreSQL vs two instances").
 *
 *   NEXT_DIST_DIR=.next-bench npx next build
 *   CLAIMDESK_DB=./data/e2e-bench.db PORT=3161 NEXT_DIST_DIR=.next-bench NEXTAUTH_URL=http://localhost:3161 bash scripts/e2e-server.sh &
 *   npx tsx --tsconfig tsconfig.node.json bench/dialects.bench.ts --ports 3161 --clients 50 --claims 1000 --streams 20
 *
 * With several ports, clients and streams are spread round-robin over the instances (they must
 * share one database and NEXTAUTH_SECRET: a session cookie from one is used on all). Only talks to
 * localhost; every loop is bounded and every wait has a deadline. Non-201 answers are counted and
 * printed with a sample body, never dropped.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { jsonDocToText } from '@/lib/editor/doc-text';

const DEMO_PASSWORD = 'claimdesk-demo';
/** Demo users who may create claims in demo-desk (owner, editor, two reviewers: db/seed/demo.ts). */
const WRITERS = ['nadia@claimdesk.demo', 'tom@claimdesk.demo', 'ana@claimdesk.demo', 'kofi@claimdesk.demo'];
/** Demo users who may read the article (the writers plus the viewer). */
const READERS = [...WRITERS, 'vera@claimdesk.demo'];
/** The server keeps at most this many live streams per person per article per instance (lib/events/stream-limits.ts default). */
const DEFAULT_STREAMS_PER_USER_ARTICLE = 5;
const REQUEST_TIMEOUT_MS = 30_000;

interface Options {
  ports: number[];
  clients: number;
  claims: number;
  streams: number;
  /** Stop starting new claim requests after this long. */
  timeoutMs: number;
  /** After the last POST answered, how long to wait for outstanding events. */
  settleMs: number;
}

const USAGE = 'Usage: dialects.bench.ts --ports 3161[,3162] [--clients 50] [--claims 1000] [--streams 20] [--timeout-ms 600000] [--settle-ms 15000]';

function parseOptions(argv: string[]): Options {
  const options: Options = { ports: [], clients: 50, claims: 1000, streams: 20, timeoutMs: 600_000, settleMs: 15_000 };
  if (argv.length % 2 !== 0) throw new Error(`Every option needs a value. ${USAGE}`);
  const whole = (flag: string, raw: string, min: number, max: number) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${flag} needs a whole number from ${min} to ${max}, got "${raw}".`);
    return value;
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const raw = argv[i + 1]!;
    if (flag === '--ports' || flag === '--port') {
      options.ports = raw.split(',').map((part) => whole('--ports', part.trim(), 1, 65_535));
    } else if (flag === '--clients') options.clients = whole(flag, raw, 1, 500);
    else if (flag === '--claims') options.claims = whole(flag, raw, 1, 10_000);
    else if (flag === '--streams') options.streams = whole(flag, raw, 0, 1000);
    else if (flag === '--timeout-ms') options.timeoutMs = whole(flag, raw, 1000, 3_600_000);
    else if (flag === '--settle-ms') options.settleMs = whole(flag, raw, 100, 600_000);
    else throw new Error(`Unknown option "${flag}". ${USAGE}`);
  }
  if (options.ports.length === 0) throw new Error(`--ports is required (the running instances). ${USAGE}`);
  if (options.ports.length > 4) throw new Error('--ports takes at most 4 instances.');
  if (new Set(options.ports).size !== options.ports.length) throw new Error(`--ports lists a port twice: ${options.ports.join(',')}.`);
  return options;
}

// ---------------------------------------------------------------- HTTP helpers

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  method: string,
  path: string,
  options: { cookie?: string; body?: string; contentType?: string; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      headers['content-length'] = Buffer.byteLength(options.body);
    }
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: options.agent ?? false, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function addCookies(jar: Map<string, string>, headers: http.IncomingHttpHeaders): void {
  for (const line of headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through next-auth's credentials callback and returns the session cookie header. */
async function signIn(port: number, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await request(port, 'GET', '/api/auth/csrf');
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf on port ${port} answered HTTP ${csrf.status}.`);
  addCookies(jar, csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: 'true' }).toString();
  const reply = await request(port, 'POST', '/api/auth/callback/credentials', { cookie: cookieHeader(jar), body: form, contentType: 'application/x-www-form-urlencoded' });
  addCookies(jar, reply.headers);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`Sign-in failed for ${email} on port ${port} (HTTP ${reply.status}).`);
  return cookieHeader(jar);
}

async function getJson<T>(port: number, path: string, cookie: string): Promise<T> {
  const reply = await request(port, 'GET', path, { cookie });
  if (reply.status !== 200) throw new Error(`GET ${path} on port ${port} answered HTTP ${reply.status}: ${reply.body.slice(0, 300)}`);
  return JSON.parse(reply.body) as T;
}

// ---------------------------------------------------------------- the article

const SUBJECTS = ['The regional council', 'The health ministry', 'A spokesperson for the port authority', 'The central bank', 'The opposition leader', 'The transport agency', 'The mayor', 'The statistics office'];
const VERBS = ['said that', 'claimed that', 'told reporters that', 'announced that', 'insisted that'];
const FACTS = ['unemployment fell by', 'hospital waiting lists grew by', 'exports rose by', 'rents went up by', 'crime dropped by', 'ridership increased by', 'school budgets shrank by'];
const SENTENCES_PER_PARAGRAPH = 8;

/**
 * `count` distinct sentences in paragraphs, and the canonical plain text the server derives from
 * it (paragraphs joined by a blank line: lib/editor/doc-text.ts) with each sentence's UTF-16 range.
 */
function buildArticle(count: number): { text: string; ranges: Array<{ start: number; end: number }> } {
  const paragraphs: string[] = [];
  const ranges: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (let p = 0; p * SENTENCES_PER_PARAGRAPH < count; p += 1) {
    if (p > 0) offset += 2; // the blank line between paragraphs
    const sentences: string[] = [];
    for (let s = p * SENTENCES_PER_PARAGRAPH; s < Math.min(count, (p + 1) * SENTENCES_PER_PARAGRAPH); s += 1) {
      if (sentences.length > 0) offset += 1; // the space between sentences
      const sentence = `${SUBJECTS[s % SUBJECTS.length]} ${VERBS[s % VERBS.length]} ${FACTS[s % FACTS.length]} ${(s % 97) + 1}.${s % 10} percent in district ${s + 1} during ${2000 + (s % 26)}.`;
      ranges.push({ start: offset, end: offset + sentence.length });
      offset += sentence.length;
      sentences.push(sentence);
    }
    paragraphs.push(sentences.join(' '));
  }
  return { text: paragraphs.join('\n\n'), ranges };
}

// ---------------------------------------------------------------- streams

interface Stream {
  index: number;
  port: number;
  request: http.ClientRequest;
  readyAt: number | null;
  ended: boolean;
  closedNotice: string | null;
  buffer: string;
  /** claim id → when its claim.created arrived (first time). */
  created: Map<string, number>;
  duplicates: number;
  otherEvents: Map<string, number>;
}

function openStream(index: number, port: number, path: string, cookie: string, deadlineMs: number): { stream: Stream; ready: Promise<void> } {
  let settle!: (error?: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  const req = http.get({ host: '127.0.0.1', port, path, agent: false, headers: { cookie, accept: 'text/event-stream' } });
  const stream: Stream = { index, port, request: req, readyAt: null, ended: false, closedNotice: null, buffer: '', created: new Map(), duplicates: 0, otherEvents: new Map() };
  const timer = setTimeout(() => settle(new Error(`no "ready" within ${deadlineMs} ms`)), deadlineMs);
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      clearTimeout(timer);
      settle(new Error(`HTTP ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const at = performance.now();
      stream.buffer += chunk;
      for (let end = stream.buffer.indexOf('\n\n'); end >= 0; end = stream.buffer.indexOf('\n\n')) {
        const block = stream.buffer.slice(0, end);
        stream.buffer = stream.buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (!event) continue; // heartbeat comment or retry line
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
        if (event === 'ready') {
          stream.readyAt = at;
          clearTimeout(timer);
          settle();
        } else if (event === 'claim.created') {
          let claimId: string | undefined;
          try {
            claimId = (JSON.parse(data) as { entityId?: string } | null)?.entityId;
          } catch {
            claimId = undefined;
          }
          if (!claimId) stream.otherEvents.set('claim.created (unreadable)', (stream.otherEvents.get('claim.created (unreadable)') ?? 0) + 1);
          else if (stream.created.has(claimId)) stream.duplicates += 1;
          else stream.created.set(claimId, at);
        } else {
          if (event === 'closed') stream.closedNotice = data;
          stream.otherEvents.set(event, (stream.otherEvents.get(event) ?? 0) + 1);
        }
      }
    });
    res.on('end', () => {
      stream.ended = true;
      clearTimeout(timer);
      settle(new Error('stream ended before "ready"'));
    });
    res.on('error', () => (stream.ended = true));
  });
  req.on('error', (error) => {
    stream.ended = true;
    clearTimeout(timer);
    settle(error);
  });
  return { stream, ready };
}

// ---------------------------------------------------------------- numbers

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True if `promise` settled within `ms`, false otherwise; the timer never outlives it. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
const fmt = (n: number) => (Number.isNaN(n) ? '–' : `${n.toFixed(n < 10 && n > -10 ? 1 : 0)} ms`);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');

// ---------------------------------------------------------------- main

interface Created {
  claimId: string;
  port: number;
  answeredAt: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { ports } = options;
  const instanceLabel = ports.length === 1 ? `1 instance (port ${ports[0]})` : `${ports.length} instances (ports ${ports.join(', ')})`;
  console.log(`${instanceLabel}; ${options.clients} clients, ${options.claims} claims, ${options.streams} streams. Load average ${loadavg()}.`);
  const perInstance = Math.ceil(options.streams / ports.length);
  if (perInstance > READERS.length * DEFAULT_STREAMS_PER_USER_ARTICLE) {
    console.warn(`Warning: ${perInstance} streams per instance exceed the default cap (${DEFAULT_STREAMS_PER_USER_ARTICLE} per user per article × ${READERS.length} readers); raise CLAIMDESK_MAX_STREAMS_PER_USER_ARTICLE on the servers or expect "closed" notices.`);
  }

  for (const port of ports) {
    try {
      await request(port, 'GET', '/api/auth/csrf');
    } catch (error) {
      throw new Error(`Nothing answers on port ${port} (${error instanceof Error ? error.message : String(error)}). Start the servers first (see the header of this file).`);
    }
  }

  // Sessions are JWTs signed with the shared NEXTAUTH_SECRET: one sign-in per user works on every instance.
  const cookies = new Map<string, string>();
  for (const email of READERS) cookies.set(email, await signIn(ports[0]!, email));
  const owner = cookies.get(WRITERS[0]!)!;
  for (const port of ports.slice(1)) await getJson(port, '/api/workspaces', owner); // the cookie works there too (else this throws)

  // A fresh article with one sentence per claim.
  const { workspaces } = await getJson<{ workspaces: Array<{ id: string; slug: string }> }>(ports[0]!, '/api/workspaces', owner);
  const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')?.id;
  if (!workspaceId) throw new Error('The demo-desk workspace is missing (is the database seeded?).');
  const article = buildArticle(options.claims);
  for (const [i, r] of article.ranges.entries()) {
    const sentence = article.text.slice(r.start, r.end);
    if (!/^[A-Z][^\n]*\.$/.test(sentence) || article.text.indexOf(sentence) !== r.start) throw new Error(`bench bug: sentence ${i} range is off: "${sentence}"`);
  }
  const title = `Dialects bench ${new Date().toISOString()}`;
  const imported = await request(ports[0]!, 'POST', '/api/articles', { cookie: owner, body: JSON.stringify({ workspaceId, title, text: article.text, outlet: 'Bench Outlet', publishedOn: '2026-11-01' }) });
  if (imported.status !== 201) throw new Error(`POST /api/articles answered HTTP ${imported.status}: ${imported.body.slice(0, 300)}`);
  const articleId = (JSON.parse(imported.body) as { article: { id: string } }).article.id;
  // Each instance must see the same text and revision the claims will address.
  let revision = 0;
  for (const port of ports) {
    const { article: stored } = await getJson<{ article: { revision: number; doc: Parameters<typeof jsonDocToText>[0] } }>(port, `/api/articles/${articleId}?fields=text`, owner);
    if (jsonDocToText(stored.doc) !== article.text) throw new Error(`Port ${port}: the stored article text differs from the imported one; the claim offsets would be wrong.`);
    revision = stored.revision;
  }
  console.log(`Article ${articleId}: ${article.ranges.length} sentences, ${article.text.length} UTF-16 units, revision ${revision}.`);

  // Streams, round-robin over the instances; each instance's streams spread over the readers.
  const eventsPath = `/api/articles/${articleId}/events`;
  const streams: Stream[] = [];
  const streamFailures: string[] = [];
  await Promise.all(
    Array.from({ length: options.streams }, async (_, i) => {
      const port = ports[i % ports.length]!;
      const email = READERS[Math.floor(i / ports.length) % READERS.length]!;
      const opened = openStream(i, port, eventsPath, cookies.get(email)!, 60_000);
      streams.push(opened.stream);
      try {
        await opened.ready;
      } catch (error) {
        streamFailures.push(`stream ${i} (port ${port}, ${email}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
  if (streamFailures.length > 0) console.warn(`${streamFailures.length} streams did not open:\n  ${streamFailures.join('\n  ')}`);
  await sleep(1000); // presence from the joins settles before the clock starts

  // The load: `clients` concurrent clients, each its own keep-alive connection and a writer's session.
  const created: Created[] = [];
  const latencies: number[] = [];
  const statuses = new Map<string, { count: number; sample: string }>();
  const count = (key: string, sample: string) => {
    const entry = statuses.get(key) ?? { count: 0, sample };
    entry.count += 1;
    statuses.set(key, entry);
  };
  let next = 0;
  let stopped = false;
  const loadStart = performance.now();
  const client = async (c: number) => {
    const port = ports[c % ports.length]!;
    const cookie = cookies.get(WRITERS[Math.floor(c / ports.length) % WRITERS.length]!)!;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (next < options.claims && !stopped) {
        const range = article.ranges[next++]!;
        const body = JSON.stringify({ articleId, revision, start: range.start, end: range.end });
        const sent = performance.now();
        try {
          const reply = await request(port, 'POST', '/api/claims', { cookie, body, agent });
          const answeredAt = performance.now();
          latencies.push(answeredAt - sent);
          count(`HTTP ${reply.status}`, reply.body.slice(0, 200));
          if (reply.status === 201) created.push({ claimId: (JSON.parse(reply.body) as { claim: { id: string } }).claim.id, port, answeredAt });
        } catch (error) {
          latencies.push(performance.now() - sent);
          count(`network error: ${error instanceof Error ? error.message : String(error)}`, '');
        }
      }
    } finally {
      agent.destroy();
    }
  };
  const clientsDone = Promise.all(Array.from({ length: Math.min(options.clients, options.claims) }, (_, c) => client(c)));
  const finishedInTime = await within(clientsDone, options.timeoutMs);
  stopped = true;
  if (!finishedInTime) await within(clientsDone, REQUEST_TIMEOUT_MS + 1000); // requests in flight end by their own timeout
  const loadMs = performance.now() - loadStart;

  // Wait (bounded) for every open stream to have every created claim.
  const listening = streams.filter((s) => s.readyAt !== null);
  const allArrived = () => listening.every((s) => s.ended || created.every((c) => s.created.has(c.claimId)));
  const settleDeadline = performance.now() + options.settleMs;
  while (!allArrived() && performance.now() < settleDeadline) await sleep(50);
  const settledMs = performance.now() - loadStart - loadMs;
  for (const s of streams) s.request.destroy();

  // Fan-out: every (created claim × stream that was ready) pair.
  const fanout: number[] = [];
  const crossFanout: number[] = [];
  let missed = 0;
  let crossMissed = 0;
  for (const c of created) {
    for (const s of listening) {
      const at = s.created.get(c.claimId);
      const cross = s.port !== c.port;
      if (at === undefined) {
        missed += 1;
        if (cross) crossMissed += 1;
        continue;
      }
      fanout.push(at - c.answeredAt);
      if (cross) crossFanout.push(at - c.answeredAt);
    }
  }
  const createdIds = new Set(created.map((c) => c.claimId));
  const unexpected = listening.reduce((n, s) => n + [...s.created.keys()].filter((id) => !createdIds.has(id)).length, 0);
  const duplicates = listening.reduce((n, s) => n + s.duplicates, 0);
  const closed = streams.filter((s) => s.closedNotice !== null);
  const endedEarly = listening.filter((s) => s.ended).length;

  const total = [...statuses.values()].reduce((n, e) => n + e.count, 0);
  const non201 = [...statuses].filter(([key]) => key !== 'HTTP 201');
  const expectedPairs = created.length * listening.length;
  const row = (name: string, value: string) => console.log(`| ${name} | ${value} |`);
  console.log('');
  console.log('| measure | value |');
  console.log('|---|---|');
  row('setup', `${instanceLabel}, ${options.clients} clients, ${options.streams} streams`);
  row('claim POSTs sent / answered 201', `${total} / ${created.length}${finishedInTime ? '' : ` (stopped after ${options.timeoutMs} ms)`}`);
  row('status counts', [...statuses].map(([key, e]) => `${key}: ${e.count}`).join(', ') || 'none');
  row('total time', `${(loadMs / 1000).toFixed(2)} s`);
  row('claims/s (201s per second)', (created.length / (loadMs / 1000)).toFixed(1));
  row('POST latency p50 / p95 / p99 / max', `${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 95))} / ${fmt(percentile(latencies, 99))} / ${fmt(percentile(latencies, 100))}`);
  row('streams ready / asked', `${listening.length} / ${options.streams}${closed.length ? `, ${closed.length} got "closed"` : ''}${endedEarly ? `, ${endedEarly} ended early` : ''}`);
  row(
    'fan-out, POST answered → stream got claim.created: min / p50 / p95 / max',
    `${fmt(percentile(fanout, 0))} / ${fmt(percentile(fanout, 50))} / ${fmt(percentile(fanout, 95))} / ${fmt(percentile(fanout, 100))} (${fanout.length} pairs)`,
  );
  if (ports.length > 1) {
    row(
      'fan-out, cross-instance pairs only: min / p50 / p95 / max',
      `${fmt(percentile(crossFanout, 0))} / ${fmt(percentile(crossFanout, 50))} / ${fmt(percentile(crossFanout, 95))} / ${fmt(percentile(crossFanout, 100))} (${crossFanout.length} pairs)`,
    );
  }
  row('events missed / expected (claims × ready streams)', `${missed} / ${expectedPairs}${ports.length > 1 ? ` (cross-instance missed: ${crossMissed})` : ''}`);
  row('duplicate / unexpected claim.created events', `${duplicates} / ${unexpected}`);
  const others = new Map<string, number>();
  for (const s of streams) for (const [event, n] of s.otherEvents) others.set(event, (others.get(event) ?? 0) + n);
  row('other events on the streams (all streams together)', [...others].map(([event, n]) => `${event}: ${n}`).join(', ') || 'none');
  row('waited for stragglers after the last POST', `${(settledMs / 1000).toFixed(1)} s${allArrived() ? '' : ` (deadline ${options.settleMs} ms reached)`}`);
  row('load average after', loadavg());
  for (const [key, e] of non201) console.log(`\n${key} × ${e.count}, e.g.: ${e.sample || '(no body)'}`);
  for (const s of closed) console.log(`\nStream ${s.index} (port ${s.port}) was closed by the server: ${s.closedNotice}`);
  if (non201.length > 0 || missed > 0 || streamFailures.length > 0) process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
