package auth

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestCSRF(t *testing.T) {
	secret := NewCSRFSecret()
	other := NewCSRFSecret()
	if len(secret) != 32 || bytes.Equal(secret, other) {
		t.Fatalf("NewCSRFSecret: %x, %x; want two different 32-byte secrets", secret, other)
	}
	a, b := CSRFToken(secret), CSRFToken(secret)
	if a == b {
		t.Fatal("two CSRF tokens for one session are equal: pad not random")
	}
	if len(a) != 86 {
		t.Fatalf("CSRF token %q has length %d, want 86", a, len(a))
	}
	if !VerifyCSRF(secret, a) || !VerifyCSRF(secret, b) {
		t.Fatal("a token of the session does not verify")
	}
	if VerifyCSRF(other, a) {
		t.Fatal("a token of one session verifies for another")
	}
	// Flip each byte of the decoded token: never verifies.
	raw, _ := base64.RawURLEncoding.DecodeString(a)
	for i := range raw {
		m := bytes.Clone(raw)
		m[i] ^= 1
		if VerifyCSRF(secret, base64.RawURLEncoding.EncodeToString(m)) {
			t.Fatalf("token with byte %d changed verifies", i)
		}
	}
	for _, bad := range []string{"", a[:85], a + "A", strings.Repeat("A", 86), base64.RawURLEncoding.EncodeToString(secret)} {
		if VerifyCSRF(secret, bad) {
			t.Errorf("VerifyCSRF(%q) = true", bad)
		}
	}
	// A session without a secret refuses everything, including "".
	for _, s := range [][]byte{nil, {}, secret[:16]} {
		if tok := CSRFToken(s); tok != "" || VerifyCSRF(s, tok) || VerifyCSRF(s, a) {
			t.Errorf("secret of length %d: token %q or verification accepted", len(s), tok)
		}
	}
}

func FuzzVerifyCSRF(f *testing.F) {
	secret := bytes.Repeat([]byte{7}, 32)
	f.Add(CSRFToken(secret))
	f.Add("")
	f.Add(strings.Repeat("_", 86))
	f.Fuzz(func(t *testing.T, tok string) {
		if VerifyCSRF(secret, tok) {
			raw, err := base64.RawURLEncoding.Strict().DecodeString(tok)
			if err != nil || len(raw) != 64 {
				t.Fatalf("VerifyCSRF accepted %q, which is not 64 bytes of base64url", tok)
			}
			for i := range 32 {
				if raw[i]^raw[32+i] != 7 {
					t.Fatalf("VerifyCSRF accepted %q, which does not unmask to the secret", tok)
				}
			}
		}
	})
}

func TestSessionCookie(t *testing.T) {
	for _, c := range []struct {
		name   string
		value  string
		maxAge time.Duration
		secure bool
		want   string
	}{
		{"__Host-cs_session", "css_abc", 12 * time.Hour, true,
			"__Host-cs_session=css_abc; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Lax"},
		{"cs_session", "css_abc", 1500 * time.Millisecond, false,
			"cs_session=css_abc; Path=/; Max-Age=2; HttpOnly; SameSite=Lax"},
		{"cs_session", "css_abc", 0, true,
			"cs_session=css_abc; Path=/; HttpOnly; Secure; SameSite=Lax"},
		{"cs_session", "css_abc", -1, true,
			"cs_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax"},
	} {
		ck := SessionCookie(c.name, c.value, c.maxAge, c.secure)
		if got := ck.String(); got != c.want {
			t.Errorf("SessionCookie(%q, %v, %v) = %q, want %q", c.name, c.maxAge, c.secure, got, c.want)
		}
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Domain != "" {
			t.Errorf("SessionCookie attributes %+v", ck)
		}
	}
}
