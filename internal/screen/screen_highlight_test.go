package screen

import (
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	text := "Job in Bavet: no experience, flight and visa paid. Ask more."
	res, err := Assess(text)
	if err != nil {
		t.Fatal(err)
	}
	segs := Segments(text, res)
	var b strings.Builder
	prev := 0
	covered := map[int]bool{}
	for _, s := range segs {
		if s.Start != prev || s.Text != text[s.Start:s.End] {
			t.Fatalf("segments do not tile the text: %+v", segs)
		}
		prev = s.End
		b.WriteString(s.Text)
		for _, i := range s.Reasons {
			covered[i] = true
			x := res.Reasons[i]
			if s.Start < x.Start && s.End > x.End {
				t.Errorf("segment %q claims reason %s that does not cover it", s.Text, x.Code)
			}
		}
	}
	if b.String() != text || prev != len(text) {
		t.Errorf("segments rebuild %q", b.String())
	}
	if len(covered) != len(res.Reasons) {
		t.Errorf("%d of %d reasons appear in segments", len(covered), len(res.Reasons))
	}
	// "visa paid" lies inside "flight and visa paid": that piece has two reasons.
	found := false
	for _, s := range segs {
		if s.Text == "visa paid" && len(s.Reasons) == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("no doubly covered segment for %q: %+v", "visa paid", segs)
	}
	if got := Segments("", &Result{}); len(got) != 0 {
		t.Errorf("Segments of nothing = %+v", got)
	}
}
