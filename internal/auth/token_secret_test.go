package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
)

func TestNewTokenAndSession(t *testing.T) {
	for _, c := range []struct {
		name     string
		mint     func() (string, string)
		prefix   string
		looks    func(string) bool
		notLooks func(string) bool
	}{
		{"token", NewToken, "cst_", LooksLikeToken, LooksLikeSessionID},
		{"session", NewSessionID, "css_", LooksLikeSessionID, LooksLikeToken},
	} {
		seen := map[string]bool{}
		for range 100 {
			plain, hash := c.mint()
			if !strings.HasPrefix(plain, c.prefix) || len(plain) != 47 {
				t.Fatalf("%s %q: want %q + 43 characters", c.name, plain, c.prefix)
			}
			raw, err := base64.RawURLEncoding.Strict().DecodeString(plain[4:])
			if err != nil || len(raw) != 32 {
				t.Fatalf("%s %q: body is not 32 bytes of base64url: %v", c.name, plain, err)
			}
			sum := sha256.Sum256([]byte(plain))
			if hash != hex.EncodeToString(sum[:]) || HashToken(plain) != hash {
				t.Fatalf("%s %q: hash %q is not hex SHA-256 of the plain text", c.name, plain, hash)
			}
			if !c.looks(plain) || c.notLooks(plain) {
				t.Fatalf("%s %q: format check wrong way round", c.name, plain)
			}
			if seen[plain] {
				t.Fatalf("%s %q minted twice", c.name, plain)
			}
			seen[plain] = true
		}
	}
}

func TestLooksLikeToken(t *testing.T) {
	good := "cst_" + strings.Repeat("A", 42) + "A"
	for _, c := range []struct {
		s    string
		want bool
	}{
		{good, true},
		{"cst_" + strings.Repeat("_", 42) + "w", true}, // 'w' = 48: low bits zero
		{"cst_" + strings.Repeat("-", 42) + "Q", true},
		{"", false},
		{"cst_", false},
		{"cst_" + strings.Repeat("A", 42), false},       // short
		{"cst_" + strings.Repeat("A", 44), false},       // long
		{"cst_" + strings.Repeat("A", 42) + "B", false}, // stray low bits
		{"cst_" + strings.Repeat("A", 41) + "+A", false},
		{"cst_" + strings.Repeat("A", 41) + "/A", false},
		{"cst_" + strings.Repeat("A", 41) + "=A", false},
		{"cst_" + strings.Repeat("A", 41) + " A", false},
		{"CST_" + strings.Repeat("A", 43), false},
		{"css_" + strings.Repeat("A", 43), false},
		{"Bearer " + good, false},
		{good + "\n", false},
	} {
		if got := LooksLikeToken(c.s); got != c.want {
			t.Errorf("LooksLikeToken(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestHashTokenKnown(t *testing.T) {
	// echo -n 'cst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' | sha256sum
	const plain = "cst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	const want = "8991167eab5c8bd5a70365801d15d84e1dcb80842d6b1914f9e01b884fa28d71"
	if got := HashToken(plain); got != want {
		t.Errorf("HashToken = %s, want %s", got, want)
	}
}

// FuzzLooksLikeToken checks the cheap check against the strict decoder.
func FuzzLooksLikeToken(f *testing.F) {
	p, _ := NewToken()
	s, _ := NewSessionID()
	for _, x := range []string{p, s, "", "cst_", "cst_" + strings.Repeat("A", 42) + "B"} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, prefix := range []string{TokenPrefix, SessionPrefix} {
			got := looksLikeSecret(s, prefix)
			body, ok := strings.CutPrefix(s, prefix)
			raw, err := base64.RawURLEncoding.Strict().DecodeString(body)
			want := ok && err == nil && len(raw) == 32 && !strings.ContainsAny(body, "\r\n")
			if got != want {
				t.Fatalf("looksLikeSecret(%q, %q) = %v, strict decoder says %v", s, prefix, got, want)
			}
		}
	})
}
