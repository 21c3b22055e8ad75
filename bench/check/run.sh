#!/usr/bin/env bash
# Public check benchmark: counterscam's POST /api/v1/check against Redis GET
# at the same concurrency on the same machine, in the same run; then the
# partners' bulk check (values a second) and the private range check.
#
# Usage: bench/check/run.sh   (RUNS=3 DUR=30s N=540000 REDIS_N=1000000 by default)
#
# The store (bench/gen's reports, ~1M selectors, a share made public) is
# built once into $OUT and reused. wrk, redis-benchmark, the server and
# Redis all share the machine's cores: the numbers are for one machine
# running load generator and server together, and only the ratios travel.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-540000}
OUT=${OUT:-bench/out/check}
DUR=${DUR:-30s}
RUNS=${RUNS:-3}
BATCH_DUR=${BATCH_DUR:-20s}
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v redis-benchmark >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-tools >/dev/null; }
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis is not answering at 127.0.0.1:6379" >&2; exit 1; }

CS="$OUT/counterscam"
go build -o "$CS" ./cmd/counterscam
go build -o "$OUT/floor" ./bench/check/floor
go build -o "$OUT/batchload" ./bench/check/batchload
DATA="$OUT/data"
if [ ! -e "$OUT/store-ready" ]; then
	rm -rf "$DATA"
	echo "building the store: $N reports (a few minutes, once)"
	go run ./bench/gen -n "$N" | go run ./bench/check/prep -clear 0.6 >"$OUT/reports.csv"
	"$CS" import --quiet --data "$DATA" --rejects "$OUT/rejects.tsv" "$OUT/reports.csv"
	"$CS" org add --data "$DATA" --name BENCHBANK --country KR --kind bank >/dev/null
	echo "bench-password-$RANDOM-$RANDOM" | "$CS" user add --data "$DATA" --org BENCHBANK --email bench@bank.test --role partner --password-stdin >/dev/null
	"$CS" token create --data "$DATA" --user bench@bank.test --name bench --expires 365d 2>/dev/null >"$OUT/token"
	go run ./bench/check/values -data "$DATA" -out "$OUT" | tee "$OUT/values.txt"
	touch "$OUT/store-ready"
fi
"$CS" stats --data "$DATA" | tr '\n' ' '
echo
cat "$OUT/values.txt"
TOKEN=$(cat "$OUT/token")

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
SERVER=""
# start_server: counterscam serve, ready once it says so (it builds the
# network partition and the index of listed selectors first: 20-60 s on
# the 1M-selector store).
start_server() {
	rm -f "$OUT/serve.log" # so that no earlier server's line is read
	GOGC=${SERVER_GOGC:-100} "$CS" serve --data "$DATA" --addr "127.0.0.1:$PORT" --check-rate 1e9 >"$OUT/serve.log" 2>&1 &
	SERVER=$!
	for _ in $(seq 3000); do
		grep -qs "serving on" "$OUT/serve.log" && return
		kill -0 "$SERVER" 2>/dev/null || break
		sleep 0.1
	done
	echo "server did not start" >&2
	cat "$OUT/serve.log" >&2
	exit 1
}
# start_floor, stop_floor: the net/http floor (bench/check/floor) on the
# same port (TERM: a background job of a script ignores INT).
start_floor() {
	rm -f "$OUT/serve.log"
	"$OUT/floor" -addr "127.0.0.1:$PORT" >"$OUT/serve.log" 2>&1 &
	SERVER=$!
	until grep -qs "serving on" "$OUT/serve.log"; do sleep 0.1; done
}
stop_floor() {
	kill -TERM "$SERVER"
	wait "$SERVER" || true
	SERVER=""
}
# stop_server: a graceful stop (INT), after which the server has printed
# its check cache's hits: they are left in CACHE.
stop_server() {
	kill -INT "$SERVER"
	wait "$SERVER" || true
	SERVER=""
	CACHE=$(grep -o 'check \(cache\|index\): .*' "$OUT/serve.log" | tr '\n' ' ' || true)
}
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; true' EXIT

