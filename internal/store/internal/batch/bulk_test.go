package batch

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
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
	got := slices.Collect(tot.Selectors())
	want := []SelectorDelta{
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
	if got := slices.Collect(tot.Sources()); !reflect.DeepEqual(got, wantSources) {
		t.Errorf("sources: got %+v, want %+v", got, wantSources)
	}
}

// TestTotalsManySelectors: thousands of selectors (the table grows many
// times), each named by two reports of two origins, come back once each,
// in order of ID, with their counts.
func TestTotalsManySelectors(t *testing.T) {
	tot := NewTotals()
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	const n = 5000
	for round, origin := range []string{"kr", "kh"} {
		var rs []*store.Report
		for i := range n {
			id := fmt.Sprintf("sel-%05d", (i*7919)%n)
			rs = append(rs, &store.Report{ID: fmt.Sprint(round, i), Origin: origin, ReceivedAt: at.Add(time.Duration(round) * time.Hour),
				Selectors: []store.ReportSelector{{SelectorID: id, Kind: "phone", Value: "+" + id}}})
		}
		tot.Add(rs)
	}
	if tot.Len() != n {
		t.Fatalf("Len = %d, want %d", tot.Len(), n)
	}
	i := 0
	for s := range tot.Selectors() {
		if want := fmt.Sprintf("sel-%05d", i); s.ID != want || s.Value != "+"+want || s.Reports != 2 || s.Sources != 2 ||
			!s.FirstSeen.Equal(at) || !s.LastSeen.Equal(at.Add(time.Hour)) {
			t.Fatalf("selector %d = %+v, want %s named twice by two origins", i, s, want)
		}
		i++
	}
	j := 0
	for p := range tot.Sources() {
		if want := fmt.Sprintf("sel-%05d", j/2); p.SelectorID != want || p.Origin != []string{"kh", "kr"}[j%2] || p.Reports != 1 {
			t.Fatalf("source %d = %+v", j, p)
		}
		j++
	}
	if i != n || j != 2*n {
		t.Errorf("%d selectors and %d sources, want %d and %d", i, j, n, 2*n)
	}
}

// TestTotalsOrderAfterMoreAdds: IDs shorter and longer than the eight
// bytes the sort compares at once come back in byte order, and a selector
// added after the rows were read once takes its place in the next read.
func TestTotalsOrderAfterMoreAdds(t *testing.T) {
	tot := NewTotals()
	add := func(ids ...string) {
		var links []store.ReportSelector
		for _, id := range ids {
			links = append(links, store.ReportSelector{SelectorID: id, Kind: "url", Value: id})
		}
		tot.Add([]*store.Report{{ID: ids[0], Origin: "kr", Selectors: links}})
	}
	ids := func() []string {
		var out []string
		for s := range tot.Selectors() {
			out = append(out, s.ID)
		}
		return out
	}
	add("b", "abcdefgh2", "abcdefgh", "abcdefgh10", "a", "ab")
	want := []string{"a", "ab", "abcdefgh", "abcdefgh10", "abcdefgh2", "b"}
	if got := ids(); !slices.Equal(got, want) {
		t.Fatalf("first read: %q, want %q", got, want)
	}
	add("abcdefgh1", "aa")
	want = []string{"a", "aa", "ab", "abcdefgh", "abcdefgh1", "abcdefgh10", "abcdefgh2", "b"}
	if got := ids(); !slices.Equal(got, want) {
		t.Errorf("after another add: %q, want %q", got, want)
	}
	var pairs []string
	for p := range tot.Sources() {
		pairs = append(pairs, p.SelectorID)
	}
	if !slices.Equal(pairs, want) {
		t.Errorf("sources: %q, want %q", pairs, want)
	}
}

