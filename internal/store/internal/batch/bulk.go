package batch

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"iter"
	"slices"
	"strings"
	"time"

	"counterscam/internal/store"
)

// Totals counts what the reports of a bulk load add to each selector and
// each (selector, origin) pair, across all of its batches, so that a driver
// writes every selector row once, at the end, in key order, instead of
// upserting it batch after batch at a random place of its tree. The store
// holds no reports when the load begins, so the totals are the rows.
//
// The rows are those the batch path (Aggregate, then the drivers' upserts)
// would leave after the same reports in the same order: a selector's
// display, region and subtype are the first non-empty ones given, and a
// report naming a selector twice counts once.
//
// A load of a million reports counts two million selectors, kept to its
// end: they are held without pointers (their strings end to end in byte
// chunks, found through an open-addressing table of indexes), so that the
// collector, which runs many times during a load, has nothing of them to
// mark. Strings and selectors are kept in chunks that are never moved: one
// slice grown by append was copied again at every growth, which cost a 1M
// load 10 CPU-s (pprof), most of it faulting in the new copies' pages.
type Totals struct {
	arena   arena             // the selectors' IDs, values and displays, and the reports' IDs
	sels    chunked[selTotal] // in order of first appearance
	table   []int32           // open addressing by ID: index into sels + 1, 0 empty
	seed    maphash.Seed      // of the table's hash
	words   []string          // kinds, regions, subtypes and origins: few values
	wordAt  map[string]uint32
	sources map[uint64]int32 // (selector index << 32 | origin word) -> reports

	reports chunked[reportTotal] // in order of Add
	links   []uint64             // selector index << 32 | report index, once per report and selector
	order   []int32              // sels' indexes in order of ID, once worked out (sortedSelectors)
}

// reportTotal is what the networks' summaries need of a report.
type reportTotal struct {
	id, network span  // the network it was appended in
	at          int64 // received, Unix nanoseconds
}

// span is a string in the arena: the chunk's number above the low 32 bits
// of off, the string's place in the chunk below them.
type span struct {
	off uint64
	n   uint32
}

// arenaChunk is the size of the arena's chunks; a longer string has a chunk
// of its own.
const arenaChunk = 1 << 20

// arena holds strings end to end in chunks that never move.
type arena struct {
	chunks [][]byte
}

func (a *arena) put(s string) span {
	if len(s) == 0 {
		return span{}
	}
	last := len(a.chunks) - 1
	if last < 0 || len(a.chunks[last])+len(s) > cap(a.chunks[last]) {
		a.chunks = append(a.chunks, make([]byte, 0, max(arenaChunk, len(s))))
		last++
	}
	c := a.chunks[last]
	sp := span{uint64(last)<<32 | uint64(len(c)), uint32(len(s))}
	a.chunks[last] = append(c, s...)
	return sp
}

func (a *arena) bytes(s span) []byte {
	if s.n == 0 {
		return nil
	}
	at := uint32(s.off)
	return a.chunks[s.off>>32][at : at+s.n]
}

// chunkBits sets the number of values in one chunk of a chunked slice.
const chunkBits = 14

// chunked is a slice of values kept in chunks that never move: appending
// copies no value already held.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

func (c *chunked[T]) append(v T) {
	if c.n>>chunkBits == len(c.chunks) {
		c.chunks = append(c.chunks, make([]T, 1<<chunkBits))
	}
	c.chunks[c.n>>chunkBits][c.n&(1<<chunkBits-1)] = v
	c.n++
}

