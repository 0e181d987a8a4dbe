import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * A local stand-in for the web (news sites, cited sources) for URL import, story updates and source
 * archives. The app reaches it because e2e servers run with CLAIMDESK_FETCH_ALLOW_ADDRESSES set to
 * loopback (lib/server/fetch). Serves e2e/fixtures/web/<path> as files, and pages a test sets:
 *
 *   PUT /__pages/<path>  (body = the page, Content-Type header = its type)  → then GET /<path> serves it
 *   GET /__redirect/<n>/<path>  → a chain of n redirects ending at /<path>; GET /__loop → redirects to itself
 */

const ROOT = path.join(__dirname, 'fixtures', 'web');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.pdf': 'application/pdf' };

export interface WebFixtureServer {
  /** e.g. http://127.0.0.1:3400 */
  origin: string;
  /** Serve `body` at `pathname` (replacing what was there) until the server stops. */
  setPage(pathname: string, body: string, contentType?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startWebFixtureServer(port: number): Promise<WebFixtureServer> {
  const pages = new Map<string, { body: Buffer; type: string }>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    const pathname = decodeURIComponent(url.pathname);
    if (req.method === 'PUT' && pathname.startsWith('/__pages/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        pages.set(pathname.slice('/__pages'.length), { body: Buffer.concat(chunks), type: req.headers['content-type'] ?? 'text/html; charset=utf-8' });
        res.writeHead(204).end();
      });
      return;
    }
    const redirect = /^\/__redirect\/(\d+)(\/.*)$/.exec(pathname);
    if (redirect) {
      const left = Number(redirect[1]);
      res.writeHead(302, { location: left > 1 ? `/__redirect/${left - 1}${redirect[2]}` : redirect[2] }).end();
      return;
    }
    if (pathname === '/__loop') {
      res.writeHead(302, { location: '/__loop' }).end();
      return;
    }
    const page = pages.get(pathname);
    if (page) {
      res.writeHead(200, { 'content-type': page.type }).end(page.body);
      return;
    }
    const file = path.join(ROOT, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(ROOT) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    async setPage(pathname, body, contentType = 'text/html; charset=utf-8') {
      const response = await fetch(`${origin}/__pages${pathname}`, { method: 'PUT', body, headers: { 'content-type': contentType } });
      if (response.status !== 204) throw new Error(`setPage ${pathname}: ${response.status}`);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
