#!/usr/bin/env bash
# Phone benchmark against Chart.js (see bench/run.js). Builds first.
#   scripts/bench.sh [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh test
scripts/build.sh
if [ ! -d bench/node_modules/chart.js ] || [ ! -d bench/node_modules/playwright-core ]; then
  (cd bench && npm ci --silent --no-audit --no-fund)
fi
node bench/run.js "${1:-7}"