// at returns the i-th value, for reading or changing in place.
func (c *chunked[T]) at(i int) *T { return &c.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

func (c *chunked[T]) len() int { return c.n }

// selTotal is one selector's totals, without pointers.
type selTotal struct {
	id, value, display    span
	kind, region, subtype uint32 // words
	first, last           int64  // Unix nanoseconds
	reports, sources      int32
}

// NewTotals starts empty totals.
func NewTotals() *Totals {
	return &Totals{table: make([]int32, 1024), seed: maphash.MakeSeed(), wordAt: map[string]uint32{}, sources: map[uint64]int32{}}
}

func (t *Totals) bytes(s span) []byte { return t.arena.bytes(s) }

func (t *Totals) str(s span) string { return string(t.bytes(s)) }

func (t *Totals) put(s string) span { return t.arena.put(s) }

// word returns the number of a value of few distinct values.
func (t *Totals) word(s string) uint32 {
	if w, ok := t.wordAt[s]; ok {
		return w
	}
	w := uint32(len(t.words))
	s = strings.Clone(s)
	t.words = append(t.words, s)
	t.wordAt[s] = w
	return w
}

// find returns the index of the selector id in sels, adding it (with add)
// if absent.
func (t *Totals) find(id string, add func() selTotal) int32 {
	mask := uint64(len(t.table) - 1)
	for h := maphash.String(t.seed, id) & mask; ; h = (h + 1) & mask {
		i := t.table[h]
		if i == 0 {
			t.sels.append(add())
			n := int32(t.sels.len())
			t.table[h] = n
			if 2*t.sels.len() > len(t.table) {
				t.grow()
			}
			return n - 1
		}
		if string(t.bytes(t.sels.at(int(i-1)).id)) == id {
			return i - 1
		}
	}
}

// grow doubles the table and places every selector again.
func (t *Totals) grow() {
	t.table = make([]int32, 2*len(t.table))
	mask := uint64(len(t.table) - 1)
	for i := range t.sels.len() {
		h := maphash.Bytes(t.seed, t.bytes(t.sels.at(i).id)) & mask
		for t.table[h] != 0 {
			h = (h + 1) & mask
		}
		t.table[h] = int32(i + 1)
	}
}

// Add counts reports, in the order they are stored.
func (t *Totals) Add(reports []*store.Report) {
	for _, r := range reports {
		at := r.ReceivedAt.UnixNano()
		origin := uint64(t.word(r.Origin))
		rep := uint64(t.reports.len())
		t.reports.append(reportTotal{id: t.put(r.ID), network: t.put(r.NetworkID), at: at})
		for i, l := range r.Selectors {
			k := t.find(l.SelectorID, func() selTotal {
				return selTotal{id: t.put(l.SelectorID), value: t.put(l.Value), display: t.put(l.Display),
					kind: t.word(l.Kind), region: t.word(l.Region), subtype: t.word(l.Subtype), first: at, last: at}
			})
			d := t.sels.at(int(k))
			if d.display.n == 0 && l.Display != "" {
				d.display = t.put(l.Display)
			}
			if t.words[d.region] == "" {
				d.region = t.word(l.Region)
			}
			if t.words[d.subtype] == "" {
				d.subtype = t.word(l.Subtype)
			}
			if namedBefore(r.Selectors[:i], l.SelectorID) {
				continue
			}
			d.reports++
			d.first, d.last = min(d.first, at), max(d.last, at)
			t.links = append(t.links, uint64(k)<<32|rep)
			pair := uint64(k)<<32 | origin
			if t.sources[pair] == 0 {
				d.sources++
			}
			t.sources[pair]++
		}
	}
}

// AddAsync is Add on another goroutine, so that the counting takes
// another core while the caller writes the reports; wait returns when it
// is done, and must be called before the next Add or read of t.
func (t *Totals) AddAsync(reports []*store.Report) (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.Add(reports)
	}()
	return func() { <-done }
}

// Selectors yields each selector's row, in order of ID.
func (t *Totals) Selectors() iter.Seq[SelectorDelta] {
	return func(yield func(SelectorDelta) bool) {
		for _, k := range t.sortedSelectors() {
			d := t.sels.at(int(k))
			kind, value := t.words[d.kind], t.str(d.value)
			ok := yield(SelectorDelta{
				ID: t.str(d.id), Kind: kind, Value: value, Display: t.str(d.display),
				Region: t.words[d.region], Subtype: t.words[d.subtype], Hash: Hash(kind, value),
				FirstSeen: time.Unix(0, d.first).UTC(), LastSeen: time.Unix(0, d.last).UTC(),
				Reports: int(d.reports), Sources: int(d.sources),
			})
			if !ok {
				return
			}
		}
	}
}

// Sources yields the (selector, origin) rows, in order of selector, then
// origin.
func (t *Totals) Sources() iter.Seq[SourceDelta] {
	return func(yield func(SourceDelta) bool) {
		order := t.sortedSelectors()
		rank := make([]uint32, t.sels.len()) // a selector's place in ID order
		for i, k := range order {
			rank[k] = uint32(i)
		}
		byName := make([]uint32, len(t.words)) // the words in order
		for i := range byName {
			byName[i] = uint32(i)
		}
		slices.SortFunc(byName, func(a, b uint32) int { return strings.Compare(t.words[a], t.words[b]) })
		wrank := make([]uint32, len(t.words))
		for i, w := range byName {
			wrank[w] = uint32(i)
		}
		// Each pair as (selector's rank, origin's rank): plain integers in
		// the order of the rows.
		keys := make([]uint64, 0, len(t.sources))
		for k := range t.sources {
			keys = append(keys, uint64(rank[k>>32])<<32|uint64(wrank[uint32(k)]))
		}
		slices.Sort(keys)
		for _, k := range keys {
			sel, origin := order[k>>32], byName[uint32(k)]
			n := t.sources[uint64(sel)<<32|uint64(origin)]
			if !yield(SourceDelta{SelectorID: t.str(t.sels.at(int(sel)).id), Origin: t.words[origin], Reports: int(n)}) {
				return
			}
		}
	}
}

