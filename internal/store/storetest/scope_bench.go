package storetest

import (
	"context"
	"testing"

	"counterscam/internal/store"
)

// BenchScopedReads measures the reads a network list page makes (a page of
// networks, the totals, one network's summary) over 20,000 synthetic
// reports in 2,000 networks of ten, their labels spread over the five TLP
// labels: with Scope.All (stored summaries) and as a member of one origin
// (counted over the reports in scope). analyse, when not nil, runs after
// the load: the driver's statistics refresh, as a live database has them.
func BenchScopedReads(b *testing.B, s store.Store, analyse func() error) {
	const n, per = 20_000, 10
	reports := SyntheticReports(7, 0, n)
	labels := []string{store.TLPClear, store.TLPGreen, store.TLPAmber, store.TLPAmberStrict, store.TLPRed}
	ids, nets := make([]string, n), make([]string, n)
	var netIDs []string
	for i, r := range reports {
		r.TLP = labels[i%len(labels)]
		ids[i], nets[i] = r.ID, rid(i-i%per)
		if i%per == 0 {
			netIDs = append(netIDs, nets[i])
		}
	}
	err := s.Update(b.Context(), func(w store.Writer) error {
		ctx := b.Context()
		if _, err := w.InsertReports(ctx, reports); err != nil {
			return err
		}
		if err := w.SetNetworks(ctx, ids, nets); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, netIDs)
	})
	if err != nil {
		b.Fatal(err)
	}
	if analyse != nil {
		if err := analyse(); err != nil {
			b.Fatal(err)
		}
	}
	for _, sc := range []struct {
		name string
		sc   store.Scope
	}{
		{"all", store.Scope{All: true}},
		{"member", store.Scope{Member: true, Org: "kr-knpa", PartnerOf: []string{"kh-police"}, UserID: "u1"}},
	} {
		b.Run(sc.name+"/ListNetworks", func(b *testing.B) {
			for b.Loop() {
				if ns, err := s.ListNetworks(b.Context(), store.NetworkFilter{Scope: sc.sc, Limit: 50}); err != nil || len(ns) != 50 {
					b.Fatal(len(ns), err)
				}
			}
		})
		b.Run(sc.name+"/Counts", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Counts(b.Context(), sc.sc); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(sc.name+"/SummariseNetwork", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SummariseNetwork(context.Background(), netIDs[len(netIDs)/2], sc.sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
