package screen

import (
	"context"
	"strings"
	"testing"
)

// TestRuleExamples runs every rule's, place's and signal's own tests from
// the ruleset files: each example must trigger it and no counter may.
func TestRuleExamples(t *testing.T) {
	s := defaultTestScreener(t)
	for _, f := range CheckExamples(context.Background(), s) {
		t.Error(f)
	}
}

func TestEveryRuleHasAnExample(t *testing.T) {
	rs, err := DefaultRuleset()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rs.Rules {
		if len(r.Examples) == 0 {
			t.Errorf("%s:%d: rule %s has no example", r.File, r.Line, r.ID())
		}
		n++
	}
	for _, p := range rs.Places {
		if len(p.Examples) == 0 {
			t.Errorf("%s:%d: place %s has no example", p.File, p.Line, p.Key)
		}
		n++
	}
	if n < 150 {
		t.Errorf("only %d rules and places loaded; the embedded ruleset looks incomplete", n)
	}
	langs := map[string]int{}
	for _, r := range rs.Rules {
		langs[r.Lang]++
	}
	for _, l := range []string{"ko", "en", "zh", "km", "th", "vi", "id"} {
		if langs[l] < 20 {
			t.Errorf("language %s has %d rules, want at least 20", l, langs[l])
		}
	}
	if !strings.Contains(rs.Version(), "ko@") {
		t.Errorf("Version() = %q, want it to name ko", rs.Version())
	}
}

func defaultTestScreener(t testing.TB) *Screener {
	t.Helper()
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
