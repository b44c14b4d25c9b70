#!/usr/bin/env bash
# Builds the wasm module into www/pkg and serves the demo article on
# http://127.0.0.1:${PORT:-8000}/ (installing what the build needs first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${1:-${PORT:-8000}}"
"$ROOT/scripts/setup.sh" build
"$ROOT/scripts/build.sh"
echo "serving http://127.0.0.1:$PORT/  (Ctrl-C stops)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/www"
