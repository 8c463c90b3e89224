#!/usr/bin/env bash
# Runs the main job on an embedded default, as a runner would: builds the local stand-in CLI
# image (the real CLI cannot be downloaded here), copies an example bundle into a scratch
# checkout, and runs the committed action, `node dist/index.js`, with the runner's variables.
#   bash scripts/demo.sh [example]     example: plain-job (default) or prebuilt-wheel
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
example="${1:-plain-job}"
image='databricks-cli-stand-in:0.298.0'

cd "$repo"
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/setup-engine.sh
bash __tests__/support/stand-in-cli/build-image.sh "$image" >/dev/null
echo "Stand-in CLI image ready: $image"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/checkout/bundles" "$scratch/runner-temp"
cp -r "examples/$example" "$scratch/checkout/bundles/$example"
: >"$scratch/output"
: >"$scratch/summary.md"

# An example that ships a sha256sum manifest of its vetted files gets it checked.
checksums=''
[ -f "examples/$example/SHA256SUMS" ] && checksums="bundles/$example/SHA256SUMS"

status=0
env -i PATH="$PATH" HOME="$HOME" \
  GITHUB_WORKSPACE="$scratch/checkout" \
  RUNNER_TEMP="$scratch/runner-temp" \
  GITHUB_OUTPUT="$scratch/output" \
  GITHUB_STEP_SUMMARY="$scratch/summary.md" \
  INPUT_IMAGE="$image" \
  INPUT_TARGET=dev \
  INPUT_WORKING-DIRECTORY="bundles/$example" \
  INPUT_HOST=https://demo-workspace.cloud.databricks.com \
  INPUT_TOKEN=dapi-demo-token-not-a-real-secret \
  INPUT_VARS='greeting=hello, "air-gapped" world' \
  INPUT_CHECKSUMS="$checksums" \
  node dist/index.js || status=$?

echo
echo "== outputs"
# GITHUB_OUTPUT holds name<<delimiter, the value's lines, delimiter; show name=value instead.
awk '
  delimiter == "" && /<</ { name = substr($0, 1, index($0, "<<") - 1);
                            delimiter = substr($0, index($0, "<<") + 2); next }
  $0 == delimiter { delimiter = ""; next }
  delimiter != "" { print name "=" $0 }
' "$scratch/output"
echo "== step summary"
cat "$scratch/summary.md"
echo "== the action exited with $status"
exit "$status"
