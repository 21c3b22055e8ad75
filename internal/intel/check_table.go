package intel

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
	"strings"
	"time"

	"counterscam/internal/store"
)

// entryTable holds the index's listed selectors by ID without a pointer
// the collector has to follow per selector: each selector is one
// fixed-size indexEntry in one slice, its ID and network IDs are byte
// ranges of one text slice, and the IDs are found through an
// open-addressing table of entry numbers. Scam types and time zones,
// which few selectors differ in, are interned in small tables. A hundred
// thousand selectors held as maps of Go strings, slices and time.Time
// values are half a million objects that every garbage collection marks
// again, and a served store collects every second or two under load.
type entryTable struct {
	seed    maphash.Seed
	text    []byte       // IDs and network IDs, end to end
	dead    int          // bytes of text no entry uses any more
	entries []indexEntry // in no order
	slots   []int32      // entry number + 1, or 0 for an empty slot; len is a power of 2

	types     [][]string       // the distinct scam type lists (shared with answers: not to be changed)
	typeIndex map[string]int32 // the list, joined by "\x00" -> its place in types
	locs      []*time.Location // the distinct time zones of first and last seen
}

// indexEntry is one listed selector's public answer.
type indexEntry struct {
	hash        uint64 // maphash of the ID, under the table's seed
	id, nets    span   // nets: each network ID after its length as a uvarint
	reports     int
	sources     int
	networkSize int
	first, last stamp
	types       int32 // in entryTable.types
}

// span is a byte range of entryTable.text.
type span struct{ off, n int }

// stamp is a time.Time without its location's pointer.
type stamp struct {
	sec  int64
	nsec int32
	loc  int32 // in entryTable.locs
}

func newEntryTable(n int) *entryTable {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return &entryTable{
		seed:      maphash.MakeSeed(),
		entries:   make([]indexEntry, 0, n),
		slots:     make([]int32, size),
		typeIndex: map[string]int32{},
	}
}

// Len returns the number of entries.
func (t *entryTable) Len() int { return len(t.entries) }

func (t *entryTable) bytes(s span) []byte { return t.text[s.off : s.off+s.n] }

// slot returns the slot of id (of hash h): where its entry number is, or
// the empty slot where it would go.
func (t *entryTable) slot(id string, h uint64) int {
	mask := len(t.slots) - 1
	s := int(h) & mask
	for {
		x := t.slots[s]
		if x == 0 {
			return s
		}
		if e := &t.entries[x-1]; e.hash == h && string(t.bytes(e.id)) == id {
			return s
		}
		s = (s + 1) & mask
	}
}

// get returns the entry of id, or nil. The entry is valid until the
// table next changes.
func (t *entryTable) get(id string) *indexEntry {
	if x := t.slots[t.slot(id, maphash.String(t.seed, id))]; x != 0 {
		return &t.entries[x-1]
	}
	return nil
}

// put sets the entry of id to the answer pe (listed), replacing any.
func (t *entryTable) put(id string, pe *publicEntry) {
	t.remove(id)
	h := maphash.String(t.seed, id)
	e := indexEntry{
		hash:        h,
		id:          t.add(id),
		reports:     pe.stats.Reports,
		sources:     pe.stats.Sources,
		networkSize: pe.networkSize,
		first:       t.stamp(pe.stats.FirstSeen),
		last:        t.stamp(pe.stats.LastSeen),
		types:       t.typeList(pe.stats.ScamTypes),
	}
	start := len(t.text)
	for _, n := range pe.stats.Networks {
		t.text = binary.AppendUvarint(t.text, uint64(len(n)))
		t.text = append(t.text, n...)
	}
	e.nets = span{start, len(t.text) - start}
	t.slots[t.slot(id, h)] = int32(len(t.entries)) + 1
	t.entries = append(t.entries, e)
	if 2*len(t.entries) > len(t.slots) {
		t.grow()
	}
}

// add appends s to the text and returns its span.
func (t *entryTable) add(s string) span {
	start := len(t.text)
	t.text = append(t.text, s...)
	return span{start, len(s)}
}

