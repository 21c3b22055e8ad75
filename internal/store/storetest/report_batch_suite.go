package storetest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"counterscam/internal/graph"
	"counterscam/internal/store"
)

func testNewReports(t *testing.T, s store.Store) {
	at := day(1, 0)
	insert(t, s, report(1, "kr-knpa", "A-1", at), report(2, "kr-knpa", "", at))
	batch := []*store.Report{
		report(3, "kr-knpa", "A-1", at),    // stored
		report(4, "kh-police", "A-1", at),  // same reference, other origin
		report(5, "kr-knpa", "A-2", at),    // new
		report(6, "kr-knpa", "A-2", at),    // taken by the one before
		report(7, "kr-knpa", "", at),       // no reference: always new
		report(8, "kr-knpa", "", at),       // nor this one
		report(9, "kh-police", "A-1", at),  // taken by 4
		report(10, "partner-th", "B", at),  // new
		report(11, "partner-th", "B", at),  // taken by 10
		report(12, "partner-th", "B2", at), // new
	}
	var got []bool
	update(t, s, func(ctx context.Context, w store.Writer) error {
		var err error
		got, err = w.NewReports(ctx, batch)
		return err
	})
	wantEqual(t, "NewReports", got, []bool{false, true, true, false, true, true, false, true, false, true})
	// It agrees with what InsertReports stores.
	wantEqual(t, "InsertReports", insert(t, s, batch...), got)
}

func testAddReportsConflict(t *testing.T, s store.Store) {
	at := day(1, 0)
	insert(t, s, report(1, "kr-knpa", "A-1", at))
	before := counts(t, s)
	err := s.Update(t.Context(), func(w store.Writer) error {
		r := report(2, "kr-knpa", "A-1", at, sel("phone", "+85510000009", "contacted_by"))
		r.NetworkID = r.ID
		return w.AddReports(t.Context(), []*store.Report{report(3, "kr-knpa", "A-3", at), r}, nil)
	})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("AddReports of a stored reference: err = %v, want store.ErrConflict", err)
	}
	wantEqual(t, "counts after the conflict", counts(t, s), before)
	for _, bad := range [][]store.NetworkMerge{
		{{Absorbed: "", Survivor: rid(1)}},
		{{Absorbed: rid(1), Survivor: rid(2)}, {Absorbed: rid(2), Survivor: rid(3)}}, // survivor not final
		{{Absorbed: rid(1), Survivor: rid(2)}, {Absorbed: rid(1), Survivor: rid(3)}}, // absorbed twice
	} {
		err := s.Update(t.Context(), func(w store.Writer) error { return w.AddReports(t.Context(), nil, bad) })
		if err == nil {
			t.Errorf("AddReports with merges %v: no error", bad)
		}
	}
}

// testAddReportsEqualsRefresh links random batches as the intelligence
// service does (a graph.Partition decides networks and merges; a few
// "weak" selectors are left out of linking, as allow-listed ones are, and a
// few are marked "does not link") and stores them with AddReports. Every
// few batches the summaries it kept must equal what RefreshNetworks
// recounts from scratch, every report must be in its partition network and
// every absorbed network ID must lead there.
func testAddReportsEqualsRefresh(t *testing.T, s store.Store) {
	rng := rand.New(rand.NewPCG(7, 11))
	const pool = 150
	selAt := func(i int) store.ReportSelector {
		kinds := []string{"phone", "crypto", "bank_account", "url"}
		return sel(kinds[i%len(kinds)], fmt.Sprintf("v%04d", i), "paid_to")
	}
	weak := func(id string) bool { return id == selAt(0).SelectorID || id == selAt(1).SelectorID }
	part := graph.New()
	var (
		absorbed []string
		next     = 1000 // report numbers, counting up
		late     = 999  // and down, for reports older than those stored
		refs     []string
		stored   []string
	)
	noLink := map[string]bool{}
	for b := range 40 {
		var reports []*store.Report
		for range 1 + rng.IntN(12) {
			n := next
			next++
			if rng.IntN(10) == 0 {
				n = late // an old report arriving late: it renames its network
				late--
			}
			at := day(rng.IntN(300), rng.IntN(24))
			ref := fmt.Sprintf("R-%d", n)
			if len(refs) > 0 && rng.IntN(8) == 0 {
				ref = refs[rng.IntN(len(refs))] // already stored, or earlier in the batch
			}
			refs = append(refs, ref)
			var sels []store.ReportSelector
			for range rng.IntN(4) {
				i := rng.IntN(pool)
				if rng.IntN(3) == 0 {
					i = rng.IntN(2) // a weak one
				}
				sels = append(sels, selAt(i))
			}
			r := report(n, []string{"kr-knpa", "kh-police"}[rng.IntN(2)], ref, at, sels...)
			reports = append(reports, r)
		}
		var redirects []graph.Redirect
		update(t, s, func(ctx context.Context, w store.Writer) error {
			fresh, err := w.NewReports(ctx, reports)
			if err != nil {
				return err
			}
			var add []*store.Report
			for i, r := range reports {
				if !fresh[i] {
					continue
				}
				var linking []string
				for _, l := range r.Selectors {
					if !weak(l.SelectorID) && !noLink[l.SelectorID] {
						linking = append(linking, l.SelectorID)
					}
				}
				redirects = append(redirects, part.AddReport(r.ID, linking)...)
				add = append(add, r)
			}
			for _, r := range add {
				r.NetworkID, _ = part.NetworkOf(r.ID)
				stored = append(stored, r.ID)
			}
			var merges []store.NetworkMerge
			for _, rd := range redirects {
				to, _ := part.NetworkOf(rd.From)
				merges = append(merges, store.NetworkMerge{Absorbed: rd.From, Survivor: to})
				absorbed = append(absorbed, rd.From)
			}
			return w.AddReports(ctx, add, merges)
		})
		if b == 20 {
			// Mark a linking selector "does not link" and rebuild, as the
			// service does.
			var id string
			for _, r := range reports {
				for _, l := range r.Selectors {
					if !weak(l.SelectorID) {
						id = l.SelectorID
					}
				}
			}
			if id == "" {
				t.Fatal("degenerate test: no linking selector in the batch to mark")
			}
			noLink[id] = true
			yes := true
			update(t, s, func(ctx context.Context, w store.Writer) error {
				return w.SetSelectorFlags(ctx, id, store.SelectorFlags{NoLink: &yes})
			})
			part = rebuildPartition(t, s, weak)
			absorbed = nil // a split leaves older redirects as they were
			update(t, s, func(ctx context.Context, w store.Writer) error {
				return w.ReplaceNetworks(ctx, func(id string) string {
					if n, ok := part.NetworkOf(id); ok {
						return n
					}
					part.AddReport(id, nil) // no linking selector: a network of its own
					return id
				})
			})
		}
		if b%5 == 4 {
			checkAgainstRefresh(t, s, part, stored, absorbed)
		}
	}
}

