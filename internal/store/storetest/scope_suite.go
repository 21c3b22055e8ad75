package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"counterscam/internal/store"
)

// netSize is a network as a listing shows it: its ID and how many reports.
type netSize struct {
	id      string
	reports int
}

// matrixRow is one viewer of the permission matrix, with what it sees,
// counted by hand.
type matrixRow struct {
	name     string
	sc       store.Scope
	sees     []int // report numbers
	networks []netSize
	counts   store.Counts
}

func scopeMatrix(t *testing.T, s store.Store) []matrixRow {
	n1, n2, n3 := scopeNets[1], scopeNets[2], scopeNets[3]
	return []matrixRow{
		{"public", store.Scope{}, []int{1, 7},
			[]netSize{{n1, 1}, {n2, 1}}, store.Counts{Reports: 2, Selectors: 2, Networks: 2}},
		{"member of the origin", viewerScope(t, s, userA2), []int{1, 2, 3, 4, 7, 8},
			[]netSize{{n1, 4}, {n2, 2}}, store.Counts{Reports: 6, Selectors: 3, Networks: 2}},
		{"creator of RED reports", viewerScope(t, s, userA1), []int{1, 2, 3, 4, 5, 7, 8, 11},
			[]netSize{{n1, 5}, {n2, 2}, {n3, 1}}, store.Counts{Reports: 8, Selectors: 5, Networks: 3}},
		{"member of the partner", viewerScope(t, s, userB1), []int{1, 2, 3, 6, 7, 8, 9, 13, 14},
			[]netSize{{n2, 5}, {n1, 4}}, store.Counts{Reports: 9, Selectors: 3, Networks: 2}},
		{"RED recipient", viewerScope(t, s, userB2), []int{1, 2, 3, 5, 6, 7, 8, 9, 13, 14},
			[]netSize{{n1, 5}, {n2, 5}}, store.Counts{Reports: 10, Selectors: 4, Networks: 2}},
		{"member of an unrelated organisation", viewerScope(t, s, userC1), []int{1, 2, 7, 8},
			[]netSize{{n1, 2}, {n2, 2}}, store.Counts{Reports: 4, Selectors: 3, Networks: 2}},
		{"the origin's machine account, not a member", store.Scope{Org: orgA}, []int{1, 3, 4, 7},
			[]netSize{{n1, 3}, {n2, 1}}, store.Counts{Reports: 4, Selectors: 3, Networks: 2}},
		{"partners without an organisation", store.Scope{PartnerOf: []string{orgA, orgB}}, []int{1, 7},
			[]netSize{{n1, 1}, {n2, 1}}, store.Counts{Reports: 2, Selectors: 2, Networks: 2}},
		{"all", everything, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14},
			[]netSize{{n1, 6}, {n2, 6}, {n3, 2}}, store.Counts{Reports: 14, Selectors: 5, Networks: 3}},
	}
}

func testScopeMatrix(t *testing.T, s store.Store) {
	scopeFixture(t, s)
	if sc := viewerScope(t, s, userB1); len(sc.PartnerOf) != 1 || sc.PartnerOf[0] != orgA {
		t.Fatalf("orgB's scope = %+v, want orgA's AMBER", sc)
	}
	for _, row := range scopeMatrix(t, s) {
		t.Run(row.name, func(t *testing.T) {
			checkScope(t, s, row)
		})
	}
}

