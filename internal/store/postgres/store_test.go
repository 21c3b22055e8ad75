package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
	"counterscam/internal/store/storetest"
)

// testDSN returns the DSN of the test server, skipping the test when there
// is none, except in CI, where a missing server is a failure.
func testDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("COUNTERSCAM_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("COUNTERSCAM_TEST_POSTGRES is not set, and CI=true: the PostgreSQL tests must run in CI (scripts/test.sh sets it)")
		}
		tb.Skip("PostgreSQL tests skipped: set COUNTERSCAM_TEST_POSTGRES to a DSN, e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable")
	}
	return dsn
}

// freshSchema creates an empty schema with a random name, drops it when the
// test ends, and returns the DSN that puts it first in search_path.
func freshSchema(tb testing.TB) string {
	tb.Helper()
	dsn := testDSN(tb)
	b := make([]byte, 8)
	rand.Read(b)
	schema := "counterscam_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("connecting to COUNTERSCAM_TEST_POSTGRES: %v", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `CREATE SCHEMA `+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			tb.Errorf("dropping schema %s: %v", schema, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			tb.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	return withSearchPath(tb, dsn, schema)
}

func withSearchPath(tb testing.TB, dsn, schema string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("COUNTERSCAM_TEST_POSTGRES must be a URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(t.Context(), freshSchema(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func BenchmarkInsertReports(b *testing.B) {
	s, err := Open(b.Context(), freshSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchInsertReports(b, s)
}

func BenchmarkScopedReads(b *testing.B) {
	s, err := Open(b.Context(), freshSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchScopedReads(b, s, func() error {
		_, err := s.pool.Exec(b.Context(), `ANALYZE`)
		return err
	})
}