// TestTotalsNetworks: the networks' summaries from what a load added, as
// AllSummaries counts them from the stored rows: reports and first and last
// seen per network, each selector once per network it reaches, none for a
// "does not link" selector, and the reports whose network moved.
// Counted while the selectors are drawn, the same.
func TestTotalsNetworks(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 9, 0, 0, 0, time.UTC) }
	sel := func(ids ...string) []store.ReportSelector {
		var out []store.ReportSelector
		for _, id := range ids {
			out = append(out, store.ReportSelector{SelectorID: id, Kind: "phone", Value: "+" + id})
		}
		return out
	}
	reports := []*store.Report{
		{ID: "r1", NetworkID: "r1", Origin: "kr", ReceivedAt: day(3), Selectors: sel("a", "x")},
		{ID: "r2", NetworkID: "r2", Origin: "kr", ReceivedAt: day(1), Selectors: sel("b", "x")},
		{ID: "r3", NetworkID: "r1", Origin: "kh", ReceivedAt: day(7), Selectors: sel("a", "b", "a")},
		{ID: "r4", NetworkID: "r4", Origin: "kh", ReceivedAt: day(5), Selectors: sel("x")},
	}
	tot := NewTotals()
	tot.Add(reports[:2])
	tot.Add(reports[2:])
	// r1, r2 and r3 end in one network (r2's); r4, linked only through
	// the "does not link" selector x, is alone.
	final := map[string]string{"r1": "r2", "r2": "r2", "r3": "r2", "r4": "r4"}
	// Counted on another goroutine while the selectors and their sources
	// are drawn, as the drivers do (go test -race checks they share
	// nothing they change).
	wait := tot.NetworksAsync([]string{"x", "unknown"}, func(id string) string { return final[id] })
	var drawn []string
	for s := range tot.Selectors() {
		drawn = append(drawn, s.ID)
	}
	for p := range tot.Sources() {
		drawn = append(drawn, p.SelectorID+"/"+p.Origin)
	}
	if want := []string{"a", "b", "x", "a/kh", "a/kr", "b/kh", "b/kr", "x/kh", "x/kr"}; !reflect.DeepEqual(drawn, want) {
		t.Errorf("drawn while counting networks: %v, want %v", drawn, want)
	}
	ids, nets, rows := wait()
	if !reflect.DeepEqual(ids, []string{"r1", "r3"}) || !reflect.DeepEqual(nets, []string{"r2", "r2"}) {
		t.Errorf("moved %v to %v, want r1 and r3 to r2", ids, nets)
	}
	want := []NetworkRow{
		{ID: "r2", Summary: Summary{Reports: 3, Selectors: 2, FirstSeen: day(1), LastSeen: day(7)}},
		{ID: "r4", Summary: Summary{Reports: 1, Selectors: 0, FirstSeen: day(5), LastSeen: day(5)}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("summaries:\n got %+v\nwant %+v", rows, want)
	}
}

// The arena and the chunked slice give back every value put, across chunk
// boundaries and for a string longer than a chunk.
func TestArenaAndChunksKeepEveryValue(t *testing.T) {
	var a arena
	var c chunked[int64]
	var want []string
	var spans []span
	for i := range 3 * (1 << chunkBits) {
		s := strings.Repeat(string(rune('a'+i%26)), 1+i%97)
		if i == 1000 {
			s = strings.Repeat("x", arenaChunk+5)
		}
		if i == 2000 {
			s = ""
		}
		want = append(want, s)
		spans = append(spans, a.put(s))
		c.append(int64(i) * 7)
	}
	if len(a.chunks) < 2 {
		t.Fatalf("%d chunks: the test does not cross a chunk boundary", len(a.chunks))
	}
	for i, sp := range spans {
		if got := string(a.bytes(sp)); got != want[i] {
			t.Fatalf("string %d: got %d bytes %.10q, want %d bytes %.10q", i, len(got), got, len(want[i]), want[i])
		}
	}
	if c.len() != len(want) {
		t.Fatalf("chunked len %d, want %d", c.len(), len(want))
	}
	for i := range c.len() {
		if *c.at(i) != int64(i)*7 {
			t.Fatalf("chunked value %d: %d", i, *c.at(i))
		}
	}
	*c.at(1 << chunkBits) = -1
	if *c.at(1 << chunkBits) != -1 || *c.at(1<<chunkBits - 1) != int64(1<<chunkBits-1)*7 {
		t.Fatal("a value changed in place is not kept, or changed its neighbour")
	}
}
