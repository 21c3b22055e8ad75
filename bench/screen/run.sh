#!/usr/bin/env bash
# Measures `counterscam screen eval` (the whole screener: phrase matching,
# amounts, contacts, scoring, one Assess per text) against GNU grep -F -i
# with the same phrases (only the innermost loop: multi-phrase search) on
# the same corpus in the same run, and prints both rates and their ratio.
# Machines here are shared and noisy: read the ratio, not the absolutes.
# usage: bench/screen/run.sh [MB]   (corpus size, default 8)
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-8}
data=""
for d in . .. ../.. ../../..; do
	if [ -f "$d/shared/data/text/uci-sms-spam-collection.tsv" ]; then data="$d/shared/data"; break; fi
done
[ -n "$data" ] || { echo "shared/data not found above $(pwd)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/counterscam" ./cmd/counterscam
"$tmp/counterscam" screen rules export "$tmp/rules" >/dev/null
grep -h '^pattern = ' "$tmp"/rules/*.rules | sed 's/^pattern = //; s/^\*//; s/\*$//' | sort -u >"$tmp/patterns.txt"
src=("$data/text/uci-sms-spam-collection.tsv" internal/screen/testdata/real-dev.tsv internal/screen/testdata/real-test.tsv internal/screen/testdata/written.tsv)
: >"$tmp/corpus.tsv"
while [ "$(stat -c %s "$tmp/corpus.tsv")" -lt $((mb * 1000000)) ]; do
	grep -hv -e '^#' -e '^label' "${src[@]}" >>"$tmp/corpus.tsv"
done
bytes=$(stat -c %s "$tmp/corpus.tsv")
lines=$(wc -l <"$tmp/corpus.tsv")
# CPU seconds (user+sys) of a command, from /usr/bin/time: steadier than
# wall time on a shared machine.
cpu() {
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null || true
	awk '{ print $1 + $2 }' "$tmp/time"
}
s=$(cpu "$tmp/counterscam" screen eval "$tmp/corpus.tsv")
reps=20 # grep is too quick to time once
g=$(cpu env LC_ALL=C.UTF-8 sh -c 'for i in $(seq '"$reps"'); do grep -F -i -c -f "$1" "$2"; done' sh "$tmp/patterns.txt" "$tmp/corpus.tsv")
g=$(awk -v g="$g" -v r="$reps" 'BEGIN { print g / r }')
awk -v b="$bytes" -v n="$lines" -v p="$(wc -l <"$tmp/patterns.txt")" -v s="$s" -v g="$g" 'BEGIN {
	if (g <= 0) g = 0.001
	printf "corpus: %.1f MB, %d texts; %d phrases (CPU seconds, user+sys)\n", b / 1e6, n, p
	printf "counterscam screen eval: %6.2f s  %6.1f MB/s  %8.0f texts/s\n", s, b / 1e6 / s, n / s
	printf "grep -F -i -c -f:        %6.3f s  %6.1f MB/s (mean of 20 runs)\n", g, b / 1e6 / g
	printf "ratio (screener MB/s / grep MB/s): %.3f\n", g / s
}'
