package graph_test

import (
	"sync"
	"testing"

	"counterscam/internal/graph"
	"counterscam/internal/graph/graphtest"
)

const benchReports = 1_000_000

var (
	benchGraph = sync.OnceValue(func() graphtest.Graph { return graphtest.Synth(benchReports, 1) })
	benchLinks = sync.OnceValues(func() ([]string, [][]string) { return benchGraph().Links() })
)

// BenchmarkComponents1M is the store's rebuild: a million reports, about
// three million edges, as dense indexes.
func BenchmarkComponents1M(b *testing.B) {
	g := benchGraph()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := graph.Components(g.Reports, g.Selectors, g.Edges); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild1M rebuilds the live server's string-keyed Partition from a
// million reports.
func BenchmarkBuild1M(b *testing.B) {
	g := benchGraph()
	reports, links := benchLinks()
	b.ReportAllocs()
	for b.Loop() {
		p := graph.NewSized(len(reports), g.Selectors)
		p.Load(func(yield func(string, []string) bool) {
			for i, r := range reports {
				if !yield(r, links[i]) {
					return
				}
			}
		})
	}
}

// BenchmarkAddReport adds reports one at a time, as the live server does,
// to a partition that already holds 900,000 of the million: the cost of one
// new report at that size, merges and redirects included.
func BenchmarkAddReport(b *testing.B) {
	g := benchGraph()
	reports, links := benchLinks()
	const base = benchReports * 9 / 10
	fill := func() *graph.Partition {
		p := graph.NewSized(len(reports), g.Selectors)
		p.Load(func(yield func(string, []string) bool) {
			for i := range base {
				if !yield(reports[i], links[i]) {
					return
				}
			}
		})
		return p
	}
	p, i := fill(), base
	b.ReportAllocs()
	for b.Loop() {
		if i == len(reports) {
			b.StopTimer()
			p, i = fill(), base
			b.StartTimer()
		}
		p.AddReport(reports[i], links[i])
		i++
	}
}

// BenchmarkThreshold1M computes the high-degree fence over the selectors of
// a million reports.
func BenchmarkThreshold1M(b *testing.B) {
	g := benchGraph()
	deg := make([]int32, g.Selectors)
	for _, e := range g.Edges {
		deg[e.Selector]++
	}
	b.ReportAllocs()
	for b.Loop() {
		graph.DefaultFence.Threshold(deg)
	}
}
