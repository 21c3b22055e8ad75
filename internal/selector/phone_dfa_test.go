package selector

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// engineDigitREs compiles every calling code's metadata and returns each
// pattern the engine asks MatchString of.
func engineDigitREs() []*digitRE {
	e := newPhoneEngine()
	var out []*digitRE
	for code := range e.byCC {
		c := e.cc(code)
		if c == nil {
			continue
		}
		for _, f := range c.formats {
			out = append(out, f.full)
			if f.leading != nil {
				out = append(out, f.leading)
			}
		}
		for _, r := range c.regions {
			if r == nil {
				continue
			}
			if r.leading != nil {
				out = append(out, r.leading)
			}
			for _, d := range []desc{r.general, r.premium, r.tollFree, r.sharedCost, r.voip, r.personal, r.pager, r.uan, r.voicemail, r.fixed, r.mobile} {
				if d.re != nil {
					out = append(out, d.re)
				}
			}
			out = append(out, r.parse.general)
		}
	}
	return out
}

// samplesPer is n samples a pattern, a tenth of that under -short.
func samplesPer(n int) int {
	if testing.Short() {
		return n / 10
	}
	return n
}

// dfaSamples returns digit strings for pattern a: random ones of every
// length up to 18, walks through the automaton that stop at a match (so
// that matching strings are tried, not only the rare random hit), and
// each walk with its last digit changed or one more digit.
func dfaSamples(a *digitDFA, rng *rand.Rand, n int) []string {
	var out []string
	for range n {
		b := make([]byte, rng.IntN(19))
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		out = append(out, string(b))
	}
	for range n {
		var b []byte
		st := uint16(1)
		for len(b) < 20 {
			if a.accept[st] != 0 && rng.IntN(3) == 0 {
				break
			}
			var live []byte
			for c := range 10 {
				if a.next[st][c] != 0 {
					live = append(live, byte(c))
				}
			}
			if len(live) == 0 {
				break
			}
			c := live[rng.IntN(len(live))]
			b = append(b, '0'+c)
			st = a.next[st][c]
		}
		out = append(out, string(b))
		if len(b) > 0 {
			m := append([]byte(nil), b...)
			m[len(m)-1] = byte('0' + rng.IntN(10))
			out = append(out, string(m))
		}
		out = append(out, string(b)+string(rune('0'+rng.IntN(10))))
	}
	return out
}

// Every pattern of the metadata: the automaton answers what the regexp
// answers, on random digit strings, on strings the automaton accepts, and
// on their near misses.
func TestDigitDFAMatchesRegexp(t *testing.T) {
	per := samplesPer(200)
	rng := rand.New(rand.NewPCG(3, 4))
	res := engineDigitREs()
	withDFA, matched := 0, 0
	for _, d := range res {
		if d.dfa == nil {
			t.Logf("no automaton for %s", d.re)
			continue
		}
		withDFA++
		for _, s := range dfaSamples(d.dfa, rng, per) {
			got, ok := d.dfa.match(s)
			want := d.re.MatchString(s)
			if !ok || got != want {
				t.Fatalf("%s on %q: automaton %v (ok %v), regexp %v", d.re, s, got, ok, want)
			}
			if want {
				matched++
			}
		}
	}
	// Nearly every pattern must take the fast path, else it is not worth
	// having.
	if withDFA < len(res)*99/100 || withDFA < 3000 {
		t.Errorf("%d patterns of %d have an automaton", withDFA, len(res))
	}
	if matched < withDFA*per/4 {
		t.Errorf("only %d matching samples for %d patterns: the test tries too few matches", matched, withDFA)
	}
}

// Patterns outside the metadata's habits: the same answers as regexp, or
// no automaton at all.
func TestDigitDFAEdges(t *testing.T) {
	tests := []struct {
		pattern string
		dfa     bool // an automaton is built
		inputs  []string
	}{
		{`^(?:1|12)$`, true, []string{"", "1", "12", "123", "2"}},
		{`^(?:1|12)`, true, []string{"", "1", "12", "123", "2", "1x", "x1"}},
		{`^(?:)$`, true, []string{"", "0"}},
		{`^(?:\d{0,3})`, true, []string{"", "0", "1234", "x"}},
		{`^(?:[2-9]\d{2}(?:\d{4})?)$`, true, []string{"234", "2345678", "23456", "134", "2345678x"}},
		{`^(?:1$|2)`, true, []string{"1", "12", "2", "21"}},
		{`^(?:1^2)`, true, []string{"12", "1"}},
		{`^(?:a|1)`, true, []string{"a", "1", "a1", "b"}},
		{`^(?:.\d)$`, true, []string{"12", "a2", "1"}},
		{`1\d`, false, []string{"12", "012"}},
		{`^(?:1\b)`, false, []string{"1", "12"}},
		{`(?m)^1$`, false, []string{"1", "2\n1"}},
		{`^(?:1|^2)|3`, false, []string{"3", "13"}},
	}
	for _, tc := range tests {
		d := mustDigitRE(tc.pattern)
		if (d.dfa != nil) != tc.dfa {
			t.Errorf("%s: automaton %v, want %v", tc.pattern, d.dfa != nil, tc.dfa)
		}
		re := regexp.MustCompile(tc.pattern)
		for _, s := range tc.inputs {
			if got, want := d.MatchString(s), re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, regexp %v", tc.pattern, s, got, want)
			}
		}
	}
}

// A pattern that needs more states than maxDFAStates keeps its regexp.
func TestDigitDFATooLarge(t *testing.T) {
	// The 20th digit from the end is 1: 2^20 subsets to tell apart.
	d := mustDigitRE(`^(?:\d*1\d{19})$`)
	if d.dfa != nil {
		t.Fatalf("an automaton of %d states", len(d.dfa.next))
	}
	if !d.MatchString("1" + strings.Repeat("0", 19)) {
		t.Error("no match through the regexp")
	}
}

func FuzzDigitDFA(f *testing.F) {
	md, err := phonenumbers.MetadataCollection()
	if err != nil {
		f.Fatal(err)
	}
	for i, m := range md.GetMetadata() {
		if i%20 == 0 {
			f.Add(m.GetGeneralDesc().GetNationalNumberPattern(), "012345678", true)
			f.Add(m.GetMobile().GetNationalNumberPattern(), "98765432", false)
		}
	}
	f.Add(`1|12`, "12", false)
	f.Fuzz(func(t *testing.T, pattern, in string, anchorEnd bool) {
		if len(pattern) > 200 {
			return
		}
		full := "^(?:" + pattern + ")"
		if anchorEnd {
			full += "$"
		}
		re, err := regexp.Compile(full)
		if err != nil {
			return
		}
		d := &digitRE{re: re, dfa: compileDigitDFA(full)}
		if d.dfa == nil {
			return
		}
		if got, want := d.MatchString(in), re.MatchString(in); got != want {
			t.Fatalf("%s on %q: %v, regexp %v", full, in, got, want)
		}
	})
}
