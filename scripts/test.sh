#!/usr/bin/env bash
# Runs counterscam's whole test suite, with the storage suite on both SQLite
# and PostgreSQL (started, or installed from Debian's packages, where missing),
# and the web interface's tests in headless Chromium (installed from Debian's
# packages with Korean and Khmer fonts where missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh
ensure_postgres
ensure_chromium
go test -count=1 ./... "$@"
