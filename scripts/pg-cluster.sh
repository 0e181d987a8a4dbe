#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: `start` prints the DATABASE_URL to use,
# `stop` removes it. Runs as a non-root user (PostgreSQL refuses root), listens on localhost only,
# with fsync off — it holds nothing worth keeping.
#   bash scripts/pg-cluster.sh start [dir] [port]   → prints postgres://claimdesk:claimdesk@127.0.0.1:PORT/claimdesk
#   bash scripts/pg-cluster.sh stop  [dir]
#   bash scripts/pg-cluster.sh pause|resume [dir]    stop / start it again, keeping its data
set -euo pipefail

cmd=${1:-start}
dir=${2:-/tmp/claimdesk-pg}
port=${3:-${PG_PORT:-55432}}

bin_dir() {
  for candidate in /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/pg_ctl" ]; then echo "$candidate"; return; fi
  done
  dirname "$(command -v pg_ctl)"
}
BIN=$(bin_dir)

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    # su's login shell would reset PATH; name binaries by path instead.
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

case "$cmd" in
  start)
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    if [ -f "$dir/postmaster.pid" ]; then as_owner "$BIN/pg_ctl -D $dir stop -m fast" >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$BIN/initdb -D $dir -U claimdesk --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
    cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 128MB
CONF
    as_owner "$BIN/pg_ctl -D $dir -l $dir/server.log -w start" >/dev/null
    as_owner "$BIN/createdb -h 127.0.0.1 -p $port -U claimdesk claimdesk"
    echo "postgres://claimdesk:claimdesk@127.0.0.1:$port/claimdesk"
    ;;
  stop)
    as_owner "$BIN/pg_ctl -D $dir stop -m fast" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  pause)
    # Stops the server but keeps its data: what "the database went away" looks like to the app.
    as_owner "$BIN/pg_ctl -D $dir stop -m fast" >/dev/null
    ;;
  resume)
    as_owner "$BIN/pg_ctl -D $dir -l $dir/server.log -w start" >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|pause|resume [dir] [port]" >&2
    exit 2
    ;;
esac
