package graph

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// call is one AddReport.
type call struct {
	report    string
	selectors []string
}

// randomCalls makes a random graph and the calls that add it, in random
// order, some reports spread over two calls.
func randomCalls(rng *rand.Rand) []call {
	nR := 1 + rng.IntN(60)
	nS := 1 + rng.IntN(80)
	var calls []call
	for i := range nR {
		id := fmt.Sprintf("01K%05d", rng.IntN(100000)*100+i) // unique, not in creation order
		var sels []string
		for range rng.IntN(5) {
			// Squaring skews the choice toward low numbers: a few popular
			// selectors, many rare ones.
			f := rng.Float64()
			sels = append(sels, fmt.Sprintf("s%d", int(f*f*float64(nS))))
		}
		if len(sels) > 1 && rng.IntN(4) == 0 {
			k := rng.IntN(len(sels))
			calls = append(calls, call{id, sels[:k]}, call{id, sels[k:]})
			continue
		}
		calls = append(calls, call{id, sels})
	}
	rng.Shuffle(len(calls), func(i, j int) { calls[i], calls[j] = calls[j], calls[i] })
	return calls
}

// reference computes networks by breadth-first search over the calls made so
// far: report -> smallest report ID in its component.
func reference(calls []call) map[string]string {
	bySel := map[string][]string{}
	byRep := map[string][]string{}
	for _, c := range calls {
		byRep[c.report] = append(byRep[c.report], c.selectors...)
		for _, s := range c.selectors {
			bySel[s] = append(bySel[s], c.report)
		}
	}
	net := map[string]string{}
	for _, start := range slices.Sorted(maps.Keys(byRep)) {
		if _, done := net[start]; done {
			continue
		}
		net[start] = start // smallest, since starts go in order
		queue := []string{start}
		for len(queue) > 0 {
			r := queue[0]
			queue = queue[1:]
			for _, s := range byRep[r] {
				for _, o := range bySel[s] {
					if _, done := net[o]; !done {
						net[o] = start
						queue = append(queue, o)
					}
				}
			}
		}
	}
	return net
}

func networkIDs(m map[string]string) map[string]bool {
	ids := map[string]bool{}
	for _, n := range m {
		ids[n] = true
	}
	return ids
}

// TestPartitionMatchesReference adds random graphs one report at a time and
// checks after every call that the networks and their IDs match a
// breadth-first search, and that the redirects name exactly the IDs that
// disappeared.
func TestPartitionMatchesReference(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 7))
		calls := randomCalls(rng)
		p := New()
		prev := map[string]string{}
		forward := map[string]string{} // redirects, as a store would keep them
		for i, c := range calls {
			got := p.AddReport(c.report, c.selectors)
			want := reference(calls[:i+1])
			for r, n := range want {
				if g, _ := p.NetworkOf(r); g != n {
					t.Fatalf("seed %d call %d: NetworkOf(%s) = %s, want %s", seed, i, r, g, n)
				}
			}
			before, after := networkIDs(prev), networkIDs(want)
			var wantRedirects []Redirect
			for _, id := range slices.Sorted(maps.Keys(before)) {
				if !after[id] {
					wantRedirects = append(wantRedirects, Redirect{id, want[id]})
				}
			}
			if !slices.Equal(got, wantRedirects) {
				t.Fatalf("seed %d call %d (%v): redirects %v, want %v", seed, i, c, got, wantRedirects)
			}
			for _, r := range got {
				forward[r.From] = r.To
			}
			if p.NumNetworks() != len(after) {
				t.Fatalf("seed %d call %d: NumNetworks() = %d, want %d", seed, i, p.NumNetworks(), len(after))
			}
			prev = want
		}
		// Every ID ever handed out leads, through the redirects, to the
		// network its report is in now.
		for id := range forward {
			end := id
			for hops := 0; forward[end] != ""; hops++ {
				if hops > len(forward) {
					t.Fatalf("seed %d: redirect loop from %s", seed, id)
				}
				end = forward[end]
			}
			if now, _ := p.NetworkOf(id); end != now {
				t.Fatalf("seed %d: redirects lead %s to %s, but it is in %s", seed, id, end, now)
			}
		}
	}
}

