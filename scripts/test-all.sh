#!/usr/bin/env bash
# The whole test suite: lint, types, unit tests, production build, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

step() { printf '\n==> %s\n' "$*"; }

step "ESLint"
npx eslint . --max-warnings=0
step "TypeScript"
npx tsc --noEmit
step "Unit tests (vitest)"
npx vitest run
step "Production build"
bash scripts/ensure-secret.sh
npx next build
step "End-to-end tests (Playwright + Chromium)"
npx playwright test
