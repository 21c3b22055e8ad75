#!/usr/bin/env bash
# Runs counterscam's whole test suite: the storage suite on both SQLite and
# PostgreSQL (started or installed here where missing) and the browser tests
# in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh
ensure_postgres
ensure_chromium
go test -count=1 ./... "$@"
