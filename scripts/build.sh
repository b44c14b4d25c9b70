#!/usr/bin/env bash
# Release build of the wasm module into www/pkg (tools from scripts/setup.sh build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/target/tools/node_modules/.bin:$PATH"
cd "$ROOT"
wasm-pack build --release --target web --out-dir www/pkg --out-name infographic --no-typescript --no-pack
