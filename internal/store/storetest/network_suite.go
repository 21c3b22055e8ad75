package storetest

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"counterscam/internal/store"
)

func testNetworks(t *testing.T, s store.Store) {
	before := time.Now().Add(-time.Minute)
	fx := networkFixture(t, s)
	ns, err := s.ListNetworks(t.Context(), store.NetworkFilter{Scope: everything})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		id            string
		reports, sels int
		first, last   time.Time
	}
	var got []row
	for _, n := range ns {
		got = append(got, row{n.ID, n.Reports, n.Selectors, n.FirstSeen, n.LastSeen})
		if n.UpdatedAt.Before(before) || n.UpdatedAt.Location() != time.UTC {
			t.Errorf("network %s updated at %v", n.ID, n.UpdatedAt)
		}
		wantEqual(t, "GetNetwork "+n.ID, *getNetwork(t, s, n.ID), *n)
	}
	// Largest first; n2 and n4 are as large, so by ID.
	wantEqual(t, "networks", got, []row{
		{fx.n1, 3, 4, day(0, 0), day(50, 0)},
		{fx.n2, 2, 1, day(10, 0), day(11, 0)},
		{fx.n4, 2, 2, day(111, 0), day(112, 0)},
		{fx.n3, 1, 1, day(81, 0), day(81, 0)},
	})
	wantTime(t, "n1 first seen", ns[0].FirstSeen, day(0, 0))

	// A selector marked NoLink no longer counts once the summary is refreshed.
	yes := true
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetSelectorFlags(ctx, fx.site, store.SelectorFlags{NoLink: &yes}); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{fx.n1})
	})
	if n := getNetwork(t, s, fx.n1); n.Selectors != 3 {
		t.Errorf("n1 selectors after NoLink = %d, want 3", n.Selectors)
	}

	// Moving n3's only report into n1 empties n3: its summary goes.
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetNetworks(ctx, []string{rid(6)}, []string{fx.n1}); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{fx.n1, fx.n3, fx.n1, "", rid(999)})
	})
	_, err = s.GetNetwork(t.Context(), fx.n3)
	wantNotFound(t, "GetNetwork of an emptied network", err)
	n1 := getNetwork(t, s, fx.n1)
	if n1.Reports != 4 || n1.Selectors != 4 {
		t.Errorf("n1 = %+v, want 4 reports and 4 selectors", n1)
	}
	wantTime(t, "n1 last seen", n1.LastSeen, day(81, 0))
	if c := counts(t, s); c.Networks != 3 {
		t.Errorf("networks = %d, want 3", c.Networks)
	}

	// A report taken out of every network; a report named twice takes its last network.
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetNetworks(ctx, []string{rid(8), rid(7), rid(7)}, []string{"", fx.n1, fx.n4}); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{fx.n4})
	})
	if r := getReport(t, s, rid(8)); r.NetworkID != "" {
		t.Errorf("report 8 network = %q, want none", r.NetworkID)
	}
	if r := getReport(t, s, rid(7)); r.NetworkID != fx.n4 {
		t.Errorf("report 7 network = %q, want %s", r.NetworkID, fx.n4)
	}
	if n := getNetwork(t, s, fx.n4); n.Reports != 1 || n.Selectors != 2 {
		t.Errorf("n4 = %+v, want 1 report, 2 selectors", n)
	}
	err = s.Update(t.Context(), func(w store.Writer) error {
		return w.SetNetworks(t.Context(), []string{rid(1), rid(2)}, []string{fx.n1})
	})
	if err == nil {
		t.Error("SetNetworks with fewer networks than reports: no error")
	}
	// Nothing to refresh is no error.
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.RefreshNetworks(ctx, nil) })
}

