package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/intel/inteltest"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// dump lists every row a load writes, but the times of writing.
func dump(t *testing.T, dir string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(dir, sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][]string{}
	for name, q := range map[string]string{
		"reports": `SELECT id, origin, external_ref, channel, received_at, coalesce(occurred_at, ''), scam_type, narrative,
			victim_ref, victim_country, tlp, coalesce(network_id, ''), created_by, pap, legal_basis, purpose FROM reports`,
		"links":      `SELECT report_id, selector_id, role, ord, source, raw FROM report_selectors`,
		"losses":     `SELECT report_id, ord, amount_minor, currency FROM report_losses`,
		"recipients": `SELECT report_id, user_id FROM report_recipients`,
		"selectors": `SELECT id, kind, value, display, region, subtype, hex(hash), first_seen, last_seen, report_count,
			source_count, no_link, confirmed, withdrawn FROM selectors`,
		"sources":   `SELECT selector_id, origin, reports FROM selector_sources`,
		"networks":  `SELECT id, report_count, selector_count, first_seen, last_seen FROM networks`,
		"redirects": `SELECT absorbed, survivor FROM network_redirects`,
		"contacts":  `SELECT report_id, name, email, phone, consent FROM contacts`,
		"indexes":   `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], fmt.Sprint(vals...))
		}
		rows.Close()
		slices.Sort(out[name])
	}
	return out
}

// TestBulkLoadEqualsBatches: a bulk load writes exactly the rows, and
// builds exactly the indexes, that storing batch by batch does.
func TestBulkLoadEqualsBatches(t *testing.T) {
	inteltest.LoadEqualsSubmit(t, func(t *testing.T) (store.Store, func() map[string][]string) {
		dir := t.TempDir()
		st, err := sqlite.Open(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st, func() map[string][]string { return dump(t, dir) }
	})
}

// TestBulkLoadAllOrNothing: a load that fails leaves the store as it was,
// its indexes included, and a store that holds reports takes no bulk load.
func TestBulkLoadAllOrNothing(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc, err := intel.New(ctx, st, intel.Config{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	reports, contacts := inteltest.Batches(t, svc, &clock)
	before := dump(t, dir)
	failure := errors.New("the reader failed")
	err = svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
		for i := range 3 {
			if _, err := add(inteltest.Copies(reports[i]), contacts[i]); err != nil {
				return err
			}
		}
		return failure
	})
	if !errors.Is(err, failure) {
		t.Fatalf("Load = %v, want the feed's error", err)
	}
	after := dump(t, dir)
	for table, rows := range before {
		if !slices.Equal(rows, after[table]) {
			t.Errorf("%s changed by a failed load: %d rows before, %d after", table, len(rows), len(after[table]))
		}
	}
	if len(before["indexes"]) < 5 {
		t.Errorf("degenerate test: %d indexes", len(before["indexes"]))
	}

	// The same load again lands; a second finds reports and adds nothing.
	load := func(from, to int) error {
		return svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
			for i := from; i < to; i++ {
				if _, err := add(inteltest.Copies(reports[i]), contacts[i]); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := load(0, 3); err != nil {
		t.Fatal(err)
	}
	c, err := st.Counts(ctx, store.Scope{All: true})
	if err != nil || c.Reports == 0 {
		t.Fatalf("counts after a load: %+v, %v", c, err)
	}
	if err := load(3, 6); !errors.Is(err, intel.ErrNoBulk) {
		t.Errorf("a load into a store with reports: %v, want ErrNoBulk", err)
	}
	if c2, _ := st.Counts(ctx, store.Scope{All: true}); c2 != c {
		t.Errorf("counts changed by a refused load: %+v, then %+v", c, c2)
	}
}
