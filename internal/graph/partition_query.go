package graph

import (
	"cmp"
	"slices"
)

// Network summarises one network.
type Network struct {
	// ID is the ID of the network's oldest report.
	ID string `json:"id"`
	// Reports is the number of reports in the network.
	Reports int `json:"reports"`
	// Selectors is the number of distinct linking selectors in it.
	Selectors int `json:"selectors"`
}

// SelectorDegree is a selector with the number of distinct reports that
// contain it.
type SelectorDegree struct {
	ID     string `json:"id"`
	Degree int    `json:"degree"`
}

// Len returns the number of reports.
func (p *Partition) Len() int { return p.reports.Len() }

// NumSelectors returns the number of distinct linking selectors.
func (p *Partition) NumSelectors() int { return p.selectors.Len() }

// NumNetworks returns the number of networks, networks of one included.
func (p *Partition) NumNetworks() int { return p.networks }

// NetworkOf returns the ID of the network that holds the report, and false
// if the report is unknown. Since every network ID is the ID of a report,
// NetworkOf also follows an old network ID to the network it is part of now.
func (p *Partition) NetworkOf(reportID string) (string, bool) {
	i, ok := p.reports.get(reportID)
	if !ok {
		return "", false
	}
	return p.reports.at(p.oldest[p.root(i)]), true
}

// networkRoot returns the root of the network whose current ID is id.
func (p *Partition) networkRoot(id string) (int32, bool) {
	i, ok := p.reports.get(id)
	if !ok {
		return 0, false
	}
	r := p.root(i)
	return r, p.oldest[r] == i
}

// Network returns the summary of the network whose current ID is id, and
// false if id is not a current network ID (follow an old one with
// [Partition.NetworkOf]).
func (p *Partition) Network(id string) (Network, bool) {
	r, ok := p.networkRoot(id)
	if !ok {
		return Network{}, false
	}
	return p.summary(r), true
}

func (p *Partition) summary(root int32) Network {
	return Network{ID: p.reports.at(p.oldest[root]), Reports: int(-p.parent[root]), Selectors: int(p.nsel[root])}
}

// Members returns the IDs of the reports in the network whose current ID is
// id, oldest first, or nil if id is not a current network ID.
func (p *Partition) Members(id string) []string {
	r, ok := p.networkRoot(id)
	if !ok {
		return nil
	}
	out := make([]string, 0, -p.parent[r])
	for x := r; ; {
		out = append(out, p.reports.at(x))
		if x = p.next[x]; x == r {
			break
		}
	}
	slices.Sort(out)
	return out
}

// Networks lists the networks with at least minReports reports, largest
// first, then by ID (oldest first). Networks(2) leaves out lone reports.
func (p *Partition) Networks(minReports int) []Network {
	var out []Network
	for i, par := range p.parent {
		if par < 0 && int(-par) >= minReports {
			out = append(out, p.summary(int32(i)))
		}
	}
	slices.SortFunc(out, func(a, b Network) int {
		if c := cmp.Compare(b.Reports, a.Reports); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// Degree returns the number of distinct reports that contain the selector
// (0 if it is unknown).
func (p *Partition) Degree(selectorID string) int {
	if s, ok := p.selectors.get(selectorID); ok {
		return int(p.degree[s])
	}
	return 0
}

// Selectors returns the linking selectors of the network whose current ID is
// id, most-shared first (its key infrastructure), then by ID; nil if id is
// not a current network ID. Degrees count reports across all networks, which
// within one network is the same thing.
func (p *Partition) Selectors(id string) []SelectorDegree {
	r, ok := p.networkRoot(id)
	if !ok {
		return nil
	}
	var idx []int32
	for x := r; ; {
		for _, s := range p.links.of(x) {
			if p.owner[s] == x { // count each selector once: at its owner
				idx = append(idx, s)
			}
		}
		if x = p.next[x]; x == r {
			break
		}
	}
	return p.ranked(idx)
}

// ranked turns selector indexes into SelectorDegrees, highest degree first.
func (p *Partition) ranked(idx []int32) []SelectorDegree {
	out := make([]SelectorDegree, len(idx))
	for i, s := range idx {
		out[i] = SelectorDegree{ID: p.selectors.at(s), Degree: int(p.degree[s])}
	}
	slices.SortFunc(out, func(a, b SelectorDegree) int {
		if c := cmp.Compare(b.Degree, a.Degree); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// Degrees returns every selector's degree, indexed in no particular order;
// feed it to [Fence.Threshold].
func (p *Partition) Degrees() []int32 { return slices.Clone(p.degree) }

// HighDegree returns the selectors whose degree the fence flags, highest
// first. Warn an analyst about each: a selector that joins far more reports
// than the rest is either key infrastructure or a value shared by innocent
// parties (a bank's help line, a payment gateway) that should not link.
func (p *Partition) HighDegree(f Fence) []SelectorDegree {
	t := f.Threshold(p.degree)
	var idx []int32
	for s, d := range p.degree {
		if int(d) >= t {
			idx = append(idx, int32(s))
		}
	}
	return p.ranked(idx)
}
