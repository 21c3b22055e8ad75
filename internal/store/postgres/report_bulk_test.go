package postgres

import (
	"context"
	"errors"
	"fmt"
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

// TestBulkLoadHoldsOffOtherWriters: while a bulk load runs, another
// writer of reports waits for it (here, gives up at its lock timeout)
// rather than slipping a report in under the load; readers are not held.
func TestBulkLoadHoldsOffOtherWriters(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t)
	st, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	svc, err := intel.New(ctx, st, intel.Config{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	reports, contacts := inteltest.Batches(t, svc, &clock)
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
