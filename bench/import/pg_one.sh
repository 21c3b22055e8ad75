#!/usr/bin/env bash
# One PostgreSQL import into a new database, with the server's CPU:
#   bench/import/pg_one.sh BINARY CSV [extra import flags]
# Prints: wall seconds, counterscam's CPU-s (user + system), the CPU-s of
# the server processes working for that database (its backends, read from
# /proc every 50 ms until they exit), and `\copy` of the same CSV into one
# bare table (wall) in the same database, for the ratio. For A/B runs of
# two builds, alternate them: the machine is shared, compare medians.
set -euo pipefail
BIN=$1 CSV=$2; shift 2
PG=${COUNTERSCAM_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
db="csone_$$_$RANDOM"
psql "$PG" -qc "CREATE DATABASE $db" >/dev/null
[ -n "${KEEP:-}" ] && echo "database: $db (kept)" || trap 'psql "$PG" -qc "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT
dsn="${PG/\/postgres\?//$db?}"
cols=$(head -1 "$CSV" | tr -d '\r' | sed 's/,/ TEXT, /g')
psql "$dsn" -qc "CREATE TABLE bare ($cols TEXT)"
t0=$(date +%s.%N)
psql "$dsn" -qc "\\copy bare FROM '$CSV' WITH (FORMAT csv, HEADER true)"
t1=$(date +%s.%N)
psql "$dsn" -qc "DROP TABLE bare"
tmp=$(mktemp -d)
# The server's CPU for this database: every process whose title names it.
python3 - "$db" "$tmp/server" <<'PY' &
import os, sys, time
db, out = sys.argv[1], sys.argv[2]
tick = os.sysconf('SC_CLK_TCK'); seen = {}; stop = out + '.stop'
while not os.path.exists(stop):
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            title = open('/proc/%s/cmdline' % pid, 'rb').read().replace(b'\0', b' ').decode(errors='replace')
            if not title.startswith('postgres:') or (' %s ' % db) not in title + ' ':
                continue
            f = open('/proc/%s/stat' % pid).read().rsplit(')', 1)[1].split()
            seen[pid] = (int(f[11]) + int(f[12])) / tick
        except OSError:
            pass
    time.sleep(0.05)
open(out, 'w').write('%.1f\n' % sum(seen.values()))
PY
poller=$!
s0=$(date +%s.%N)
/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$BIN" import --quiet --db "$dsn" --rejects "$tmp/rejects.tsv" "$@" "$CSV"
s1=$(date +%s.%N)
sleep 0.2; touch "$tmp/server.stop"; wait $poller
read -r _ u s m < "$tmp/time"
python3 -c "import sys; c0,c1,s0,s1,u,s,m,srv=map(float,sys.argv[1:]); print('wall %.2f s  counterscam %.1f CPU-s  server %.1f CPU-s  peak RSS %d MiB  \\\\copy %.2f s  ratio %.1fx' % (s1-s0, u+s, srv, m/1024, c1-c0, (s1-s0)/(c1-c0)))" "$t0" "$t1" "$s0" "$s1" "$u" "$s" "$m" "$(cat "$tmp/server")"
rm -rf "$tmp"