// remove deletes the entry of id, if any; it says whether there was one.
func (t *entryTable) remove(id string) bool {
	s := t.slot(id, maphash.String(t.seed, id))
	x := t.slots[s]
	if x == 0 {
		return false
	}
	i := x - 1
	t.dead += t.entries[i].id.n + t.entries[i].nets.n
	// Linear probing's deletion: move later entries of the probe run back
	// into the hole when their home slot allows it, so that no lookup
	// stops at the hole before reaching them.
	mask := len(t.slots) - 1
	for j := (s + 1) & mask; t.slots[j] != 0; j = (j + 1) & mask {
		home := int(t.entries[t.slots[j]-1].hash) & mask
		// The entry at j may move to s unless its home lies cyclically in (s, j].
		if (j-home)&mask >= (j-s)&mask {
			t.slots[s] = t.slots[j]
			s = j
		}
	}
	t.slots[s] = 0
	// The last entry takes the place of the removed one.
	last := int32(len(t.entries)) - 1
	if i != last {
		e := t.entries[last]
		t.slots[t.slot(string(t.bytes(e.id)), e.hash)] = i + 1
		t.entries[i] = e
	}
	t.entries = t.entries[:last]
	if t.dead > 1<<16 && 2*t.dead > len(t.text) {
		t.compact()
	}
	return true
}

// grow doubles the table and places every entry again.
func (t *entryTable) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	mask := len(t.slots) - 1
	for i := range t.entries {
		s := int(t.entries[i].hash) & mask
		for t.slots[s] != 0 {
			s = (s + 1) & mask
		}
		t.slots[s] = int32(i) + 1
	}
}

// compact copies the text the entries use into a new slice, dropping
// that of removed entries.
func (t *entryTable) compact() {
	text := make([]byte, 0, len(t.text)-t.dead)
	for i := range t.entries {
		e := &t.entries[i]
		for _, s := range []*span{&e.id, &e.nets} {
			start := len(text)
			text = append(text, t.bytes(*s)...)
			s.off = start
		}
	}
	t.text, t.dead = text, 0
}

// stamp returns t without its location's pointer.
func (t *entryTable) stamp(tm time.Time) stamp {
	loc := tm.Location()
	i := slices.Index(t.locs, loc)
	if i < 0 {
		i = len(t.locs)
		t.locs = append(t.locs, loc)
	}
	return stamp{sec: tm.Unix(), nsec: int32(tm.Nanosecond()), loc: int32(i)}
}

// time returns the time.Time of s.
func (t *entryTable) time(s stamp) time.Time {
	return time.Unix(s.sec, int64(s.nsec)).In(t.locs[s.loc])
}

// typeList returns the place of the scam type list l in types, adding it
// if new.
func (t *entryTable) typeList(l []string) int32 {
	key := "n" // nil and empty lists stay apart
	if l != nil {
		key = "l" + strings.Join(l, "\x00")
	}
	if i, ok := t.typeIndex[key]; ok && slices.Equal(t.types[i], l) && (t.types[i] == nil) == (l == nil) {
		return i
	}
	i := int32(len(t.types))
	t.types = append(t.types, slices.Clip(slices.Clone(l)))
	t.typeIndex[key] = i
	return i
}

// answer returns the public answer of entry e.
func (t *entryTable) answer(e *indexEntry) publicEntry {
	return publicEntry{
		listed: true,
		stats: store.SelectorStats{
			Reports: e.reports, Sources: e.sources,
			FirstSeen: t.time(e.first), LastSeen: t.time(e.last),
			ScamTypes: t.types[e.types],
		},
		networkSize: e.networkSize,
	}
}

// inAny says whether entry e is in one of the networks of in.
func (t *entryTable) inAny(e *indexEntry, in map[string]bool) bool {
	b := t.bytes(e.nets)
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if in[string(b[k:k+int(n)])] {
			return true
		}
		b = b[k+int(n):]
	}
	return false
}

// networks returns the network IDs of entry e.
func (t *entryTable) networks(e *indexEntry) []string {
	var out []string
	b := t.bytes(e.nets)
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		out = append(out, string(b[k:k+int(n)]))
		b = b[k+int(n):]
	}
	return out
}

// id returns the selector ID of entry e.
func (t *entryTable) id(e *indexEntry) string { return string(t.bytes(e.id)) }
