package intel

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
// appear, then the numbers no selector covers that are listed: national
// phone numbers of other countries (listedForeignNumbers) and account
// numbers written without their bank (listedAccountNumbers). A short text
// that is no identifier gives one invalid answer; a longer one without
// identifiers gives none.
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
		if r.Accounts != nil {
			// An account at no bank, answered as the listed accounts
			// of its digits: not again when the first was answered.
			if seen[r.id] {
				continue
			}
			for _, a := range r.Accounts {
				seen[a.ID] = true
			}
		}
		out = append(out, r)
	}
	runs := uncoveredNumbers(text, matches)
	foreign, err := s.listedForeignNumbers(ctx, runs, region, seen)
	if err != nil {
		return nil, err
	}
	out = append(out, foreign...)
	accounts, err := s.listedAccountNumbers(ctx, runs, seen)
	if err != nil {
		return nil, err
	}
	out = append(out, accounts...)
	if len(out) == 0 && invalid != nil {
		out = append(out, invalid)
	}
	return out, nil
}

// listedForeignNumbers finds the national phone numbers of the other
// CheckRegions in text ("095 756 407" in a Korean ad for a job in Cambodia,
// which the Korean reading skips) among runs, the runs of digits of the
// text that no extracted selector covers (uncoveredNumbers), and answers
// those that are listed: a guess at a country is shown only when it finds
// a reported number. seen holds the selectors answered already. Only the
// uncovered runs are read again, each as one number, so a text whose
// numbers were all read costs nothing more.
func (s *Service) listedForeignNumbers(ctx context.Context, runs []string, region string, seen map[string]bool) ([]*CheckResult, error) {
	var out []*CheckResult
	tried := map[string]bool{}
	for _, run := range runs {
		for _, other := range CheckRegions {
			if other == region {
				continue
			}
			sel, id, err := s.norm.ParseID(run, selector.Options{Region: other})
			if err != nil || sel.Kind != selector.Phone || sel.Region != other || seen[id] || tried[id] {
				continue
			}
			tried[id] = true
			r, err := s.checkSelector(ctx, sel, id, &CheckResult{Query: run})
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

// minNationalDigits is the fewest digits of a national number worth
// reading in another country's way (Cambodia's "023 123 456" has nine).
const minNationalDigits = 8

// uncoveredNumbers returns the runs of digits in text (with the spaces,
// hyphens, dots and brackets people group them with) of at least
// minNationalDigits digits that overlap no match, each once.
func uncoveredNumbers(text string, matches []selector.Match) []string {
	// The matches' spans, sorted and merged, for a binary search.
	type span struct{ start, end int }
	var spans []span
	for _, m := range matches {
		spans = append(spans, span{m.Start, m.End})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	merged := spans[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	covered := func(start, end int) bool {
		j, _ := slices.BinarySearchFunc(merged, start, func(sp span, at int) int {
			if sp.end <= at {
				return -1
			}
			return 1
		})
		return j < len(merged) && merged[j].start < end
	}
	var runs []string
	start, end, digits := -1, -1, 0
	flush := func() {
		if digits >= minNationalDigits {
			if run := text[start:end]; !covered(start, end) && !slices.Contains(runs, run) {
				runs = append(runs, run)
			}
		}
		start, end, digits = -1, -1, 0
	}
	for i, r := range text {
		switch {
		case isNumberDigit(r):
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
			digits++
		case start >= 0 && strings.ContainsRune(" -.()\u00a0", r):
		default:
			flush()
		}
	}
	flush()
	return runs
}

// isNumberDigit reports the digits phone numbers are written in here:
// ASCII, full-width, Thai, Lao, Khmer and Myanmar (as the extractor reads
// them), without a table lookup for every letter of a Korean or Khmer text.
func isNumberDigit(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return '0' <= r && r <= '9'
	case '０' <= r && r <= '９', '๐' <= r && r <= '๙', '໐' <= r && r <= '໙', '០' <= r && r <= '៩', '၀' <= r && r <= '၉':
		return true
	}
	return false
}
