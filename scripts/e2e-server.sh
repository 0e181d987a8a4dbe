#!/usr/bin/env bash
# Starts the built app on a fresh, seeded database for the end-to-end tests (one per Playwright
# worker, see e2e/app-server.ts). It deletes and recreates CLAIMDESK_DB, so it only accepts an
# e2e database file (named e2e*.db), and it refuses a port that something already listens on
# rather than let the tests talk to a server they did not start.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLAIMDESK_DB="${CLAIMDESK_DB:-./data/e2e.db}"
PORT="${PORT:-3100}"

case "$(basename "$CLAIMDESK_DB")" in
  e2e*.db) ;;
  *)
    echo "e2e-server.sh: refusing to delete and reseed '$CLAIMDESK_DB': the e2e database must be a file named e2e*.db (set E2E_DB, e.g. ./data/e2e.db)." >&2
    exit 64
    ;;
esac

if ! node -e 'const s = require("node:net").createServer(); s.once("error", () => process.exit(1)); s.listen(Number(process.argv[1]), () => s.close())' "$PORT"; then
  echo "e2e-server.sh: port $PORT is already in use. The e2e tests only use a server they start themselves; stop whatever listens on $PORT or pick another base port with E2E_PORT=<port> (worker i uses E2E_PORT+i)." >&2
  exit 65
fi

rm -f "$CLAIMDESK_DB" "$CLAIMDESK_DB-wal" "$CLAIMDESK_DB-shm"
node_modules/.bin/tsx --tsconfig tsconfig.node.json scripts/seed.ts >/dev/null
exec node_modules/.bin/next start -p "$PORT"
