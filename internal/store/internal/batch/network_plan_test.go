package batch

import (
	"reflect"
	"testing"
	"time"

	"counterscam/internal/store"
)

func at(h int) time.Time { return time.Date(2025, 3, 1, h, 0, 0, 0, time.UTC) }

func rep(id, network string, h int, sels ...string) *store.Report {
	r := &store.Report{ID: id, NetworkID: network, ReceivedAt: at(h)}
	for _, s := range sels {
		r.Selectors = append(r.Selectors, store.ReportSelector{SelectorID: s, Role: "paid_to"})
	}
	return r
}

func TestPlanNetworksRejectsBadMerges(t *testing.T) {
	tests := []struct {
		name    string
		reports []*store.Report
		merges  []store.NetworkMerge
	}{
		{"empty absorbed", nil, []store.NetworkMerge{{Absorbed: "", Survivor: "a"}}},
		{"empty survivor", nil, []store.NetworkMerge{{Absorbed: "a", Survivor: ""}}},
		{"survivor absorbed", nil, []store.NetworkMerge{{Absorbed: "a", Survivor: "b"}, {Absorbed: "b", Survivor: "c"}}},
		{"absorbed twice", nil, []store.NetworkMerge{{Absorbed: "a", Survivor: "b"}, {Absorbed: "a", Survivor: "c"}}},
		{"report in an absorbed network", []*store.Report{rep("r", "a", 1)}, []store.NetworkMerge{{Absorbed: "a", Survivor: "b"}}},
	}
	for _, tt := range tests {
		if _, err := PlanNetworks(tt.reports, tt.merges); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	// The same merge twice, and a network merged into itself, are fine.
	p, err := PlanNetworks(nil, []store.NetworkMerge{{Absorbed: "a", Survivor: "b"}, {Absorbed: "a", Survivor: "b"}, {Absorbed: "c", Survivor: "c"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.NetworkMerge{{Absorbed: "a", Survivor: "b"}}; !reflect.DeepEqual(p.Merges, want) {
		t.Errorf("merges = %v, want %v", p.Merges, want)
	}
}

// TestNetworkPlan follows one batch: new reports n1..n4; stored networks
// A (5 reports), B (2) and C (9, an orphan: reports but no summary); t is a
// network born and absorbed within the batch.
//
//	A absorbs B and t; n1, n2 land in A
//	D (stored, 1 report) absorbs C: recounted
//	n3 starts network n3, n4 lands in it
func TestNetworkPlan(t *testing.T) {
	reports := []*store.Report{
		rep("n1", "A", 7, "s1", "s2", "s1"),
		rep("n2", "A", 1, "s2", "s3"),
		rep("n3", "n3", 4, "s4"),
		rep("n4", "n3", 5),
		rep("t", "A", 3),
	}
	merges := []store.NetworkMerge{{Absorbed: "B", Survivor: "A"}, {Absorbed: "t", Survivor: "A"}, {Absorbed: "C", Survivor: "D"}}
	p, err := PlanNetworks(reports, merges)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A", "D", "n3"}; !reflect.DeepEqual(p.Finals, want) {
		t.Errorf("finals = %v, want %v", p.Finals, want)
	}
	// t is a report of the batch: not a candidate.
	if want := []string{"A", "B", "C", "D", "n3"}; !reflect.DeepEqual(p.Candidates, want) {
		t.Errorf("candidates = %v, want %v", p.Candidates, want)
	}
	sums := map[string]Summary{
		"A": {Reports: 5, Selectors: 4, FirstSeen: at(2), LastSeen: at(6)},
		"B": {Reports: 2, Selectors: 3, FirstSeen: at(0), LastSeen: at(2)},
		"D": {Reports: 1, Selectors: 1, FirstSeen: at(9), LastSeen: at(9)},
	}
	orphans := []string{"C"}
	p.Parts(sums, orphans)
	if want := []string{"D"}; !reflect.DeepEqual(p.Recount(), want) {
		t.Errorf("recount = %v, want %v", p.Recount(), want)
	}
	wantMoves := []store.NetworkMerge{{Absorbed: "B", Survivor: "A"}, {Absorbed: "C", Survivor: "D"}}
	if got := p.Absorbed(orphans); !reflect.DeepEqual(got, wantMoves) {
		t.Errorf("absorbed = %v, want %v", got, wantMoves)
	}
	if got, want := p.NonBase(), []store.NetworkMerge{{Absorbed: "B", Survivor: "A"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("non-base parts = %v, want %v", got, want)
	}
	got := p.SelectorCandidates([][2]string{{"A", "s9"}, {"A", "s2"}, {"D", "s7"}})
	want := []Candidate{
		{"A", "A", "s1"}, {"A", "A", "s2"}, {"A", "A", "s3"}, {"A", "A", "s9"},
		{"n3", "", "s4"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("candidates:\n got  %v\n want %v", got, want)
	}
	rows := p.Summaries(map[string]int{"A": 2, "n3": 1})
	wantRows := []NetworkRow{
		{"A", Summary{Reports: 5 + 2 + 3, Selectors: 4 + 2, FirstSeen: at(0), LastSeen: at(7)}},
		{"n3", Summary{Reports: 2, Selectors: 1, FirstSeen: at(4), LastSeen: at(5)}},
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("summaries:\n got  %+v\n want %+v", rows, wantRows)
	}
}

// TestNetworkPlanBase picks the largest stored part as the base, whatever
// survives: its selectors are not looked at again.
func TestNetworkPlanBase(t *testing.T) {
	p, err := PlanNetworks([]*store.Report{rep("n", "A", 1, "s")}, []store.NetworkMerge{{Absorbed: "B", Survivor: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	p.Parts(map[string]Summary{"A": {Reports: 1, Selectors: 1, FirstSeen: at(1), LastSeen: at(1)}, "B": {Reports: 8, Selectors: 5, FirstSeen: at(0), LastSeen: at(3)}}, nil)
	if got, want := p.NonBase(), []store.NetworkMerge{{Absorbed: "A", Survivor: "A"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("non-base parts = %v, want %v", got, want)
	}
	if got, want := p.SelectorCandidates(nil), []Candidate{{"A", "B", "s"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("candidates = %v, want %v", got, want)
	}
	rows := p.Summaries(map[string]int{"A": 1})
	if len(rows) != 1 || rows[0].Reports != 10 || rows[0].Selectors != 6 {
		t.Errorf("summary = %+v, want 10 reports and 5+1 selectors", rows)
	}
}
