#!/usr/bin/env bash
# Runs every test of the project, installing what the tests need first:
# formatting and lints, native unit and integration tests, wasm tests in
# headless Chromium, a release build, and the page tests with Playwright.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$ROOT/target/tools/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "rustfmt"
cargo fmt --check
step "clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --features full -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --features editor -- -D warnings
step "native tests"
cargo test
step "property tests, 10,000 cases each (optimised, unwinding: the props profile)"
PROPTEST_CASES=10000 cargo test --profile props --test props
step "wasm tests in headless Chromium (readers' build, then the full build)"
CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome -- --test web
CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome -- --test web --features full
step "build of the site (dist/)"
scripts/build.sh
step "page tests (Playwright + Chromium)"
(cd tests/e2e && node --test --test-concurrency=1)
step "all tests passed"
