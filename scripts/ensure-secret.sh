#!/usr/bin/env bash
# Creates .env.local with a random NEXTAUTH_SECRET on first run; the secret never enters the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${NEXTAUTH_SECRET:-}" ] && ! grep -q '^NEXTAUTH_SECRET=' .env.local 2>/dev/null; then
  echo "NEXTAUTH_SECRET=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))")" >> .env.local
  echo "==> Wrote a new NEXTAUTH_SECRET to .env.local"
fi