// rebuildPartition reads the store's edges into a new partition, leaving
// out the weak selectors.
func rebuildPartition(t *testing.T, s store.Store, weak func(string) bool) *graph.Partition {
	t.Helper()
	var readErr error
	p := graph.Build(iter.Seq2[string, []string](func(yield func(string, []string) bool) {
		readErr = s.Edges(t.Context(), func(e store.Edge) error {
			if !weak(e.SelectorID) && !yield(e.ReportID, []string{e.SelectorID}) {
				return errors.New("stop")
			}
			return nil
		})
	}))
	if readErr != nil {
		t.Fatal(readErr)
	}
	return p
}

func checkAgainstRefresh(t *testing.T, s store.Store, part *graph.Partition, stored, absorbed []string) {
	t.Helper()
	ctx := t.Context()
	type row struct {
		ID                  string
		Reports, Selectors  int
		FirstSeen, LastSeen time.Time
	}
	list := func() []row {
		ns, err := s.ListNetworks(ctx, store.NetworkFilter{Scope: everything})
		if err != nil {
			t.Fatal(err)
		}
		var out []row
		for _, n := range ns {
			out = append(out, row{n.ID, n.Reports, n.Selectors, n.FirstSeen, n.LastSeen})
		}
		slices.SortFunc(out, func(a, b row) int { return cmpString(a.ID, b.ID) })
		return out
	}
	kept := list()
	nets := map[string]bool{}
	for _, id := range stored {
		want, _ := part.NetworkOf(id)
		nets[want] = true
		if r := getReport(t, s, id); r.NetworkID != want {
			t.Errorf("report %s in network %s, want %s", id, r.NetworkID, want)
		}
	}
	for _, id := range absorbed {
		want, _ := part.NetworkOf(id)
		if n, err := s.GetNetwork(ctx, id); err != nil || n.ID != want {
			t.Errorf("GetNetwork(absorbed %s) = %v, %v; want network %s", id, n, err, want)
		}
	}
	ids := make([]string, 0, len(nets))
	for id := range nets {
		ids = append(ids, id)
	}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.RefreshNetworks(ctx, ids) })
	recounted := list()
	wantEqual(t, "summaries kept by AddReports vs recounted", kept, recounted)
	if len(recounted) != len(nets) {
		t.Errorf("%d summaries for %d networks", len(recounted), len(nets))
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// testAddReportsOrphan joins new reports to a network whose reports are
// stored but whose summary is not (assigned by SetNetworks, never
// refreshed): its summary cannot be added to, so it is recounted whole.
func testAddReportsOrphan(t *testing.T, s store.Store) {
	phone := sel("phone", "+85510000001", "contacted_by")
	wallet := sel("crypto", "TQ1111111111111111111111111111111", "paid_to")
	insert(t, s, report(1, "kr-knpa", "", day(1, 0), phone), report(2, "kr-knpa", "", day(2, 0), wallet))
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetNetworks(ctx, []string{rid(1), rid(2)}, []string{rid(1), rid(2)}); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{rid(2)}) // rid(1)'s summary stays missing
	})
	r := report(3, "kh-police", "", day(0, 0), phone, wallet, sel("url", "https://x.example/", "website"))
	r.NetworkID = rid(1)
	update(t, s, func(ctx context.Context, w store.Writer) error {
		return w.AddReports(ctx, []*store.Report{r}, []store.NetworkMerge{{Absorbed: rid(2), Survivor: rid(1)}})
	})
	n := getNetwork(t, s, rid(2))
	if n.ID != rid(1) || n.Reports != 3 || n.Selectors != 3 {
		t.Errorf("network after the merge = %+v, want %s with 3 reports and 3 selectors", n, rid(1))
	}
	wantTime(t, "first seen", n.FirstSeen, day(0, 0))
	wantTime(t, "last seen", n.LastSeen, day(2, 0))
	if c := counts(t, s); c.Networks != 1 {
		t.Errorf("networks = %d, want 1", c.Networks)
	}
}
