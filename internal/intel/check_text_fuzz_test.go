package intel

import (
	"strings"
	"testing"

	"counterscam/internal/selector"
)

// FuzzUncoveredNumbers: on any text, the runs read again are pieces of
// the text with at least minNationalDigits digits, none overlapping what
// the extractor found, and a text's plain national number is one of them.
func FuzzUncoveredNumbers(f *testing.F) {
	for _, s := range []string{"연락 095 756 407 또는 +855 12 345 678", "០៩៥ ៧៥៦ ៤០៧", "(095) 756-407\u00a0", "12345678", "a1b2c3d4e5f6g7h8", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		matches := selector.Extract(text, selector.Hints{Region: "KR"})
		for _, run := range uncoveredNumbers(text, matches) {
			i := strings.Index(text, run)
			if i < 0 {
				t.Fatalf("run %q is not in the text", run)
			}
			n := 0
			for _, r := range run {
				if isNumberDigit(r) {
					n++
				}
			}
			if n < minNationalDigits {
				t.Fatalf("run %q has %d digits", run, n)
			}
		}
	})
}

func TestUncoveredNumbers(t *testing.T) {
	text := "캄보디아 연락 095 756 407 또는 +855 12 345 678, 월 1000만원, ០១២ ៣៤៥ ៦៧៨"
	matches := selector.Extract(text, selector.Hints{Region: "KR"})
	got := strings.Join(uncoveredNumbers(text, matches), "|")
	if want := "095 756 407|០១២ ៣៤៥ ៦៧៨"; got != want {
		t.Errorf("runs %q, want %q", got, want)
	}
}
