#!/usr/bin/env bash
# Builds bench/floor like the engine (opt-level z, LTO, wasm-bindgen, wasm-opt -O2 --converge,
# glue minified with terser) and prints its gzip -9 sizes: the floor under the engine's
# size budget. Tools from scripts/setup.sh build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/bench/floor"
cargo build --release --target wasm32-unknown-unknown --quiet
OUT="$(mktemp -d)"
wasm-bindgen --target web --out-dir "$OUT" target/wasm32-unknown-unknown/release/floor.wasm
"$ROOT/target/tools/node_modules/.bin/wasm-opt" -O2 --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$OUT/floor_bg.wasm" -o "$OUT/floor_bg.wasm"
"$ROOT/target/tools/node_modules/.bin/terser" "$OUT/floor.js" --module --compress --mangle --output "$OUT/floor.js"
total=0
for f in "$OUT/floor_bg.wasm" "$OUT/floor.js"; do
  n=$(gzip -9 -c "$f" | wc -c)
  total=$((total + n))
  echo "$(basename "$f"): $(wc -c <"$f") B raw, $n B gzip -9"
done
echo "total: $total B gzip -9"
rm -rf "$OUT"
