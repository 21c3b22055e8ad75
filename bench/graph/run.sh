#!/usr/bin/env bash
# Times counterscam's network partition (graph.Components) against
# python3-igraph's connected_components on the same synthetic edge list, in
# the same run, checks that both find the same networks, and prints the
# ratio. Usage: bench/graph/run.sh  (env: REPORTS, SEED, RUNS, OUT)
set -euo pipefail
cd "$(dirname "$0")/../.."

reports=${REPORTS:-1000000}
seed=${SEED:-1}
runs=${RUNS:-7}
out=${OUT:-bench/out/graph}
mkdir -p "$out"

# The Debian package, so use Debian's python: python3 on PATH may be another
# interpreter (pyenv) that cannot see it.
py=/usr/bin/python3
if ! "$py" -c 'import igraph' 2>/dev/null; then
	echo "installing python3-igraph" >&2
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
	$sudo apt-get install -y python3-igraph >/dev/null ||
		{ $sudo apt-get update >/dev/null && $sudo apt-get install -y python3-igraph >/dev/null; }
fi

go build -o "$out/graphbench" ./bench/graph
"$out/graphbench" -reports "$reports" -seed "$seed" -runs "$runs" \
	-edges "$out/edges.txt" -sizes "$out/sizes-go.txt" | tee "$out/go.txt"
"$py" bench/graph/igraph_cc.py "$out/edges.txt" "$out/sizes-igraph.txt" "$runs" | tee "$out/igraph.txt"

if ! cmp -s "$out/sizes-go.txt" "$out/sizes-igraph.txt"; then
	echo "FAIL: component sizes differ:" >&2
	diff "$out/sizes-go.txt" "$out/sizes-igraph.txt" | head >&2
	exit 1
fi
echo "same partition: $(head -1 "$out/sizes-go.txt"), identical size histograms"

median() { sed -n 's/.*median_ms \([0-9.]*\).*/\1/p' "$1"; }
go_ms=$(median "$out/go.txt")
ig_ms=$(median "$out/igraph.txt")
awk -v g="$go_ms" -v i="$ig_ms" 'BEGIN { printf "graph.Components %.2f ms, igraph connected_components %.2f ms: %.1fx faster\n", g, i, i / g }'
