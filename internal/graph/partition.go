package graph

import (
	"cmp"
	"iter"
	"slices"
)

// Redirect says that network ID From no longer exists: its reports are now
// in network To.
type Redirect struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Partition is the set of networks over reports and their linking selectors,
// keyed by report and selector ID. The zero value is not usable; call [New],
// [NewSized] or [Build].
//
// Reports and selectors get dense int32 indexes in order of arrival; the
// networks are a union-find forest over report indexes, with union by size
// and path halving. Each root also holds its network's oldest report, its
// number of selectors and a circular list of its members, so that merging is
// O(1) and listing a network's members is O(its size).
type Partition struct {
	reports idTable   // report ID <-> report index
	parent  []int32   // union-find: parent, or -size at a root
	oldest  []int32   // at a root: index of the network's smallest report ID
	nsel    []int32   // at a root: distinct linking selectors in the network
	next    []int32   // circular list of each network's members
	links   linkLists // report index -> its distinct selector indexes
	scratch []int32   // reused while adding a report

	selectors idTable // selector ID <-> selector index
	owner     []int32 // selector index -> a report that contains it
	degree    []int32 // selector index -> number of distinct reports

	networks int
}

// New returns an empty Partition.
func New() *Partition { return NewSized(0, 0) }

// NewSized returns an empty Partition with room for about the given numbers
// of reports and distinct selectors. Sizing up front roughly halves the time
// to load a million reports, most of which goes into the two ID maps.
func NewSized(reports, selectors int) *Partition {
	reports, selectors = max(reports, 0), max(selectors, 0)
	return &Partition{
		reports:   newIDTable(reports),
		parent:    make([]int32, 0, reports),
		oldest:    make([]int32, 0, reports),
		nsel:      make([]int32, 0, reports),
		next:      make([]int32, 0, reports),
		links:     linkLists{start: make([]int, 0, reports), n: make([]int32, 0, reports)},
		selectors: newIDTable(selectors),
		owner:     make([]int32, 0, selectors),
		degree:    make([]int32, 0, selectors),
	}
}

// Build makes a Partition from (report ID, linking selector IDs) pairs, as
// the store's rebuild reads them: New followed by Load.
func Build(links iter.Seq2[string, []string]) *Partition {
	p := New()
	p.Load(links)
	return p
}

// Load adds (report ID, linking selector IDs) pairs like AddReport, but
// reports no redirects: it is for filling a new Partition, such as a
// rebuild, before anyone has seen its network IDs. The order of the pairs
// does not matter, and a report may appear more than once (its selectors are
// added up): the networks and IDs are those AddReport would give.
func (p *Partition) Load(links iter.Seq2[string, []string]) {
	for id, sels := range links {
		p.add(id, sels, false)
	}
}

// AddReport adds a report with its linking selectors, or adds selectors to a
// report already present (selectors it already has are ignored). It returns
// the network IDs that disappeared, each with the network that absorbed it,
// sorted by From; nil when none did. A network ID disappears when its network
// merges with an older one, or when the added report is older than the
// network's oldest report (ULIDs minted on a skewed clock, an import of old
// data).
func (p *Partition) AddReport(reportID string, selectorIDs []string) []Redirect {
	return p.add(reportID, selectorIDs, true)
}

func (p *Partition) add(reportID string, selectorIDs []string, track bool) []Redirect {
	r, isNew := p.reportIndex(reportID)
	// before holds the IDs of the networks this call joins, as they were.
	var before []string
	if track && !isNew {
		before = append(before, p.reports.at(p.oldest[find(p.parent, r)]))
	}
	cur := append(p.scratch[:0], p.links.of(r)...)
	var have map[int32]struct{}
	if len(cur)+len(selectorIDs) > 32 {
		have = make(map[int32]struct{}, len(cur)+len(selectorIDs))
		for _, s := range cur {
			have[s] = struct{}{}
		}
	}
	for _, sid := range selectorIDs {
		s, sNew := p.selectorIndex(sid)
		if have != nil {
			if _, dup := have[s]; dup {
				continue
			}
			have[s] = struct{}{}
		} else if slices.Contains(cur, s) {
			continue
		}
		cur = append(cur, s)
		p.degree[s]++
		if sNew {
			p.owner[s] = r
			p.nsel[find(p.parent, r)]++
			continue
		}
		other := find(p.parent, p.owner[s])
		if other == find(p.parent, r) {
			continue
		}
		if track {
			before = append(before, p.reports.at(p.oldest[other]))
		}
		p.join(r, other)
	}
	p.links.set(r, cur)
	p.scratch = cur[:0]
	if len(before) == 0 {
		return nil
	}
	now := p.reports.at(p.oldest[find(p.parent, r)])
	var out []Redirect
	for _, id := range before {
		if id != now {
			out = append(out, Redirect{From: id, To: now})
		}
	}
	slices.SortFunc(out, func(a, b Redirect) int { return cmp.Compare(a.From, b.From) })
	return out
}

