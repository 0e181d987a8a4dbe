#!/usr/bin/env bash
# Install, migrate, seed the demo data, build and start Claimdesk on its embedded SQLite database.
# Usage: bash scripts/start.sh   (PORT=3000 and CLAIMDESK_DB=./data/claimdesk.db by default)
set -euo pipefail
cd "$(dirname "$0")/.."

export PORT="${PORT:-3000}"
export CLAIMDESK_DB="${CLAIMDESK_DB:-./data/claimdesk.db}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
# better-sqlite3 compiles against the local Node headers; never download them.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

bash scripts/ensure-secret.sh

echo "==> Migrating and seeding $CLAIMDESK_DB"
npm run --silent seed

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib db -newer .next/BUILD_ID -type f -print -quit)" ]; then
  echo "==> Building"
  npm run --silent build
fi

echo
echo "==> Claimdesk is starting at $NEXTAUTH_URL  (Ctrl+C to stop)"
# The seeded, already published demo fact-check (workspace and slug from its fixture, as the seed reads them).
if DEMO_FACT_CHECK="$(node -p "const m = require('./fixtures/demo/city-budget-metadata.json'); m.workspace + '/' + m.slug" 2>/dev/null)"; then
  echo "    Public fact-check (no sign-in): ${NEXTAUTH_URL%/}/fact-checks/$DEMO_FACT_CHECK"
fi
exec node_modules/.bin/next start -p "$PORT"
