import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Two app instances on one PostgreSQL database (e2e/multi-instance): what a network of desks runs
 * behind a load balancer. Needs E2E_DATABASE_URL (a server where throwaway databases may be
 * created: `bash scripts/pg-cluster.sh start`) and a production build.
 */
export default defineConfig({
  ...base,
  testDir: './e2e/multi-instance',
  testIgnore: [],
  workers: 1,
  outputDir: process.env.E2E_PORT ? `./test-results-multi-${process.env.E2E_PORT}` : './test-results-multi',
});
