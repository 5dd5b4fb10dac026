#!/usr/bin/env bash
# The GitHub Action's first step: make dist/cli.js in the action's checkout (it is not committed).
# Needs Node 20+ on the runner (GitHub's images have it; actions/setup-node otherwise).
set -euo pipefail
cd "${GITHUB_ACTION_PATH:-$(dirname "$0")/../..}"
if [ -f dist/cli.js ]; then exit 0; fi
npm ci --no-audit --no-fund --loglevel=error
node scripts/build.mjs --production
