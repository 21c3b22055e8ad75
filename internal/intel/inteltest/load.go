// Package inteltest holds what the stores' tests share to check the
// intelligence service's write paths against each other on every driver.
package inteltest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// Batches makes random batches of prepared reports with what makes a
// load hard: references repeated within and across batches, selectors
// shared across origins, allow-listed selectors that link nothing but still
// count, a selector named twice by one report, losses, reporters, RED
// recipients, and batches minted on a clock running behind (their reports
// are older than those before and rename the networks they join).
func Batches(t testing.TB, svc *intel.Service, clock *time.Time) ([][]*store.Report, [][]*store.Contact) {
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

// Copies returns copies of the reports, so that two stores get the same.
func Copies(rs []*store.Report) []*store.Report {
	out := make([]*store.Report, len(rs))
	for i, r := range rs {
		c := *r
		c.Selectors = slices.Clone(r.Selectors)
		out[i] = &c
	}
	return out
}

// Tables are the names LoadEqualsSubmit compares, as a dump gives them:
// every table an import writes, and the indexes.
var Tables = []string{"reports", "links", "losses", "recipients", "selectors", "sources", "networks", "redirects", "contacts", "indexes"}

// LoadEqualsSubmit stores the same prepared reports batch by batch
// (Submit) into one new store and in one bulk load (Load) into another,
// both made by open, and compares every row of every table that dump (of
// the store open made) lists, sorted, by the names in Tables.
func LoadEqualsSubmit(t *testing.T, open func(t *testing.T) (store.Store, func() map[string][]string)) {
	ctx := context.Background()
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	cfg := intel.Config{Now: func() time.Time { return clock }}
	service := func() (*intel.Service, func() map[string][]string) {
		st, dump := open(t)
		svc, err := intel.New(ctx, st, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return svc, dump
	}
	batchedSvc, batchedDump := service()
	bulkSvc, bulkDump := service()
	reports, contacts := Batches(t, batchedSvc, &clock)

	var batchedNew int
	for i := range reports {
		res, err := batchedSvc.Submit(ctx, trust.Operator(), Copies(reports[i]), contacts[i])
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
			ins, err := add(Copies(reports[i]), contacts[i])
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
	want, got := batchedDump(), bulkDump()
	for _, table := range Tables {
		if len(want[table]) == 0 {
			t.Errorf("%s: degenerate test, no rows", table)
		}
		slices.Sort(want[table])
		slices.Sort(got[table])
		if !slices.Equal(want[table], got[table]) {
			t.Errorf("%s differ after a bulk load:\nbatched %d rows:\n%s\nbulk %d rows:\n%s", table,
				len(want[table]), strings.Join(want[table], "\n"), len(got[table]), strings.Join(got[table], "\n"))
		}
	}
	if len(want["redirects"]) < 3 || len(want["networks"]) < 5 {
		t.Errorf("degenerate test: %d redirects, %d networks", len(want["redirects"]), len(want["networks"]))
	}
}
