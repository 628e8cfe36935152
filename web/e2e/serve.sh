#!/bin/sh
# A fresh data directory, the demo data, then `huigui serve` on 127.0.0.1:$1.
# Access tokens live 20 s here, so the tests see the console renew them.
set -eu
bin="${HUIGUI_BIN:-$(cd "$(dirname "$0")/../.." && pwd)/target/debug/huigui}"
dir="$(mktemp -d /tmp/huigui-e2e.XXXXXX)"
cd "$dir"
export HUIGUI_LOG=warn
export HUIGUI_BOOTSTRAP_ADMIN_EMAIL=admin@e2e.huigui.cn
export HUIGUI_BOOTSTRAP_ADMIN_PASSWORD=e2e-admin-password-2026
export HUIGUI_ACCESS_TOKEN_TTL_SECS=20
export HUIGUI_LOGIN_MAX_FAILURES=1000
"$bin" demo >/dev/null
HUIGUI_BIND="127.0.0.1:$1" exec "$bin" serve
