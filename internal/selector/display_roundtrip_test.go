package selector

import "testing"

// TestDisplayParsesBack: the display form of a bank account or a handle,
// which the check page and the API show and people copy, parses back to
// the same selector ("Shinhan Bank (신한은행) 110311648449",
// "@kh_hr88 (Telegram)", "scam88 (LINE)"), for every bank of the
// directory and every platform.
func TestDisplayParsesBack(t *testing.T) {
	var sels []Selector
	for _, e := range bankDirectory {
		for _, digits := range []string{"110311648449", "0342185000134", "1619220095"} {
			if s, err := bankSelector("", e.Country, e.Code, digits); err == nil {
				sels = append(sels, s)
				break
			}
		}
	}
	for p := range hdlPlatforms {
		for _, name := range []string{"scamhr88", "scam_hr88", "85512345678"} {
			if s, err := hdlOn(name, p, name, Options{}); err == nil && s.Kind == Handle {
				sels = append(sels, s)
				break
			}
		}
	}
	if len(sels) < len(bankDirectory) {
		t.Fatalf("only %d selectors built", len(sels))
	}
	for _, want := range sels {
		got, err := Parse(want.Display, Options{})
		if err != nil {
			t.Errorf("%s %q: %v", want.Kind, want.Display, err)
			continue
		}
		if got.Kind != want.Kind || got.Value != want.Value {
			t.Errorf("%q parses as %s %s, want %s %s", want.Display, got.Kind, got.Value, want.Kind, want.Value)
		}
	}
}
