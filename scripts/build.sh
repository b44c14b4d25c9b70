#!/usr/bin/env bash
# Builds the deployable site into dist/ (tools from scripts/setup.sh build):
# the wasm module (its JS glue minified) into target/pkg, every page's figures
# pre-rendered from its data file into target/site (with main.js minified), then
# dist/ assembled with content-hashed names and precompressed .gz and .br files
# (scripts/site.mjs).
# www/ holds the sources and is never written.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/target/tools/node_modules/.bin:$PATH"
cd "$ROOT"
# Three builds of the engine: the readers' (target/pkg: takes pre-rendered
# figures over), the full one (target/pkg-full: also writes bare figures,
# words every problem in Chinese, live preview), which main.js loads for a
# page opened with ?preview or with a figure not pre-rendered, and the
# editor's (target/pkg-editor), which only editor.html loads.
wasm-pack build --release --target web --out-dir target/pkg --out-name infographic --no-typescript --no-pack
wasm-pack build --release --target web --out-dir target/pkg-full --out-name infographic --no-typescript --no-pack -- --features full
# The workbench's build (editor.html only): the full build, the workbench and SVG images.
wasm-pack build --release --target web --out-dir target/pkg-editor --out-name infographic --no-typescript --no-pack -- --features editor
# wasm-bindgen writes its glue readable: minified it is 1.7 KB smaller gzipped.
for pkg in target/pkg target/pkg-full target/pkg-editor; do
  terser "$pkg/infographic.js" --module --compress --mangle --output "$pkg/infographic.js"
done
rm -rf target/site
cargo run --quiet --bin infographic -- prerender www --out target/site
# main.js too, minified into the staged site (which site.mjs takes over www/),
# its strings' quotes kept for site.mjs to name the hashed glue: 335 B smaller gzipped.
terser www/main.js --module --compress --mangle --format quote_style=3 --output target/site/main.js
node scripts/site.mjs "$@"
