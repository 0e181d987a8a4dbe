/**
 * Live-stream load benchmark: opens many SSE streams to the demo article of a running production
 * server, and prints the time to open them, the server's memory (VmRSS) and CPU time, how long a
 * presence change and a new comment take to reach every stream, and whether memory settles after
 * everything closes. Results and the exact commands: bench/RESULTS.md ("Live streams").
 *
 *   NEXT_DIST_DIR=.next-h5 npx next build
 *   CLAIMDESK_DB=./data/bench-streams.db PORT=3155 NEXT_DIST_DIR=.next-h5 NEXTAUTH_URL=http://localhost:3155 bash scripts/e2e-server.sh &
 *   npx tsx bench/streams.bench.ts --port 3155 --streams 1000
 *
 * Only talks to localhost; every loop is bounded and every wait has a deadline.
 */
import http from 'node:http';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const DEMO_PASSWORD = 'claimdesk-demo';
/** The demo users who can read the demo article (the sixth, omar@other.demo, is in another workspace). */
const READERS = ['nadia@claimdesk.demo', 'tom@claimdesk.demo', 'ana@claimdesk.demo', 'kofi@claimdesk.demo', 'vera@claimdesk.demo'];

interface Options {
  port: number;
  streams: number;
  /** Requests in flight while opening (a crowd arriving, not one connection at a time). */
  concurrency: number;
  timeoutMs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { port: 3155, streams: 1000, concurrency: 100, timeoutMs: 180_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, raw] = [argv[i], argv[i + 1]];
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number, got "${raw}".`);
    if (flag === '--port') options.port = value;
    else if (flag === '--streams') options.streams = value;
    else if (flag === '--concurrency') options.concurrency = value;
    else if (flag === '--timeout-ms') options.timeoutMs = value;
    else throw new Error(`Unknown option ${flag}. Use --port, --streams, --concurrency, --timeout-ms.`);
  }
  if (options.streams > 5000) throw new Error('--streams is capped at 5000 on this machine.');
  return options;
}

// ---------------------------------------------------------------- server process (by port)

/** The pid of the process listening on `port`, found through /proc (Linux). */
function pidListeningOn(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; column 9 is the socket inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) throw new Error(`Nothing listens on port ${port}. Start the server first (see the header of this file).`);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  throw new Error(`Could not find the process listening on port ${port}.`);
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`No VmRSS for pid ${pid}.`);
  return Number(kb) / 1024;
}

/** User + system CPU seconds the process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: field 14 (utime) and 15 (stime) of stat(5) are at index 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// ---------------------------------------------------------------- HTTP helpers

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, method: string, path: string, options: { cookie?: string; body?: string; contentType?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.body !== undefined ? { 'content-type': options.contentType ?? 'application/json', 'content-length': Buffer.byteLength(options.body) } : {}) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Merges Set-Cookie headers into a Cookie header value. */
function addCookies(jar: Map<string, string>, headers: http.IncomingHttpHeaders): void {
  for (const line of headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in once through next-auth's credentials callback and returns the session cookie header. */
async function signIn(port: number, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await request(port, 'GET', '/api/auth/csrf');
  addCookies(jar, csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: 'true' }).toString();
  const reply = await request(port, 'POST', '/api/auth/callback/credentials', { cookie: cookieHeader(jar), body: form, contentType: 'application/x-www-form-urlencoded' });
  addCookies(jar, reply.headers);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`Sign-in failed for ${email} (HTTP ${reply.status}).`);
  return cookieHeader(jar);
}

async function demoArticleId(port: number, cookie: string): Promise<string> {
  const page = await request(port, 'GET', '/articles', { cookie });
  // The list links each article as /articles/<id>; the demo is the RFE/RL story.
  for (const match of page.body.matchAll(/href="\/articles\/([A-Za-z0-9_-]+)"[^>]*>((?:(?!href=)[\s\S]){0,600})/g)) {
    if (match[2]!.includes('Khamenei')) return match[1]!;
  }
  throw new Error('Demo article not found on /articles.');
}

// ---------------------------------------------------------------- streams

interface OpenStream {
  user: number;
  readyAt: number | null;
  ended: boolean;
  closedNotice: boolean;
  text: string;
  /** Called with each complete SSE message. */
  onMessage: ((event: string, data: string, at: number) => void) | null;
  request: http.ClientRequest;
}

function openStream(port: number, path: string, cookie: string, user: number): { stream: OpenStream; ready: Promise<void> } {
  let resolveReady!: () => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const req = http.get({ host: '127.0.0.1', port, path, agent: false, headers: { cookie, accept: 'text/event-stream' } });
  const stream: OpenStream = { user, readyAt: null, ended: false, closedNotice: false, text: '', onMessage: null, request: req };
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      rejectReady(new Error(`Stream answered HTTP ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      stream.text += chunk;
      for (let end = stream.text.indexOf('\n\n'); end >= 0; end = stream.text.indexOf('\n\n')) {
        const block = stream.text.slice(0, end);
        stream.text = stream.text.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (!event) continue;
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        const at = performance.now();
        if (event === 'ready') {
          stream.readyAt = at;
          resolveReady();
        }
        if (event === 'closed') stream.closedNotice = true;
        stream.onMessage?.(event, data, at);
      }
    });
    res.on('end', () => {
      stream.ended = true;
      rejectReady(new Error('Stream ended before ready'));
    });
  });
  req.on('error', (error) => {
    stream.ended = true;
    rejectReady(error);
  });
  return { stream, ready };
}

