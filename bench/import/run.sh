#!/usr/bin/env bash
# Bulk import benchmark: counterscam's whole import pipeline (parse,
# normalise, de-duplicate, store, link, update networks) against the plain
# loaders of the same CSV into one bare table, in the same run:
#   embedded:   counterscam import --data   vs  sqlite3 .import
#   PostgreSQL: counterscam import --db     vs  psql \copy
# Usage: bench/import/run.sh [N]   (default 1000000 reports)
# SKIP_SQLITE=1 or SKIP_POSTGRES=1 runs one side only.
# Prints wall times, the ratios, counterscam's CPU time (user + system: the
# machine is shared, so wall time is noisy) and its peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
OUT=${OUT:-bench/out/import}
PG=${COUNTERSCAM_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
mkdir -p "$OUT"
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

go build -o "$OUT/counterscam" ./cmd/counterscam
CSV="$OUT/reports-$N.csv"
[ -s "$CSV" ] || go run ./bench/gen -n "$N" -o "$CSV"
echo "input: $CSV ($(du -h "$CSV" | cut -f1), $N reports)"

rss() { echo $(( $(cut -d' ' -f1 "$1") / 1024 )); }
cpu() { python3 -c "import sys; f=open(sys.argv[1]).read().split(); print('%.1f' % (float(f[1]) + float(f[2])))" "$1"; }
secs() { python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$@"; }
now() { date +%s.%N; }

cols=$(head -1 "$CSV" | tr -d '\r' | sed 's/,/ TEXT, /g')
if [ "${SKIP_SQLITE:-}" = "" ]; then
# sqlite3 .import into one bare table with the CSV's columns.
rm -f "$OUT/bare.db"
sqlite3 "$OUT/bare.db" "CREATE TABLE reports ($cols TEXT);"
t0=$(now)
/usr/bin/time -f "0 %U %S" -o "$OUT/cpu-ref" sqlite3 "$OUT/bare.db" ".import --csv --skip 1 $CSV reports"
t1=$(now)
ref_sqlite=$(secs "$t0" "$t1")

# counterscam import into a fresh embedded store.
rm -rf "$OUT/data"
t0=$(now)
/usr/bin/time -f "%M %U %S" -o "$OUT/rss-sqlite" "$OUT/counterscam" import --quiet --data "$OUT/data" --rejects "$OUT/rejects.tsv" "$CSV"
t1=$(now)
cs_sqlite=$(secs "$t0" "$t1")
echo "embedded:   sqlite3 .import ${ref_sqlite}s   counterscam import ${cs_sqlite}s   ratio $(python3 -c "print('%.1fx' % ($cs_sqlite/$ref_sqlite))")   CPU $(cpu "$OUT/rss-sqlite") s vs $(cpu "$OUT/cpu-ref") s   peak RSS $(rss "$OUT/rss-sqlite") MiB"

fi

if [ "${SKIP_POSTGRES:-}" = "" ] && pg_isready -q -h 127.0.0.1 -p 5432; then
	db="csbench_$$"
	psql "$PG" -qc "CREATE DATABASE $db" >/dev/null
	trap 'psql "$PG" -qc "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT
	dsn="${PG/\/postgres\?//$db?}"
	psql "$dsn" -qc "CREATE TABLE bare ($cols TEXT)"
	t0=$(now)
	psql "$dsn" -qc "\\copy bare FROM '$CSV' WITH (FORMAT csv, HEADER true)"
	t1=$(now)
	ref_pg=$(secs "$t0" "$t1")
	t0=$(now)
	/usr/bin/time -f "%M %U %S" -o "$OUT/rss-pg" "$OUT/counterscam" import --quiet --db "$dsn" --rejects "$OUT/rejects-pg.tsv" "$CSV"
	t1=$(now)
	cs_pg=$(secs "$t0" "$t1")
	echo "PostgreSQL: psql \\copy ${ref_pg}s   counterscam import ${cs_pg}s   ratio $(python3 -c "print('%.1fx' % ($cs_pg/$ref_pg))")   CPU $(cpu "$OUT/rss-pg") s   peak RSS $(rss "$OUT/rss-pg") MiB"
fi
