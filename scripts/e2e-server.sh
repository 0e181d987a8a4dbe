#!/usr/bin/env bash
# Starts the built app on a fresh, seeded database for the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLAIMDESK_DB="${CLAIMDESK_DB:-./data/e2e.db}"
rm -f "$CLAIMDESK_DB" "$CLAIMDESK_DB-wal" "$CLAIMDESK_DB-shm"
node_modules/.bin/tsx scripts/seed.ts >/dev/null
exec node_modules/.bin/next start -p "${PORT:-3100}"
