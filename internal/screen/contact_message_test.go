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

// TestKoreanMessengerOnlyJobReadsWithEveryMessenger: the Korean reason for
// a job offered only through a messenger joins the messenger's name with a
// particle that fits every name, those ending in a consonant (텔레그램,
// 라인, 카카오톡) as well as those ending in a vowel (잘로): not
// "텔레그램(@kh_hr88)로만", which a Korean reader sees as a mistake.
func TestKoreanMessengerOnlyJobReadsWithEveryMessenger(t *testing.T) {
	for _, m := range []struct{ platform, name string }{
		{"telegram", "텔레그램"}, {"line", "라인"}, {"kakaotalk", "카카오톡"}, {"zalo", "잘로"},
	} {
		text := "캄보디아 고객상담 알바 모집, 월 1000만원 보장. 연락 @kh_hr88"
		extract := func(s string) []Contact {
			i := strings.Index(s, "@kh_hr88")
			return []Contact{{Kind: "handle", Value: m.platform + ":kh_hr88", Platform: m.platform, Start: i, End: i + len("@kh_hr88")}}
		}
		s, err := New(Config{Extract: extract, Lookup: fakeLookup{}})
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Assess(context.Background(), text, Options{Lang: "ko"})
		if err != nil {
			t.Fatal(err)
		}
		want := m.name + "(@kh_hr88)에서만 지원받는 일자리입니다. 회사 전화, 주소, 이메일이 없습니다"
		found := false
		for _, r := range res.Reasons {
			if r.Code == "contact.messenger_only_job" {
				found = true
				if r.Message != want {
					t.Errorf("%s: %q, want %q", m.platform, r.Message, want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no contact.messenger_only_job among %v", m.platform, codesOf(res))
		}
	}
}

// TestKoreanPayReasonReadsWithAnyAmount: the Korean pay reasons join the
// amount to the verb with a particle that fits whatever the amount ends
// in, not "6,900달러)을", which is wrong after a vowel.
func TestKoreanPayReasonReadsWithAnyAmount(t *testing.T) {
	s := defaultTestScreener(t)
	res, err := s.Assess(context.Background(), "캄보디아 시아누크빌 고객상담 알바, 월 1000만원 보장, 경력 무관, 항공권 제공", Options{Lang: "ko"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range res.Reasons {
		if !strings.HasPrefix(r.Code, "pay.") {
			continue
		}
		found = true
		if !strings.Contains(r.Message, "(월 약 ") || !strings.Contains(r.Message, "달러)의 급여를 제시합니다") {
			t.Errorf("%s: %q", r.Code, r.Message)
		}
	}
	if !found {
		t.Errorf("no pay reason among %v", codesOf(res))
	}
}
