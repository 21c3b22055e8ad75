package batch

import (
	"reflect"
	"testing"
	"time"

	"counterscam/internal/store"
)

// TestTotalsAcrossBatches: what two batches add to a selector is summed as
// the upserts of the batch path would: reports and distinct origins
// counted, the earliest and latest times kept (a later batch may hold
// older reports), display, region and subtype the first non-empty ones, a
// report naming a selector twice counted once.
func TestTotalsAcrossBatches(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 9, 0, 0, 0, time.UTC) }
	link := func(id, display, region string) store.ReportSelector {
		return store.ReportSelector{SelectorID: id, Kind: "phone", Value: "+" + id, Display: display, Region: region}
	}
	tot := NewTotals()
	tot.Add([]*store.Report{
		{ID: "r1", Origin: "kr", ReceivedAt: day(10), Selectors: []store.ReportSelector{link("a", "", ""), link("b", "B", "")}},
		{ID: "r2", Origin: "kr", ReceivedAt: day(12), Selectors: []store.ReportSelector{link("a", "A1", ""), link("a", "A2", "KH")}},
	})
	tot.Add([]*store.Report{
		{ID: "r3", Origin: "kh", ReceivedAt: day(5), Selectors: []store.ReportSelector{link("a", "A3", "KR")}},
		{ID: "r4", Origin: "kr", ReceivedAt: day(20), Selectors: []store.ReportSelector{link("c", "", "")}},
	})
	got := tot.Selectors()
	want := []*SelectorDelta{
		{ID: "a", Kind: "phone", Value: "+a", Display: "A1", Region: "KH", Hash: Hash("phone", "+a"),
			FirstSeen: day(5), LastSeen: day(12), Reports: 3, Sources: 2},
		{ID: "b", Kind: "phone", Value: "+b", Display: "B", Hash: Hash("phone", "+b"),
			FirstSeen: day(10), LastSeen: day(10), Reports: 1, Sources: 1},
		{ID: "c", Kind: "phone", Value: "+c", Hash: Hash("phone", "+c"),
			FirstSeen: day(20), LastSeen: day(20), Reports: 1, Sources: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("selectors:\n got %+v\nwant %+v", got, want)
	}
	wantSources := []SourceDelta{{"a", "kh", 1}, {"a", "kr", 2}, {"b", "kr", 1}, {"c", "kr", 1}}
	if got := tot.Sources(); !reflect.DeepEqual(got, wantSources) {
		t.Errorf("sources: got %+v, want %+v", got, wantSources)
	}
}
