package batch

import (
	"fmt"
	"testing"
	"time"
)

func TestAllSummaries(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	a := NewAllSummaries([]string{"S-nolink"})
	a.Report("R1", "N1", day(3))
	a.Report("R2", "N1", day(1))
	a.Report("R3", "N1", day(5))
	a.Report("R4", "N2", day(2))
	a.Report("R5", "", day(9)) // in no network
	// 40 single-report networks, all naming S-wide: more than the short
	// list holds, so the set takes over.
	for i := range 40 {
		a.Report(fmt.Sprintf("W%02d", i), fmt.Sprintf("M%02d", i), day(4))
	}
	a.Link("S-a", "R1")
	a.Link("S-a", "R2") // same network: counted once
	a.Link("S-a", "R4") // and once in N2
	a.Link("S-b", "R1")
	a.Link("S-b", "R1") // the same report in another role
	a.Link("S-nolink", "R1")
	a.Link("S-nolink", "R4")
	a.Link("S-c", "R5") // report in no network
	a.Link("S-d", "R9") // unknown report
	for round := range 2 {
		for i := range 40 {
			a.Link("S-wide", fmt.Sprintf("W%02d", i))
		}
		if round == 0 {
			a.Link("S-wide", "R3") // N1 once, whatever the order
		}
	}
	rows := a.Rows()
	if len(rows) != 42 {
		t.Fatalf("%d networks, want 42", len(rows))
	}
	want := map[string]Summary{
		"N1":  {Reports: 3, Selectors: 3, FirstSeen: day(1), LastSeen: day(5)},
		"N2":  {Reports: 1, Selectors: 1, FirstSeen: day(2), LastSeen: day(2)},
		"M00": {Reports: 1, Selectors: 1, FirstSeen: day(4), LastSeen: day(4)},
		"M39": {Reports: 1, Selectors: 1, FirstSeen: day(4), LastSeen: day(4)},
	}
	for i, r := range rows {
		if i > 0 && rows[i-1].ID >= r.ID {
			t.Errorf("rows not sorted: %s before %s", rows[i-1].ID, r.ID)
		}
		if w, ok := want[r.ID]; ok && r.Summary != w {
			t.Errorf("%s: %+v, want %+v", r.ID, r.Summary, w)
		}
		if r.ID[0] == 'M' && r.Selectors != 1 {
			t.Errorf("%s: %d selectors, want 1", r.ID, r.Selectors)
		}
	}
}
