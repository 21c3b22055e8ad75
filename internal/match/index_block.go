package match

import (
	"hash/maphash"
	"sort"
)

// Option configures an Index or Dedupe.
type Option func(*config)

type config struct {
	decisions Decisions
	maxBlock  int
	workers   int
}

// WithDecisions makes every result respect stored human decisions: a pair
// judged different is never returned nor merged; a pair judged the same is
// always returned as a match.
func WithDecisions(d Decisions) Option { return func(c *config) { c.decisions = d } }

// WithMaxBlock sets how many records a blocking key may gather before it is
// too common to narrow the search and is skipped (default 400).
func WithMaxBlock(n int) Option { return func(c *config) { c.maxBlock = n } }

// WithWorkers sets how many goroutines Dedupe uses (default GOMAXPROCS).
func WithWorkers(n int) Option { return func(c *config) { c.workers = n } }

// Index holds persons for candidate search. Blocking keys (name keys, name
// with year or date of birth, date of birth alone, document numbers, extra
// attributes) bring together records that may be the same person, so that
// a query scores tens of records instead of all of them. An Index is not
// safe for concurrent Add; concurrent queries without Add are safe.
type Index struct {
	persons []Person
	recs    []record
	freq    *frequencies
	blocks  map[uint64][]int32
	byID    map[string]int
	seed    maphash.Seed
	cfg     config
}

// NewIndex indexes persons; result indices refer to this slice.
func NewIndex(persons []Person, opts ...Option) *Index {
	ix := &Index{
		persons: make([]Person, 0, len(persons)),
		recs:    make([]record, 0, len(persons)),
		blocks:  make(map[uint64][]int32, len(persons)*6),
		byID:    make(map[string]int),
		seed:    maphash.MakeSeed(),
		cfg:     config{maxBlock: 400},
	}
	for _, o := range opts {
		o(&ix.cfg)
	}
	for i := range persons {
		ix.persons = append(ix.persons, persons[i])
		ix.recs = append(ix.recs, prepare(&persons[i]))
	}
	ix.freq = countFrequencies(ix.recs)
	var keys []uint64
	for i := range ix.recs {
		keys = ix.blockKeys(&ix.recs[i], keys[:0])
		for _, k := range keys {
			ix.blocks[k] = append(ix.blocks[k], int32(i))
		}
		if id := persons[i].ID; id != "" {
			ix.byID[id] = i
		}
	}
	return ix
}

// Add indexes one more person and returns its index.
func (ix *Index) Add(p Person) int {
	i := len(ix.recs)
	ix.persons = append(ix.persons, p)
	ix.recs = append(ix.recs, prepare(&p))
	r := &ix.recs[i]
	ix.freq.n++
	for j := range r.forms {
		if !r.forms[j].reordered {
			ix.freq.family[r.forms[j].family]++
			ix.freq.given[r.forms[j].given]++
		}
	}
	for _, a := range r.attrs {
		ix.freq.attr[a]++
	}
	for _, k := range ix.blockKeys(r, nil) {
		ix.blocks[k] = append(ix.blocks[k], int32(i))
	}
	if p.ID != "" {
		ix.byID[p.ID] = i
	}
	return i
}

// Len is the number of persons held.
func (ix *Index) Len() int { return len(ix.recs) }

// Person returns the person at index i.
func (ix *Index) Person(i int) Person { return ix.persons[i] }

// blockKeys lists the blocking keys of a record, hashed.
func (ix *Index) blockKeys(r *record, dst []uint64) []uint64 {
	var h maphash.Hash
	h.SetSeed(ix.seed)
	add := func() {
		k := h.Sum64()
		for _, x := range dst {
			if x == k {
				return
			}
		}
		dst = append(dst, k)
	}
	key2 := func(tag, a string) {
		h.Reset()
		h.WriteString(tag)
		h.WriteString(a)
		add()
	}
	key3 := func(tag, a, b string) {
		h.Reset()
		h.WriteString(tag)
		h.WriteString(a)
		h.WriteByte(0)
		h.WriteString(b)
		add()
	}
	year, full := "", ""
	if r.dob.Year != 0 {
		digits := dateDigits(r.dob)
		year = digits[:4]
		if r.dob.Month != 0 && r.dob.Day != 0 {
			full = digits
			key2("d\x00", full)
		}
	}
	var fams []string
	for i := range r.forms {
		f := &r.forms[i]
		fams = f.familyKeys(fams[:0])
		giv := f.givenSkel
		for _, fam := range fams {
			if giv != "" {
				key3("n\x00", fam, giv)
			}
			if full != "" {
				key3("fd\x00", fam, full)
			}
			if year != "" && len(giv) >= 3 && !f.reordered {
				key3("fyg\x00", fam, year+giv[:3])
			}
		}
		// Not for a reordered reading, whose "given name" is a surname and
		// would gather everyone of that surname born that year.
		if giv != "" && year != "" && !f.reordered {
			key3("gy\x00", giv, year)
		}
	}
	for _, d := range r.docs {
		if len(d.number) >= 5 {
			key2("doc\x00", d.number)
		}
	}
	for _, a := range r.attrs {
		if len(a.value) >= 3 {
			key3("a\x00", a.name, a.value)
		}
	}
	return dst
}

