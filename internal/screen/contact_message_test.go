package screen

import (
	"context"
	"strings"
	"testing"
)

// TestContactReasonsQuoteTheTextAsWritten: counterscam's extractor gives
// contacts in their canonical form ("+85512345678", "telegram:scam_hr"),
// but the reasons shown to the person quote them as their text has them
// ("+855 12 345 678", "@scam_hr"), in every language.
func TestContactReasonsQuoteTheTextAsWritten(t *testing.T) {
	text := "Customer service job in Poipet, no experience. Call +855 12 345 678 or Telegram @scam_hr"
	extract := func(s string) []Contact {
		var out []Contact
		for _, c := range []struct{ written, kind, value, platform string }{
			{"+855 12 345 678", "phone", "+85512345678", ""},
			{"@scam_hr", "handle", "telegram:scam_hr", "telegram"},
		} {
			i := strings.Index(s, c.written)
			out = append(out, Contact{Kind: c.kind, Value: c.value, Platform: c.platform, Start: i, End: i + len(c.written)})
		}
		return out
	}
	s, err := New(Config{Extract: extract, Lookup: fakeLookup{"phone:+85512345678": Listed}})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ko", "km"} {
		res, err := s.Assess(context.Background(), text, Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"contact.listed": "+855 12 345 678"}
		for _, r := range res.Reasons {
			if strings.Contains(r.Message, "+85512345678") || strings.Contains(r.Message, "telegram:scam_hr") {
				t.Errorf("%s: %s quotes the canonical form: %q", lang, r.Code, r.Message)
			}
			if w, ok := want[r.Code]; ok {
				if !strings.Contains(r.Message, w) {
					t.Errorf("%s: %s does not quote %q: %q", lang, r.Code, w, r.Message)
				}
				delete(want, r.Code)
			}
		}
		if len(want) > 0 {
			t.Errorf("%s: no reason %v among %v", lang, want, codesOf(res))
		}
	}
}
