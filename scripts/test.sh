#!/usr/bin/env bash
# The whole test suite, from a clean clone: dependencies, the engine, static checks, a check
# that dist/ is the bundle of src/, then every jest test (unit and end to end) with coverage.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/setup-engine.sh

echo '== typecheck, lint, format'
node scripts/readme-tables.mjs --check
npx tsc --noEmit -p .
npx eslint .
npx prettier --check .

echo '== dist/ is the bundle of src/'
bash scripts/check-dist.sh

echo '== jest'
results=$(mktemp)
trap 'rm -f "$results"' EXIT
status=0
node --experimental-vm-modules node_modules/jest/bin/jest.js --coverage \
  --json --outputFile="$results" "$@" || status=$?
# One plain closing line with the counts, for readers of the CI log.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ` +
    `${r.numPendingTests} skipped`);
' "$results" || true
exit "$status"
