import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '..');

function run(script: string, databaseUrl: string) {
  return spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.node.json', script], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('an unreachable database at start', () => {
  for (const script of ['scripts/migrate.ts', 'scripts/seed.ts']) {
    it(`${script} names the host, never the password, and exits 1`, () => {
      const result = run(script, 'postgres://claimdesk:s3cret-pw@127.0.0.1:1/claimdesk');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Cannot reach the database (PostgreSQL at 127.0.0.1:1/claimdesk)');
      expect(result.stderr).toMatch(/ECONNREFUSED/);
      expect(result.stdout + result.stderr).not.toContain('s3cret-pw');
    }, 60_000);
  }

  it('refuses a DATABASE_URL that is neither PostgreSQL nor SQLite', () => {
    const result = run('scripts/migrate.ts', 'mysql://root:pw@localhost/claimdesk');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must start with postgres://');
    expect(result.stdout + result.stderr).not.toContain('root:pw');
  }, 60_000);
});
