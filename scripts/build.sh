#!/usr/bin/env bash
# Release build of the wasm module into www/pkg (its JS glue minified), and the SVG
# fallbacks into www/fallback (tools from scripts/setup.sh build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/target/tools/node_modules/.bin:$PATH"
cd "$ROOT"
wasm-pack build --release --target web --out-dir www/pkg --out-name infographic --no-typescript --no-pack
# wasm-bindgen writes its glue readable: minified it is 1.7 KB smaller gzipped.
terser www/pkg/infographic.js --module --compress --mangle --output www/pkg/infographic.js
# The static fallbacks: each chart as SVG at a desktop and a phone width, and
# their text alternatives (title and generated summary) in the page.
cargo run --quiet --bin infographic -- render www/data/kazuo-2024.json --out www/fallback \
  --width 640 --width 360 --page www/index.html
