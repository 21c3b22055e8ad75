package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// bulkBatches makes random batches of prepared reports with what makes a
// load hard: references repeated within and across batches, selectors
// shared across origins, allow-listed selectors that link nothing but still
// count, a selector named twice by one report, losses, reporters, RED
// recipients, and batches minted on a clock running behind (their reports
// are older than those before and rename the networks they join).
func bulkBatches(t *testing.T, svc *intel.Service, clock *time.Time) ([][]*store.Report, [][]*store.Contact) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 8))
	var pool []string
	for i := range 120 {
		pool = append(pool, fmt.Sprintf("+8210%08d", 30000000+i*7919))
	}
	weak := []string{"t.me", "wa.me"}
	var (
		refs     []string
		reports  [][]*store.Report
		contacts [][]*store.Contact
	)
	for b := range 25 {
		var rs []*store.Report
		var cs []*store.Contact
		for i := range 1 + rng.IntN(20) {
			ref := fmt.Sprintf("r%d-%d", b, i)
			switch {
			case len(refs) > 0 && rng.IntN(6) == 0:
				ref = refs[rng.IntN(len(refs))]
			case rng.IntN(10) == 0:
				ref = "" // no reference: never a duplicate
			}
			refs = append(refs, ref)
			in := &intel.ReportInput{Origin: "org" + fmt.Sprint(rng.IntN(3)), ExternalRef: ref, ScamType: "romance",
				VictimCountry: "KR", Narrative: fmt.Sprintf("statement %d/%d", b, i), TLP: "GREEN"}
			in.ReceivedAt = clock.Add(-time.Duration(rng.IntN(1000)) * time.Hour)
			for range rng.IntN(4) {
				v := pool[rng.IntN(len(pool))]
				if rng.IntN(4) == 0 {
					v = weak[rng.IntN(len(weak))]
				}
				in.Selectors = append(in.Selectors, intel.SelectorInput{Value: v, Role: "paid_to"})
				if rng.IntN(8) == 0 {
					in.Selectors = append(in.Selectors, intel.SelectorInput{Value: v, Role: "contacted_by"})
				}
			}
			if rng.IntN(3) == 0 {
				in.Losses = []store.Loss{{AmountMinor: int64(1000 * (1 + rng.IntN(50))), Currency: "USD"}, {AmountMinor: 5000, Currency: "KRW"}}
			}
			if rng.IntN(7) == 0 {
				in.TLP, in.Recipients = "RED", []string{"u1", "u2"}
			}
			r, err := svc.Prepare(in)
			if err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
			var c *store.Contact
			if rng.IntN(4) == 0 {
				c = &store.Contact{Name: "reporter", Email: fmt.Sprintf("r%d.%d@example.org", b, i), Consent: true}
			}
			cs = append(cs, c)
		}
		if b%4 == 3 {
			*clock = clock.Add(-time.Hour)
		} else {
			*clock = clock.Add(time.Hour)
		}
		reports, contacts = append(reports, rs), append(contacts, cs)
	}
	return reports, contacts
}

// copies returns copies of the reports, so that two stores get the same.
func copies(rs []*store.Report) []*store.Report {
	out := make([]*store.Report, len(rs))
	for i, r := range rs {
		c := *r
		c.Selectors = slices.Clone(r.Selectors)
		out[i] = &c
	}
	return out
}

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

// TestBulkLoadEqualsBatches stores the same prepared reports batch by batch
// (Submit) into one store and in one bulk load (Load) into another: every
// row of every table the import writes is the same, indexes included.
func TestBulkLoadEqualsBatches(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	cfg := intel.Config{Now: func() time.Time { return clock }}
	batchedDir, bulkDir := t.TempDir(), t.TempDir()
	open := func(dir string) (*intel.Service, store.Store) {
		st, err := sqlite.Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		svc, err := intel.New(ctx, st, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return svc, st
	}
	batchedSvc, _ := open(batchedDir)
	bulkSvc, bulkSt := open(bulkDir)
	reports, contacts := bulkBatches(t, batchedSvc, &clock)

	var batchedNew int
	for i := range reports {
		res, err := batchedSvc.Submit(ctx, trust.Operator(), copies(reports[i]), contacts[i])
		if err != nil {
			t.Fatal(err)
		}
		for _, ok := range res.Inserted {
			if ok {
				batchedNew++
			}
		}
	}
	var bulkNew int
	err := bulkSvc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
		for i := range reports {
			ins, err := add(copies(reports[i]), contacts[i])
			if err != nil {
				return err
			}
			for _, ok := range ins {
				if ok {
					bulkNew++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if bulkNew != batchedNew || bulkNew < 100 {
		t.Fatalf("new reports: bulk %d, batched %d", bulkNew, batchedNew)
	}
	bulkSt.Close()
	want, got := dump(t, batchedDir), dump(t, bulkDir)
	for _, table := range []string{"reports", "links", "losses", "recipients", "selectors", "sources", "networks", "redirects", "contacts", "indexes"} {
		if len(want[table]) == 0 {
			t.Errorf("%s: degenerate test, no rows", table)
		}
		if !slices.Equal(want[table], got[table]) {
			t.Errorf("%s differ after a bulk load:\nbatched %d rows:\n%s\nbulk %d rows:\n%s", table,
				len(want[table]), strings.Join(want[table], "\n"), len(got[table]), strings.Join(got[table], "\n"))
		}
	}
	if len(want["redirects"]) < 3 || len(want["networks"]) < 5 {
		t.Errorf("degenerate test: %d redirects, %d networks", len(want["redirects"]), len(want["networks"]))
	}
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
	reports, contacts := bulkBatches(t, svc, &clock)
	before := dump(t, dir)
	failure := errors.New("the reader failed")
	err = svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
		for i := range 3 {
			if _, err := add(copies(reports[i]), contacts[i]); err != nil {
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
				if _, err := add(copies(reports[i]), contacts[i]); err != nil {
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
