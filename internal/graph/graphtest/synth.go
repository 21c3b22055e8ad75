// Package graphtest makes synthetic report/selector graphs for graph's
// benchmarks and the bench/graph comparison. Everything is deterministic
// from a seed.
package graphtest

import (
	"fmt"
	"math/rand/v2"

	"counterscam/internal/graph"
)

// Graph is a synthetic report/selector graph in dense indexes. Report
// indexes are in creation order.
type Graph struct {
	Reports   int
	Selectors int
	Edges     []graph.Edge
}

// Synth makes a graph of n reports shaped like a scam-report intake:
//
//   - about half the reports come from scam operations (n/40 of them, sizes
//     Zipf-distributed, so a few operations are behind thousands of reports
//     and most behind a handful); each operation reuses a pool of its own
//     selectors (mule accounts, phone numbers), some much more than others;
//   - the other half are unrelated reports whose selectors are their own,
//     save a rare one drawn from a small set of widely shared values (a
//     payment gateway, a help line) that joins otherwise separate reports;
//   - reports carry 0 to 5 selectors, about 3 on average, and most
//     selectors appear in one report only.
func Synth(n int, seed uint64) Graph {
	rng := rand.New(rand.NewPCG(seed, 0x636f756e74657273))
	g := Graph{Reports: n}
	fresh := func() int32 {
		g.Selectors++
		return int32(g.Selectors - 1)
	}
	nOps := max(1, n/40)
	opZipf := rand.NewZipf(rng, 1.1, 8, uint64(nOps-1))
	poolZipf := rand.NewZipf(rng, 1.4, 1, 299)
	const nCommon = 1000
	commonZipf := rand.NewZipf(rng, 1.3, 1, nCommon-1)
	pools := make([][]int32, nOps)
	common := make([]int32, nCommon)
	for i := range common {
		common[i] = -1
	}
	pick := func(pool []int32, i uint64) int32 {
		if pool[i] < 0 {
			pool[i] = fresh()
		}
		return pool[i]
	}
	// Selectors per report: 0 (2%), 1, 2, 3, 4, 5; mean about 3.
	perReport := []int{0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5}
	g.Edges = make([]graph.Edge, 0, 3*n)
	for r := range int32(n) {
		k := perReport[rng.IntN(len(perReport))]
		if rng.IntN(50) == 0 {
			k = 0
		}
		var pool []int32
		if rng.IntN(2) == 0 {
			op := opZipf.Uint64()
			if pools[op] == nil {
				size := 2 + poolZipf.Uint64()
				pools[op] = make([]int32, size)
				for i := range pools[op] {
					pools[op][i] = -1
				}
			}
			pool = pools[op]
		}
		for range k {
			var s int32
			switch {
			case pool != nil && rng.IntN(5) < 2:
				s = pick(pool, poolZipf.Uint64()%uint64(len(pool)))
			case pool == nil && rng.IntN(400) == 0:
				s = pick(common, commonZipf.Uint64())
			default:
				s = fresh()
			}
			g.Edges = append(g.Edges, graph.Edge{Report: r, Selector: s})
		}
	}
	return g
}

// ReportID is a 26-character ULID-like ID for report index i; IDs sort in
// index order.
func ReportID(i int) string { return fmt.Sprintf("01JZ%022d", i) }

// SelectorID is a UUID-like ID for selector index s, scrambled so that IDs
// do not share long prefixes.
func SelectorID(s int) string {
	h := uint64(s)*0x9e3779b97f4a7c15 + 0x2545f4914f6cdd1d
	return fmt.Sprintf("%08x-%04x-5%03x-8%03x-%012x", uint32(h>>32), uint16(h>>16), uint16(h)&0xfff, s>>36&0xfff, s&0xffffffffffff)
}

// Links returns the graph as (report ID, selector IDs) pairs in report
// order, the shape Partition takes.
func (g Graph) Links() ([]string, [][]string) {
	reports := make([]string, g.Reports)
	for i := range reports {
		reports[i] = ReportID(i)
	}
	sels := make([]string, g.Selectors)
	for i := range sels {
		sels[i] = SelectorID(i)
	}
	links := make([][]string, g.Reports)
	for _, e := range g.Edges {
		links[e.Report] = append(links[e.Report], sels[e.Selector])
	}
	return reports, links
}
