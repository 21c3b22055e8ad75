package graph

import (
	"fmt"
	"math"
)

// Edge says that report Report contains linking selector Selector, both
// given as dense indexes (0 <= Report < nReports, 0 <= Selector < nSelectors).
type Edge struct {
	Report   int32
	Selector int32
}

// Components labels every report with its network.
//
// labels[r] is the smallest report index in r's network, and count is the
// number of networks (reports without edges are networks of one). When the
// caller numbers reports in ID order (ORDER BY id), the smallest index is the
// oldest report, so the network's ID is the ID of report labels[r]: the same
// ID a [Partition] gives. Edges may come in any order and may repeat.
//
// It runs union-find over reports only: each selector remembers the first
// report seen with it and joins every later one to that report. Memory is
// 4*(2*nReports + nSelectors) bytes.
func Components(nReports, nSelectors int, edges []Edge) (labels []int32, count int, err error) {
	if nReports < 0 || nSelectors < 0 || nReports > math.MaxInt32 || nSelectors > math.MaxInt32 {
		return nil, 0, fmt.Errorf("graph: sizes out of range: %d reports, %d selectors", nReports, nSelectors)
	}
	// parent[x] >= 0 is x's parent; parent[x] < 0 marks a root and holds
	// minus its component's size.
	parent := make([]int32, nReports)
	for i := range parent {
		parent[i] = -1
	}
	// first[s] is 1 + the first report seen with selector s, or 0.
	first := make([]int32, nSelectors)
	for i, e := range edges {
		r, s := e.Report, e.Selector
		if uint32(r) >= uint32(nReports) || uint32(s) >= uint32(nSelectors) {
			return nil, 0, fmt.Errorf("graph: edge %d (report %d, selector %d) out of range (%d reports, %d selectors)", i, r, s, nReports, nSelectors)
		}
		f := first[s]
		if f == 0 {
			first[s] = r + 1
			continue
		}
		union(parent, r, f-1)
	}
	return label(parent)
}

// find returns x's root, halving the path on the way.
func find(parent []int32, x int32) int32 {
	for {
		p := parent[x]
		if p < 0 {
			return x
		}
		gp := parent[p]
		if gp < 0 {
			return p
		}
		parent[x] = gp
		x = gp
	}
}

// union joins the components of a and b, hanging the smaller under the
// larger, and returns the new root.
func union(parent []int32, a, b int32) int32 {
	ra, rb := find(parent, a), find(parent, b)
	if ra == rb {
		return ra
	}
	if parent[ra] > parent[rb] { // ra is smaller
		ra, rb = rb, ra
	}
	parent[ra] += parent[rb]
	parent[rb] = ra
	return ra
}

// label turns a finished union-find forest into labels (smallest index in
// each component) without another scratch slice: scanning in increasing
// order, the first member met of a component is its smallest. Until a root R
// is itself reached, labels[R] is scratch holding 1 + its component's label
// (0: not met yet); below the scan position labels are final.
func label(parent []int32) ([]int32, int, error) {
	labels := make([]int32, len(parent))
	count := 0
	for r := range int32(len(parent)) {
		root := find(parent, r)
		if root < r {
			labels[r] = labels[root]
			continue
		}
		if m := labels[root]; m != 0 {
			labels[r] = m - 1
			continue
		}
		labels[r] = r
		count++
		if root != r {
			labels[root] = r + 1
		}
	}
	return labels, count, nil
}
