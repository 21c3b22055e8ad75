package selector

import (
	"fmt"
	"hash/maphash"
	"testing"
)

// TestNormGen stores entries whose keys share their raw input (so their
// hash: every lookup walks a probe run) and differ in kind, region or
// platform (of the same lengths), or in nothing but their raw input, against a map; entries are
// replaced (an ID added) as ParseID does.
func TestNormGen(t *testing.T) {
	seed := maphash.MakeSeed()
	const n = 600
	g := newNormGen(n, 0)
	model := map[normKey]normEntry{}
	var keys []normKey
	for i := range n {
		k := normKey{raw: fmt.Sprint("raw-", i/6), region: []string{"KH", "KR"}[i%2], kind: []Kind{"", Phone, Email}[i/2%3]}
		if i%5 == 0 {
			k.platform = "telegram"
		}
		if _, dup := model[k]; dup {
			continue
		}
		e := normEntry{sel: Selector{Kind: Phone, Value: fmt.Sprint("+855", i), Display: fmt.Sprint("+855 ", i), Region: "KH", Subtype: "mobile"}}
		if i%7 == 0 {
			e = normEntry{err: Error{Kind: k.kind, Input: k.raw, Reason: fmt.Sprint("reason ", i)}}
		}
		g.put(k, maphash.String(seed, k.raw), e)
		model[k] = e
		keys = append(keys, k)
		if i%3 == 0 { // remembered again, with its ID
			e.id = fmt.Sprint("id-", i)
			g.put(k, maphash.String(seed, k.raw), e)
			model[k] = e
		}
	}
	if g.Len() != len(model) {
		t.Fatalf("%d records, want %d", g.Len(), len(model))
	}
	// same: g's answer for k, looked up under hash h, is the model's.
	same := func(k normKey, h uint64) {
		t.Helper()
		got, ok := g.get(k, h)
		want, has := model[k]
		if ok != has || got != want {
			t.Fatalf("%+v: %+v, %v; want %+v, %v", k, got, ok, want, has)
		}
	}
	for _, k := range keys {
		h := maphash.String(seed, k.raw)
		same(k, h)
		other := k
		other.raw += "x"
		same(other, maphash.String(seed, other.raw))
		other = k
		other.region = map[string]string{"KH": "KI", "KR": "KS"}[k.region] // same length
		same(other, h)
		other = k
		other.raw = k.raw[:len(k.raw)-1] + "_" // same length, looked up under k's hash
		same(other, h)
		other = k
		other.kind = map[Kind]Kind{"": "x", Phone: Email, Email: Phone}[k.kind] // may be in the model
		same(other, h)
		other = k
		other.platform = map[string]string{"": "x", "telegram": "telegrax"}[k.platform]
		same(other, h)
	}
	var none *normGen
	if _, ok := none.get(keys[0], 0); ok || none.Len() != 0 {
		t.Fatal("the nil generation holds something")
	}
}
