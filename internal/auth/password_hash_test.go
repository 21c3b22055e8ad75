package auth

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// Hashes made by the reference argon2 command-line tool (Debian package
// argon2), so the parameters reach argon2.IDKey in the right order.
var referenceHashes = []struct {
	encoded, pw string
	params      Params
}{
	{"$argon2id$v=19$m=256,t=2,p=2$Y291bnRlcnNjYW0tc2FsdA$qzUNdnBWcmbL01krihCAiSBebZqpIzTXlYKqDsni2Xg",
		"correct horse battery staple", Params{Memory: 256, Time: 2, Threads: 2, SaltLen: 16, KeyLen: 32}},
	{"$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$IGW01/C5v07vL9V2Prkhti1VRQ7QzNXzZ0MdYn6uv2k",
		"비밀번호는길고안전하다!", Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 12, KeyLen: 32}},
}

func TestVerifyPasswordReference(t *testing.T) {
	for _, c := range referenceHashes {
		ok, rehash, err := c.params.Verify(c.encoded, c.pw)
		if !ok || rehash || err != nil {
			t.Errorf("Verify(%s, right password) = %v, %v, %v; want true, false, nil", c.encoded, ok, rehash, err)
		}
		ok, rehash, err = c.params.Verify(c.encoded, c.pw+"x")
		if ok || rehash || err != nil {
			t.Errorf("Verify(%s, wrong password) = %v, %v, %v; want false, false, nil", c.encoded, ok, rehash, err)
		}
		// Other parameters wanted: still matches, but asks for a rehash.
		ok, rehash, err = TestParams.Verify(c.encoded, c.pw)
		if !ok || !rehash || err != nil {
			t.Errorf("TestParams.Verify(%s) = %v, %v, %v; want true, true, nil", c.encoded, ok, rehash, err)
		}
	}
}