func testListNetworksFilters(t *testing.T, s store.Store) {
	fx := networkFixture(t, s)
	all := []string{fx.n1, fx.n2, fx.n4, fx.n3}
	tests := []struct {
		name string
		f    store.NetworkFilter
		want []string
	}{
		{"none", store.NetworkFilter{Scope: everything}, all},
		{"scam type", store.NetworkFilter{Scope: everything, ScamType: "crypto_investment"}, []string{fx.n1}},
		{"scam type in two", store.NetworkFilter{Scope: everything, ScamType: "romance"}, []string{fx.n1, fx.n3}},
		{"country", store.NetworkFilter{Scope: everything, VictimCountry: "KH"}, []string{fx.n1, fx.n2}},
		{"scam type and country of one report", store.NetworkFilter{Scope: everything, ScamType: "romance", VictimCountry: "KR"}, []string{fx.n1, fx.n3}},
		{"scam type and country of different reports", store.NetworkFilter{Scope: everything, ScamType: "romance", VictimCountry: "KH"}, nil},
		{"since is inclusive, until exclusive", store.NetworkFilter{Scope: everything, Since: day(22, 0), Until: day(50, 0)}, []string{fx.n1}},
		{"one instant", store.NetworkFilter{Scope: everything, Since: day(50, 0), Until: day(50, 0).Add(time.Microsecond)}, []string{fx.n1}},
		{"until", store.NetworkFilter{Scope: everything, Until: day(10, 0)}, []string{fx.n1}},
		{"until just after", store.NetworkFilter{Scope: everything, Until: day(10, 0).Add(time.Microsecond)}, []string{fx.n1, fx.n2}},
		{"since", store.NetworkFilter{Scope: everything, Since: day(81, 0)}, []string{fx.n4, fx.n3}},
		{"since in another zone", store.NetworkFilter{Scope: everything, Since: day(81, 0).In(time.FixedZone("KST", 9*3600))}, []string{fx.n4, fx.n3}},
		{"period and country", store.NetworkFilter{Scope: everything, Since: day(20, 0), VictimCountry: "KH"}, []string{fx.n1}},
		{"min reports", store.NetworkFilter{Scope: everything, MinReports: 2}, []string{fx.n1, fx.n2, fx.n4}},
		{"min reports and scam type", store.NetworkFilter{Scope: everything, MinReports: 2, ScamType: "romance"}, []string{fx.n1}},
		{"limit", store.NetworkFilter{Scope: everything, Limit: 2}, []string{fx.n1, fx.n2}},
		{"after", store.NetworkFilter{Scope: everything, After: fx.n2, Limit: 2}, []string{fx.n4, fx.n3}},
		{"after a tie", store.NetworkFilter{Scope: everything, After: fx.n4}, []string{fx.n3}},
		{"after the last", store.NetworkFilter{Scope: everything, After: fx.n3}, nil},
		{"after with a filter", store.NetworkFilter{Scope: everything, After: fx.n1, ScamType: "romance"}, []string{fx.n3}},
		{"nothing matches", store.NetworkFilter{Scope: everything, ScamType: "sextortion"}, nil},
	}
	for _, sc := range fullScopes {
		for _, tt := range tests {
			tt.f.Scope = sc
			wantEqual(t, fmt.Sprintf("%s in %+v", tt.name, sc), listIDs(t, s, tt.f), tt.want)
		}
		// Page through one at a time.
		var paged []string
		after := ""
		for i := 0; i < 10; i++ {
			page := listIDs(t, s, store.NetworkFilter{Scope: sc, After: after, Limit: 1})
			if len(page) == 0 {
				break
			}
			paged = append(paged, page...)
			after = page[0]
		}
		wantEqual(t, fmt.Sprintf("paged in %+v", sc), paged, all)
	}
}