# wrk_run FILE: requests a second and p99 in ms of a public check run.
wrk_run() {
	wrk -t2 -c64 -d"$DUR" --latency -s bench/check/check.lua "$URL" -- "$1" 2 >"$OUT/wrk.txt"
	local rps p99 non2xx
	rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk.txt")
	p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}' "$OUT/wrk.txt")
	non2xx=$(awk '/Non-2xx/ {print $5}' "$OUT/wrk.txt")
	[ -z "$non2xx" ] || { echo "wrk: $non2xx answers were not 200" >&2; cat "$OUT/wrk.txt" >&2; exit 1; }
	echo "$rps $p99"
}
redis_run() {
	redis-benchmark -h 127.0.0.1 -p 6379 -t get -c 64 -n "${REDIS_N:-1000000}" -q | tr '\r' '\n' | awk '/requests per second/ {print $2}' | tail -1
}
median() { python3 -c 'import sys, statistics; print("%.2f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }

echo
echo "== public check, POST /api/v1/check, wrk -t2 -c64 -d$DUR, against redis-benchmark -t get -c 64 =="
echo "   (wrk, redis-benchmark, Redis and counterscam share $(nproc) cores)"
echo "   floor: a net/http server answering a fixed check answer (bench/check/floor), same wrk load"
for set in small large; do
	ratios=() rpss=() p99s=() floors=() fratios=()
	for run in $(seq "$RUNS"); do
		start_server
		read -r rps p99 < <(wrk_run "$OUT/bodies-$set.jsonl")
		[ -n "$rps" ] || exit 1
		stop_server
		redis=$(redis_run)
		start_floor
		read -r floor fp99 < <(wrk_run "$OUT/bodies-$set.jsonl")
		[ -n "$floor" ] || exit 1
		stop_floor
		r=$(ratio "$rps" "$redis")
		ratios+=("$r") rpss+=("$rps") p99s+=("$p99") floors+=("$floor") fratios+=("$(ratio "$floor" "$redis")")
		echo "$set set, run $run: counterscam $rps req/s (p99 ${p99} ms), redis GET $redis req/s, ratio $r; floor $floor req/s (p99 ${fp99} ms, ratio $(ratio "$floor" "$redis")); $CACHE"
	done
	echo "$set set, median of $RUNS: counterscam $(median "${rpss[@]}") req/s, p99 $(median "${p99s[@]}") ms, ratio to redis GET $(median "${ratios[@]}"); floor's ratio to redis GET $(median "${fratios[@]}")"
done

# The server holds a large live heap (the network partition, the caches)
# and makes little garbage a request; Go's default GOGC=100 then spends a
# good share of the CPU marking that heap. One run with GOGC=400, a choice
# an operator can make (it costs memory), to show how much.
SERVER_GOGC=400 start_server
read -r rps p99 < <(wrk_run "$OUT/bodies-small.jsonl")
[ -n "$rps" ] || exit 1
stop_server
redis=$(redis_run)
echo "small set, GOGC=400: counterscam $rps req/s (p99 ${p99} ms), redis GET $redis req/s, ratio $(ratio "$rps" "$redis"); $CACHE"

echo
echo "== private range check, GET /api/v1/range/{prefix}, random prefixes, wrk -t2 -c64 -d$DUR =="
start_server
wrk -t2 -c64 -d"$DUR" --latency -s bench/check/range.lua "$URL" >"$OUT/wrk-range.txt"
stop_server
redis=$(redis_run)
rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-range.txt")
echo "range: $rps req/s ($CACHE) ($(awk '$1 == "99%" {print "p99 " $2}' "$OUT/wrk-range.txt")), redis GET $redis req/s, ratio $(ratio "$rps" "$redis")"

echo
echo "== bulk check, POST /api/v1/check/batch, 1,000 values a request, a partner's token =="
for set in small large; do
	start_server
	"$OUT/batchload" -url "$URL" -token "$TOKEN" -bodies "$OUT/bodies-$set.jsonl" -c 4 -d "$BATCH_DUR" | sed "s/^/$set set: /"
	stop_server
	echo "$set set: $CACHE"
done