// checkScope checks every scoped read against row and the model.
func checkScope(t *testing.T, s store.Store, row matrixRow) {
	ctx := t.Context()
	var want []string
	for _, n := range row.sees {
		want = append(want, rid(n))
	}
	reps, err := s.ListReports(ctx, store.ReportFilter{Scope: row.sc})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range reps {
		got = append(got, r.ID)
		wantEqual(t, "listed report "+r.ID, *r, *getReport(t, s, r.ID))
	}
	wantEqual(t, "reports", got, want)

	c, err := s.Counts(ctx, row.sc)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "counts", c, row.counts)

	nets, err := s.ListNetworks(ctx, store.NetworkFilter{Scope: row.sc})
	if err != nil {
		t.Fatal(err)
	}
	var sizes []netSize
	for _, n := range nets {
		sizes = append(sizes, netSize{n.ID, n.Reports})
	}
	wantEqual(t, "networks", sizes, row.networks)
	for _, n := range nets {
		wantEqual(t, "listed network "+n.ID, *n, expectNetwork(t, s, netNumber(n.ID), row))
	}

	for net := 1; net <= 3; net++ {
		id := scopeNets[net]
		_, visible := modelNetwork(net, row.sees)
		sum, err := s.SummariseNetwork(ctx, id, row.sc)
		sels, err2 := s.NetworkSelectors(ctx, id, 0, row.sc)
		if !visible {
			wantNotFound(t, "SummariseNetwork of a network out of scope", err)
			wantNotFound(t, "NetworkSelectors of a network out of scope", err2)
			continue
		}
		if err != nil || err2 != nil {
			t.Fatalf("network %d: %v, %v", net, err, err2)
		}
		wantSum := modelSummary(net, row.sees)
		wantSum.Network = expectNetwork(t, s, net, row)
		wantEqual(t, fmt.Sprintf("summary of network %d", net), sum, wantSum)
		checkNetworkSelectors(t, s, net, row, sels)
	}

	for key, l := range scopeSelectors {
		st, err := s.SelectorStats(ctx, l.SelectorID, row.sc)
		if m := modelStats(key, row.sees); m == nil {
			wantNotFound(t, "SelectorStats of "+key+", named by no report in scope", err)
		} else if err != nil {
			t.Errorf("SelectorStats(%s): %v", key, err)
		} else {
			wantEqual(t, "stats of "+key, st, m)
			wantTime(t, "first seen of "+key, st.FirstSeen, m.FirstSeen)
		}
	}
}

func netNumber(id string) int {
	for n, x := range scopeNets {
		if x == id {
			return n
		}
	}
	return 0
}

// expectNetwork is network net as row's viewer sees it: as the model says,
// updated when last refreshed for Scope.All.
func expectNetwork(t *testing.T, s store.Reader, net int, row matrixRow) store.Network {
	t.Helper()
	n, _ := modelNetwork(net, row.sees)
	if row.sc.All {
		n.UpdatedAt = getNetwork(t, s, n.ID).UpdatedAt
	}
	return n
}

// checkNetworkSelectors compares a NetworkSelectors answer with the model:
// every selector's own counts are over the reports in scope.
func checkNetworkSelectors(t *testing.T, s store.Reader, net int, row matrixRow, got []store.SelectorCount) {
	t.Helper()
	model := modelNetworkSelectors(net, row.sees)
	if len(got) != len(model) {
		t.Errorf("network %d: %d selectors, want %d", net, len(got), len(model))
		return
	}
	for i, m := range model {
		want := *getSelector(t, s, scopeSelectors[m.key].SelectorID)
		want.Reports, want.Sources, want.FirstSeen, want.LastSeen = m.stats.Reports, m.stats.Sources, m.stats.FirstSeen, m.stats.LastSeen
		wantEqual(t, fmt.Sprintf("network %d selector %d", net, i), got[i], store.SelectorCount{Selector: want, Count: m.count})
	}
	// With a limit, the first ones.
	if len(model) > 1 {
		top, err := s.NetworkSelectors(t.Context(), scopeNets[net], 1, row.sc)
		if err != nil || len(top) != 1 || top[0].ID != got[0].ID {
			t.Errorf("network %d, limit 1: %+v, %v", net, top, err)
		}
	}
}

// testScopeHandCounted checks a few of the model's answers against values
// counted by hand, so that a wrong model cannot agree with a wrong driver.
func testScopeHandCounted(t *testing.T, s store.Store) {
	scopeFixture(t, s)
	ctx := t.Context()
	partner, origin := viewerScope(t, s, userB1), viewerScope(t, s, userA2)
	sum, err := s.SummariseNetwork(ctx, scopeNets[1], partner)
	if err != nil {
		t.Fatal(err)
	}
	// Reports 1, 2, 3 and 6: the RED 5 and orgA's AMBER+STRICT 4 are out.
	wantEqual(t, "partner's losses", sum.Losses, map[string]int64{"USD": 1<<1 + 1<<2 + 1<<3 + 1<<6})
	wantEqual(t, "partner's scam types", sum.ScamTypes, map[string]int{"romance": 3, "crypto_investment": 1})
	if sum.Reports != 4 || sum.Victims != 3 || sum.Selectors != 1 {
		t.Errorf("partner's network 1: %d reports, %d victims, %d selectors; want 4, 3, 1", sum.Reports, sum.Victims, sum.Selectors)
	}
	wantTime(t, "partner's network 1 last seen", sum.LastSeen, day(6, 0))
	sels, err := s.NetworkSelectors(ctx, scopeNets[1], 0, partner)
	if err != nil || len(sels) != 2 {
		t.Fatalf("partner's selectors of network 1: %+v, %v", sels, err)
	}
	// X: report 2 in network 1, and orgB's own AMBER+STRICT 9 in network 2.
	if x := sels[1]; x.ID != scopeSelectors["X"].SelectorID || x.Count != 1 || x.Reports != 2 || x.Sources != 2 {
		t.Errorf("X as the partner sees it: %+v", x)
	}
	st, err := s.SelectorStats(ctx, scopeSelectors["X"].SelectorID, origin)
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "X as the origin sees it", *st, store.SelectorStats{Reports: 2, Sources: 1, FirstSeen: day(2, 0), LastSeen: day(4, 0),
		ScamTypes: []string{"crypto_investment", "job_lure"}, Networks: []string{scopeNets[1]}})
	st, err = s.SelectorStats(ctx, scopeSelectors["X"].SelectorID, partner)
	if err != nil || st.Reports != 2 || len(st.Networks) != 2 {
		t.Errorf("X as the partner sees it: %+v, %v", st, err)
	}
	all, err := s.SelectorStats(ctx, scopeSelectors["P1"].SelectorID, everything)
	if p1 := getSelector(t, s, scopeSelectors["P1"].SelectorID); err != nil || all.Reports != p1.Reports || all.Sources != p1.Sources {
		t.Errorf("P1 in Scope.All: %+v, %v; the selector says %d reports, %d sources", all, err, p1.Reports, p1.Sources)
	}
}

