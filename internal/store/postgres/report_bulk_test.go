package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"counterscam/internal/intel"
	"counterscam/internal/intel/inteltest"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// dump lists every row a load writes, but the times of writing, and the
// indexes, by the names of inteltest.Tables.
func dump(t *testing.T, dsn string) map[string][]string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	out := map[string][]string{}
	for name, q := range map[string]string{
		"reports": `SELECT id, origin, external_ref, channel, received_at, coalesce(occurred_at::text, ''), scam_type, narrative,
			victim_ref, victim_country, tlp, coalesce(network_id, ''), created_by, pap, legal_basis, purpose FROM reports`,
		"links":      `SELECT report_id, selector_id, role, ord, source, raw FROM report_selectors`,
		"losses":     `SELECT report_id, ord, amount_minor, currency FROM report_losses`,
		"recipients": `SELECT report_id, user_id FROM report_recipients`,
		"selectors": `SELECT id, kind, value, display, region, subtype, encode(hash, 'hex'), first_seen, last_seen, report_count,
			source_count, no_link, confirmed, withdrawn FROM selectors`,
		"sources":   `SELECT selector_id, origin, reports FROM selector_sources`,
		"networks":  `SELECT id, report_count, selector_count, first_seen, last_seen FROM networks`,
		"redirects": `SELECT absorbed, survivor FROM network_redirects`,
		"contacts":  `SELECT report_id, name, email, phone, consent FROM contacts`,
		"indexes":   `SELECT indexname, replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE schemaname = current_schema()`,
	} {
		rows, err := conn.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], fmt.Sprint(vals...))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return out
}

// TestBulkLoadEqualsBatches: a bulk load writes exactly the rows that
// storing batch by batch does.
func TestBulkLoadEqualsBatches(t *testing.T) {
	inteltest.LoadEqualsSubmit(t, func(t *testing.T) (store.Store, func() map[string][]string) {
		dsn := freshSchema(t)
		st, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st, func() map[string][]string { return dump(t, dsn) }
	})
}