var phcShape = regexp.MustCompile(`^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)

func TestHashRoundTrip(t *testing.T) {
	pw := "long enough passphrase"
	a, err := TestParams.Hash(pw)
	if err != nil {
		t.Fatal(err)
	}
	if !phcShape.MatchString(a) {
		t.Fatalf("Hash = %q, not a PHC argon2id string with TestParams", a)
	}
	b, _ := TestParams.Hash(pw)
	if a == b {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
	for _, c := range []struct {
		pw         string
		ok, rehash bool
	}{
		{pw, true, false},
		{pw + " ", false, false},
		{strings.ToUpper(pw), false, false},
		{"", false, false},
		{strings.Repeat("a", MaxPasswordBytes+1), false, false},
	} {
		ok, rehash, err := TestParams.Verify(a, c.pw)
		if ok != c.ok || rehash != c.rehash || err != nil {
			t.Errorf("Verify(%q) = %v, %v, %v; want %v, %v, nil", c.pw, ok, rehash, err, c.ok, c.rehash)
		}
	}
	// DefaultParams wants stronger parameters: verify, then ask for a rehash.
	ok, rehash, err := VerifyPassword(a, pw)
	if !ok || !rehash || err != nil {
		t.Errorf("VerifyPassword(test-params hash) = %v, %v, %v; want true, true, nil", ok, rehash, err)
	}
}

func TestHashPasswordDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("one 64 MiB hash; skipped with -short")
	}
	h, err := HashPassword("default parameters here")
	if err != nil {
		t.Fatal(err)
	}
	if want := "$argon2id$v=19$m=65536,t=2,p=2$"; !strings.HasPrefix(h, want) {
		t.Fatalf("HashPassword = %q, want prefix %q", h, want)
	}
	ok, rehash, err := VerifyPassword(h, "default parameters here")
	if !ok || rehash || err != nil {
		t.Fatalf("VerifyPassword = %v, %v, %v; want true, false, nil", ok, rehash, err)
	}
}

func TestHashRefusesPolicyAndBadParams(t *testing.T) {
	if _, err := TestParams.Hash("short"); !errors.Is(err, ErrPasswordTooShort) {
		t.Errorf("Hash(short) err = %v, want ErrPasswordTooShort", err)
	}
	for _, p := range []Params{
		{Memory: 64, Time: 0, Threads: 1, SaltLen: 16, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 0, SaltLen: 16, KeyLen: 32},
		{Memory: 7, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 1, SaltLen: 4, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 8},
		{Memory: maxMemoryKiB + 1, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32},
	} {
		if h, err := p.Hash("long enough passphrase"); err == nil {
			t.Errorf("%+v.Hash = %q, want an error", p, h)
		}
	}
}

func TestVerifyMalformed(t *testing.T) {
	good := referenceHashes[0].encoded
	for _, s := range []string{
		"",
		"$",
		"argon2id$v=19$m=256,t=2,p=2$Y291bnRlcnNjYW0tc2FsdA$qzUNdnBWcmbL01krihCAiSBebZqpIzTXlYKqDsni2Xg",
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, "$v=19", "", 1),
		strings.Replace(good, "m=256,t=2,p=2", "t=2,m=256,p=2", 1),
		strings.Replace(good, "m=256", "m=0256", 1),
		strings.Replace(good, "m=256", "m=+256", 1),
		strings.Replace(good, "m=256", "m=", 1),
		strings.Replace(good, "m=256", "m=4294967296", 1),
		strings.Replace(good, "m=256", "m=2097152", 1), // 2 GiB: above the bound
		strings.Replace(good, "t=2", "t=1000", 1),
		strings.Replace(good, "p=2", "p=256", 1),
		strings.Replace(good, "p=2", "p=0", 1),
		strings.Replace(good, "m=256,t=2,p=2", "m=256,t=2,p=2,k=1", 1),
		strings.Replace(good, "Y291bnRlcnNjYW0tc2FsdA", "Y291bnRlcnNjYW0tc2FsdA==", 1), // padding
		strings.Replace(good, "Y291bnRlcnNjYW0tc2FsdA", "Y291bnRlcnNjYW0tc2FsdB", 1),   // stray bits
		strings.Replace(good, "Y291bnRlcnNjYW0tc2FsdA", "c2FsdA", 1),                   // salt of 4 bytes
		strings.Replace(good, "qzUNdnBWcmbL01krihCAiSBebZqpIzTXlYKqDsni2Xg", "qzUNdn", 1),
		strings.Replace(good, "qzUNdnBWcmbL01krihCAiSBebZqpIzTXlYKqDsni2Xg", "qzUN-nBWcmbL01krihCAiSBebZqpIzTXlYKqDsni2Xg", 1),
		good + "$",
		good + strings.Repeat("A", 600),
	} {
		ok, rehash, err := DefaultParams.Verify(s, "correct horse battery staple")
		if ok || rehash || !errors.Is(err, ErrMalformedHash) {
			t.Errorf("Verify(%q) = %v, %v, %v; want false, false, ErrMalformedHash", s, ok, rehash, err)
		}
	}
}

// FuzzParsePHC checks that the parser never panics, accepts only the
// exact strings the formatter writes, and that verifying any accepted
// string (when cheap enough to run here) does not fail.
func FuzzParsePHC(f *testing.F) {
	for _, c := range referenceHashes {
		f.Add(c.encoded, c.pw)
	}
	f.Add("$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", "x")
	f.Add("$argon2id$v=19$m=,t=,p=$$", "")
	f.Fuzz(func(t *testing.T, s, pw string) {
		h, err := parsePHC(s)
		if err != nil {
			if !errors.Is(err, ErrMalformedHash) {
				t.Fatalf("parsePHC(%q) error %v is not ErrMalformedHash", s, err)
			}
			return
		}
		if again := h.String(); again != s {
			t.Fatalf("parsePHC(%q) accepted a non-canonical form of %q", s, again)
		}
		if h.params.Memory <= 1024 && h.params.Time <= 2 {
			if _, _, err := TestParams.Verify(s, pw); err != nil {
				t.Fatalf("Verify(%q) = %v after parse succeeded", s, err)
			}
		}
	})
}

func BenchmarkHashPasswordDefault(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("benchmark passphrase"); err != nil {
			b.Fatal(err)
		}
	}
}
