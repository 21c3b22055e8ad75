package selector

import (
	"fmt"
	"testing"
)

// A value parsed with Parse is remembered under the kind whose parser
// answered as well; ParseAs of every kind must still answer what the
// plain ParseAs answers, for values whose selector has the kind tried
// and for those whose parser answers with another kind (a wa.me link read
// as a handle is a phone number).
func TestNormalizerParseThenParseAs(t *testing.T) {
	inputs := []struct{ raw, region string }{
		{"+66 81 076 5432", "TH"},
		{"010-2123-6332", "KR"},
		{"012 345 678", "KH"},
		{"https://wa.me/85512345678", ""},
		{"wa.me/85512345678", "KH"},
		{"t.me/some_scam_desk", ""},
		{"@some_scam_desk", ""},
		{"KB국민은행 316159-26-535851", "KR"},
		{"scam-desk.com", ""},
		{"help@scam-desk.com", ""},
		{"TJ4bhZ8jVzHnD2xBNMpzThfHZHAkXo3S2p", ""},
		{"0x52908400098527886E0F7030069857D2E4169EE7", ""},
		{"4111 1111 1111 1111", ""},
		{"203.0.113.9", ""},
		{"  +855 12 345 678  ", ""},
		{"not a selector at all", ""},
	}
	for _, in := range inputs {
		o := Options{Region: in.region}
		n := NewNormalizer(1 << 10)
		s, err := n.Parse(in.raw, o)
		if ws, werr := Parse(in.raw, o); s != ws || fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Errorf("Parse(%q): %+v %v, want %+v %v", in.raw, s, err, ws, werr)
		}
		for k := range parsers {
			got, gerr := n.ParseAs(k, in.raw, o)
			want, werr := ParseAs(k, in.raw, o)
			if got != want || fmt.Sprint(gerr) != fmt.Sprint(werr) {
				t.Errorf("ParseAs(%s, %q) after Parse: %+v %v, want %+v %v", k, in.raw, got, gerr, want, werr)
			}
		}
	}
}