func testSummariseNetwork(t *testing.T, s store.Store) {
	fx := networkFixture(t, s)
	for _, sc := range fullScopes {
		got, err := s.SummariseNetwork(t.Context(), fx.n1, sc)
		if err != nil {
			t.Fatal(err)
		}
		want := &store.NetworkSummary{
			Network:         scopedNetwork(t, s, fx.n1, sc, day(50, 0).Add(time.Minute)),
			Victims:         2, // v1 twice, and a report without a victim reference
			Losses:          map[string]int64{"USD": 1500, "KRW": 2000000},
			ScamTypes:       map[string]int{"romance": 1, "crypto_investment": 2},
			VictimCountries: map[string]int{"KR": 2, "KH": 1},
			SelectorsByKind: map[string]int{"phone": 1, "crypto": 1, "email": 1, "url": 1},
		}
		wantEqual(t, fmt.Sprintf("n1 summary in %+v", sc), got, want)

		got, err = s.SummariseNetwork(t.Context(), fx.n2, sc)
		if err != nil {
			t.Fatal(err)
		}
		want = &store.NetworkSummary{
			Network:         scopedNetwork(t, s, fx.n2, sc, day(11, 0).Add(time.Minute)),
			Victims:         2,
			Losses:          map[string]int64{},
			ScamTypes:       map[string]int{"job_lure": 2},
			VictimCountries: map[string]int{"KH": 2},
			SelectorsByKind: map[string]int{"handle": 1},
		}
		wantEqual(t, fmt.Sprintf("n2 summary in %+v", sc), got, want)
	}

	// NoLink selectors do not count; a merged network is summarised as its survivor.
	yes := true
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetSelectorFlags(ctx, fx.site, store.SelectorFlags{NoLink: &yes}); err != nil {
			return err
		}
		if err := w.MergeNetworks(ctx, fx.n4, fx.n1); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{fx.n1})
	})
	for _, sc := range fullScopes {
		got, err := s.SummariseNetwork(t.Context(), fx.n4, sc)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != fx.n1 || got.Reports != 5 || got.Victims != 4 {
			t.Errorf("summary of merged n4: id %s reports %d victims %d, want %s, 5, 4", got.ID, got.Reports, got.Victims, fx.n1)
		}
		wantEqual(t, "losses after merge", got.Losses, map[string]int64{"USD": 1500, "KRW": 2000000, "THB": 7000})
		wantEqual(t, "selectors after merge", got.SelectorsByKind, map[string]int{"phone": 1, "crypto": 1, "email": 1, "bank_account": 1, "handle": 1})
		wantEqual(t, "countries after merge", got.VictimCountries, map[string]int{"KR": 2, "KH": 1, "TH": 2})
	}
}

// scopedNetwork is the stored summary of a network whose reports are all in
// sc, as a read in sc returns it: outside Scope.All, updated when its
// latest report was created.
func scopedNetwork(t *testing.T, s store.Reader, id string, sc store.Scope, latest time.Time) store.Network {
	t.Helper()
	n := *getNetwork(t, s, id)
	if !sc.All {
		n.UpdatedAt = latest
	}
	return n
}

func testNetworkSelectors(t *testing.T, s store.Store) {
	fx := networkFixture(t, s)
	tied := []string{fx.email, fx.site}
	sort.Strings(tied)
	tests := []struct {
		network string
		limit   int
		want    []string
		counts  []int
	}{
		{fx.n1, 0, []string{fx.wallet, fx.phoneA, tied[0], tied[1]}, []int{3, 2, 1, 1}},
		{fx.n1, 2, []string{fx.wallet, fx.phoneA}, []int{3, 2}},
		{fx.n2, 0, []string{fx.handle}, []int{2}}, // r4 names it in two roles: one report
	}
	for _, sc := range fullScopes {
		for _, tt := range tests {
			got, err := s.NetworkSelectors(t.Context(), tt.network, tt.limit, sc)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			var cs []int
			for _, c := range got {
				ids = append(ids, c.ID)
				cs = append(cs, c.Count)
				wantEqual(t, "selector "+c.Value, c.Selector, *getSelector(t, s, c.ID))
			}
			wantEqual(t, fmt.Sprintf("selectors of %s in %+v", tt.network, sc), ids, tt.want)
			wantEqual(t, fmt.Sprintf("counts of %s in %+v", tt.network, sc), cs, tt.counts)
		}
	}
}

