package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"counterscam/internal/store"
)

// testBulkReads checks the bulk reads against the one-at-a-time reads and
// the permission matrix's model, in every scope of the matrix: a selector
// or network out of scope (or unknown) is absent, the rest agree exactly.
func testBulkReads(t *testing.T, s store.Store) {
	ctx := t.Context()
	scopeFixture(t, s)
	var ids []string
	for _, l := range scopeSelectors {
		ids = append(ids, l.SelectorID)
	}
	ids = append(ids, "no-such-selector", scopeSelectors["P1"].SelectorID) // unknown, and repeated

	sels, err := s.GetSelectors(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(sels) != len(scopeSelectors) {
		t.Errorf("GetSelectors: %d selectors, want %d", len(sels), len(scopeSelectors))
	}
	for key, l := range scopeSelectors {
		one, err := s.GetSelector(ctx, l.SelectorID)
		if err != nil {
			t.Fatal(err)
		}
		if alone, err := s.GetSelectors(ctx, []string{l.SelectorID}); err != nil || len(alone) != 1 || !reflect.DeepEqual(alone[l.SelectorID], one) {
			t.Errorf("GetSelectors of %s alone = %v, %v", key, alone, err)
		}
		if got, ok := sels[l.SelectorID]; !ok {
			t.Errorf("GetSelectors: %s missing", key)
		} else {
			wantEqual(t, "GetSelectors of "+key, *got, *one)
		}
	}
	for _, empty := range [][]string{nil, {"no-such-selector"}} {
		got, err := s.GetSelectors(ctx, empty)
		if err != nil || len(got) != 0 {
			t.Errorf("GetSelectors(%q) = %v, %v; want an empty map", empty, got, err)
		}
	}

	nets := []string{scopeNets[1], scopeNets[2], scopeNets[3], "no-such-network"}
	for _, row := range scopeMatrix(t, s) {
		t.Run(row.name, func(t *testing.T) {
			stats, err := s.SelectorStatsMany(ctx, ids, row.sc)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for key, l := range scopeSelectors {
				m := modelStats(key, row.sees)
				got, ok := stats[l.SelectorID]
				switch {
				case m == nil && ok:
					t.Errorf("stats of %s, named by no report in scope: %+v", key, got)
				case m == nil:
				case !ok:
					t.Errorf("stats of %s missing", key)
				default:
					want++
					wantEqual(t, "stats of "+key, got, m)
					wantTime(t, "first seen of "+key, got.FirstSeen, m.FirstSeen)
					one, err := s.SelectorStats(ctx, l.SelectorID, row.sc)
					if err != nil {
						t.Fatal(err)
					}
					wantEqual(t, "stats of "+key+" against SelectorStats", got, one)
					alone, err := s.SelectorStatsMany(ctx, []string{l.SelectorID}, row.sc)
					if err != nil {
						t.Fatal(err)
					}
					wantEqual(t, "stats of "+key+" asked alone", alone, map[string]*store.SelectorStats{l.SelectorID: m})
				}
			}
			if len(stats) != want {
				t.Errorf("SelectorStatsMany: %d selectors, want %d", len(stats), want)
			}

			counts, err := s.NetworkReports(ctx, nets, row.sc)
			if err != nil {
				t.Fatal(err)
			}
			wantCounts := map[string]int{}
			for net := 1; net <= 3; net++ {
				if n, ok := modelNetwork(net, row.sees); ok {
					wantCounts[scopeNets[net]] = n.Reports
				}
			}
			wantEqual(t, "NetworkReports", counts, wantCounts)
			for _, id := range nets {
				alone, err := s.NetworkReports(ctx, []string{id}, row.sc)
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]int{}
				if n, ok := wantCounts[id]; ok {
					want[id] = n
				}
				wantEqual(t, "NetworkReports of "+id+" alone", alone, want)
			}
		})
	}
	for _, sc := range []store.Scope{{}, everything} {
		st, err := s.SelectorStatsMany(ctx, nil, sc)
		if err != nil || len(st) != 0 {
			t.Errorf("SelectorStatsMany(nil) = %v, %v; want an empty map", st, err)
		}
		n, err := s.NetworkReports(ctx, nil, sc)
		if err != nil || len(n) != 0 {
			t.Errorf("NetworkReports(nil) = %v, %v; want an empty map", n, err)
		}
	}
}

