#!/usr/bin/env bash
# Regenerates both SDKs from openapi/openapi.json with pinned generators.
#   openapi/generate.sh            install tools if missing, then generate
# Tools: openapi/tools (npm: openapi-typescript, @redocly/cli, typescript) and a
# Python venv (openapi-python-client …) at $HUIGUI_VENV (default .ci/cache/venv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
venv="${HUIGUI_VENV:-$root/.ci/cache/venv}"

if [ ! -x "$here/tools/node_modules/.bin/openapi-typescript" ]; then
  (cd "$here/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -x "$venv/bin/openapi-python-client" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$here/requirements-tools.txt"
fi

cd "$here"
export PATH="$venv/bin:$PATH" # ruff, for the Python generator's post-hooks
# TypeScript: types for openapi-fetch, formatted with prettier; the layer in
# src/index.ts is hand-written.
tools/node_modules/.bin/openapi-typescript openapi.json -o clients/typescript/src/schema.ts >/dev/null
tools/node_modules/.bin/prettier --log-level warn --print-width 120 --write clients/typescript/src/schema.ts
# Python: the package huigui_client is generated (and formatted by ruff) into a
# scratch directory, then replaces only openapi/clients/python/huigui_client;
# pyproject.toml, README.md and the hand-written package `huigui` stay.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
log="$("$venv/bin/openapi-python-client" generate --path openapi.json \
  --output-path "$scratch/python" --config python-client.yaml 2>&1)"
if grep -qiE "warning|error|unable" <<<"$log"; then
  echo "$log" >&2
  echo "openapi-python-client could not generate every operation: fix the spec at its source" >&2
  exit 1
fi
rm -rf clients/python/huigui_client
cp -r "$scratch/python/huigui_client" clients/python/huigui_client
echo "generated openapi/clients/typescript/src/schema.ts and openapi/clients/python/huigui_client"
