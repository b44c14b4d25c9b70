#!/usr/bin/env bash
# Builds the site into dist/ (scripts/build.sh) and serves it, as a real server does, on
# http://127.0.0.1:${PORT:-8000}/ (installing what the build needs first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${1:-${PORT:-8000}}"
"$ROOT/scripts/setup.sh" build
"$ROOT/scripts/build.sh"

exec node "$ROOT/scripts/serve.mjs" "$PORT"
