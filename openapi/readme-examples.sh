#!/usr/bin/env bash
# Runs the examples of both client READMEs as a new user would: each client is
# installed the way its README says into a fresh project, the README's code
# blocks are joined into one program, type-checked strictly (tsc --strict,
# mypy --strict) and run against a server at $HUIGUI_URL loaded with
# `huigui demo`. Called by .ci/contract (smoke); needs $HUIGUI_VENV for mypy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
url="${HUIGUI_URL:?HUIGUI_URL}"
venv="${HUIGUI_VENV:?HUIGUI_VENV}"
work="$(mktemp -d /tmp/huigui-readme.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Code blocks of one language from a Markdown file, the README's URL replaced by the server's.
blocks() {
  python3 - "$1" "$2" "$url" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
code = re.findall(r"^```" + sys.argv[2] + r"\n(.*?)^```", text, flags=re.S | re.M)
print("\n".join(code).replace("http://127.0.0.1:8080", sys.argv[3]))
PY
}

echo "--- TypeScript README"
ts="$work/ts"
mkdir -p "$ts"
cat >"$ts/package.json" <<'JSON'
{ "name": "readme-examples", "private": true, "type": "module" }
JSON
cat >"$ts/tsconfig.json" <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
  "strict": true, "noEmitOnError": true, "types": [] }, "files": ["readme.ts"] }
JSON
blocks "$here/clients/typescript/README.md" ts >"$ts/readme.ts"
(cd "$ts" && npm install --no-audit --no-fund --loglevel=error "$here/clients/typescript" typescript@5.9.3 >/dev/null)
if grep -nE '\bas (any|unknown)\b|@ts-(ignore|expect-error|nocheck)' "$ts/readme.ts"; then
  echo "README examples must type-check without casts or ignores" >&2
  exit 1
fi
(cd "$ts" && node_modules/.bin/tsc -p . && node readme.js) | tee "$work/ts.out"
expect() { # the examples' output says what they did
  grep -q "replayed: [Tt]rue" "$1" && grep -q "stale If-Match: 412" "$1" && grep -q "^404 not_found" "$1" && grep -q "^422 validation_failed" "$1" &&
    grep -qE "^[0-9]+ created" "$1" && ! grep -qE "^[0-9]+ (rejected|conflict)" "$1" ||
    { echo "the README examples did not do what they say" >&2; exit 1; }
}
expect "$work/ts.out"

echo "--- Python README"
py="$work/py"
python3 -m venv "$py/venv"
"$py/venv/bin/pip" install -q --disable-pip-version-check "$here/clients/python"
blocks "$here/clients/python/README.md" python >"$py/readme.py"
if grep -nE '# type: ?ignore|\bcast\(' "$py/readme.py"; then
  echo "README examples must type-check without casts or ignores" >&2
  exit 1
fi
"$venv/bin/mypy" --strict --python-executable "$py/venv/bin/python" --no-incremental "$py/readme.py"
"$py/venv/bin/python" "$py/readme.py" | tee "$work/py.out"
expect "$work/py.out"
echo "README examples passed"
