#!/usr/bin/env bash
# Starts one instance of the built app on an already migrated and seeded PostgreSQL database, for
# the multi-instance end-to-end tests (e2e/multi-instance). Like e2e-server.sh it refuses a port
# that something already listens on, and it only accepts an e2e database (named claimdesk_e2e*).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:?PORT is required}"

case "${DATABASE_URL:-}" in
  postgres://*/claimdesk_e2e* | postgresql://*/claimdesk_e2e*) ;;
  *)
    echo "e2e-pg-server.sh: DATABASE_URL must point at an e2e database (postgres://…/claimdesk_e2e…)." >&2
    exit 64
    ;;
esac

if ! node -e 'const s = require("node:net").createServer(); s.once("error", () => process.exit(1)); s.listen(Number(process.argv[1]), () => s.close())' "$PORT"; then
  echo "e2e-pg-server.sh: port $PORT is already in use; pick another base port with E2E_PORT=<port>." >&2
  exit 65
fi

exec node_modules/.bin/next start -p "$PORT"