/** Resolves when `count` streams saw a message matching `test` (or the deadline passes); returns the latencies. */
function waitForAll(streams: OpenStream[], test: (event: string, data: string) => boolean, trigger: () => Promise<void>, deadlineMs: number): Promise<{ latencies: number[]; missed: number }> {
  const live = streams.filter((s) => !s.ended);
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let start = 0;
    const done = () => {
      clearTimeout(timer);
      for (const s of live) s.onMessage = null;
      resolve({ latencies, missed: live.length - latencies.length });
    };
    const timer = setTimeout(done, deadlineMs);
    for (const s of live) {
      let seen = false;
      s.onMessage = (event, data, at) => {
        if (seen || !test(event, data)) return;
        seen = true;
        latencies.push(at - start);
        if (latencies.length === live.length) done();
      };
    }
    start = performance.now();
    trigger().catch(reject);
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { port } = options;
  const pid = pidListeningOn(port);
  console.log(`Server pid ${pid} on port ${port}; ${options.streams} streams, ${options.concurrency} opening at a time.`);

  const cookies: string[] = [];
  for (const email of READERS) cookies.push(await signIn(port, email)); // once per user, reused for every stream
  const articleId = await demoArticleId(port, cookies[0]!);
  const claims = JSON.parse((await request(port, 'GET', `/api/articles/${articleId}/claims`, { cookie: cookies[0]! })).body) as { claims: Array<{ id: string }> };
  const claimId = claims.claims[0]?.id;
  if (!claimId) throw new Error('The demo article has no claims.');
  const path = `/api/articles/${articleId}/events`;

  // Warm up (route compiled and loaded, caches filled), then let it go.
  const warm = openStream(port, path, cookies[0]!, 0);
  await warm.ready;
  warm.stream.request.destroy();
  await sleep(1000);

  // For scale: what the same number of ordinary authenticated requests costs the server.
  const baselineCpu = cpuSeconds(pid);
  const baselineStart = performance.now();
  let sent = 0;
  const ordinary = async () => {
    while (sent < options.streams) {
      const index = sent++;
      await request(port, 'GET', '/api/workspaces', { cookie: cookies[index % cookies.length]! });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.streams) }, ordinary));
  const baselineMs = performance.now() - baselineStart;
  const baselineCpuUsed = cpuSeconds(pid) - baselineCpu;
  await sleep(1000);

  const rssBefore = rssMb(pid);
  const cpuBefore = cpuSeconds(pid);
  const streams: OpenStream[] = [];
  const started = performance.now();
  const failures = new Map<string, number>();
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (next < options.streams && !stopped) {
      const index = next++;
      const opened = openStream(port, path, cookies[index % cookies.length]!, index % cookies.length);
      streams.push(opened.stream);
      try {
        await opened.ready;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
    }
  };
  const opening = Promise.all(Array.from({ length: Math.min(options.concurrency, options.streams) }, worker));
  const openedInTime = await Promise.race([opening.then(() => true), sleep(options.timeoutMs).then(() => false)]);
  stopped = true;
  const openMs = Math.max(0, ...streams.map((s) => s.readyAt ?? 0)) - started;
  const cpuOpen = cpuSeconds(pid) - cpuBefore;
  await sleep(2000); // let coalesced presence and evictions settle
  const rssOpen = rssMb(pid);
  const open = streams.filter((s) => !s.ended);
  const evicted = streams.filter((s) => s.closedNotice).length;

  const presence = await waitForAll(
    open,
    (event, data) => event === 'presence.changed' && data.includes(`"openClaimId":"${claimId}"`),
    async () => {
      const reply = await request(port, 'POST', `/api/articles/${articleId}/presence`, { cookie: cookies[2]!, body: JSON.stringify({ openClaimId: claimId }) });
      if (reply.status !== 200) throw new Error(`Presence update answered HTTP ${reply.status}: ${reply.body}`);
    },
    30_000,
  );
  const comment = await waitForAll(
    open,
    (event) => event === 'comment.created',
    async () => {
      const reply = await request(port, 'POST', `/api/claims/${claimId}/comments`, { cookie: cookies[3]!, body: JSON.stringify({ body: `Bench comment ${new Date().toISOString()}` }) });
      if (reply.status !== 200 && reply.status !== 201) throw new Error(`Comment answered HTTP ${reply.status}: ${reply.body}`);
    },
    30_000,
  );

  for (const s of streams) s.request.destroy();
  await sleep(3000);
  const rssClosed3s = rssMb(pid);
  await sleep(12_000);
  const rssClosed15s = rssMb(pid);
  const cpuTotal = cpuSeconds(pid) - cpuBefore;

  console.log('');
  console.log(`| measure | value |`);
  console.log(`|---|---|`);
  console.log(`| for scale: ${options.streams} ordinary GET /api/workspaces, same concurrency | ${ms(baselineMs)}, server CPU ${baselineCpuUsed.toFixed(1)} s |`);
  console.log(`| streams attempted | ${options.streams}${openedInTime ? '' : ` (stopped after ${options.timeoutMs} ms)`} |`);
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  console.log(`| failed before ready | ${failed}${failed ? ` (${[...failures].map(([why, n]) => `${n}× ${why}`).join('; ')})` : ''} |`);
  console.log(`| time until every stream said ready | ${ms(openMs)} |`);
  console.log(`| streams open 2 s later | ${open.length} |`);
  console.log(`| closed with the "closed" notice | ${evicted} |`);
  console.log(`| server CPU while opening | ${cpuOpen.toFixed(1)} s |`);
  console.log(`| server RSS before → all opened | ${rssBefore.toFixed(0)} MB → ${rssOpen.toFixed(0)} MB (+${(rssOpen - rssBefore).toFixed(0)} MB) |`);
  console.log(`| presence change reaches the open streams, first / p50 / p95 / last | ${ms(percentile(presence.latencies, 0))} / ${ms(percentile(presence.latencies, 50))} / ${ms(percentile(presence.latencies, 95))} / ${ms(percentile(presence.latencies, 100))}${presence.missed ? ` (${presence.missed} missed)` : ''} |`);
  console.log(`| new comment reaches the open streams, first / p50 / p95 / last | ${ms(percentile(comment.latencies, 0))} / ${ms(percentile(comment.latencies, 50))} / ${ms(percentile(comment.latencies, 95))} / ${ms(percentile(comment.latencies, 100))}${comment.missed ? ` (${comment.missed} missed)` : ''} |`);
  console.log(`| server RSS 3 s / 15 s after closing all | ${rssClosed3s.toFixed(0)} MB / ${rssClosed15s.toFixed(0)} MB |`);
  console.log(`| server CPU for the whole run | ${cpuTotal.toFixed(1)} s |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
