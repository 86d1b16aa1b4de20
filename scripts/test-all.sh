#!/usr/bin/env bash
# Every test the project has, in the order a failure is cheapest to find: typecheck, lint, unit,
# build, end-to-end. Ends with one line `N passed, N failed` counting unit and e2e tests.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .sandbox
status=0
step() {
  echo "==> $1"
  shift
  if ! "$@"; then echo "FAILED: $*"; status=1; fi
}
step "chromium" bash scripts/ensure-chromium.sh
step "typecheck" ./node_modules/.bin/tsc -b
step "lint" ./node_modules/.bin/eslint . --max-warnings 0
step "unit tests" ./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile=.sandbox/vitest.json
step "build" ./node_modules/.bin/vite build
PLAYWRIGHT_JSON_OUTPUT_NAME=.sandbox/playwright.json step "e2e tests" ./node_modules/.bin/playwright test --reporter=list,json
node scripts/summarize-tests.mjs .sandbox/vitest.json .sandbox/playwright.json || status=1
exit $status
