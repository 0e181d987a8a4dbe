import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

/**
 * Helpers for e2e/authz-matrix.spec.ts: which API routes exist (read from the source tree at
 * test time, so a new route or method cannot slip past the matrix) and a status-only request
 * for the Server-Sent Events route, whose body never ends.
 */

/** Who calls, in the column order of the matrix. */
export const ACTORS = ['signedOut', 'outsider', 'viewer', 'reviewer', 'editor', 'owner'] as const;
export type Actor = (typeof ACTORS)[number];

/** Every method a Next.js route handler can export: any of them appearing must be in the matrix. */
export const ROUTE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

export const API_ROOT = path.resolve(__dirname, '..', 'app', 'api');

export interface DiscoveredRoute {
  /** URL pattern, e.g. `/api/claims/[claimId]`. */
  route: string;
  /** Repository-relative file, e.g. `app/api/claims/[claimId]/route.ts`. */
  file: string;
  methods: RouteMethod[];
}

const METHOD = ROUTE_METHODS.join('|');
const EXPORT_PATTERNS = [
  // export const GET = …  /  export let GET = …
  new RegExp(String.raw`export\s+(?:const|let|var)\s+(${METHOD})\b`, 'g'),
  // export function GET(…)  /  export async function GET(…)
  new RegExp(String.raw`export\s+(?:async\s+)?function\s*\*?\s*(${METHOD})\b`, 'g'),
];
// export { handler as GET, POST }  /  export { GET } from './x'
const EXPORT_LIST = /export\s*(?:type\s*)?\{([^}]*)\}/g;

/** The HTTP methods a route file exports, in ROUTE_METHODS order. */
export function exportedMethods(source: string): RouteMethod[] {
  const found = new Set<string>();
  for (const pattern of EXPORT_PATTERNS) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  for (const match of source.matchAll(EXPORT_LIST)) {
    for (const specifier of match[1]!.split(',')) {
      const exported = specifier.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported) found.add(exported);
    }
  }
  return ROUTE_METHODS.filter((m) => found.has(m));
}

/** Every `app/api/**\/route.{ts,tsx,js,mjs}` with the methods it exports, sorted by route. */
export function discoverApiRoutes(root = API_ROOT): DiscoveredRoute[] {
  const repo = path.resolve(root, '..', '..');
  const routes: DiscoveredRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(?:ts|tsx|js|jsx|mjs)$/.test(entry.name)) {
        const relative = path.relative(root, dir).split(path.sep).join('/');
        routes.push({
          route: relative ? `/api/${relative}` : '/api',
          file: path.relative(repo, full).split(path.sep).join('/'),
          methods: exportedMethods(fs.readFileSync(full, 'utf8')),
        });
      }
    }
  };
  walk(root);
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * Route handlers outside /api that anyone may call without signing in (proxy.ts lets them through):
 * the public fact-check pages, sitemap and feed, and the dereferenceable W3C annotations. They
 * show published content only (annotations of unpublished articles: members only).
 */
export const PUBLIC_ROUTE_ROOTS = ['fact-checks', 'annotations'] as const;

/** Every route file under app/<root> for the public roots, e.g. `/fact-checks/[workspaceSlug]/sitemap.xml`. */
export function discoverPublicRoutes(appRoot = path.resolve(API_ROOT, '..')): DiscoveredRoute[] {
  const repo = path.resolve(appRoot, '..');
  const routes: DiscoveredRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(?:ts|tsx|js|jsx|mjs)$/.test(entry.name)) {
        routes.push({
          route: `/${path.relative(appRoot, dir).split(path.sep).join('/')}`,
          file: path.relative(repo, full).split(path.sep).join('/'),
          methods: exportedMethods(fs.readFileSync(full, 'utf8')),
        });
      }
    }
  };
  for (const root of PUBLIC_ROUTE_ROOTS) {
    const dir = path.join(appRoot, root);
    if (fs.existsSync(dir)) walk(dir);
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * Status and content type of a GET whose body may never end (Server-Sent Events): sent with the
 * context's session cookie through Node's http module, and torn down as soon as headers arrive.
 */
export async function headersOnly(context: BrowserContext, baseURL: string, urlPath: string, timeoutMs = 10_000): Promise<{ status: number; contentType: string; body: string }> {
  const url = new URL(urlPath, baseURL);
  const cookie = (await context.cookies(url.origin))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return new Promise((resolve, reject) => {
    let settled = false;
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } }, (response) => {
      const status = response.statusCode ?? 0;
      const contentType = String(response.headers['content-type'] ?? '');
      if (contentType.startsWith('text/event-stream')) {
        // The stream stays open: stop at the headers.
        settled = true;
        resolve({ status, contentType, body: '' });
        response.destroy();
        request.destroy();
        return;
      }
      // An ordinary (error) answer: read it, it is short.
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        settled = true;
        resolve({ status, contentType, body });
      });
    });
    request.setTimeout(timeoutMs, () => {
      if (!settled) reject(new Error(`No response headers for GET ${urlPath} within ${timeoutMs} ms`));
      request.destroy();
    });
    request.on('error', (error) => {
      if (!settled) reject(error);
    });
  });
}