// bulkFixture opens a new store and makes inteltest's batches for it.
func bulkFixture(t *testing.T) (string, *intel.Service, [][]*store.Report, [][]*store.Contact) {
	t.Helper()
	ctx := context.Background()
	dsn := freshSchema(t)
	st, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	svc, err := intel.New(ctx, st, intel.Config{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	reports, contacts := inteltest.Batches(t, svc, &clock)
	return dsn, svc, reports, contacts
}

// TestBulkLoadHoldsOffOtherWriters: while a bulk load runs, another
// writer of reports waits for it (here, gives up at its lock timeout)
// rather than slipping a report in under the load; readers are not held.
func TestBulkLoadHoldsOffOtherWriters(t *testing.T) {
	ctx := context.Background()
	dsn, svc, reports, contacts := bulkFixture(t)
	other, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	if _, err := other.Exec(ctx, `SET lock_timeout = '300ms'`); err != nil {
		t.Fatal(err)
	}
	var insertErr, readErr error
	err = svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
		if _, err := add(inteltest.Copies(reports[0]), contacts[0]); err != nil {
			return err
		}
		var n int
		readErr = other.QueryRow(ctx, `SELECT count(*) FROM reports`).Scan(&n)
		_, insertErr = other.Exec(ctx, `INSERT INTO reports (id, origin, received_at, created_at)
			VALUES ('01JH0000000000000000000099', 'kr-knpa', now(), now())`)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var pe *pgconn.PgError
	if !errors.As(insertErr, &pe) || pe.Code != "55P03" {
		t.Errorf("a report inserted during the load: %v, want a lock timeout (55P03)", insertErr)
	}
	if readErr != nil {
		t.Errorf("a read during the load: %v", readErr)
	}
}

// loadAll stores every batch in one bulk load.
func loadAll(ctx context.Context, svc *intel.Service, reports [][]*store.Report, contacts [][]*store.Contact) error {
	return svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
		for i := range reports {
			if _, err := add(inteltest.Copies(reports[i]), contacts[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// schemaState lists the store's indexes and tables and counts the rows a
// load writes.
func schemaState(t *testing.T, conn *pgx.Conn) (indexes, tables []string, rows int) {
	t.Helper()
	ctx := context.Background()
	for _, q := range []struct {
		sql string
		out *[]string
	}{
		{`SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`, &indexes},
		{`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`, &tables},
	} {
		r, err := conn.Query(ctx, q.sql)
		if err != nil {
			t.Fatal(err)
		}
		s, err := pgx.CollectRows(r, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		*q.out = s
	}
	err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM report_selectors)
		+ (SELECT count(*) FROM selector_sources) + (SELECT count(*) FROM networks)`).Scan(&rows)
	if err != nil {
		t.Fatal(err)
	}
	return indexes, tables, rows
}

// TestBulkLoadFailingAtItsEnd: a load that fails after its end has dropped
// the indexes of the selectors and links leaves the store as it was, those
// indexes included, and without the table its links waited in; once the
// cause is gone, the same load goes through and leaves the same indexes
// and tables.
func TestBulkLoadFailingAtItsEnd(t *testing.T) {
	ctx := context.Background()
	dsn, svc, reports, contacts := bulkFixture(t)
	var taken string // a selector the load writes at its end
	for _, r := range reports[0] {
		if len(r.Selectors) > 0 {
			taken = r.Selectors[0].SelectorID
			break
		}
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	indexes, tables, _ := schemaState(t, conn)
	if _, err := conn.Exec(ctx, `INSERT INTO selectors (id, kind, value, hash, first_seen, last_seen)
		VALUES ($1, 'phone', 'x', '\x00', now(), now())`, taken); err != nil {
		t.Fatal(err)
	}
	if err := loadAll(ctx, svc, reports, contacts); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("load onto a selector already stored: %v, want a conflict", err)
	}
	gotIndexes, gotTables, rows := schemaState(t, conn)
	if !slices.Equal(gotIndexes, indexes) || !slices.Equal(gotTables, tables) || rows != 0 {
		t.Fatalf("after a failed load: indexes %q, tables %q, %d rows; want %q, %q, 0", gotIndexes, gotTables, rows, indexes, tables)
	}
	if _, err := conn.Exec(ctx, `DELETE FROM selectors`); err != nil {
		t.Fatal(err)
	}
	if err := loadAll(ctx, svc, reports, contacts); err != nil {
		t.Fatal(err)
	}
	gotIndexes, gotTables, rows = schemaState(t, conn)
	if !slices.Equal(gotIndexes, indexes) || !slices.Equal(gotTables, tables) || rows < 100 {
		t.Fatalf("after a load: indexes %q, tables %q, %d rows; want %q, %q, at least 100", gotIndexes, gotTables, rows, indexes, tables)
	}
}

// TestBulkLoadEndYieldsToReaders: a reader that holds one of the tables
// the load's end locks (the links, or the reports) and then reads another
// (the selectors) while the load's end waits to lock them all is not
// caught in a deadlock (which PostgreSQL would settle by aborting it or
// the load): the load lets go and waits, the reader finishes, the load
// commits.
func TestBulkLoadEndYieldsToReaders(t *testing.T) {
	for _, held := range []string{"report_selectors", "reports"} {
		t.Run(held, func(t *testing.T) { endYields(t, held) })
	}
}

func endYields(t *testing.T, held string) {
	ctx := context.Background()
	dsn, svc, reports, contacts := bulkFixture(t)
	reader, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close(ctx)
	watcher, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close(ctx)
	tx, err := reader.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+held).Scan(&n); err != nil {
		t.Fatal(err)
	}
	loaded := make(chan error, 1)
	go func() { loaded <- loadAll(ctx, svc, reports, contacts) }()
	// Wait until the load waits for the reader's table.
	for waiting := false; !waiting; {
		select {
		case err := <-loaded:
			t.Fatalf("the load ended while a reader held %s: %v", held, err)
		default:
		}
		err := watcher.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks
			WHERE relation = $1::regclass AND mode = 'AccessExclusiveLock' AND NOT granted)`, held).Scan(&waiting)
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM selectors`).Scan(&n); err != nil {
		t.Fatalf("the reader, reading the selectors: %v", err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-loaded; err != nil {
		t.Fatalf("the load: %v", err)
	}
}

// TestBulkLoadRefusesADuplicateReference: the reports' unique index on
// (origin, external reference), dropped while a load runs and built at its
// end, still refuses two reports of one pair that reach the store (the
// service de-duplicates before; this writes through the store alone): the
// load fails as a conflict and leaves the store as it was.
func TestBulkLoadRefusesADuplicateReference(t *testing.T) {
	ctx := context.Background()
	dsn, _, reports, _ := bulkFixture(t)
	var a, b *store.Report // two reports with references
	for _, r := range inteltest.Copies(reports[0]) {
		if r.ExternalRef == "" {
			continue
		}
		if a == nil {
			a = r
		} else if r.ExternalRef != a.ExternalRef || r.Origin != a.Origin {
			b = r
			break
		}
	}
	if b == nil {
		t.Fatal("the fixture has fewer than two references")
	}
	st, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	indexes, tables, _ := schemaState(t, conn)
	load := func(rs ...*store.Report) error {
		return st.Update(ctx, func(w store.Writer) error {
			bw := w.(store.BulkWriter)
			if ok, err := bw.BeginBulk(ctx); err != nil || !ok {
				return fmt.Errorf("begin: %v, %v", ok, err)
			}
			if err := bw.AppendReports(ctx, rs); err != nil {
				return err
			}
			return bw.EndBulk(ctx, nil, func(string) string { return "" })
		})
	}
	dup := *b
	dup.Origin, dup.ExternalRef = a.Origin, a.ExternalRef
	if err := load(a, &dup); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("a load of two reports of one reference: %v, want a conflict", err)
	}
	gotIndexes, gotTables, rows := schemaState(t, conn)
	if !slices.Equal(gotIndexes, indexes) || !slices.Equal(gotTables, tables) || rows != 0 {
		t.Fatalf("after a failed load: indexes %q, tables %q, %d rows; want %q, %q, 0", gotIndexes, gotTables, rows, indexes, tables)
	}
	if err := load(a, b); err != nil {
		t.Fatalf("a load of two references: %v", err)
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM reports WHERE external_ref <> ''`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("after the load: %d reports with references (%v), want 2", n, err)
	}
}
