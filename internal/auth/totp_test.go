package auth

import (
	"strings"
	"testing"
	"time"
)

// rfcSecret is the RFC 6238 Appendix B SHA-1 key "12345678901234567890" in base32.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

// RFC 6238 Appendix B, SHA-1 rows (8 digits).
var rfc6238 = []struct {
	unix int64
	code string
}{
	{59, "94287082"},
	{1111111109, "07081804"},
	{1111111111, "14050471"},
	{1234567890, "89005924"},
	{2000000000, "69279037"},
	{20000000000, "65353130"},
}

func TestTOTPRFC6238(t *testing.T) {
	key, err := decodeTOTPSecret(rfcSecret)
	if err != nil || string(key) != "12345678901234567890" {
		t.Fatalf("decode RFC secret = %q, %v", key, err)
	}
	for _, v := range rfc6238 {
		at := time.Unix(v.unix, 0)
		if got := hotp(key, totpStep(at), 8); got != v.code {
			t.Errorf("8-digit TOTP at %d = %s, want %s", v.unix, got, v.code)
		}
		got, err := TOTPCode(rfcSecret, at)
		if want := v.code[2:]; got != want || err != nil {
			t.Errorf("TOTPCode at %d = %s, %v; want %s", v.unix, got, err, want)
		}
	}
}

func TestHOTPRFC4226(t *testing.T) {
	// RFC 4226 Appendix D.
	want := []string{"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"}
	for i, w := range want {
		if got := hotp([]byte("12345678901234567890"), uint64(i), 6); got != w {
			t.Errorf("HOTP(%d) = %s, want %s", i, got, w)
		}
	}
}

func TestVerifyTOTPWindow(t *testing.T) {
	at := time.Unix(1111111111, 0) // 1 s into step 37037037
	code := "050471"
	step := int64(1111111111 / 30)
	for _, c := range []struct {
		dt   time.Duration
		want bool
	}{
		{0, true},
		{29 * time.Second, true},  // same or next step
		{-30 * time.Second, true}, // previous step is within ±1
		{31 * time.Second, true},
		{time.Duration(30*(step+2)-1111111111) * time.Second, false}, // two steps later
		{time.Duration(30*(step-1)-1-1111111111) * time.Second, false},
	} {
		if got := VerifyTOTP(rfcSecret, code, at.Add(c.dt)); got != c.want {
			t.Errorf("VerifyTOTP(%s) at %+v = %v, want %v", code, c.dt, got, c.want)
		}
	}
	for _, bad := range []string{"", "05047", "0504710", "05047a", " 050471", "０５０４７１"} {
		if VerifyTOTP(rfcSecret, bad, at) {
			t.Errorf("VerifyTOTP(%q) = true", bad)
		}
	}
	// Secrets are read as people type them.
	for _, s := range []string{strings.ToLower(rfcSecret), "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", "GEZD-GNBV-GY3T-QOJQ-GEZD-GNBV-GY3T-QOJQ", rfcSecret + "===="} {
		if !VerifyTOTP(s, code, at) {
			t.Errorf("VerifyTOTP with secret %q = false", s)
		}
	}
	for _, s := range []string{"", "GEZDGNBVGY3TQOJQ", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1", strings.Repeat("A", 300)} {
		if VerifyTOTP(s, code, at) {
			t.Errorf("VerifyTOTP with bad secret %q = true", s)
		}
		if _, err := TOTPCode(s, at); err != ErrTOTPSecret {
			t.Errorf("TOTPCode(%q) err = %v, want ErrTOTPSecret", s, err)
		}
	}
}

func TestCheckTOTPReplay(t *testing.T) {
	at := time.Unix(1111111111, 0)
	now := int64(1111111111 / 30)
	step, ok := CheckTOTP(rfcSecret, "050471", at, -1)
	if !ok || step != now {
		t.Fatalf("CheckTOTP first use = %d, %v; want %d, true", step, ok, now)
	}
	if _, ok := CheckTOTP(rfcSecret, "050471", at.Add(10*time.Second), step); ok {
		t.Fatal("CheckTOTP accepted the same code twice")
	}
	// The code of the previous step, typed late, is accepted once.
	prev, _ := TOTPCode(rfcSecret, at.Add(-30*time.Second))
	if s, ok := CheckTOTP(rfcSecret, prev, at, now-2); !ok || s != now-1 {
		t.Fatalf("CheckTOTP(previous step) = %d, %v; want %d, true", s, ok, now-1)
	}
	// ...but not after a newer code was used.
	if _, ok := CheckTOTP(rfcSecret, prev, at, now); ok {
		t.Fatal("CheckTOTP accepted an older step after a newer one")
	}
}

func TestNewTOTPSecret(t *testing.T) {
	a, b := NewTOTPSecret(), NewTOTPSecret()
	if len(a) != 32 || a == b || strings.Trim(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") != "" {
		t.Fatalf("NewTOTPSecret = %q, %q; want two different 32-character base32 strings", a, b)
	}
	at := time.Unix(1750000000, 0)
	code, err := TOTPCode(a, at)
	if err != nil || !VerifyTOTP(a, code, at) || len(code) != 6 {
		t.Fatalf("fresh secret: code %q, %v", code, err)
	}
}

func TestTOTPURI(t *testing.T) {
	got, err := TOTPURI("counterscam KNPA", "analyst.kim@knpa.example", rfcSecret)
	want := "otpauth://totp/counterscam%20KNPA:analyst.kim%40knpa.example?secret=" + rfcSecret +
		"&issuer=counterscam%20KNPA&algorithm=SHA1&digits=6&period=30"
	if got != want || err != nil {
		t.Errorf("TOTPURI = %q, %v\nwant   %q", got, err, want)
	}
	got, _ = TOTPURI("a&b=c", "x/y?z#", "gezd gnbv gy3t qojq gezd gnbv gy3t qojq")
	want = "otpauth://totp/a%26b%3Dc:x%2Fy%3Fz%23?secret=" + rfcSecret + "&issuer=a%26b%3Dc&algorithm=SHA1&digits=6&period=30"
	if got != want {
		t.Errorf("TOTPURI escaping = %q\nwant                %q", got, want)
	}
	for _, c := range [][3]string{{"", "a", rfcSecret}, {"i", "", rfcSecret}, {"i:j", "a", rfcSecret}, {"i", "a:b", rfcSecret}, {"i", "a", "short"}} {
		if u, err := TOTPURI(c[0], c[1], c[2]); err == nil {
			t.Errorf("TOTPURI%q = %q, want an error", c, u)
		}
	}
}

func FuzzVerifyTOTP(f *testing.F) {
	f.Add(rfcSecret, "050471", int64(1111111111))
	f.Add("", "", int64(0))
	f.Add("====", "000000", int64(-1))
	f.Fuzz(func(t *testing.T, secret, code string, unix int64) {
		at := time.Unix(unix, 0)
		ok := VerifyTOTP(secret, code, at)
		if ok && !isDigits(code, 6) {
			t.Fatalf("VerifyTOTP accepted %q", code)
		}
		want, err := TOTPCode(secret, at)
		if err == nil && !VerifyTOTP(secret, want, at) {
			t.Fatalf("TOTPCode(%q) = %s does not verify", secret, want)
		}
		if err != nil && ok {
			t.Fatalf("VerifyTOTP accepted secret %q, which TOTPCode refuses", secret)
		}
	})
}
