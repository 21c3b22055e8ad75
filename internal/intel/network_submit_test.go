package intel_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestSubmitKeepsSummariesExact submits random batches (references
// repeated within and across batches, allow-listed selectors that link
// nothing but still count in summaries, reports older than those stored)
// and checks that the network summaries kept batch by batch equal those a
// rebuild recounts from scratch, and that each report stays in its network.
func TestSubmitKeepsSummariesExact(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	svc, st := newService(t, intel.Config{Now: func() time.Time { return clock }})
	rng := rand.New(rand.NewPCG(3, 4))
	var pool []string
	for i := range 80 {
		pool = append(pool, fmt.Sprintf("+8210%08d", 30000000+i*7919))
	}
	weak := []string{"t.me", "wa.me"} // allow-listed domains
	var refs []string
	for b := range 30 {
		var reports []*store.Report
		for i := range 1 + rng.IntN(15) {
			ref := fmt.Sprintf("r%d-%d", b, i)
			if len(refs) > 0 && rng.IntN(6) == 0 {
				ref = refs[rng.IntN(len(refs))]
			}
			refs = append(refs, ref)
			in := report("org"+fmt.Sprint(rng.IntN(3)), ref)
			in.ReceivedAt = clock.Add(-time.Duration(rng.IntN(1000)) * time.Hour)
			for range rng.IntN(4) {
				v := pool[rng.IntN(len(pool))]
				if rng.IntN(4) == 0 {
					v = weak[rng.IntN(len(weak))]
				}
				in.Selectors = append(in.Selectors, intel.SelectorInput{Value: v})
			}
			r, err := svc.Prepare(in)
			if err != nil {
				t.Fatal(err)
			}
			reports = append(reports, r)
		}
		// Some batches are minted on a clock running behind: their reports
		// are older than those stored, and rename the networks they join.
		if b%4 == 3 {
			clock = clock.Add(-time.Hour)
		} else {
			clock = clock.Add(time.Hour)
		}
		if _, err := svc.Submit(ctx, trust.Operator(), reports, nil); err != nil {
			t.Fatal(err)
		}
	}
	kept := summaries(t, st)
	assigned := partition(t, st)
	if err := svc.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if got := summaries(t, st); !slices.Equal(kept, got) {
		t.Errorf("summaries kept while submitting differ from those rebuilt:\n%v\n%v", kept, got)
	}
	if got := partition(t, st); !slices.Equal(assigned, got) {
		t.Errorf("networks differ after the rebuild:\n%v\n%v", assigned, got)
	}
	if len(kept) < 5 || len(kept) > len(refs)/2 {
		t.Fatalf("degenerate test: %d networks for %d references", len(kept), len(refs))
	}
}

// summaries lists every network's stored summary but its update time.
func summaries(t *testing.T, st store.Store) []string {
	t.Helper()
	ns, err := st.ListNetworks(context.Background(), store.NetworkFilter{Scope: store.Scope{All: true}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range ns {
		out = append(out, fmt.Sprintf("%s %d %d %s %s", n.ID, n.Reports, n.Selectors,
			n.FirstSeen.Format(time.RFC3339), n.LastSeen.Format(time.RFC3339)))
	}
	slices.Sort(out)
	return out
}
