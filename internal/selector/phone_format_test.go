package selector

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// Every format of the metadata: the replacement without the matcher is
// the regexp's, on numbers the format is chosen for (walks through the
// automaton of ^(?:pattern)$ that end in a match), and every format takes
// that path.
func TestFormatFastMatchesRegexp(t *testing.T) {
	per := samplesPer(100)
	rng := rand.New(rand.NewPCG(5, 6))
	e := newPhoneEngine()
	formats, compared := 0, 0
	for code := range e.byCC {
		c := e.cc(code)
		if c == nil {
			continue
		}
		for i := range c.formats {
			f := &c.formats[i]
			formats++
			if f.groups == nil && f.runs == nil {
				t.Errorf("%s: no fast path", f.replace)
			}
			for _, nsn := range dfaSamples(f.full.dfa, rng, per) {
				if !f.full.MatchString(nsn) {
					continue
				}
				want := "+" + c.code + " " + f.replace.ReplaceAllString(nsn, f.format)
				got, ok := c.formatFast(f, nsn)
				if !ok || got != want {
					t.Fatalf("%s %q on %q: %q (ok %v), regexp %q", f.replace, f.format, nsn, got, ok, want)
				}
				compared++
			}
		}
	}
	if formats < 600 || compared < formats*per/2 {
		t.Errorf("%d formats, %d numbers compared", formats, compared)
	}
}

// groupTemplate is "$1|$2|...": every group of a replacement, told apart.
func groupTemplate(n int) string {
	var b strings.Builder
	for g := 1; g <= n; g++ {
		fmt.Fprintf(&b, "${%d}|", g)
	}
	return b.String()
}

// Patterns outside the metadata: fixed groups and runs of digits give the
// regexp's groups, or are not taken.
func TestFormatGroupsEdges(t *testing.T) {
	tests := []struct {
		pattern string
		fast    bool
		inputs  []string
	}{
		{`(\d{2})(\d{3,4})(\d{4})`, true, []string{"101234567", "1012345678"}},
		{`(\d{3})(\d{1,2})(\d{3})(\d{4})`, true, []string{"12345678901", "123456789012"}},
		{`([2-9]\d)(\d{3})`, true, []string{"23456"}},
		{`(1)(\d{2}(\d))`, true, []string{"1234"}},
		{`(\d)(?:\d{2})(\d{1,3})`, true, []string{"1234", "123456"}},
		{`(\d{2})(\d{3}|\d{4})`, false, nil},
		{`(\d{2})?(\d{3})`, false, nil},
		{`(\d{2,})(\d{3})`, false, nil},
		{`(1\d{1,2})(\d{3})`, false, nil},
		{`(\d+)`, false, nil},
	}
	for _, tc := range tests {
		re := regexp.MustCompile(tc.pattern)
		full := mustDigitRE("^(?:" + tc.pattern + ")$")
		fixed := fixedGroups(tc.pattern, re.NumSubexp())
		runs := compileDigitRuns(tc.pattern, re.NumSubexp())
		if (fixed != nil || runs != nil) != tc.fast {
			t.Errorf("%s: fixed %v, runs %v; want a fast path: %v", tc.pattern, fixed, runs != nil, tc.fast)
			continue
		}
		tmpl := groupTemplate(re.NumSubexp())
		c := &ccMeta{code: "1"}
		f := &numFormat{full: full, replace: re, format: tmpl, groups: fixed, runs: runs}
		for _, in := range tc.inputs {
			if !full.MatchString(in) {
				t.Fatalf("%s does not match %q", tc.pattern, in)
			}
			got, ok := c.formatFast(f, in)
			if want := "+1 " + re.ReplaceAllString(in, tmpl); !ok || got != want {
				t.Errorf("%s on %q: %q (ok %v), regexp %q", tc.pattern, in, got, ok, want)
			}
		}
	}
}

func FuzzFormatGroups(f *testing.F) {
	f.Add(`(\d{2})(\d{3,4})(\d{4})`, "1012345678")
	f.Add(`(\d)(\d{3})(\d{3,4})`, "21234567")
	f.Add(`([2-9]\d)(\d{3})`, "23456")
	f.Add(`(\d{1,2})(\d{1,2})(\d{2})`, "12345")
	f.Fuzz(func(t *testing.T, pattern, in string) {
		if len(pattern) > 100 {
			return
		}
		re, err := regexp.Compile(pattern)
		if err != nil || re.NumSubexp() > 10 {
			return
		}
		full := &digitRE{re: regexp.MustCompile("^(?:" + pattern + ")$")}
		if !full.MatchString(in) {
			return
		}
		tmpl := groupTemplate(re.NumSubexp())
		c := &ccMeta{code: "1"}
		fm := &numFormat{full: full, replace: re, format: tmpl,
			groups: fixedGroups(pattern, re.NumSubexp()), runs: compileDigitRuns(pattern, re.NumSubexp())}
		if got, ok := c.formatFast(fm, in); ok {
			if want := "+1 " + re.ReplaceAllString(in, tmpl); got != want {
				t.Fatalf("%s on %q: %q, regexp %q", pattern, in, got, want)
			}
		}
	})
}
