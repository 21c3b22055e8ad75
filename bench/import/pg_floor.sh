#!/usr/bin/env bash
# The floor under the PostgreSQL bulk import target: how long the server
# takes to take in, by COPY, the rows counterscam stores for a file (dumped
# once, in COPY's binary format, from a database `counterscam import --db`
# built from it: no parsing, normalising or linking at all) into a new
# database with counterscam's schema, its indexes and constraints built
# after the rows, all in one transaction. Against, in the same run, `psql
# \copy` of the CSV into one bare table: the reference of
# bench/import/run.sh.
#
# Usage: bench/import/pg_floor.sh [N] [ROUNDS]   (default 1000000, 3)
# Needs the CSV of bench/import/run.sh N (same OUT); builds the source
# database (csfloor_src) with counterscam import where it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
ROUNDS=${2:-3}
OUT=${OUT:-bench/out/import}
PG=${COUNTERSCAM_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
CSV="$OUT/reports-$N.csv"
[ -s "$CSV" ] || go run ./bench/gen -n "$N" -o "$CSV"
F="$OUT/pgfloor"
mkdir -p "$F"
src="${PG/\/postgres\?//csfloor_src?}"
if ! psql "$src" -Atqc "SELECT count(*) FROM reports" 2>/dev/null | grep -qx "$N"; then
	psql "$PG" -qc "DROP DATABASE IF EXISTS csfloor_src" -qc "CREATE DATABASE csfloor_src"
	go build -o "$F/counterscam" ./cmd/counterscam
	"$F/counterscam" import --quiet --db "$src" --rejects "$F/rejects.tsv" "$CSV"
fi
tables=$(psql "$src" -Atqc "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
{
	for t in $tables; do echo "\\copy public.$t FROM '$F/$t.bin' WITH (FORMAT binary)"; done
	pg_dump -s --section=post-data "$src"
} >"$F/load.sql"
for t in $tables; do
	[ -s "$F/$t.bin" ] || psql "$src" -qc "\\copy public.$t TO '$F/$t.bin' WITH (FORMAT binary)"
done
cols=$(head -1 "$CSV" | tr -d '\r' | sed 's/,/ TEXT, /g')
db="csfloor_$$"
dst="${PG/\/postgres\?//$db?}"
trap 'psql "$PG" -qc "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT
now() { date +%s.%N; }
refs=() floors=()
for i in $(seq "$ROUNDS"); do
	psql "$PG" -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db" >/dev/null
	psql "$dst" -qc "CREATE TABLE bare ($cols TEXT)"
	t0=$(now)
	psql "$dst" -qc "\\copy bare FROM '$CSV' WITH (FORMAT csv, HEADER true)"
	t1=$(now)
	psql "$dst" -qc "DROP TABLE bare"
	pg_dump -s --section=pre-data "$src" | psql -q "$dst" >/dev/null
	t2=$(now)
	psql -q -1 -v ON_ERROR_STOP=1 "$dst" -f "$F/load.sql" >/dev/null
	t3=$(now)
	refs+=("$(python3 -c "print('%.2f' % ($t1 - $t0))")") floors+=("$(python3 -c "print('%.2f' % ($t3 - $t2))")")
	echo "round $i: \\copy ${refs[-1]} s; counterscam's rows by COPY, indexes after ${floors[-1]} s; load $(cut -d' ' -f1 /proc/loadavg)"
done
python3 - "${refs[*]}" "${floors[*]}" <<'PY'
import statistics as s, sys
r, f = ([float(x) for x in a.split()] for a in sys.argv[1:3])
print("median: \\copy %.2f s; counterscam's rows by COPY %.2f s: %.1fx \\copy" % (s.median(r), s.median(f), s.median(f) / s.median(r)))
PY
echo "bytes: source database $(psql "$src" -Atqc "SELECT pg_database_size(current_database())"), dumped rows $(cat "$F"/*.bin | wc -c), CSV $(stat -c %s "$CSV")"
