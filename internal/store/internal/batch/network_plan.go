package batch

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"counterscam/internal/store"
)

// Summary is a network's stored summary, as RefreshNetworks computes it:
// its reports, the distinct selectors they name that are not marked
// "does not link", and the first and last time one was received.
type Summary struct {
	Reports, Selectors  int
	FirstSeen, LastSeen time.Time
}

// NetworkPlan is what one batch of new reports (each already in its final
// network) and the merges that linking them caused do to the networks. A
// driver reads the stored summaries of the Candidates, asks the plan for
// each final network's parts, counts the selectors the non-base parts and
// the new reports add, and writes the Summaries; no network is recounted
// whole unless its stored summary is missing (Recount).
type NetworkPlan struct {
	// Merges are the merges to record, one per absorbed ID, sorted.
	Merges []store.NetworkMerge
	// Finals are the networks the batch lands in, sorted.
	Finals []string
	// Candidates are the IDs that may name stored networks taking part:
	// each final, and each absorbed ID that is not a report of the batch
	// (those came and went within it), sorted.
	Candidates []string

	finalOf map[string]string // candidate -> final network
	fresh   map[string]*freshPart

	// Set by Parts:
	parts   map[string][]string // final -> its stored parts, base first
	recount map[string]bool     // finals whose parts include a network without a summary
	sums    map[string]Summary
}

// freshPart is what the batch's reports add to one final network.
type freshPart struct {
	reports     int
	first, last time.Time
	selectors   []string // distinct
}

