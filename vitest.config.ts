import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Unit tests import server modules directly; Next's bundler enforces the marker, not vitest.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    setupFiles: ['./vitest.setup.ts'],
    // PostgreSQL runs create a database per test; give them room on a busy machine.
    testTimeout: process.env.DATABASE_URL ? 20_000 : 5_000,
    hookTimeout: process.env.DATABASE_URL ? 30_000 : 10_000,
  },
});