func testScopeFilters(t *testing.T, s store.Store) {
	scopeFixture(t, s)
	partner, origin := viewerScope(t, s, userB1), viewerScope(t, s, userA2)
	creator, recipient := viewerScope(t, s, userA1), viewerScope(t, s, userB2)
	n1, n2, n3 := scopeNets[1], scopeNets[2], scopeNets[3]
	nets := []struct {
		name string
		f    store.NetworkFilter
		want []netSize
	}{
		{"a scam type only in a RED report", store.NetworkFilter{Scope: partner, ScamType: "sextortion"}, nil},
		{"a scam type in a RED report shared", store.NetworkFilter{Scope: recipient, ScamType: "sextortion"}, []netSize{{n1, 5}}},
		{"a scam type only in AMBER+STRICT", store.NetworkFilter{Scope: store.Scope{}, ScamType: "job_lure"}, nil},
		{"min reports over visible reports", store.NetworkFilter{Scope: partner, MinReports: 5}, []netSize{{n2, 5}}},
		{"min reports, all", store.NetworkFilter{Scope: everything, MinReports: 5}, []netSize{{n1, 6}, {n2, 6}}},
		{"limit", store.NetworkFilter{Scope: partner, Limit: 1}, []netSize{{n2, 5}}},
		{"after, by visible size", store.NetworkFilter{Scope: partner, After: n2}, []netSize{{n1, 4}}},
		{"after the last", store.NetworkFilter{Scope: creator, After: n3}, nil},
		{"country of visible reports", store.NetworkFilter{Scope: origin, VictimCountry: "KH"}, []netSize{{n2, 2}}},
		// The filter picks networks; they are counted over every report in scope.
		{"since", store.NetworkFilter{Scope: partner, Since: day(9, 0)}, []netSize{{n2, 5}}},
		{"until", store.NetworkFilter{Scope: origin, Until: day(2, 0)}, []netSize{{n1, 4}}},
	}
	for _, tt := range nets {
		ns, err := s.ListNetworks(t.Context(), tt.f)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []netSize
		for _, n := range ns {
			got = append(got, netSize{n.ID, n.Reports})
		}
		wantEqual(t, tt.name, got, tt.want)
	}
	_, err := s.ListNetworks(t.Context(), store.NetworkFilter{Scope: origin, After: n3})
	wantNotFound(t, "ListNetworks after a network out of scope", err)

	reps := []struct {
		name string
		f    store.ReportFilter
		want []string
	}{
		{"selector", store.ReportFilter{Scope: partner, SelectorID: scopeSelectors["X"].SelectorID}, []string{rid(2), rid(9)}},
		{"network", store.ReportFilter{Scope: origin, NetworkID: n2}, []string{rid(7), rid(8)}},
		{"network after", store.ReportFilter{Scope: recipient, NetworkID: n1, After: rid(3)}, []string{rid(5), rid(6)}},
		{"limit", store.ReportFilter{Scope: creator, After: rid(4), Limit: 3}, []string{rid(5), rid(7), rid(8)}},
		{"a selector of a RED report only", store.ReportFilter{Scope: store.Scope{}, SelectorID: scopeSelectors["R5"].SelectorID}, nil},
		{"a network out of scope", store.ReportFilter{Scope: partner, NetworkID: n3}, nil},
	}
	for _, tt := range reps {
		rs, err := s.ListReports(t.Context(), tt.f)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, r := range rs {
			got = append(got, r.ID)
		}
		wantEqual(t, tt.name, got, tt.want)
	}
}

