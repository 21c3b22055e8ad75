package intel

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

// tableAnswer is the answer the table should give for entry k of the
// tests below: every field differs with k.
func tableAnswer(k int) *publicEntry {
	types := [][]string{nil, {}, {"romance"}, {"investment", "romance"}, {"a\x00b"}, {"a", "b"}}[k%6]
	var nets []string
	for j := range k % 4 {
		nets = append(nets, fmt.Sprintf("net-%d-%d", k, j))
	}
	at := time.Date(2026, 1+time.Month(k%12), 1+k%28, k%24, k%60, k%60, k*1000%1e9, time.UTC)
	return &publicEntry{
		listed: true,
		stats: store.SelectorStats{
			Reports: k + 1, Sources: k%5 + 1, FirstSeen: at, LastSeen: at.Add(time.Duration(k) * time.Hour),
			ScamTypes: types, Networks: nets,
		},
		networkSize: 2 * k,
	}
}

// checkTable compares every ID of the model with the table's answer.
func checkTable(t *testing.T, tab *entryTable, model map[string]int, ids []string, step int) {
	t.Helper()
	if tab.Len() != len(model) {
		t.Fatalf("step %d: %d entries, want %d", step, tab.Len(), len(model))
	}
	for _, id := range ids {
		e := tab.get(id)
		k, ok := model[id]
		if (e != nil) != ok {
			t.Fatalf("step %d: %s present %v, want %v", step, id, e != nil, ok)
		}
		if !ok {
			continue
		}
		want := tableAnswer(k)
		if got := tab.answer(e); !reflect.DeepEqual(got.stats.ScamTypes, want.stats.ScamTypes) ||
			got.stats.Reports != want.stats.Reports || got.stats.Sources != want.stats.Sources ||
			got.stats.FirstSeen != want.stats.FirstSeen || got.stats.LastSeen != want.stats.LastSeen ||
			got.networkSize != want.networkSize || !got.listed {
			t.Fatalf("step %d: %s: %+v, want %+v", step, id, got, want)
		}
		if got := tab.networks(e); !reflect.DeepEqual(got, want.stats.Networks) {
			t.Fatalf("step %d: %s: networks %q, want %q", step, id, got, want.stats.Networks)
		}
		if got := tab.id(e); got != id {
			t.Fatalf("step %d: entry of %s says %s", step, id, got)
		}
	}
}

// TestEntryTable puts, replaces and removes entries at random against a
// map, through the table's growth (from 8 slots: long probe runs, so
// collisions), removals inside probe runs, and the compaction of its text
// (long IDs, so that removals soon leave more dead text than live).
func TestEntryTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ids := make([]string, 3000)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s-%d", strings.Repeat("x", i%300), i)
	}
	tab := newEntryTable(0)
	model := map[string]int{}
	compactions := 0
	for step := range 30000 {
		id := ids[rng.IntN(len(ids))]
		if rng.IntN(3) == 0 {
			_, had := model[id]
			if got := tab.remove(id); got != had {
				t.Fatalf("step %d: remove(%s) = %v, want %v", step, id, got, had)
			}
			delete(model, id)
		} else {
			k := rng.IntN(1000)
			dead := tab.dead
			tab.put(id, tableAnswer(k))
			model[id] = k
			if tab.dead < dead {
				compactions++
			}
		}
		if step%1000 == 0 || step > 29900 {
			checkTable(t, tab, model, ids, step)
		}
	}
	checkTable(t, tab, model, ids, -1)
	if compactions == 0 {
		t.Error("the text was never compacted")
	}
	if len(tab.slots) < 2*tab.Len() || len(tab.slots)&(len(tab.slots)-1) != 0 {
		t.Errorf("%d slots for %d entries", len(tab.slots), tab.Len())
	}
	// Every ID is gone once removed, and the slots are all empty.
	for _, id := range ids {
		tab.remove(id)
	}
	checkTable(t, tab, map[string]int{}, ids, -2)
	for s, x := range tab.slots {
		if x != 0 {
			t.Fatalf("slot %d holds %d after every removal", s, x)
		}
	}
}

// TestEntryTableTimes: first and last seen come back as they went in,
// zone and all, the zero time included.
func TestEntryTableTimes(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	times := []time.Time{
		{},
		time.Date(2026, 11, 27, 6, 0, 0, 123456789, time.UTC),
		time.Date(2026, 11, 27, 15, 0, 0, 1000, seoul),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.Local),
		time.Date(1901, 2, 3, 4, 5, 6, 7, time.UTC),
	}
	tab := newEntryTable(0)
	for i, at := range times {
		tab.put(fmt.Sprint(i), &publicEntry{listed: true, stats: store.SelectorStats{FirstSeen: at, LastSeen: at}})
	}
	for i, want := range times {
		got := tab.answer(tab.get(fmt.Sprint(i)))
		if !reflect.DeepEqual(got.stats.FirstSeen, want) || !reflect.DeepEqual(got.stats.LastSeen, want) {
			t.Errorf("%d: %v, want %v", i, got.stats.FirstSeen, want)
		}
	}
	if len(tab.locs) != 3 {
		t.Errorf("%d zones interned, want 3 (UTC, KST, Local)", len(tab.locs))
	}
}
