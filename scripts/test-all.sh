#!/usr/bin/env bash
# The whole test suite: lint, types, unit tests (on SQLite, then the database tests again on
# PostgreSQL), production build, end-to-end tests in Chromium (one instance on SQLite, then two
# instances on one PostgreSQL). PostgreSQL runs in a throwaway cluster (scripts/pg-cluster.sh);
# without PostgreSQL installed the PostgreSQL passes are skipped, except in CI, which fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

# Each step's duration, so CI time (target: under 20 minutes in all) can be read from the log.
step_started=$SECONDS
step() {
  [ -n "${step_name:-}" ] && printf '<== %s: %ss\n' "$step_name" "$((SECONDS - step_started))"
  step_name="$*" step_started=$SECONDS
  printf '\n==> %s\n' "$*"
}

pg_installed() {
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1
}

PG_URL=""
PG_DIR="${PG_DIR:-/tmp/claimdesk-test-pg-$$}"
if pg_installed; then
  step "PostgreSQL: throwaway cluster in $PG_DIR"
  PG_PORT="${PG_PORT:-$(node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
  PG_URL=$(bash scripts/pg-cluster.sh start "$PG_DIR" "$PG_PORT")
  trap 'bash scripts/pg-cluster.sh stop "$PG_DIR"' EXIT
  echo "$PG_URL"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not installed; CI must run the PostgreSQL passes (.ci/run installs it)." >&2
  exit 1
else
  echo "PostgreSQL is not installed: skipping the PostgreSQL passes (apt-get install postgresql to run them)." >&2
fi

step "ESLint"
npx eslint . --max-warnings=0
step "TypeScript"
npx tsc --noEmit
step "Unit tests (vitest, SQLite)"
npx vitest run
if [ -n "$PG_URL" ]; then
  # Every test that touches the database layer (createTestDb follows DATABASE_URL), now on PostgreSQL.
  mapfile -t db_tests < <(grep -rlE "createTestDb|db/test-db|fixtures/review-db|@/db/|@/lib/server/|from '\.\./(db|queries)|from '\./(client|test-db|copy|transaction)'|from '\.\./\.\./db" \
    --include='*.test.ts' db lib scripts test app bench | sort)
  step "Unit tests (vitest, PostgreSQL: ${#db_tests[@]} files that use a database)"
  DATABASE_URL="$PG_URL" npx vitest run "${db_tests[@]}"
fi
step "Production build"
bash scripts/ensure-secret.sh
npx next build
step "End-to-end tests (Playwright + Chromium, SQLite, E2E_WORKERS=${E2E_WORKERS:-2} workers, ports from ${E2E_PORT:-3100})"
npx playwright test
if [ -n "$PG_URL" ]; then
  step "End-to-end tests (two app instances on one PostgreSQL)"
  E2E_DATABASE_URL="$PG_URL" E2E_PG_DIR="$PG_DIR" npx playwright test -c playwright.multi.config.ts
fi
step "Done in ${SECONDS}s"