// PlanNetworks checks merges (no empty IDs; an ID absorbed once, into a
// survivor that nothing absorbs) and gathers what the reports add to each
// network.
func PlanNetworks(reports []*store.Report, merges []store.NetworkMerge) (*NetworkPlan, error) {
	p := &NetworkPlan{finalOf: map[string]string{}, fresh: map[string]*freshPart{}}
	inBatch := make(map[string]bool, len(reports))
	for _, r := range reports {
		inBatch[r.ID] = true
	}
	absorbed := make(map[string]string, len(merges))
	for _, m := range merges {
		if m.Absorbed == "" || m.Survivor == "" {
			return nil, errors.New("merge with an empty network ID")
		}
		if m.Absorbed == m.Survivor {
			continue
		}
		if s, ok := absorbed[m.Absorbed]; ok && s != m.Survivor {
			return nil, fmt.Errorf("network %s absorbed twice (into %s and %s)", m.Absorbed, s, m.Survivor)
		}
		absorbed[m.Absorbed] = m.Survivor
	}
	finals := map[string]bool{}
	for a, s := range absorbed {
		if _, ok := absorbed[s]; ok {
			return nil, fmt.Errorf("network %s absorbs %s but is itself absorbed: give the final survivor", s, a)
		}
		p.Merges = append(p.Merges, store.NetworkMerge{Absorbed: a, Survivor: s})
		finals[s] = true
		if !inBatch[a] {
			p.finalOf[a] = s
		}
	}
	slices.SortFunc(p.Merges, func(a, b store.NetworkMerge) int { return cmpStr(a.Absorbed, b.Absorbed) })
	for _, r := range reports {
		if r.NetworkID == "" {
			continue
		}
		if _, ok := absorbed[r.NetworkID]; ok {
			return nil, fmt.Errorf("report %s is in network %s, which a merge absorbs", r.ID, r.NetworkID)
		}
		finals[r.NetworkID] = true
		f := p.fresh[r.NetworkID]
		at := r.ReceivedAt.UTC()
		if f == nil {
			f = &freshPart{first: at, last: at}
			p.fresh[r.NetworkID] = f
		}
		f.reports++
		if at.Before(f.first) {
			f.first = at
		}
		if at.After(f.last) {
			f.last = at
		}
		for _, l := range r.Selectors {
			if !slices.Contains(f.selectors, l.SelectorID) {
				f.selectors = append(f.selectors, l.SelectorID)
			}
		}
	}
	for f := range finals {
		p.Finals = append(p.Finals, f)
		p.finalOf[f] = f
	}
	slices.Sort(p.Finals)
	for c := range p.finalOf {
		p.Candidates = append(p.Candidates, c)
	}
	slices.Sort(p.Candidates)
	return p, nil
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Parts takes the stored summaries of candidates (sums) and the candidates
// that have reports but no summary (orphans), and settles each final
// network's stored parts: the candidates with a summary, the largest
// first (its base: what it already counts is not counted again). A final
// with an orphan among its parts is recounted whole instead.
func (p *NetworkPlan) Parts(sums map[string]Summary, orphans []string) {
	p.sums = sums
	p.parts = map[string][]string{}
	p.recount = map[string]bool{}
	for _, o := range orphans {
		if f, ok := p.finalOf[o]; ok {
			p.recount[f] = true
		}
	}
	for _, c := range p.Candidates {
		if _, ok := sums[c]; ok {
			f := p.finalOf[c]
			p.parts[f] = append(p.parts[f], c)
		}
	}
	for f, ps := range p.parts {
		slices.SortFunc(ps, func(a, b string) int {
			// The largest first; the final itself among equals, then by ID.
			if d := sums[b].Reports - sums[a].Reports; d != 0 {
				return d
			}
			if (a == f) != (b == f) {
				if a == f {
					return -1
				}
				return 1
			}
			return cmpStr(a, b)
		})
	}
}

// Recount returns the finals to recount whole, sorted.
func (p *NetworkPlan) Recount() []string {
	var out []string
	for f := range p.recount {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// Absorbed returns, sorted, the stored networks that go into another
// (their reports move): every stored part that is not its final, and every
// orphan that is not a final.
func (p *NetworkPlan) Absorbed(orphans []string) []store.NetworkMerge {
	var out []store.NetworkMerge
	seen := map[string]bool{}
	add := func(c string) {
		if f := p.finalOf[c]; f != c && !seen[c] {
			seen[c] = true
			out = append(out, store.NetworkMerge{Absorbed: c, Survivor: f})
		}
	}
	for _, ps := range p.parts {
		for _, c := range ps {
			add(c)
		}
	}
	for _, o := range orphans {
		add(o)
	}
	slices.SortFunc(out, func(a, b store.NetworkMerge) int { return cmpStr(a.Absorbed, b.Absorbed) })
	return out
}

// NonBase returns the stored parts whose selectors must be looked at (all
// but each final's base), each with its final, sorted by part.
func (p *NetworkPlan) NonBase() []store.NetworkMerge {
	var out []store.NetworkMerge
	for f, ps := range p.parts {
		if p.recount[f] {
			continue
		}
		for _, c := range ps[min(1, len(ps)):] {
			out = append(out, store.NetworkMerge{Absorbed: c, Survivor: f})
		}
	}
	slices.SortFunc(out, func(a, b store.NetworkMerge) int { return cmpStr(a.Absorbed, b.Absorbed) })
	return out
}

// Candidate is a selector that may be new to a network: named by one of
// its new reports or non-base parts. It is new unless it is marked "does
// not link" or a report of Base ("" for none) names it.
type Candidate struct {
	Network, Base, Selector string
}

// SelectorCandidates returns, without repeats and sorted, the selectors named by
// each final network's new reports, with those its non-base parts name
// (nonBase: (final network, selector) pairs, in any order and with
// repeats).
func (p *NetworkPlan) SelectorCandidates(nonBase [][2]string) []Candidate {
	type key struct{ f, s string }
	seen := map[key]bool{}
	var out []Candidate
	add := func(f, s string) {
		if p.recount[f] || seen[key{f, s}] {
			return
		}
		seen[key{f, s}] = true
		base := ""
		if ps := p.parts[f]; len(ps) > 0 {
			base = ps[0]
		}
		out = append(out, Candidate{Network: f, Base: base, Selector: s})
	}
	for _, f := range p.Finals {
		if fp := p.fresh[f]; fp != nil {
			for _, s := range fp.selectors {
				add(f, s)
			}
		}
	}
	for _, fs := range nonBase {
		add(fs[0], fs[1])
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		if c := cmpStr(a.Network, b.Network); c != 0 {
			return c
		}
		return cmpStr(a.Selector, b.Selector)
	})
	return out
}

// NetworkRow is a network summary to store.
type NetworkRow struct {
	ID string
	Summary
}

// Summaries returns the new summaries of the finals not recounted, sorted,
// given how many selectors each gains over its base (added). A final left
// without reports gets none.
func (p *NetworkPlan) Summaries(added map[string]int) []NetworkRow {
	var out []NetworkRow
	for _, f := range p.Finals {
		if p.recount[f] {
			continue
		}
		var s Summary
		first := true
		take := func(n int, a, b time.Time) {
			if n == 0 {
				return
			}
			s.Reports += n
			if first || a.Before(s.FirstSeen) {
				s.FirstSeen = a
			}
			if first || b.After(s.LastSeen) {
				s.LastSeen = b
			}
			first = false
		}
		for _, c := range p.parts[f] {
			take(p.sums[c].Reports, p.sums[c].FirstSeen, p.sums[c].LastSeen)
		}
		if fp := p.fresh[f]; fp != nil {
			take(fp.reports, fp.first, fp.last)
		}
		if s.Reports == 0 {
			continue
		}
		if ps := p.parts[f]; len(ps) > 0 {
			s.Selectors = p.sums[ps[0]].Selectors
		}
		s.Selectors += added[f]
		out = append(out, NetworkRow{ID: f, Summary: s})
	}
	return out
}
