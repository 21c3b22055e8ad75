package batch

import (
	"slices"
	"time"
)

// AllSummaries computes the summary of every network at once, as the
// drivers' summary statement would for all of them, from two sequential
// scans instead of a join of every link with its report and selector and a
// sort of the (network, selector) pairs: the reports (each with the network
// it is now in), then the links in selector order. A selector's reports are
// then consecutive, so counting it once per network it reaches needs only
// the few networks of the current selector, not a set of all the pairs.
type AllSummaries struct {
	noLink  map[string]bool
	nets    []NetworkRow
	byID    map[string]int32   // network ID -> index in nets
	netOf   map[string]int32   // report ID -> index in nets
	sel     string             // the selector whose links are coming
	selNets []int32            // the networks sel has reached so far
	selSet  map[int32]struct{} // the same, once there are many
}

// NewAllSummaries starts the summaries; the selectors of noLink count in
// no network.
func NewAllSummaries(noLink []string) *AllSummaries {
	a := &AllSummaries{noLink: make(map[string]bool, len(noLink)), byID: map[string]int32{}, netOf: map[string]int32{}}
	for _, id := range noLink {
		a.noLink[id] = true
	}
	return a
}

// Report counts a report into network (none if empty). Every report comes
// before the first link.
func (a *AllSummaries) Report(id, network string, receivedAt time.Time) {
	if network == "" {
		return
	}
	receivedAt = receivedAt.UTC()
	i, ok := a.byID[network]
	if !ok {
		i = int32(len(a.nets))
		a.byID[network] = i
		a.nets = append(a.nets, NetworkRow{ID: network, Summary: Summary{FirstSeen: receivedAt, LastSeen: receivedAt}})
	}
	n := &a.nets[i].Summary
	n.Reports++
	if receivedAt.Before(n.FirstSeen) {
		n.FirstSeen = receivedAt
	}
	if receivedAt.After(n.LastSeen) {
		n.LastSeen = receivedAt
	}
	a.netOf[id] = i
}

// Link counts a link of a report to a selector. Links come sorted by
// selector (any order within one); a link of a report not given to Report
// counts nowhere.
func (a *AllSummaries) Link(selectorID, reportID string) {
	if selectorID != a.sel {
		a.sel, a.selNets, a.selSet = selectorID, a.selNets[:0], nil
	}
	if a.noLink[selectorID] {
		return
	}
	i, ok := a.netOf[reportID]
	if !ok {
		return
	}
	switch {
	case a.selSet != nil:
		if _, seen := a.selSet[i]; seen {
			return
		}
		a.selSet[i] = struct{}{}
	case slices.Contains(a.selNets, i):
		return
	case len(a.selNets) == 32:
		// A selector shared by many networks (an allow-listed one):
		// a set, so that counting it stays linear.
		a.selSet = make(map[int32]struct{}, 64)
		for _, n := range a.selNets {
			a.selSet[n] = struct{}{}
		}
		a.selSet[i] = struct{}{}
	default:
		a.selNets = append(a.selNets, i)
	}
	a.nets[i].Selectors++
}

// Rows returns the summaries, sorted by network ID.
func (a *AllSummaries) Rows() []NetworkRow {
	slices.SortFunc(a.nets, func(x, y NetworkRow) int {
		switch {
		case x.ID < y.ID:
			return -1
		case x.ID > y.ID:
			return 1
		}
		return 0
	})
	return a.nets
}
