package match

import (
	"runtime"
	"sort"
	"sync"
)

// Verdict is a stored human decision on a pair of records.
type Verdict int8

// Verdicts.
const (
	Undecided Verdict = iota
	Same
	Different
)

// Decisions gives access to stored decisions on pairs of person IDs. They
// always win over scores.
type Decisions interface {
	// Verdict returns the decision on the pair, in either order.
	Verdict(a, b string) Verdict
	// SameAs lists the IDs judged the same person as id.
	SameAs(id string) []string
}

// DecisionMap is an in-memory Decisions, keyed by ordered ID pairs.
type DecisionMap map[[2]string]Verdict

// Set records a decision on a pair; Undecided removes it.
func (m DecisionMap) Set(a, b string, v Verdict) {
	if a > b {
		a, b = b, a
	}
	if v == Undecided {
		delete(m, [2]string{a, b})
		return
	}
	m[[2]string{a, b}] = v
}

// Verdict implements Decisions.
func (m DecisionMap) Verdict(a, b string) Verdict {
	if a > b {
		a, b = b, a
	}
	return m[[2]string{a, b}]
}

// SameAs implements Decisions.
func (m DecisionMap) SameAs(id string) []string {
	var out []string
	for k, v := range m {
		if v != Same {
			continue
		}
		switch id {
		case k[0]:
			out = append(out, k[1])
		case k[1]:
			out = append(out, k[0])
		}
	}
	sort.Strings(out)
	return out
}

// Pair is two records of a Dedupe input (A < B) that may be one person.
type Pair struct {
	A, B    int
	Score   Score
	Verdict Verdict
}

// Result of Dedupe: the pairs scoring at least PossibleThreshold (or judged
// the same), best first, and the clusters that the Match pairs and Same
// decisions form, never joining records judged different. Clusters holds
// only groups of two or more, each sorted, ordered by first member.
type Result struct {
	Pairs    []Pair
	Clusters [][]int
}

// Dedupe finds the records of persons that are likely the same person.
// Scores carry no explanations (ask Index.Score for one pair).
func Dedupe(persons []Person, opts ...Option) Result {
	ix := NewIndex(persons, opts...)
	return ix.Dedupe()
}

// Dedupe compares every indexed record with its candidates once.
func (ix *Index) Dedupe() Result {
	n := len(ix.recs)
	workers := ix.cfg.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	d := ix.cfg.decisions
	const chunk = 256
	var mu sync.Mutex
	var pairs []Pair
	var next int
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mark := make([]bool, n)
			var keys []uint64
			var cands []int
			var local []Pair
			sc := scorer{freq: ix.freq}
			for {
				mu.Lock()
				lo := next
				next += chunk
				mu.Unlock()
				if lo >= n {
					break
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					cands, keys = ix.candidates(&ix.recs[i], i, mark, keys, cands[:0])
					for _, j := range cands {
						s := sc.score(&ix.recs[i], &ix.recs[j])
						if s.Value < PossibleThreshold {
							continue
						}
						if d != nil && d.Verdict(ix.persons[i].ID, ix.persons[j].ID) == Different && ix.persons[i].ID != "" && ix.persons[j].ID != "" {
							continue
						}
						local = append(local, Pair{A: i, B: j, Score: s})
					}
				}
			}
			mu.Lock()
			pairs = append(pairs, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if d != nil {
		pairs = ix.addSamePairs(pairs)
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].Score.Value != pairs[b].Score.Value {
			return pairs[a].Score.Value > pairs[b].Score.Value
		}
		if pairs[a].A != pairs[b].A {
			return pairs[a].A < pairs[b].A
		}
		return pairs[a].B < pairs[b].B
	})
	return Result{Pairs: pairs, Clusters: ix.cluster(pairs)}
}

// addSamePairs makes every pair judged the same a match, whether or not
// blocking found it.
func (ix *Index) addSamePairs(pairs []Pair) []Pair {
	at := map[[2]int]int{}
	for i, p := range pairs {
		at[[2]int{p.A, p.B}] = i
	}
	sc := scorer{freq: ix.freq}
	for i, p := range ix.persons {
		if p.ID == "" {
			continue
		}
		for _, other := range ix.cfg.decisions.SameAs(p.ID) {
			j, ok := ix.byID[other]
			if !ok || j <= i {
				continue
			}
			if k, ok := at[[2]int{i, j}]; ok {
				pairs[k].Score, pairs[k].Verdict = decidedSame(pairs[k].Score), Same
				continue
			}
			s := sc.score(&ix.recs[i], &ix.recs[j])
			pairs = append(pairs, Pair{A: i, B: j, Score: decidedSame(s), Verdict: Same})
			at[[2]int{i, j}] = len(pairs) - 1
		}
	}
	return pairs
}

// cluster joins records along Match pairs, best first, refusing any join
// that would put two records judged different in one cluster.
func (ix *Index) cluster(pairs []Pair) [][]int {
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	members := map[int][]int{}
	d := ix.cfg.decisions
	for _, p := range pairs {
		if p.Score.Class != Match {
			continue
		}
		ra, rb := find(p.A), find(p.B)
		if ra == rb {
			continue
		}
		ma, mb := membersOf(members, ra), membersOf(members, rb)
		if d != nil {
			if conflict(ix, d, ma, mb) {
				continue
			}
		}
		parent[rb] = ra
		parent[ra] = ra
		members[ra] = append(ma, mb...)
		delete(members, rb)
	}
	var out [][]int
	for _, m := range members {
		if len(m) > 1 {
			sort.Ints(m)
			out = append(out, m)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

func membersOf(members map[int][]int, root int) []int {
	if m, ok := members[root]; ok {
		return m
	}
	return []int{root}
}

// conflict reports whether any record of a was judged different from any of b.
func conflict(ix *Index, d Decisions, a, b []int) bool {
	for _, x := range a {
		idx := ix.persons[x].ID
		if idx == "" {
			continue
		}
		for _, y := range b {
			if idy := ix.persons[y].ID; idy != "" && d.Verdict(idx, idy) == Different {
				return true
			}
		}
	}
	return false
}