// sortedSelectors returns the indexes of the selectors in order of ID,
// worked out once after the last Add. The sort compares the first eight
// bytes of each ID as one integer, held beside the index, and reads the
// rest of the IDs from the arena only where those are equal: two million
// IDs sort several times faster than by comparing them from the arena.
func (t *Totals) sortedSelectors() []int32 {
	if len(t.order) == t.sels.len() {
		return t.order
	}
	type keyed struct {
		prefix uint64
		i      int32
	}
	keys := make([]keyed, t.sels.len())
	for i := range keys {
		keys[i] = keyed{idPrefix(t.bytes(t.sels.at(i).id)), int32(i)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
			return c
		}
		return bytes.Compare(t.bytes(t.sels.at(int(a.i)).id), t.bytes(t.sels.at(int(b.i)).id))
	})
	t.order = make([]int32, len(keys))
	for i, k := range keys {
		t.order[i] = k.i
	}
	return t.order
}

// idPrefix is the first eight bytes of id as a big-endian integer, zeros
// past a shorter ID's end: in the same order as the IDs' bytes, where two
// prefixes differ.
func idPrefix(id []byte) uint64 {
	var b [8]byte
	copy(b[:], id)
	return binary.BigEndian.Uint64(b[:])
}

// Len is the number of selectors counted.
func (t *Totals) Len() int { return t.sels.len() }

// Networks works out, from what was added, every report's network as
// assign says and every network's summary, as AllSummaries would from the
// stored reports and links after the load: the reports ids[i] are not in
// the network they were added in but in nets[i]; rows are the summaries,
// sorted by ID. The selectors of noLink count in no network.
func (t *Totals) Networks(noLink []string, assign func(reportID string) string) (ids, nets []string, rows []NetworkRow) {
	at := map[string]int32{}
	netOf := make([]int32, t.reports.len())
	for i := range netOf {
		r := t.reports.at(i)
		id := t.str(r.id)
		n := assign(id)
		if n != string(t.bytes(r.network)) {
			ids, nets = append(ids, id), append(nets, n)
		}
		seen := time.Unix(0, r.at).UTC()
		j, ok := at[n]
		if !ok {
			j = int32(len(rows))
			at[n] = j
			rows = append(rows, NetworkRow{ID: n, Summary: Summary{FirstSeen: seen, LastSeen: seen}})
		}
		s := &rows[j].Summary
		s.Reports++
		if seen.Before(s.FirstSeen) {
			s.FirstSeen = seen
		}
		if seen.After(s.LastSeen) {
			s.LastSeen = seen
		}
		netOf[i] = j
	}
	skip := make(map[uint64]bool, len(noLink))
	for _, id := range noLink {
		if k, ok := t.lookup(id); ok {
			skip[uint64(k)] = true
		}
	}
	// A selector's links side by side; each network it reaches counts it
	// once.
	slices.Sort(t.links)
	var reached []int32
	for lo := 0; lo < len(t.links); {
		k := t.links[lo] >> 32
		hi := lo
		for hi < len(t.links) && t.links[hi]>>32 == k {
			hi++
		}
		if !skip[k] {
			reached = reached[:0]
			for _, l := range t.links[lo:hi] {
				reached = append(reached, netOf[uint32(l)])
			}
			slices.Sort(reached)
			for _, j := range slices.Compact(reached) {
				rows[j].Selectors++
			}
		}
		lo = hi
	}
	slices.SortFunc(rows, func(a, b NetworkRow) int { return strings.Compare(a.ID, b.ID) })
	return ids, nets, rows
}

// NetworksAsync is Networks on another goroutine, so that a driver can
// write the selectors and their sources (Selectors and Sources may run
// meanwhile: Networks reads neither what they write nor they what it
// sorts) while it counts; wait returns its result. Nothing may be added to
// t meanwhile.
func (t *Totals) NetworksAsync(noLink []string, assign func(reportID string) string) (wait func() (ids, nets []string, rows []NetworkRow)) {
	var (
		ids, nets []string
		rows      []NetworkRow
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		ids, nets, rows = t.Networks(noLink, assign)
	}()
	return func() ([]string, []string, []NetworkRow) {
		<-done
		return ids, nets, rows
	}
}

// lookup returns the index of the selector id, if it was counted.
func (t *Totals) lookup(id string) (int32, bool) {
	mask := uint64(len(t.table) - 1)
	for h := maphash.String(t.seed, id) & mask; ; h = (h + 1) & mask {
		i := t.table[h]
		if i == 0 {
			return 0, false
		}
		if string(t.bytes(t.sels.at(int(i-1)).id)) == id {
			return i - 1, true
		}
	}
}
