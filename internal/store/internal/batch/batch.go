// Package batch holds the pure, driver-independent arithmetic of a report
// import that both storage drivers share: a report's selector links without
// repeats, and what one batch of new reports adds to each selector and to
// each (selector, origin) pair. Aggregating in Go first lets a driver write
// one row per distinct selector per batch instead of one per link.
package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"counterscam/internal/store"
)

// Check rejects a batch the store cannot write: reports without an ID,
// links without a selector ID, and the same ID twice in one batch.
func Check(reports []*store.Report) error {
	seen := make(map[string]struct{}, len(reports))
	for i, r := range reports {
		if r == nil {
			return fmt.Errorf("report %d is nil", i)
		}
		if r.ID == "" {
			return fmt.Errorf("report %d has no ID", i)
		}
		if _, dup := seen[r.ID]; dup {
			return fmt.Errorf("report %s appears twice in one batch", r.ID)
		}
		seen[r.ID] = struct{}{}
		for _, l := range r.Selectors {
			if l.SelectorID == "" {
				return fmt.Errorf("report %s names a selector without an ID", r.ID)
			}
		}
	}
	return nil
}

// Links returns r's selector links without repeated (SelectorID, Role)
// pairs, the first of each kept, in their order.
func Links(r *store.Report) []store.ReportSelector {
	ls := r.Selectors
	dup := false
	for i := 1; i < len(ls) && !dup; i++ {
		for j := 0; j < i; j++ {
			if ls[j].SelectorID == ls[i].SelectorID && ls[j].Role == ls[i].Role {
				dup = true
				break
			}
		}
	}
	if !dup {
		return ls
	}
	out := make([]store.ReportSelector, 0, len(ls))
	for _, l := range ls {
		seen := false
		for _, o := range out {
			if o.SelectorID == l.SelectorID && o.Role == l.Role {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, l)
		}
	}
	return out
}

// namedBefore says whether an earlier link of the same report names id. A
// report names a handful of selectors, so a scan beats a map.
func namedBefore(earlier []store.ReportSelector, id string) bool {
	for _, l := range earlier {
		if l.SelectorID == id {
			return true
		}
	}
	return false
}

// SelectorDelta is what a batch adds to one selector.
type SelectorDelta struct {
	ID, Kind, Value, Display, Region, Subtype string
	Hash                                      []byte
	FirstSeen, LastSeen                       time.Time // of the reports naming it (their ReceivedAt)
	Reports                                   int       // reports naming it
	Sources                                   int       // origins new to it: set by AddSources
}

// SourceDelta is what a batch adds to one (selector, origin) pair.
type SourceDelta struct {
	SelectorID, Origin string
	Reports            int
}

// Aggregate adds up what the new reports add to each selector (sorted by
// ID) and to each (selector, origin) pair (sorted by selector, origin).
// Sorting makes every writer take row locks in the same order. A report
// naming a selector in two roles counts once.
func Aggregate(reports []*store.Report) ([]SelectorDelta, []SourceDelta) {
	sels := make(map[string]*SelectorDelta)
	type pair struct{ id, origin string }
	pairs := make(map[pair]int)
	for _, r := range reports {
		at := r.ReceivedAt.UTC()
		for i, l := range r.Selectors {
			d, ok := sels[l.SelectorID]
			if !ok {
				d = &SelectorDelta{
					ID: l.SelectorID, Kind: l.Kind, Value: l.Value, Display: l.Display,
					Region: l.Region, Subtype: l.Subtype, Hash: Hash(l.Kind, l.Value),
					FirstSeen: at, LastSeen: at,
				}
				sels[l.SelectorID] = d
			}
			if d.Display == "" {
				d.Display = l.Display
			}
			if d.Region == "" {
				d.Region = l.Region
			}
			if d.Subtype == "" {
				d.Subtype = l.Subtype
			}
			if namedBefore(r.Selectors[:i], l.SelectorID) {
				continue
			}
			d.Reports++
			if at.Before(d.FirstSeen) {
				d.FirstSeen = at
			}
			if at.After(d.LastSeen) {
				d.LastSeen = at
			}
			pairs[pair{l.SelectorID, r.Origin}]++
		}
	}
	outSels := make([]SelectorDelta, 0, len(sels))
	for _, d := range sels {
		outSels = append(outSels, *d)
	}
	sort.Slice(outSels, func(i, j int) bool { return outSels[i].ID < outSels[j].ID })
	outPairs := make([]SourceDelta, 0, len(pairs))
	for p, n := range pairs {
		outPairs = append(outPairs, SourceDelta{SelectorID: p.id, Origin: p.origin, Reports: n})
	}
	sort.Slice(outPairs, func(i, j int) bool {
		if outPairs[i].SelectorID != outPairs[j].SelectorID {
			return outPairs[i].SelectorID < outPairs[j].SelectorID
		}
		return outPairs[i].Origin < outPairs[j].Origin
	})
	return outSels, outPairs
}

// AddSources counts, into sels, one new source for each selector ID in
// newPairs (the (selector, origin) pairs the store did not have yet).
func AddSources(sels []SelectorDelta, newPairSelectors []string) {
	for _, id := range newPairSelectors {
		i := sort.Search(len(sels), func(i int) bool { return sels[i].ID >= id })
		if i < len(sels) && sels[i].ID == id {
			sels[i].Sources++
		}
	}
}

// Hash is the SHA-256 of "<kind>:<value>", the key of the private range
// check.
func Hash(kind, value string) []byte {
	h := sha256.Sum256([]byte(kind + ":" + value))
	return h[:]
}

// ErrBadPrefix says a hash prefix is not lower- or upper-case hex of at most
// 64 digits.
var ErrBadPrefix = errors.New("hash prefix is not hexadecimal")

// HashRange returns the smallest and largest 32-byte hashes whose hex form
// starts with prefix, so that a driver can find them with one range scan of
// its hash index (which works for prefixes of odd length too).
func HashRange(prefix string) (lo, hi []byte, err error) {
	prefix = strings.ToLower(prefix)
	if len(prefix) > 64 {
		return nil, nil, ErrBadPrefix
	}
	for _, c := range prefix {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return nil, nil, ErrBadPrefix
		}
	}
	pad := 64 - len(prefix)
	lo, err = hex.DecodeString(prefix + strings.Repeat("0", pad))
	if err != nil {
		return nil, nil, ErrBadPrefix
	}
	hi, err = hex.DecodeString(prefix + strings.Repeat("f", pad))
	if err != nil {
		return nil, nil, ErrBadPrefix
	}
	return lo, hi, nil
}

// Chunks calls fn with the bounds [lo, hi) of successive pieces of n items,
// each at most size long and all of nearly equal length (so that a driver
// needs few distinct statement shapes).
func Chunks(n, size int, fn func(lo, hi int) error) error {
	if n == 0 {
		return nil
	}
	if size < 1 {
		size = 1
	}
	pieces := (n + size - 1) / size
	per := (n + pieces - 1) / pieces
	for lo := 0; lo < n; lo += per {
		if err := fn(lo, min(lo+per, n)); err != nil {
			return err
		}
	}
	return nil
}

// Recipients returns r's recipients sorted, without repeats or empty IDs.
func Recipients(r *store.Report) []string {
	if len(r.Recipients) == 0 {
		return nil
	}
	out := make([]string, 0, len(r.Recipients))
	for _, u := range r.Recipients {
		if u != "" {
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}
