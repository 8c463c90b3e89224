#!/usr/bin/env bash
# Rebuilds the bundle into a scratch folder and fails when it differs from the committed dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r dist "$scratch/committed"
npm run -s build >/dev/null
if ! diff -r "$scratch/committed" dist >/dev/null; then
  diff -r "$scratch/committed" dist | head -n 20 || true
  echo 'dist/ differs from a fresh build of src/: run `npm run build` and commit dist/.' >&2
  exit 1
fi
echo 'dist/ matches a fresh build of src/.'
