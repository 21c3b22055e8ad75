package selector

import (
	"errors"
	"hash/maphash"
	"strings"
	"sync"
)

// Normalizer parses selectors like Parse and ParseAs, with the same
// results, but faster where inputs repeat (as they do in report streams:
// the same scam number or site comes back thousands of times) and, for
// phone numbers, faster on new inputs too (metadata compiled once, see
// phone_engine.go).
//
// It remembers up to size results, keyed by kind, raw input, region and
// platform, in shards that each keep two generations: a hit in the old
// generation is carried into the new one, and when the new one is full
// the old one is dropped. So memory is bounded and the inputs seen lately
// stay. Inputs longer than maxCachedLen are parsed but not remembered.
//
// A Normalizer is safe for concurrent use. Errors it returns are *Error
// values like the package's other errors.
type Normalizer struct {
	eng      *phoneEngine
	seed     maphash.Seed
	perShard int // entries per generation per shard; 0: no cache
	shards   [normShards]normShard
}

const (
	normShards   = 16
	maxCachedLen = 256
)

type normShard struct {
	mu       sync.Mutex
	cur, old *normGen
}

type normKey struct {
	kind                  Kind // "" for Parse
	raw, region, platform string
}

type normEntry struct {
	sel Selector
	id  string // sel.ID().String(), once ParseID asked for it
	err Error  // err.Reason == "": success
}

// NewNormalizer returns a Normalizer that remembers about size results
// (size <= 0: none, the phone engine still applies).
func NewNormalizer(size int) *Normalizer {
	n := &Normalizer{eng: newPhoneEngine(), seed: maphash.MakeSeed()}
	if size > 0 {
		n.perShard = max(1, size/(2*normShards))
	}
	return n
}

// Parse is Parse, memoised.
func (n *Normalizer) Parse(raw string, o Options) (Selector, error) {
	return n.do("", raw, o)
}

// ParseAs is ParseAs, memoised.
func (n *Normalizer) ParseAs(k Kind, raw string, o Options) (Selector, error) {
	if _, ok := parsers[k]; !ok || k == "" {
		return ParseAs(k, raw, o)
	}
	return n.do(k, raw, o)
}

// ParseID is Parse, memoised, with the selector's ID as a string
// (Selector.ID().String(), "" with an error), itself remembered: the
// public check asks both for the same values over and over.
func (n *Normalizer) ParseID(raw string, o Options) (Selector, string, error) {
	if n.perShard == 0 || len(raw) > maxCachedLen {
		s, err := n.parse("", raw, o)
		if err != nil {
			return s, "", err
		}
		return s, s.ID().String(), nil
	}
	key := normKey{raw: raw, region: o.Region, platform: o.Platform}
	h := maphash.String(n.seed, raw)
	sh := &n.shards[h%normShards]
	sh.mu.Lock()
	e, ok := sh.cur.get(key, h)
	sh.mu.Unlock()
	if !ok || (e.err.Reason == "" && e.id == "") {
		// Not remembered, or remembered without its ID: parse (through
		// the cache) and remember the ID with it.
		s, err := n.do("", raw, o)
		if err != nil {
			return s, "", err
		}
		e = normEntry{sel: s, id: s.ID().String()}
		sh.mu.Lock()
		sh.put(key, h, e, n.perShard)
		sh.mu.Unlock()
		return s, e.id, nil
	}
	s, err := e.result()
	return s, e.id, err
}

func (n *Normalizer) do(k Kind, raw string, o Options) (Selector, error) {
	if n.perShard == 0 || len(raw) > maxCachedLen {
		return n.parse(k, raw, o)
	}
	key := normKey{kind: k, raw: raw, region: o.Region, platform: o.Platform}
	h := maphash.String(n.seed, raw)
	sh := &n.shards[h%normShards]
	sh.mu.Lock()
	e, ok := sh.cur.get(key, h)
	if !ok {
		if e, ok = sh.old.get(key, h); ok {
			sh.put(key, h, e, n.perShard)
		}
	}
	sh.mu.Unlock()
	if ok {
		return e.result()
	}
	var (
		s   Selector
		by  Kind
		err error
	)
	if k == "" {
		s, by, err = parseAutoKind(raw, o, n.eng)
	} else {
		s, err = n.parse(k, raw, o)
	}
	var pe *Error
	switch {
	case err == nil:
		e = normEntry{sel: s}
	case errors.As(err, &pe) && pe.Reason != "":
		e = normEntry{err: *pe}
	default:
		return s, err
	}
	sh.mu.Lock()
	sh.put(key, h, e, n.perShard)
	if by != "" {
		// ParseAs(by, raw, o) answers the same: remember it too, for the
		// same value found again in a report's narrative.
		key.kind = by
		sh.put(key, h, e, n.perShard)
	}
	sh.mu.Unlock()
	return s, err
}

// put stores an entry (key k, hash h of k.raw) in the current
// generation, starting a new one when it is full. The caller holds sh.mu.
func (sh *normShard) put(k normKey, h uint64, e normEntry, perShard int) {
	if sh.cur == nil || sh.cur.Len() >= perShard {
		// The next generation's text will be about as long as the
		// last one's: allocated once, not grown from nothing.
		textCap := 0
		if sh.cur != nil {
			textCap = len(sh.cur.text) + len(sh.cur.text)/8
		}
		sh.old, sh.cur = sh.cur, newNormGen(perShard, textCap)
	}
	sh.cur.put(k, h, e)
}

func (e *normEntry) result() (Selector, error) {
	if e.err.Reason == "" {
		return e.sel, nil
	}
	err := e.err
	return Selector{}, &err
}

// parse runs the parsers without the cache.
func (n *Normalizer) parse(k Kind, raw string, o Options) (Selector, error) {
	if k == "" {
		return parseAuto(raw, o, n.eng)
	}
	if k != Phone {
		return ParseAs(k, raw, o)
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Selector{}, invalid(k, CodeEmpty, raw, "empty value")
	}
	return parsePhoneWith(raw, o, n.eng)
}
