package screen

import (
	"context"
	"fmt"
)

// CheckExamples runs the examples and counters written in the screener's
// ruleset: every example must trigger its rule, place or signal, and no
// counter may. It returns one line per failure, naming file and line; an
// analyst runs it after editing rules (`counterscam screen rules check`).
func CheckExamples(ctx context.Context, s *Screener) []string {
	var fails []string
	// fires reports whether text gets a reason from the rule id, or with the
	// code (a signal's, or a rule's whose phrase matched: the same sign in
	// two languages is one reason, named after the first).
	fires := func(text, id, code string, r *Rule) (bool, error) {
		res, err := s.Assess(ctx, text, Options{})
		if err != nil {
			return false, err
		}
		for _, reason := range res.Reasons {
			if id != "" && reason.Rule == id {
				return true, nil
			}
			if code != "" && reason.Code == code && (r == nil || s.matchesOwner(text, r)) {
				return true, nil
			}
		}
		return false, nil
	}
	check := func(file string, line int, what, id, code string, r *Rule, examples, counters []string) {
		for _, ex := range examples {
			ok, err := fires(ex, id, code, r)
			if err != nil {
				fails = append(fails, fmt.Sprintf("%s:%d: %s: example %q: %v", file, line, what, ex, err))
			} else if !ok {
				fails = append(fails, fmt.Sprintf("%s:%d: %s: example %q does not trigger it", file, line, what, ex))
			}
		}
		for _, ex := range counters {
			ok, err := fires(ex, id, code, r)
			if err == nil && ok {
				fails = append(fails, fmt.Sprintf("%s:%d: %s: counter %q triggers it", file, line, what, ex))
			}
		}
	}
	rs := s.rs
	for _, r := range rs.Rules {
		if r.Weight == 0 {
			// Context rules make no reason; check that they match at all.
			for _, ex := range r.Examples {
				if !s.matchesOwner(ex, r) {
					fails = append(fails, fmt.Sprintf("%s:%d: rule %s: example %q does not match", r.File, r.Line, r.ID(), ex))
				}
			}
			continue
		}
		check(r.File, r.Line, "rule "+r.ID(), r.ID(), r.Code, r, r.Examples, r.Counters)
	}
	for _, p := range rs.Places {
		check(p.File, p.Line, "place "+p.Key, p.ID(), "", nil, p.Examples, p.Counters)
	}
	for _, code := range sortedKeys(rs.Signals) {
		sg := rs.Signals[code]
		check(sg.File, sg.Line, "signal "+code, "", code, nil, sg.Examples, sg.Counters)
	}
	return fails
}

// matchesOwner reports whether any of a rule's phrases matches text.
func (s *Screener) matchesOwner(text string, r *Rule) bool {
	found := false
	s.m.scan(text, func(h mhit) {
		p := s.m.pats[h.pat]
		if !p.except && s.owners[p.owner].rule == r {
			found = true
		}
	})
	return found
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
