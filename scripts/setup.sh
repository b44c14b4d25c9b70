#!/usr/bin/env bash
# Installs what building and testing the infographic need, skipping what is already there.
#   scripts/setup.sh build   wasm32 target, wasm-pack, wasm-bindgen CLI, wasm-opt, terser
#   scripts/setup.sh test    the above, plus Chromium, ChromeDriver, WebKitGTK's and Firefox ESR's
#                            WebDriver, CJK fonts and the page-test packages
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/target/tools"
WASM_BINDGEN_VERSION="0.2.130"   # must equal the `wasm-bindgen` pin in Cargo.toml
WASM_PACK_VERSION="0.15.1"
BINARYEN_VERSION="132.0.0"
TERSER_VERSION="5.51.4"
GECKODRIVER_VERSION="0.37.0"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
# `has_version CMD VERSION`: CMD --version names VERSION. The output is read whole before it is
# searched: `CMD --version | grep -q` fails under pipefail when grep exits before CMD has written
# its last line (SIGPIPE), and then an installed tool is installed again.
has_version() {
  local out
  out="$("$1" --version 2>/dev/null)" || return 1
  [[ "$out" == *"$2"* ]]
}

export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

need_build() {
  if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! has_version wasm-pack "$WASM_PACK_VERSION"; then
    say "installing wasm-pack $WASM_PACK_VERSION (about 2.5 min, once)"
    cargo install --force --locked wasm-pack --version "$WASM_PACK_VERSION"
  fi
  if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 min, once)"
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if ! "$TOOLS/node_modules/.bin/wasm-opt" --version >/dev/null 2>&1; then
    say "installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
  fi
  if ! has_version "$TOOLS/node_modules/.bin/terser" "$TERSER_VERSION"; then
    say "installing terser $TERSER_VERSION (npm)"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "terser@$TERSER_VERSION"
  fi
}

need_test() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
  # WebKit (every iOS browser) and Firefox, driven over WebDriver by tests/e2e/engines.test.js.
  command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  if ! has_version geckodriver "$GECKODRIVER_VERSION"; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 3 min, once; its npm package downloads from GitHub)"
    cargo install --force --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/@axe-core/playwright" ] \
    || [ ! -d "$ROOT/tests/e2e/node_modules/vscode-json-languageservice" ]; then
    say "installing page-test packages (tests/e2e)"
    (cd "$ROOT/tests/e2e" && npm ci --silent --no-audit --no-fund)
  fi
}

case "${1:-build}" in
  build) need_build ;;
  test) need_build; need_test ;;
  *) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac
