#!/bin/sh
# Runs Chromium as an unprivileged user with its sandbox ON, for the PDF renderer when the app
# runs as root (Chromium refuses to start its sandbox as root; --no-sandbox would be the only way).
#
#   scripts/chromium-unprivileged.sh [chromium args...]
#
# - Drops to CLAIMDESK_CHROMIUM_USER (default nobody) / CLAIMDESK_CHROMIUM_GROUP (default nogroup)
#   with setpriv, which exec()s in place: the --remote-debugging-pipe fds 3 and 4 that
#   playwright-core opened stay inherited.
# - The profile dir playwright creates (--user-data-dir=..., mode 0700, owned by root) is handed
#   to that user, and HOME/TMPDIR point inside it, so nothing else on disk is writable by Chromium.
# - The sandbox itself is Chromium's user-namespace sandbox (no setuid helper needed); it needs
#   unprivileged user namespaces (kernel.unprivileged_userns_clone=1 / user.max_user_namespaces>0).
# Chromium binary: CLAIMDESK_CHROMIUM_BIN, default /usr/bin/chromium.
set -eu

run_as_user="${CLAIMDESK_CHROMIUM_USER:-nobody}"
run_as_group="${CLAIMDESK_CHROMIUM_GROUP:-nogroup}"
chromium_bin="${CLAIMDESK_CHROMIUM_BIN:-/usr/bin/chromium}"

if [ "$(id -u)" != "0" ]; then
  # Already unprivileged: nothing to drop, the sandbox works as is.
  exec "$chromium_bin" "$@"
fi

profile_dir=""
for arg in "$@"; do
  case "$arg" in
    --user-data-dir=*) profile_dir="${arg#--user-data-dir=}" ;;
  esac
done
if [ -z "$profile_dir" ]; then
  echo "chromium-unprivileged: expected a --user-data-dir=DIR argument (playwright-core passes one)" >&2
  exit 64
fi
mkdir -p "$profile_dir"
chown -R "$run_as_user:$run_as_group" "$profile_dir"

export HOME="$profile_dir" TMPDIR="$profile_dir" XDG_CONFIG_HOME="$profile_dir/.config" XDG_CACHE_HOME="$profile_dir/.cache"
exec setpriv --reuid="$run_as_user" --regid="$run_as_group" --clear-groups --inh-caps=-all --no-new-privs \
  "$chromium_bin" "$@"
