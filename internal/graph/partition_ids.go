package graph

import (
	"bytes"
	"hash/maphash"
)

// idTable gives each distinct ID a dense int32 index in order of arrival,
// and holds the IDs without a single pointer: the IDs end to end in byte
// chunks, their ends, and an open-addressing table of indexes. A
// million IDs as Go strings keyed in a map are a million objects that
// every garbage collection marks again; in a served store that marking
// took a CPU core for a third of a second every couple of seconds, and
// the requests waiting behind it made the public check's slow tail.
//
// The IDs are kept in chunks of text that never move (one slice grown by
// append was copied again at each growth: 2 CPU-s of a million-report
// import, mostly faulting in the copies' pages). An ID lies whole in one
// chunk, and ends records, for each index, its chunk above the low 32 bits
// and where it ends in that chunk below them; it starts where the one
// before ends, if that is in the same chunk, else at the chunk's start.
type idTable struct {
	seed  maphash.Seed
	text  [][]byte // the IDs, end to end, in chunks of up to textChunk bytes (or one longer ID)
	ends  []uint64 // index -> chunk << 32 | end of its ID in that chunk
	slots []int32  // index+1, or 0 for an empty slot; len is a power of 2
}

// textChunk is the size of an idTable's chunks of text, once it has
// grown from minTextChunk by doubling.
const (
	minTextChunk = 4 << 10
	textChunk    = 1 << 20
)

func newIDTable(n int) idTable {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return idTable{seed: maphash.MakeSeed(), ends: make([]uint64, 0, n), slots: make([]int32, size)}
}

// Len returns the number of IDs.
func (t *idTable) Len() int { return len(t.ends) }

// bytes returns the ID of index i, in text (not to be changed).
func (t *idTable) bytes(i int32) []byte {
	e := t.ends[i]
	start := uint32(0)
	if i > 0 && t.ends[i-1]>>32 == e>>32 {
		start = uint32(t.ends[i-1])
	}
	return t.text[e>>32][start:uint32(e)]
}

// at returns the ID of index i.
func (t *idTable) at(i int32) string { return string(t.bytes(i)) }

// less says whether the ID of index i sorts before that of index j.
func (t *idTable) less(i, j int32) bool { return bytes.Compare(t.bytes(i), t.bytes(j)) < 0 }

// slot returns the slot of id: where its index is, or the empty slot where
// it would go.
func (t *idTable) slot(id string) int {
	mask := len(t.slots) - 1
	s := int(maphash.String(t.seed, id)) & mask
	for {
		x := t.slots[s]
		if x == 0 || string(t.bytes(x-1)) == id {
			return s
		}
		s = (s + 1) & mask
	}
}

// get returns the index of id, and false if it has none.
func (t *idTable) get(id string) (int32, bool) {
	x := t.slots[t.slot(id)]
	return x - 1, x != 0
}

// index returns the index of id, giving it the next one if it has none
// (and then true).
func (t *idTable) index(id string) (int32, bool) {
	s := t.slot(id)
	if x := t.slots[s]; x != 0 {
		return x - 1, false
	}
	i := int32(len(t.ends))
	last := len(t.text) - 1
	if last < 0 || len(t.text[last])+len(id) > cap(t.text[last]) {
		size := minTextChunk // small partitions stay small
		if last >= 0 {
			size = min(textChunk, 2*cap(t.text[last]))
		}
		t.text = append(t.text, make([]byte, 0, max(size, len(id))))
		last++
	}
	t.text[last] = append(t.text[last], id...)
	t.ends = append(t.ends, uint64(last)<<32|uint64(len(t.text[last])))
	t.slots[s] = i + 1
	if 2*len(t.ends) > len(t.slots) {
		t.grow()
	}
	return i, true
}

// grow doubles the table and places every index again.
func (t *idTable) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	mask := len(t.slots) - 1
	for i := range int32(len(t.ends)) {
		s := int(maphash.Bytes(t.seed, t.bytes(i))) & mask
		for t.slots[s] != 0 {
			s = (s + 1) & mask
		}
		t.slots[s] = i + 1
	}
}