// scopeView is everything one viewer can read of the matrix.
type scopeView struct {
	Reports   []*store.Report
	Counts    store.Counts
	Networks  []*store.Network
	Summaries map[string]*store.NetworkSummary
	Selectors map[string][]store.SelectorCount
	Stats     map[string]*store.SelectorStats
}

func readView(t *testing.T, s store.Reader, sc store.Scope) scopeView {
	t.Helper()
	ctx := t.Context()
	v := scopeView{Summaries: map[string]*store.NetworkSummary{}, Selectors: map[string][]store.SelectorCount{},
		Stats: map[string]*store.SelectorStats{}}
	var err error
	if v.Reports, err = s.ListReports(ctx, store.ReportFilter{Scope: sc}); err != nil {
		t.Fatal(err)
	}
	if v.Counts, err = s.Counts(ctx, sc); err != nil {
		t.Fatal(err)
	}
	if v.Networks, err = s.ListNetworks(ctx, store.NetworkFilter{Scope: sc}); err != nil {
		t.Fatal(err)
	}
	for _, id := range scopeNets {
		sum, err := s.SummariseNetwork(ctx, id, sc)
		if errors.Is(err, store.ErrNotFound) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		v.Summaries[id] = sum
		if v.Selectors[id], err = s.NetworkSelectors(ctx, id, 0, sc); err != nil {
			t.Fatal(err)
		}
	}
	for key, l := range scopeSelectors {
		st, err := s.SelectorStats(ctx, l.SelectorID, sc)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Fatal(err)
		}
		v.Stats[key] = st
	}
	return v
}

// testScopeDeniedChangesNothing adds reports that only Scope.All may see,
// into networks every viewer sees and naming selectors every viewer sees,
// and checks that no other viewer's reads change at all.
func testScopeDeniedChangesNothing(t *testing.T, s store.Store) {
	scopeFixture(t, s)
	rows := scopeMatrix(t, s)
	before := map[string]scopeView{}
	for _, row := range rows {
		before[row.name] = readView(t, s, row.sc)
	}
	hidden := []*store.Report{
		// RED by a user of orgB nobody else is, shared with no one.
		{ID: rid(20), Origin: orgB, ReceivedAt: day(0, 0), CreatedAt: day(30, 0), TLP: store.TLPRed, CreatedBy: userB3,
			ScamType: "romance", Losses: []store.Loss{{AmountMinor: 999, Currency: "USD"}},
			Selectors: []store.ReportSelector{scopeSelectors["P1"], scopeSelectors["X"], scopeSelectors["R5"], sel("phone", "+85510100099", "contacted_by")}},
		// AMBER+STRICT and AMBER of origins no viewer belongs to or is a partner of.
		{ID: rid(21), Origin: "vn-police", ReceivedAt: day(40, 0), CreatedAt: day(40, 0), TLP: store.TLPAmberStrict, ScamType: "loan",
			Selectors: []store.ReportSelector{scopeSelectors["W"], scopeSelectors["H"]}},
		{ID: rid(22), Origin: "ph-police", ReceivedAt: day(41, 0), CreatedAt: day(41, 0), TLP: store.TLPAmber, ScamType: "loan",
			Selectors: []store.ReportSelector{scopeSelectors["W"]}},
		// No label, and an unknown one.
		{ID: rid(23), Origin: orgA, ReceivedAt: day(42, 0), CreatedAt: day(42, 0), TLP: "", Selectors: []store.ReportSelector{scopeSelectors["P1"]}},
		{ID: rid(24), Origin: orgA, ReceivedAt: day(43, 0), CreatedAt: day(43, 0), TLP: "white", Selectors: []store.ReportSelector{scopeSelectors["P1"]}},
	}
	insert(t, s, hidden...)
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetNetworks(ctx, []string{rid(20), rid(21), rid(22), rid(23), rid(24)},
			[]string{scopeNets[1], scopeNets[2], scopeNets[2], scopeNets[1], scopeNets[1]}); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{scopeNets[1], scopeNets[2]})
	})
	for _, row := range rows {
		after := readView(t, s, row.sc)
		if row.sc.All {
			if after.Counts.Reports != before[row.name].Counts.Reports+len(hidden) || after.Counts.Selectors != 6 {
				t.Errorf("Scope.All counts after the hidden reports = %+v", after.Counts)
			}
			continue
		}
		wantEqual(t, row.name+": what the viewer reads", after, before[row.name])
	}
}