// reportIndex returns the report's index, adding it as a network of one if
// it is new.
func (p *Partition) reportIndex(id string) (int32, bool) {
	i, isNew := p.reports.index(id)
	if !isNew {
		return i, false
	}
	p.parent = append(p.parent, -1)
	p.oldest = append(p.oldest, i)
	p.nsel = append(p.nsel, 0)
	p.next = append(p.next, i)
	p.links.start = append(p.links.start, 0)
	p.links.n = append(p.links.n, 0)
	p.networks++
	return i, true
}

// selectorIndex returns the selector's index, adding it if it is new.
func (p *Partition) selectorIndex(id string) (int32, bool) {
	i, isNew := p.selectors.index(id)
	if !isNew {
		return i, false
	}
	p.owner = append(p.owner, -1)
	p.degree = append(p.degree, 0)
	return i, true
}

// linkLists holds every report's selector list end to end in one slice
// (no pointer per report for the collector to follow: see idTable). A
// list that grows moves to the end unless it is there already; the space
// it leaves is reclaimed once it is half of the whole.
type linkLists struct {
	all   []int32 // the lists, end to end
	start []int   // report index -> where its list starts in all
	n     []int32 // report index -> its length
	dead  int     // entries of all no list uses any more
}

// of returns report r's list (not to be changed or kept across changes).
func (l *linkLists) of(r int32) []int32 {
	return l.all[l.start[r] : l.start[r]+int(l.n[r])]
}

// set makes sel report r's list; sel begins with r's current list.
func (l *linkLists) set(r int32, sel []int32) {
	old := int(l.n[r])
	if len(sel) == old {
		return
	}
	if old > 0 && l.start[r]+old == len(l.all) { // last: grow in place
		l.all = append(l.all, sel[old:]...)
		l.n[r] = int32(len(sel))
		return
	}
	l.dead += old
	l.start[r], l.n[r] = len(l.all), int32(len(sel))
	l.all = append(l.all, sel...)
	if l.dead > 1<<16 && 2*l.dead > len(l.all) {
		l.compact()
	}
}

// compact copies the lists in use into a new slice.
func (l *linkLists) compact() {
	all := make([]int32, 0, len(l.all)-l.dead)
	for r := range l.start {
		s := len(all)
		all = append(all, l.all[l.start[r]:l.start[r]+int(l.n[r])]...)
		l.start[r] = s
	}
	l.all, l.dead = all, 0
}

// join merges the networks of reports a and b.
func (p *Partition) join(a, b int32) {
	ra, rb := find(p.parent, a), find(p.parent, b)
	if ra == rb {
		return
	}
	if p.parent[ra] > p.parent[rb] { // ra is smaller: hang it under rb
		ra, rb = rb, ra
	}
	p.parent[ra] += p.parent[rb]
	p.parent[rb] = ra
	if p.reports.less(p.oldest[rb], p.oldest[ra]) {
		p.oldest[ra] = p.oldest[rb]
	}
	p.nsel[ra] += p.nsel[rb]
	p.next[ra], p.next[rb] = p.next[rb], p.next[ra] // splice the two rings
	p.networks--
}

// root finds x's root without changing the forest, so that readers can share
// a Partition. Union by size keeps every path O(log n) long.
func (p *Partition) root(x int32) int32 {
	for p.parent[x] >= 0 {
		x = p.parent[x]
	}
	return x
}
