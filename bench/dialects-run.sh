#!/usr/bin/env bash
# Runs bench/dialects.bench.ts against SQLite, one PostgreSQL instance and two, each on a fresh
# database (needs a production build in .next and PostgreSQL at 127.0.0.1:55432, e.g.
# `bash scripts/pg-cluster.sh start /tmp/claimdesk-pg 55432`). Servers are stopped by pid: once
# started, `next start` renames itself "next-server", so `pkill -f "next start"` misses it.
set -uo pipefail
cd /work/main
U=postgres://claimdesk:claimdesk@127.0.0.1:55432
wait_up() { for i in $(seq 1 60); do curl -sf "localhost:$1/api/ready" >/dev/null 2>&1 && return 0; sleep 1; done; echo "server $1 not up" >&2; return 1; }
stop() { for pid in "$@"; do kill "$pid" 2>/dev/null; done; for pid in "$@"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done; done; }
pg_db() { psql $U/postgres -qc 'DROP DATABASE IF EXISTS claimdesk_e2e_bench WITH (FORCE)' -c 'CREATE DATABASE claimdesk_e2e_bench' >/dev/null; DATABASE_URL=$U/claimdesk_e2e_bench npx tsx --tsconfig tsconfig.node.json scripts/seed.ts >/dev/null; }
run() { echo "### $1 load=$(cut -d' ' -f1 /proc/loadavg)"; npx tsx --tsconfig tsconfig.node.json bench/dialects.bench.ts --ports "$2" --clients 50 --claims 1000 --streams 20; echo "### end load=$(cut -d' ' -f1 /proc/loadavg)"; }
for round in ${ROUNDS:-1 2}; do
  CLAIMDESK_DB=./data/e2e-bench.db PORT=3161 NEXTAUTH_URL=http://localhost:3161 bash scripts/e2e-server.sh >/tmp/b1.log 2>&1 & a=$!; wait_up 3161 && run "sqlite r$round" 3161; stop $a
  pg_db; DATABASE_URL=$U/claimdesk_e2e_bench PORT=3162 NEXTAUTH_URL=http://localhost:3162 bash scripts/e2e-pg-server.sh >/tmp/b2.log 2>&1 & a=$!; wait_up 3162 && run "pg1 r$round" 3162; stop $a
  pg_db; DATABASE_URL=$U/claimdesk_e2e_bench PORT=3162 NEXTAUTH_URL=http://localhost:3162 bash scripts/e2e-pg-server.sh >/tmp/b2.log 2>&1 & a=$!
  DATABASE_URL=$U/claimdesk_e2e_bench PORT=3163 NEXTAUTH_URL=http://localhost:3163 bash scripts/e2e-pg-server.sh >/tmp/b3.log 2>&1 & b=$!
  wait_up 3162 && wait_up 3163 && run "pg2 r$round" 3162,3163; stop $a $b
done
