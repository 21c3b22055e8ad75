package screen

import (
	"context"
	"testing"
)

func TestSplitNear(t *testing.T) {
	for _, tc := range []struct {
		in   string
		a, b string
		ok   bool
	}{
		{"항공권 .. 지원", "항공권", "지원", true},
		{"accommodation .. provided", "accommodation", "provided", true},
		{"항공권 지원", "", "", false},
		{" .. 지원", "", "", false},
		{"a .. b .. c", "", "", false},
	} {
		a, b, ok := splitNear(tc.in)
		if ok != tc.ok || (ok && (a != tc.a || b != tc.b)) {
			t.Errorf("splitNear(%q) = %q, %q, %v; want %q, %q, %v", tc.in, a, b, ok, tc.a, tc.b, tc.ok)
		}
	}
	if err := checkPattern("항공권 .. "); err == nil {
		t.Error("checkPattern accepted a near phrase with no second part")
	}
	if err := checkPattern("항공권 .. 지원"); err != nil {
		t.Errorf("checkPattern refused a near phrase: %v", err)
	}
}

func TestNearSpans(t *testing.T) {
	firsts := []Span{{0, 9}, {100, 109}}
	seconds := []Span{{30, 36}, {20, 26}, {200, 206}}
	got := nearSpans(firsts, seconds)
	// The first part at 0 pairs with the nearest second part after it (20);
	// the one at 100 has none within nearGap (200 is 91 bytes on).
	if len(got) != 1 || got[0] != (Span{0, 26}) {
		t.Errorf("nearSpans = %v, want [{0 26}]", got)
	}
	if got := nearSpans([]Span{{10, 20}}, []Span{{0, 5}}); len(got) != 0 {
		t.Errorf("a second part before the first paired: %v", got)
	}
}

// TestNearRules checks near phrases in the compiled-in rules: the words in
// order and close together fire, far apart, reversed or negated they do not.
func TestNearRules(t *testing.T) {
	s := defaultTestScreener(t)
	for _, tc := range []struct {
		text, code string
		want       bool
	}{
		{"항공권과 숙소까지 지원된다고 했다", "travel_paid", true},
		{"항공권은 본인 부담이며 회사에서 지원하지 않습니다", "travel_paid", false},
		{"지원 자격: 여권 소지자. 항공권 구매 안내는 따로 드립니다", "travel_paid", false},
		{"항공권 구매 방법은 아래와 같습니다. 이 안내는 여행사 홈페이지에서 보실 수 있으며, 문의는 고객센터에서 지원합니다", "travel_paid", false},
		{"Accommodation and meals will be provided", "housing_provided", true},
		{"Accommodation is not provided", "housing_provided", false},
	} {
		r, err := s.Assess(context.Background(), tc.text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, x := range r.Reasons {
			got = got || x.Code == tc.code
		}
		if got != tc.want {
			t.Errorf("%q: %s %v, want %v (reasons %v)", tc.text, tc.code, got, tc.want, r.Reasons)
		}
	}
}