func testMergeNetworks(t *testing.T, s store.Store) {
	fx := networkFixture(t, s)
	merge := func(absorbed, survivor string, refresh ...string) {
		t.Helper()
		update(t, s, func(ctx context.Context, w store.Writer) error {
			if err := w.MergeNetworks(ctx, absorbed, survivor); err != nil {
				return err
			}
			return w.RefreshNetworks(ctx, refresh)
		})
	}
	merge(fx.n2, fx.n1, fx.n1)
	for _, id := range []string{rid(4), rid(5)} {
		if r := getReport(t, s, id); r.NetworkID != fx.n1 {
			t.Errorf("report %s network = %s, want %s", id, r.NetworkID, fx.n1)
		}
	}
	if n := getNetwork(t, s, fx.n2); n.ID != fx.n1 || n.Reports != 5 || n.Selectors != 5 {
		t.Errorf("GetNetwork(absorbed) = %+v, want the survivor with 5 reports and 5 selectors", n)
	}
	wantEqual(t, "networks after merge", listIDs(t, s, store.NetworkFilter{Scope: everything}), []string{fx.n1, fx.n4, fx.n3})
	rs, err := s.ListReports(t.Context(), store.ReportFilter{Scope: everything, NetworkID: fx.n2})
	if err != nil || len(rs) != 5 {
		t.Errorf("ListReports of the absorbed network: %d reports, %v; want the survivor's 5", len(rs), err)
	}

	// A chain: n1 (which absorbed n2) goes into n4.
	merge(fx.n1, fx.n4, fx.n4)
	for _, id := range []string{fx.n1, fx.n2, fx.n4} {
		if n := getNetwork(t, s, id); n.ID != fx.n4 || n.Reports != 7 {
			t.Errorf("GetNetwork(%s) = %+v, want %s with 7 reports", id, n, fx.n4)
		}
	}
	// Merging what is already merged, either way round, changes nothing.
	merge(fx.n2, fx.n4)
	merge(fx.n4, fx.n1)
	// Merging into an absorbed network lands in its survivor.
	merge(fx.n3, fx.n1, fx.n4, fx.n3)
	if r := getReport(t, s, rid(6)); r.NetworkID != fx.n4 {
		t.Errorf("report 6 network = %s, want %s", r.NetworkID, fx.n4)
	}
	wantEqual(t, "networks after chain", listIDs(t, s, store.NetworkFilter{Scope: everything}), []string{fx.n4})
	if c := counts(t, s); c.Networks != 1 || c.Reports != 8 {
		t.Errorf("counts = %+v", c)
	}
	// A network given reports again is no longer redirected.
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetNetworks(ctx, []string{rid(1)}, []string{fx.n1}); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{fx.n1, fx.n4})
	})
	if n := getNetwork(t, s, fx.n1); n.ID != fx.n1 || n.Reports != 1 {
		t.Errorf("revived n1 = %+v", n)
	}
	if n := getNetwork(t, s, fx.n2); n.ID != fx.n4 || n.Reports != 7 {
		t.Errorf("n2 after n1's revival = %+v, want %s with 7 reports", n, fx.n4)
	}
}

func testReplaceNetworks(t *testing.T, s store.Store) {
	fx := networkFixture(t, s)
	// n2 merged into n1 leaves a redirect that the rebuild must lift.
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.MergeNetworks(ctx, fx.n2, fx.n1); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{fx.n1})
	})
	fresh := rid(8)
	want := map[string]string{
		rid(1): fx.n1, rid(2): fx.n1, rid(3): fx.n1,
		rid(4): fx.n2, rid(5): fx.n2,
		rid(6): "",
		rid(7): fresh, rid(8): fresh,
	}
	var asked []string
	for pass := 0; pass < 2; pass++ { // twice: the second changes nothing
		asked = asked[:0]
		update(t, s, func(ctx context.Context, w store.Writer) error {
			return w.ReplaceNetworks(ctx, func(id string) string { asked = append(asked, id); return want[id] })
		})
		sort.Strings(asked)
		wantEqual(t, "reports assigned", asked, []string{rid(1), rid(2), rid(3), rid(4), rid(5), rid(6), rid(7), rid(8)})
		for id, n := range want {
			if r := getReport(t, s, id); r.NetworkID != n {
				t.Errorf("pass %d: report %s network = %q, want %q", pass, id, r.NetworkID, n)
			}
		}
		ns, err := s.ListNetworks(t.Context(), store.NetworkFilter{Scope: everything})
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			id            string
			reports, sels int
		}
		var got []row
		for _, n := range ns {
			got = append(got, row{n.ID, n.Reports, n.Selectors})
		}
		wantEqual(t, "networks after rebuild", got, []row{{fx.n1, 3, 4}, {fx.n2, 2, 1}, {fresh, 2, 2}})
		if n := getNetwork(t, s, fx.n2); n.ID != fx.n2 {
			t.Errorf("GetNetwork(n2) = %s, want n2 itself after the rebuild", n.ID)
		}
		_, err = s.GetNetwork(t.Context(), fx.n4)
		wantNotFound(t, "GetNetwork of a network the rebuild dissolved", err)
		if c := counts(t, s); c.Networks != 3 {
			t.Errorf("networks = %d, want 3", c.Networks)
		}
	}
}
