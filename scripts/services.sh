# Sourced by scripts/test.sh and .ci/run: makes sure the services the tests
# need are running on this machine, installing them from Debian's packages
# where missing, and exports the variables the tests read.

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

ensure_postgres() {
	if ! command -v pg_isready >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
		echo "services: installing PostgreSQL from Debian's packages" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
	fi
	if ! pg_up; then
		echo "services: starting PostgreSQL" >&2
		for v in $(ls /etc/postgresql); do
			pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
		done
		for _ in $(seq 1 30); do pg_up && break; sleep 1; done
	fi
	if ! pg_up; then
		echo "services: PostgreSQL is not answering on 127.0.0.1:5432" >&2
		return 1
	fi
	# Trust auth on a fresh Debian cluster is for local sockets only; the
	# tests connect over TCP as the postgres superuser.
	if ! psql "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable" -qtAc 'select 1' >/dev/null 2>&1; then
		su postgres -c "psql -qc \"alter user postgres password 'postgres'\"" >/dev/null 2>&1 || true
		export COUNTERSCAM_TEST_POSTGRES="${COUNTERSCAM_TEST_POSTGRES:-postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable}"
	fi
	export COUNTERSCAM_TEST_POSTGRES="${COUNTERSCAM_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
}

# ensure_chromium installs Chromium and the Korean (fonts-noto-cjk) and Khmer
# (fonts-khmeros) fonts the pages' screenshots need, where missing, and
# exports COUNTERSCAM_CHROMIUM for the browser tests.
ensure_chromium() {
	if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK" || ! fc-list 2>/dev/null | grep -qi "Khmer OS"; then
		echo "services: installing Chromium and CJK/Khmer fonts from Debian's packages" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null && apt-get install -y -qq chromium fonts-noto-cjk fonts-khmeros >/dev/null
	fi
	export COUNTERSCAM_CHROMIUM="${COUNTERSCAM_CHROMIUM:-$(command -v chromium)}"
}
