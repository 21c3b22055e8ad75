package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLinkLists grows report lists at random against plain slices: in
// place at the end, moved to the end otherwise, and compacted once the
// space left behind is half of the whole.
func TestLinkLists(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var l linkLists
	var model [][]int32
	compactions := 0
	for step := range 200000 {
		if len(model) == 0 || rng.IntN(4) == 0 {
			model = append(model, nil)
			l.start, l.n = append(l.start, 0), append(l.n, 0)
		}
		r := int32(rng.IntN(len(model)))
		if rng.IntN(2) == 0 {
			r = int32(len(model) - 1) // often the last list: grows in place
		}
		add := make([]int32, rng.IntN(3))
		for i := range add {
			add[i] = rng.Int32()
		}
		sel := append(slices.Clone(l.of(r)), add...)
		dead := l.dead
		l.set(r, sel)
		if l.dead < dead {
			compactions++
		}
		model[r] = append(model[r], add...)
		if step%10000 == 0 || step == 199999 {
			for i, want := range model {
				if got := l.of(int32(i)); !slices.Equal(got, want) {
					t.Fatalf("step %d: report %d: %v, want %v", step, i, got, want)
				}
			}
		}
	}
	if compactions == 0 {
		t.Error("never compacted")
	}
}
