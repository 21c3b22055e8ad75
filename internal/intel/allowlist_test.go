package intel

import (
	"strings"
	"testing"

	"counterscam/internal/selector"
)

func TestShippedAllowlist(t *testing.T) {
	a := DefaultAllowlist()
	for _, v := range []string{"t.me", "+82 2-3210-0404", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "https://www.google.com/search?q=x", "someone@gmail.com"} {
		s, err := selector.Parse(v, selector.Options{})
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if !a.Contains(s) {
			t.Errorf("%s (%s) is not allow-listed", v, s.Key())
		}
	}
	for _, v := range []string{"@goldenjob88", "+855 12 345 678", "scam-exchange.example.com"} {
		s, err := selector.Parse(v, selector.Options{})
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if a.Contains(s) {
			t.Errorf("%s is allow-listed", v)
		}
	}
}

func TestAllowlistErrorsNameTheLine(t *testing.T) {
	_, err := ParseAllowlist("mine.txt", strings.NewReader("domain t.me\n# comment\ncrypto 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD  # bad checksum\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "mine.txt:3: ") {
		t.Fatalf("error %v, want one naming mine.txt:3", err)
	}
}

func FuzzParseAllowlist(f *testing.F) {
	f.Add("domain t.me # Telegram\nphone +82 1588-9999\n")
	f.Add("crypto TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\n\n#\n")
	f.Add("\xff\xfe garbage\x00")
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ParseAllowlist("fuzz", strings.NewReader(text))
		if err == nil && a == nil {
			t.Fatal("no list and no error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz:") {
			t.Fatalf("error %q does not name the file", err)
		}
	})
}
