#!/usr/bin/env bash
# Measures internal/match: de-duplicating 100,000 synthetic persons,
# reconciling a 1,000-row list against them, building the index, and - in
# the same run, on the same 3,300 records - blocked Dedupe against scoring
# every pair, printing the ratio. The machine is shared: wall times drift,
# so the benchmarks also report CPU seconds per operation.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp)
go test -run '^$' -bench 'Dedupe100k|Reconcile1kAgainst100k|Index100k|BlockedVsBruteForce' \
	-benchtime=1x -count="${COUNT:-3}" ./internal/match | tee "$out"
awk '/BlockedVsBruteForce\/blocked/ {b+=$3; nb++} /BlockedVsBruteForce\/bruteforce/ {f+=$3; nf++}
	END { if (nb && nf) printf "brute force / blocked (mean wall time): %.0fx\n", (f/nf)/(b/nb) }' "$out"
rm -f "$out"
