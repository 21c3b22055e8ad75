package casework

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
	"counterscam/internal/store/postgres"
	"counterscam/internal/trust"
)

// The same benchmarks on PostgreSQL (COUNTERSCAM_TEST_POSTGRES), in a
// schema of their own made once per test binary and dropped at the end.
var pgBench struct {
	once     sync.Once
	dsn      string // with the schema in search_path
	schema   string
	loadTime time.Duration
	err      error
}

func openPostgresBench(b *testing.B) store.Store {
	base := os.Getenv("COUNTERSCAM_TEST_POSTGRES")
	if base == "" {
		b.Skip("set COUNTERSCAM_TEST_POSTGRES to run the PostgreSQL benchmarks")
	}
	loadBenchSet(b)
	pgBench.once.Do(func() {
		u, err := url.Parse(base)
		if err != nil {
			pgBench.err = err
			return
		}
		pgBench.schema = fmt.Sprintf("casework_bench_%d", time.Now().UnixNano())
		q := u.Query()
		q.Set("search_path", pgBench.schema)
		u.RawQuery = q.Encode()
		pgBench.dsn = u.String()
		st, err := postgres.Open(context.Background(), pgBench.dsn)
		if err != nil {
			pgBench.err = err
			return
		}
		defer st.Close()
		start := time.Now()
		pgBench.err = importBench(context.Background(), st, benchSet.persons)
		pgBench.loadTime = time.Since(start)
	})
	if pgBench.err != nil {
		b.Fatal(pgBench.err)
	}
	st, err := postgres.Open(b.Context(), pgBench.dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

func dropPostgresBench() {
	if pgBench.schema == "" {
		return
	}
	conn, err := pgx.Connect(context.Background(), os.Getenv("COUNTERSCAM_TEST_POSTGRES"))
	if err != nil {
		return
	}
	defer conn.Close(context.Background())
	conn.Exec(context.Background(), `DROP SCHEMA IF EXISTS `+pgx.Identifier{pgBench.schema}.Sanitize()+` CASCADE`)
}

func BenchmarkReconcile1kWarmPostgres(b *testing.B) {
	st := openPostgresBench(b)
	b.Logf("loading %d persons through ImportPersons into PostgreSQL took %s", benchPersons, pgBench.loadTime.Round(time.Millisecond))
	svc := New(st, nil, Config{})
	if _, err := svc.Reconcile(b.Context(), trust.Operator(), "kh-gdi", benchSet.rows); err != nil {
		b.Fatal(err)
	}
	var rec *Reconciliation
	for b.Loop() {
		var err error
		if rec, err = svc.Reconcile(b.Context(), trust.Operator(), "kh-gdi", benchSet.rows); err != nil {
			b.Fatal(err)
		}
	}
	reportQuality(b, rec)
}

func BenchmarkReconcile1kColdPostgres(b *testing.B) {
	st := openPostgresBench(b)
	var rec *Reconciliation
	for b.Loop() {
		svc := New(st, nil, Config{})
		var err error
		if rec, err = svc.Reconcile(b.Context(), trust.Operator(), "kh-gdi", benchSet.rows); err != nil {
			b.Fatal(err)
		}
	}
	reportQuality(b, rec)
}

func BenchmarkIndexLoad100kPostgres(b *testing.B) {
	st := openPostgresBench(b)
	for b.Loop() {
		svc := New(st, nil, Config{})
		stamp, err := st.PersonStamp(b.Context())
		if err != nil {
			b.Fatal(err)
		}
		if err := svc.rebuildIndex(b.Context(), stamp); err != nil {
			b.Fatal(err)
		}
	}
}