// testLastAuditSeq: the audit trail's head number follows every append,
// and a transaction rolled back leaves it as it was.
func testLastAuditSeq(t *testing.T, s store.Store) {
	ctx := t.Context()
	if n, err := s.LastAuditSeq(ctx); err != nil || n != 0 {
		t.Fatalf("empty trail: %d, %v; want 0", n, err)
	}
	seal := func(e *store.AuditEntry) { e.Hash = fmt.Sprint("h", e.Seq, e.Prev) }
	for want := int64(1); want <= 3; want++ {
		err := s.Update(ctx, func(w store.Writer) error {
			return w.AppendAudit(ctx, &store.AuditEntry{Action: "create", RecordType: "report", RecordID: fmt.Sprint(want), Decision: "allow"}, seal)
		})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := s.LastAuditSeq(ctx); err != nil || n != want {
			t.Fatalf("after %d appends: %d, %v", want, n, err)
		}
	}
	failed := errors.New("roll back")
	err := s.Update(ctx, func(w store.Writer) error {
		if err := w.AppendAudit(ctx, &store.AuditEntry{Action: "create", Decision: "allow"}, seal); err != nil {
			return err
		}
		if n, err := w.LastAuditSeq(ctx); err != nil || n != 4 {
			t.Errorf("inside the transaction: %d, %v; want 4", n, err)
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatal(err)
	}
	if n, err := s.LastAuditSeq(ctx); err != nil || n != 3 {
		t.Fatalf("after a rollback: %d, %v; want 3", n, err)
	}
}

// testListingCandidates: the candidates for the public listing are the
// selectors named by at least minSources origins, and the confirmed ones
// whatever their sources.
func testListingCandidates(t *testing.T, s store.Store) {
	ctx := t.Context()
	scopeFixture(t, s)
	var ids []string
	for _, l := range scopeSelectors {
		ids = append(ids, l.SelectorID)
	}
	stored, err := s.GetSelectors(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	got := func(min int) map[string]*store.Selector {
		t.Helper()
		sels, err := s.ListingCandidates(ctx, min)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]*store.Selector{}
		for _, sel := range sels {
			if _, dup := out[sel.ID]; dup {
				t.Errorf("ListingCandidates(%d): %s twice", min, sel.ID)
			}
			out[sel.ID] = sel
		}
		return out
	}
	if all := got(1); len(all) != len(scopeSelectors) {
		t.Errorf("ListingCandidates(1): %d selectors, want all %d (each is named by a report)", len(all), len(scopeSelectors))
	}
	for _, min := range []int{1, 2, 3} {
		want := 0
		cands := got(min)
		for id, sel := range stored {
			c, ok := cands[id]
			switch {
			case sel.Sources >= min && !ok:
				t.Errorf("ListingCandidates(%d): %s (%d sources) missing", min, id, sel.Sources)
			case sel.Sources < min && ok:
				t.Errorf("ListingCandidates(%d): %s has %d sources", min, id, sel.Sources)
			case ok:
				want++
				wantEqual(t, "candidate "+id, *c, *sel)
			}
		}
		if len(cands) != want {
			t.Errorf("ListingCandidates(%d): %d selectors, want %d", min, len(cands), want)
		}
	}
	if none := got(1000); len(none) != 0 {
		t.Errorf("ListingCandidates(1000): %d selectors, want none", len(none))
	}
	yes := true
	p1 := scopeSelectors["P1"].SelectorID
	update(t, s, func(ctx context.Context, w store.Writer) error {
		return w.SetSelectorFlags(ctx, p1, store.SelectorFlags{Confirmed: &yes})
	})
	if one := got(1000); len(one) != 1 || one[p1] == nil || !one[p1].Confirmed {
		t.Errorf("ListingCandidates(1000) after confirming P1: %v; want P1 alone, confirmed", one)
	}
}
