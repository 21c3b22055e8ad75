#!/usr/bin/env bash
# Runs counterscam's whole test suite, with the storage suite on both SQLite
# and PostgreSQL (started, or installed from Debian's packages, where missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh
ensure_postgres
go test -count=1 ./... "$@"
