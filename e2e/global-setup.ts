import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { basePort } from './worker-env';

/**
 * Fails the run once, up front, with a message saying what to do, instead of every worker timing
 * out: the app must be built, and the workers' ports (E2E_PORT … E2E_PORT + workers - 1) must be
 * free, since the tests only ever use servers they start themselves.
 */

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.resolve(__dirname, '..', distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}/: run \`NEXT_DIST_DIR=${distDir} npx next build\` before the e2e tests.`);
  }
  const first = basePort();
  for (let port = first; port < first + config.workers; port++) {
    if (!(await portIsFree(port))) {
      throw new Error(`Port ${port} is already in use. The e2e run starts its own server per worker on ports ${first}…${first + config.workers - 1} and never reuses a running one: stop what listens on ${port}, or pick another base port with E2E_PORT=<port>.`);
    }
  }
}
