package ui

import (
	"strings"
	"testing"

	"counterscam/internal/selector"
)

// TestSelectorReasonsInEveryLanguage: every code the selector package
// gives has a message in every language, taking the arguments its entry
// names and saying them all; the kind is said in the page's language.
func TestSelectorReasonsInEveryLanguage(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(selectorReasons) != len(selector.ErrorCodes) {
		t.Errorf("%d codes have messages, the selector package has %d", len(selectorReasons), len(selector.ErrorCodes))
	}
	for _, k := range selector.Kinds {
		if !c.has("selector.kind." + string(k)) {
			t.Errorf("no words for the kind %s", k)
		}
	}
	for _, code := range selector.ErrorCodes {
		parts, ok := selectorReasons[code]
		if !ok {
			t.Errorf("%s: no entry", code)
			continue
		}
		e := &selector.Error{Kind: selector.BankAccount, Input: "어제 1234", Code: code, Region: "KH", Accepted: "10–14", Platform: "Telegram"}
		m := selectorMessage(e)
		if !c.has(m.Key) {
			t.Errorf("%s: no message %q", code, m.Key)
			continue
		}
		if n := argCount(c.msgs["en"][m.Key]); n != len(parts) {
			t.Errorf("%s: the message takes %d arguments, its entry gives %d", code, n, len(parts))
		}
		for _, l := range Languages {
			s, err := c.T(l, m.Key, m.Args...)
			if err != nil {
				t.Fatal(err)
			}
			kind, _ := c.T(l, "selector.kind.bank_account")
			for _, p := range parts {
				w := map[string]string{"value": `"어제 1234"`, "region": "KH", "accepted": "10–14", "platform": "Telegram", "kind": kind}[p]
				if !strings.Contains(s, w) {
					t.Errorf("%s %s: %q does not say %q", l, code, s, w)
				}
			}
			if strings.Contains(s, "%!") {
				t.Errorf("%s %s: %q", l, code, s)
			}
		}
	}
	if m := selectorMessage(&selector.Error{Code: "no_such_code", Reason: "x"}); m.Key != "" {
		t.Errorf("a code the pages do not know has the message %q", m.Key)
	}
	if m := selectorMessage(&selector.Error{Code: selector.CodeTooLong, Reason: "x"}); m.Key != "" {
		t.Errorf("too long as no kind has the message %q", m.Key)
	}
}

// TestSelectorRejectInKorean: a report whose selector does not parse is
// rejected, on the import page, in the page's language, with the value
// and the selector's facts; the message arguments stay as they were for
// the next page in another language.
func TestSelectorRejectInKorean(t *testing.T) {
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	_, err = selector.ParseAs(selector.Phone, "010 1234", selector.Options{Region: "KR"})
	se, _ := err.(*selector.Error)
	r := importReject{Selector: se}
	r.FieldCode = "bad_selector"
	m := r.Msg()
	got, err := c.T("ko", m.Key, m.Args...)
	if err != nil {
		t.Fatal(err)
	}
	if want := `"010 1234"은(는) KR의 올바른 전화번호도, 국제 전화번호도 아닙니다.`; !strings.HasPrefix(got, want) {
		t.Errorf("ko: %q, want %q...", got, want)
	}
	_, err = selector.ParseAs(selector.Phone, strings.Repeat("1", 70), selector.Options{})
	r.Selector, _ = err.(*selector.Error)
	m = r.Msg()
	for l, want := range map[string]string{"en": "This is too long to be a phone number.", "ko": "전화번호(으)로 보기에는 너무 깁니다. 값을 확인하세요.", "km": "នេះវែងពេកសម្រាប់ជាលេខទូរស័ព្ទ។"} {
		got, err := c.T(l, m.Key, m.Args...)
		if err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", l, got, err, want)
		}
	}
	if _, ok := m.Args[0].(message); !ok {
		t.Errorf("translating changed the message's arguments: %#v", m.Args)
	}
}