// TestRebuildEqualsIncremental checks that adding reports one by one, in
// any order, and building in one go (string-keyed and dense) give the same
// partition.
func TestRebuildEqualsIncremental(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 11))
		calls := randomCalls(rng)
		inc := New()
		for _, c := range calls {
			inc.AddReport(c.report, c.selectors)
		}
		rng.Shuffle(len(calls), func(i, j int) { calls[i], calls[j] = calls[j], calls[i] })
		built := Build(func(yield func(string, []string) bool) {
			for _, c := range calls {
				if !yield(c.report, c.selectors) {
					return
				}
			}
		})
		assertSamePartition(t, fmt.Sprintf("seed %d", seed), inc, built)

		// Dense: number reports in ID order, selectors in any order.
		reports := slices.Sorted(slices.Values(reportIDs(inc)))
		rIdx := map[string]int32{}
		for i, r := range reports {
			rIdx[r] = int32(i)
		}
		sIdx := map[string]int32{}
		var edges []Edge
		for _, c := range calls {
			for _, s := range c.selectors {
				if _, ok := sIdx[s]; !ok {
					sIdx[s] = int32(len(sIdx))
				}
				edges = append(edges, Edge{rIdx[c.report], sIdx[s]})
			}
		}
		labels, count, err := Components(len(reports), len(sIdx), edges)
		if err != nil {
			t.Fatal(err)
		}
		if count != inc.NumNetworks() {
			t.Fatalf("seed %d: Components count %d, Partition %d", seed, count, inc.NumNetworks())
		}
		for i, r := range reports {
			if n, _ := inc.NetworkOf(r); reports[labels[i]] != n {
				t.Fatalf("seed %d: Components puts %s in %s, Partition in %s", seed, r, reports[labels[i]], n)
			}
		}
	}
}

func assertSamePartition(t *testing.T, what string, a, b *Partition) {
	t.Helper()
	na, nb := a.Networks(1), b.Networks(1)
	if !slices.Equal(na, nb) {
		t.Fatalf("%s: networks differ:\n%v\n%v", what, na, nb)
	}
	for _, n := range na {
		if ma, mb := a.Members(n.ID), b.Members(n.ID); !slices.Equal(ma, mb) || len(ma) != n.Reports {
			t.Fatalf("%s: members of %s: %v and %v, want %d", what, n.ID, ma, mb, n.Reports)
		}
		if sa, sb := a.Selectors(n.ID), b.Selectors(n.ID); !slices.Equal(sa, sb) || len(sa) != n.Selectors {
			t.Fatalf("%s: selectors of %s: %v and %v, want %d", what, n.ID, sa, sb, n.Selectors)
		}
	}
	for _, r := range reportIDs(a) {
		x, _ := a.NetworkOf(r)
		if y, _ := b.NetworkOf(r); x != y {
			t.Fatalf("%s: NetworkOf(%s) = %s and %s", what, r, x, y)
		}
	}
}

// TestRedirectsAfterRebuild drops random selectors ("does not link") and
// reports (deleted) and checks every vanished network ID against the rule
// in Redirects' documentation, computed the slow way.
func TestRedirectsAfterRebuild(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 13))
		calls := randomCalls(rng)
		dropSel := map[string]bool{}
		dropRep := map[string]bool{}
		var kept []call
		for _, c := range calls {
			if rng.IntN(8) == 0 {
				dropRep[c.report] = true
			}
			for _, s := range c.selectors {
				if rng.IntN(6) == 0 {
					dropSel[s] = true
				}
			}
		}
		for _, c := range calls {
			if dropRep[c.report] {
				continue
			}
			var sels []string
			for _, s := range c.selectors {
				if !dropSel[s] {
					sels = append(sels, s)
				}
			}
			kept = append(kept, call{c.report, sels})
		}
		before, after := reference(calls), reference(kept)
		members := map[string][]string{}
		for r, n := range before {
			members[n] = append(members[n], r)
		}
		var want []Redirect
		afterIDs := networkIDs(after)
		for _, id := range slices.Sorted(maps.Keys(networkIDs(before))) {
			if afterIDs[id] {
				continue
			}
			for _, m := range slices.Sorted(slices.Values(members[id])) {
				if n, ok := after[m]; ok {
					want = append(want, Redirect{id, n})
					break
				}
			}
		}
		got := Redirects(fromCalls(calls), fromCalls(kept))
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d: Redirects = %v, want %v", seed, got, want)
		}
	}
}

func fromCalls(calls []call) *Partition {
	p := New()
	for _, c := range calls {
		p.AddReport(c.report, c.selectors)
	}
	return p
}
