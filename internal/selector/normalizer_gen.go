package selector

// normGen is one generation of a Normalizer shard's results, held without
// a pointer per entry: each entry is a fixed-size record in one slice,
// its thirteen strings (the key's four, the result's nine) end to end in
// one byte slice, found through an open-addressing table of record
// numbers. The public check keeps a hundred thousand parsed values; as
// maps of Go strings they were half a million objects that every garbage
// collection of a serving node marked again. A hit costs one string
// allocation, which the result's strings share.
type normGen struct {
	text []byte
	recs []normRec
	// slots hold a record's number + 1 in their low 32 bits and the top
	// 32 bits of its hash in the high ones (a probe compares those
	// without reading the record), or 0 for an empty slot; len is a
	// power of 2.
	slots []uint64
}

// normRec is one remembered result: its strings start at start in text,
// in the order of normStrings, with the lengths in lens.
type normRec struct {
	hash  uint64 // of the raw input (the Normalizer's seed)
	start int
	lens  [normStrings]int32
}

// normStrings: kind, raw, region, platform (the key, normKeyStrings), then
// the selector's kind, value, display, region and subtype, its ID, and the
// error's kind, input, reason, code, region, accepted and platform.
const (
	normKeyStrings = 4
	normStrings    = normKeyStrings + 13
)

// newNormGen returns an empty generation for up to n records, whose
// text is expected to take about textCap bytes (0: unknown).
func newNormGen(n, textCap int) *normGen {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return &normGen{text: make([]byte, 0, textCap), recs: make([]normRec, 0, n), slots: make([]uint64, size)}
}

// Len returns the number of records (0 for nil).
func (g *normGen) Len() int {
	if g == nil {
		return 0
	}
	return len(g.recs)
}

func (k *normKey) strings() [normKeyStrings]string {
	return [normKeyStrings]string{string(k.kind), k.raw, k.region, k.platform}
}

// slot returns the slot of key k (hash h): where its record number is, or
// the empty slot where it would go.
func (g *normGen) slot(k *normKey, h uint64) int {
	mask := len(g.slots) - 1
	s := int(h/normShards) & mask // the low bits chose the shard
	ks := k.strings()
next:
	for ; ; s = (s + 1) & mask {
		x := g.slots[s]
		if x == 0 {
			return s
		}
		if x>>32 != h>>32 {
			continue
		}
		r := &g.recs[uint32(x)-1]
		if r.hash != h {
			continue
		}
		at := r.start
		for i, str := range ks {
			n := int(r.lens[i])
			if n != len(str) || string(g.text[at:at+n]) != str {
				continue next
			}
			at += n
		}
		return s
	}
}

// get returns the entry of k (hash h), if g (which may be nil) has it.
func (g *normGen) get(k normKey, h uint64) (normEntry, bool) {
	if g == nil {
		return normEntry{}, false
	}
	x := g.slots[g.slot(&k, h)]
	if x == 0 {
		return normEntry{}, false
	}
	r := &g.recs[uint32(x)-1]
	at := r.start
	for _, n := range r.lens[:normKeyStrings] {
		at += int(n)
	}
	all := string(g.text[at : r.start+r.total()])
	var v [normStrings - normKeyStrings]string
	at = 0
	for i, n := range r.lens[normKeyStrings:] {
		v[i] = all[at : at+int(n)]
		at += int(n)
	}
	return normEntry{
		sel: Selector{Kind: Kind(v[0]), Value: v[1], Display: v[2], Region: v[3], Subtype: v[4]},
		id:  v[5],
		err: Error{Kind: Kind(v[6]), Input: v[7], Reason: v[8], Code: ErrorCode(v[9]), Region: v[10], Accepted: v[11], Platform: v[12]},
	}, true
}

func (r *normRec) total() int {
	t := 0
	for _, n := range r.lens {
		t += int(n)
	}
	return t
}

// put stores e under k (hash h), replacing the entry k had. A generation
// takes at most the n records it was made for (normShard.put starts a new
// one), so half its slots at least stay empty.
func (g *normGen) put(k normKey, h uint64, e normEntry) {
	r := normRec{hash: h, start: len(g.text)}
	all := [normStrings]string{string(k.kind), k.raw, k.region, k.platform,
		string(e.sel.Kind), e.sel.Value, e.sel.Display, e.sel.Region, e.sel.Subtype,
		e.id, string(e.err.Kind), e.err.Input, e.err.Reason, string(e.err.Code), e.err.Region, e.err.Accepted, e.err.Platform}
	for i, str := range all {
		g.text = append(g.text, str...)
		r.lens[i] = int32(len(str))
	}
	s := g.slot(&k, h)
	if x := g.slots[s]; x != 0 {
		g.recs[uint32(x)-1] = r // the old record's text is left behind
		return
	}
	g.slots[s] = h>>32<<32 | uint64(len(g.recs)+1)
	g.recs = append(g.recs, r)
}
