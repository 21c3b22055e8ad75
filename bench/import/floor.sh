#!/usr/bin/env bash
# The floor under the bulk import target: how long SQLite takes to write the
# rows counterscam stores for a file, copied from a store that `counterscam
# import` built from it (so no parsing, normalising or linking at all), into
# a new file with counterscam's schema, its secondary indexes built at the
# end, with the settings of a store being built (rollback journal in memory,
# no sync). Written twice: by the C sqlite3 shell, and by the pure-Go driver
# counterscam embeds (bench/import/sqlexec), so the two differ by the driver
# alone. Against, in the same run, `sqlite3 .import` of the CSV into one
# bare table: the reference of bench/import/run.sh.
#
# Usage: bench/import/floor.sh [N] [ROUNDS]   (default 1000000 reports, 3)
# Needs the CSV and the store of bench/import/run.sh N (same OUT); builds
# them where missing. Prints each round and the medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
ROUNDS=${2:-3}
OUT=${OUT:-bench/out/import}
CSV="$OUT/reports-$N.csv"
STORE="$OUT/data/counterscam.db"
if [ ! -s "$CSV" ] || [ ! -s "$STORE" ]; then
	SKIP_POSTGRES=1 OUT="$OUT" bench/import/run.sh "$N"
fi
F="$OUT/floor"
mkdir -p "$F"
go build -o "$F/sqlexec" ./bench/import/sqlexec

# The schema, split: tables (made before the copy), secondary indexes (built
# after it, as counterscam's bulk load does).
sqlite3 "$STORE" .schema | grep -v '^CREATE \(UNIQUE \)\?INDEX' | grep -v 'sqlite_stat' >"$F/tables.sql"
sqlite3 "$STORE" .schema | grep '^CREATE \(UNIQUE \)\?INDEX' >"$F/indexes.sql"
{
	echo "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"
	echo "ATTACH '$STORE' AS built; BEGIN;"
	for t in $(sqlite3 "$STORE" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'"); do
		echo "INSERT INTO main.$t SELECT * FROM built.$t;"
	done
	cat "$F/indexes.sql"
	echo "COMMIT;"
} >"$F/copy.sql"
cols=$(head -1 "$CSV" | tr -d '\r' | sed 's/,/ TEXT, /g')

cpu() { python3 -c "import sys; f=open(sys.argv[1]).read().split(); print('%.1f' % (float(f[1]) + float(f[2])))" "$1"; }
wall() { cut -d' ' -f1 "$1"; }
refs=() floors=() gos=() refc=() floorc=() goc=()
for i in $(seq "$ROUNDS"); do
	rm -f "$F/bare.db"
	sqlite3 "$F/bare.db" "CREATE TABLE reports ($cols TEXT);"
	/usr/bin/time -f "%e %U %S" -o "$F/t-ref" sqlite3 "$F/bare.db" ".import --csv --skip 1 $CSV reports"
	rm -f "$F/floor.db"
	sqlite3 "$F/floor.db" <"$F/tables.sql"
	/usr/bin/time -f "%e %U %S" -o "$F/t-floor" sqlite3 "$F/floor.db" <"$F/copy.sql" >/dev/null
	rm -f "$F/floor.db"
	sqlite3 "$F/floor.db" <"$F/tables.sql"
	/usr/bin/time -f "%e %U %S" -o "$F/t-go" "$F/sqlexec" "$F/floor.db" <"$F/copy.sql"
	refs+=("$(wall "$F/t-ref")") floors+=("$(wall "$F/t-floor")") gos+=("$(wall "$F/t-go")")
	refc+=("$(cpu "$F/t-ref")") floorc+=("$(cpu "$F/t-floor")") goc+=("$(cpu "$F/t-go")")
	echo "round $i: .import ${refs[-1]} s (${refc[-1]} CPU-s); counterscam's rows by the C shell ${floors[-1]} s (${floorc[-1]} CPU-s), by the pure-Go driver ${gos[-1]} s (${goc[-1]} CPU-s); load $(cut -d' ' -f1 /proc/loadavg)"
done
python3 - "${refs[*]}" "${floors[*]}" "${gos[*]}" "${refc[*]}" "${floorc[*]}" "${goc[*]}" <<'PY'
import statistics as s, sys
r, f, g, rc, fc, gc = ([float(x) for x in a.split()] for a in sys.argv[1:7])
m = s.median
print("median: .import %.2f s (%.1f CPU-s)" % (m(r), m(rc)))
print("  counterscam's rows by the C shell      %.2f s (%.1f CPU-s): %.1fx .import wall, %.1fx CPU" % (m(f), m(fc), m(f) / m(r), m(fc) / m(rc)))
print("  the same by the pure-Go driver          %.2f s (%.1f CPU-s): %.1fx .import wall, %.1fx CPU" % (m(g), m(gc), m(g) / m(r), m(gc) / m(rc)))
PY
echo "bytes: store $(stat -L -c %s "$STORE"), bare table $(stat -c %s "$F/bare.db")"
