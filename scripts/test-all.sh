#!/usr/bin/env bash
# The whole test suite: lint, types, unit tests, production build, end-to-end tests in Chromium.
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

step "ESLint"
npx eslint . --max-warnings=0
step "TypeScript"
npx tsc --noEmit
step "Unit tests (vitest)"
npx vitest run
step "Production build"
bash scripts/ensure-secret.sh
npx next build
step "End-to-end tests (Playwright + Chromium, E2E_WORKERS=${E2E_WORKERS:-2} workers, ports from ${E2E_PORT:-3100})"
npx playwright test
step "Done in ${SECONDS}s"
