package intel

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"counterscam/internal/store"
)

// RangePrefixLen is the length of the hex prefix a client sends to the
// private range check (k-anonymity: the server never learns the selector).
const RangePrefixLen = 5

// rangePadMin and rangePadMax bound the number of lines in an answer, so
// that its size does not reveal how many listed selectors share a prefix.
const (
	rangePadMin = 64
	rangePadMax = 96
)

// HashKey is the lower-case hex SHA-256 of "<kind>:<canonical value>".
func HashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// ErrBadPrefix is returned for a range prefix that is not 5 hex characters.
var ErrBadPrefix = fmt.Errorf("the prefix must be %d hexadecimal characters", RangePrefixLen)

// RangeLine is one line of a range answer: a hash suffix and the number of
// reports behind it (0 for padding).
type RangeLine struct {
	Suffix string
	Count  int
}

// Range answers the private check for a hash prefix: the suffixes of every
// publicly listed selector whose hash starts with it, padded with random
// suffixes of count 0, in sorted order.
func (s *Service) Range(ctx context.Context, prefix string) ([]RangeLine, error) {
	prefix = strings.ToLower(prefix)
	if len(prefix) != RangePrefixLen || strings.Trim(prefix, "0123456789abcdef") != "" {
		return nil, ErrBadPrefix
	}
	out := make([]RangeLine, 0, rangePadMax)
	if x := s.index.Load(); x != nil {
		out = x.byPrefix(prefix, out)
	} else {
		var err error
		if out, err = s.rangeFromStore(ctx, prefix, out); err != nil {
			return nil, err
		}
	}
	listed := len(out)
	// All the randomness at once: one read for the number of lines and
	// every padding suffix (a read per line cost more than the lookup),
	// encoded in one piece that the suffixes share.
	var buf [8 + rangePadMax*32]byte
	if _, err := rand.Read(buf[:]); err != nil {
		return nil, err
	}
	target := rangePadMin + int(binary.LittleEndian.Uint64(buf[:8])%(rangePadMax-rangePadMin+1))
	for len(out) < target {
		pad := hex.EncodeToString(buf[8:])
		for ; len(pad) >= 64 && len(out) < target; pad = pad[64:] {
			suf := pad[RangePrefixLen:64]
			if !slices.ContainsFunc(out[:listed], func(l RangeLine) bool { return l.Suffix == suf }) {
				out = append(out, RangeLine{Suffix: suf})
			}
		}
		if len(out) < target {
			if _, err := rand.Read(buf[8:]); err != nil {
				return nil, err
			}
		}
	}
	slices.SortFunc(out, func(a, b RangeLine) int { return strings.Compare(a.Suffix, b.Suffix) })
	return out, nil
}

// rangeFromStore appends to out the lines of the listed selectors whose
// hash starts with prefix, read from the store (without an index).
func (s *Service) rangeFromStore(ctx context.Context, prefix string, out []RangeLine) ([]RangeLine, error) {
	sels, err := s.st.SelectorsByHashPrefix(ctx, prefix)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(sels))
	known := make(map[string]*store.Selector, len(sels))
	for i, sel := range sels {
		ids[i], known[sel.ID] = sel.ID, sel
	}
	entries, err := s.publicEntries(ctx, ids, known)
	if err != nil {
		return nil, err
	}
	for _, sel := range sels {
		pe := entries[sel.ID]
		if !pe.listed || s.isAllowID(sel.ID) {
			continue
		}
		// An analyst-confirmed selector named in no public report still
		// counts one, so that clients see it listed.
		out = append(out, RangeLine{Suffix: sel.Hash[RangePrefixLen:], Count: max(pe.stats.Reports, 1)})
	}
	return out, nil
}
