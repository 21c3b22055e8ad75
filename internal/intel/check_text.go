package intel

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"counterscam/internal/selector"
)

// MaxCheckText bounds the text the public check reads for identifiers.
const MaxCheckText = 16 << 10

// singleValueFields is how many space-separated words a text may have and
// still be read as one identifier ("+855 12 345 678" has four).
const singleValueFields = 5

// CheckText answers the public check for every identifier in a text: a
// single value ("+855 12 345 678", "t.me/name") or a whole message or job
// ad. A short one-line text that is itself an identifier is checked as it
// is, so that a bare handle or account number counts; otherwise every
// selector found in the text is checked, once each, in the order they
// appear. A short text that is no identifier gives one invalid answer; a
// longer one without identifiers gives none.
func (s *Service) CheckText(ctx context.Context, text, region string) ([]*CheckResult, error) {
	text = strings.TrimSpace(text)
	if len(text) > MaxCheckText {
		return nil, codedErr(FieldTooLong, "q", "", strconv.Itoa(MaxCheckText), fmt.Sprintf("longer than %d bytes", MaxCheckText))
	}
	if text == "" {
		return nil, nil
	}
	short := !strings.ContainsAny(text, "\n\r") && len(strings.Fields(text)) <= singleValueFields
	var invalid *CheckResult
	if short {
		r, err := s.Check(ctx, text, region)
		if err != nil {
			return nil, err
		}
		if r.Status != StatusInvalid {
			return []*CheckResult{r}, nil
		}
		invalid = r
	}
	var out []*CheckResult
	seen := map[string]bool{}
	matches := selector.Extract(text, selector.Hints{Region: region, Normalizer: s.norm})
	for _, m := range matches {
		id := m.Selector.ID().String()
		if seen[id] {
			continue
		}
		seen[id] = true
		r, err := s.checkSelector(ctx, m.Selector, id, &CheckResult{Query: m.Raw})
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	foreign, err := s.listedForeignNumbers(ctx, text, region, matches, seen)
	if err != nil {
		return nil, err
	}
	out = append(out, foreign...)
	if len(out) == 0 && invalid != nil {
		out = append(out, invalid)
	}
	return out, nil
}

// listedForeignNumbers finds the national phone numbers of the other
// CheckRegions in text ("095 756 407" in a Korean ad for a job in Cambodia,
// which the Korean reading skips) outside what matches already cover, and
// answers those that are listed: a guess at a country is shown only when
// it finds a reported number. seen holds the selectors answered already.
func (s *Service) listedForeignNumbers(ctx context.Context, text, region string, matches []selector.Match, seen map[string]bool) ([]*CheckResult, error) {
	covered := func(start, end int) bool {
		for _, m := range matches {
			if start < m.End && m.Start < end {
				return true
			}
		}
		return false
	}
	var out []*CheckResult
	for _, other := range CheckRegions {
		if other == region {
			continue
		}
		for _, m := range selector.Extract(text, selector.Hints{Region: other, Normalizer: s.norm}) {
			id := m.Selector.ID().String()
			if m.Kind != selector.Phone || m.Selector.Region != other || seen[id] || covered(m.Start, m.End) {
				continue
			}
			r, err := s.checkSelector(ctx, m.Selector, id, &CheckResult{Query: m.Raw})
			if err != nil {
				return nil, err
			}
			if r.Status == StatusListed {
				seen[id] = true
				out = append(out, r)
			}
		}
	}
	return out, nil
}