// candidates appends to dst the indices sharing a usable block with r,
// each once, using mark (len = Len(), all false) as scratch; only indices
// above after are kept. mark is cleared again before returning.
func (ix *Index) candidates(r *record, after int, mark []bool, keys []uint64, dst []int) ([]int, []uint64) {
	keys = ix.blockKeys(r, keys[:0])
	start := len(dst)
	for _, k := range keys {
		b := ix.blocks[k]
		if len(b) > ix.cfg.maxBlock {
			continue
		}
		// blocks are in ascending order: skip to the first index above after
		lo := sort.Search(len(b), func(i int) bool { return int(b[i]) > after })
		for _, j := range b[lo:] {
			if !mark[j] {
				mark[j] = true
				dst = append(dst, int(j))
			}
		}
	}
	for _, j := range dst[start:] {
		mark[j] = false
	}
	return dst, keys
}

// Candidates returns the indices of the persons that share a blocking key
// with p, in ascending order. They are the ones worth scoring.
func (ix *Index) Candidates(p Person) []int {
	r := prepare(&p)
	mark := make([]bool, len(ix.recs))
	c, _ := ix.candidates(&r, -1, mark, nil, nil)
	sort.Ints(c)
	return c
}

// Candidate is a person of the index scored against a query.
type Candidate struct {
	Index   int
	Score   Score
	Verdict Verdict // a stored human decision on the pair, if any
}

// Best returns up to k candidates for p, best first, scored with
// explanations. Those scoring below PossibleThreshold are left out. With
// decisions (WithDecisions) and p.ID set, persons judged different from p
// are never returned and persons judged the same always are, first. An
// indexed person with p's own ID is not returned.
func (ix *Index) Best(p Person, k int) []Candidate {
	r := prepare(&p)
	mark := make([]bool, len(ix.recs))
	cands, _ := ix.candidates(&r, -1, mark, nil, nil)
	sc := scorer{freq: ix.freq}
	var out []Candidate
	seen := map[int]bool{}
	if d := ix.cfg.decisions; d != nil && p.ID != "" {
		for _, other := range d.SameAs(p.ID) {
			if j, ok := ix.byID[other]; ok && !seen[j] {
				seen[j] = true
				s := sc.score(&r, &ix.recs[j])
				out = append(out, Candidate{Index: j, Score: decidedSame(s), Verdict: Same})
			}
		}
	}
	for _, j := range cands {
		if seen[j] || p.ID != "" && ix.persons[j].ID == p.ID {
			continue // a record is not a candidate for itself
		}
		if d := ix.cfg.decisions; d != nil && p.ID != "" && ix.persons[j].ID != "" && d.Verdict(p.ID, ix.persons[j].ID) == Different {
			continue
		}
		s := sc.score(&r, &ix.recs[j])
		if s.Value >= PossibleThreshold {
			out = append(out, Candidate{Index: j, Score: s})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Verdict != out[b].Verdict {
			return out[a].Verdict == Same
		}
		if out[a].Score.Value != out[b].Score.Value {
			return out[a].Score.Value > out[b].Score.Value
		}
		return out[a].Index < out[b].Index
	})
	if len(out) > k {
		out = out[:k]
	}
	sc.explain = true
	for i := range out {
		s := sc.score(&r, &ix.recs[out[i].Index])
		if out[i].Verdict == Same {
			s = decidedSame(s)
		}
		out[i].Score = s
	}
	return out
}

// Score compares p with the person at index i, with explanations and the
// index's population frequencies.
func (ix *Index) Score(p Person, i int) Score {
	r := prepare(&p)
	return scorer{freq: ix.freq, explain: true}.score(&r, &ix.recs[i])
}

// decidedSame marks a score as settled by a person's decision.
func decidedSame(s Score) Score {
	s.Features = append(s.Features, Feature{Name: "decision", Detail: "decision: judged the same person by an officer"})
	s.Value, s.Class = 1, Match
	return s
}
