package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are the argon2id cost parameters of a password hash.
//
// DefaultParams suit counterscam's reference server (2 cores): 64 MiB of
// memory, 2 passes, 2 lanes. One hash then takes about 90 ms on such a
// machine (BenchmarkHashPasswordDefault) and holds 64 MiB while it runs, so the HTTP layer
// must bound how many log-ins hash at once (a small semaphore), or a burst
// of log-in attempts exhausts memory. Raise Time before Memory when
// hardware allows; hashes made with older parameters are upgraded at the
// next successful log-in (VerifyPassword reports needsRehash).
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes over memory
	Threads uint8  // lanes (parallelism)
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams are the parameters HashPassword and VerifyPassword use.
// Treat it as a constant: code that wants other parameters (tests) calls
// the methods of its own Params value instead of assigning to this.
var DefaultParams = Params{Memory: 64 * 1024, Time: 2, Threads: 2, SaltLen: 16, KeyLen: 32}

// TestParams are cheap parameters (64 KiB, one pass) for tests that create
// users. Never use them in production: VerifyPassword with DefaultParams
// reports needsRehash for every hash made with them.
var TestParams = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// Bounds a stored hash must respect before it is verified, so that a
// corrupted or planted hash cannot make a log-in allocate gigabytes or
// spin for minutes.
const (
	maxMemoryKiB = 1 << 20 // 1 GiB
	maxTime      = 16
	minSaltLen   = 8
	maxSaltLen   = 64
	minKeyLen    = 16
	maxKeyLen    = 64
)

// ErrMalformedHash is returned (wrapped) when a stored password hash is
// not a PHC string of the form counterscam writes.
var ErrMalformedHash = errors.New("malformed password hash")

// b64 is the PHC string format's base64: standard alphabet, no padding.
// Strict decoding refuses non-zero trailing bits, so each value has one
// encoding.
var b64 = base64.RawStdEncoding.Strict()

// HashPassword checks pw against the password policy and hashes it with
// DefaultParams.
func HashPassword(pw string) (string, error) { return DefaultParams.Hash(pw) }

// VerifyPassword reports whether pw matches encoded, and whether encoded
// should be replaced by a fresh HashPassword(pw) because its parameters
// differ from DefaultParams. err is non-nil only when encoded is malformed.
func VerifyPassword(encoded, pw string) (ok, needsRehash bool, err error) {
	return DefaultParams.Verify(encoded, pw)
}

// Hash checks pw against the password policy and returns its argon2id
// hash in PHC string format:
//
//	$argon2id$v=19$m=65536,t=2,p=2$<salt>$<hash>
//
// with a fresh random salt; salt and hash are base64 without padding.
func (p Params) Hash(pw string) (string, error) {
	if err := CheckPasswordPolicy(pw); err != nil {
		return "", err
	}
	if err := p.check(); err != nil {
		return "", err
	}
	salt := make([]byte, p.SaltLen)
	rand.Read(salt) // never fails (crypto/rand, Go 1.24+)
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return phc{p, salt, key}.String(), nil
}

// Verify reports whether pw matches encoded, comparing in constant time,
// and whether encoded was made with parameters other than p. A password
// longer than the policy allows never matches (and is not hashed).
func (p Params) Verify(encoded, pw string) (ok, needsRehash bool, err error) {
	h, err := parsePHC(encoded)
	if err != nil {
		return false, false, err
	}
	if len(pw) > MaxPasswordBytes {
		return false, false, nil
	}
	key := argon2.IDKey([]byte(pw), h.salt, h.params.Time, h.params.Memory, h.params.Threads, uint32(len(h.key)))
	if subtle.ConstantTimeCompare(key, h.key) != 1 {
		return false, false, nil
	}
	return true, h.params != p, nil
}

// check reports parameters argon2 cannot use or parsePHC would refuse.
func (p Params) check() error {
	switch {
	case p.Time < 1 || p.Time > maxTime:
		return fmt.Errorf("argon2id: time %d outside 1..%d", p.Time, maxTime)
	case p.Threads < 1:
		return errors.New("argon2id: threads must be at least 1")
	case p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemoryKiB:
		return fmt.Errorf("argon2id: memory %d KiB outside %d..%d", p.Memory, 8*uint32(p.Threads), maxMemoryKiB)
	case p.SaltLen < minSaltLen || p.SaltLen > maxSaltLen:
		return fmt.Errorf("argon2id: salt length %d outside %d..%d", p.SaltLen, minSaltLen, maxSaltLen)
	case p.KeyLen < minKeyLen || p.KeyLen > maxKeyLen:
		return fmt.Errorf("argon2id: key length %d outside %d..%d", p.KeyLen, minKeyLen, maxKeyLen)
	}
	return nil
}

// phc is a parsed argon2id PHC string.
type phc struct {
	params    Params
	salt, key []byte
}

func (h phc) String() string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		h.params.Memory, h.params.Time, h.params.Threads, b64.EncodeToString(h.salt), b64.EncodeToString(h.key))
}

// parsePHC parses exactly the strings phc.String writes: argon2id, version
// 19, parameters in the order m, t, p as plain decimals, and canonical
// base64. Anything else, including values outside the bounds above, is
// ErrMalformedHash.
func parsePHC(s string) (phc, error) {
	bad := func(why string) (phc, error) { return phc{}, fmt.Errorf("%w: %s", ErrMalformedHash, why) }
	if len(s) > 512 {
		return bad("too long")
	}
	f := strings.Split(s, "$")
	if len(f) != 6 || f[0] != "" {
		return bad("want 5 '$'-separated fields")
	}
	if f[1] != "argon2id" {
		return bad("algorithm is not argon2id")
	}
	if f[2] != "v="+strconv.Itoa(argon2.Version) {
		return bad("unsupported version")
	}
	kv := strings.Split(f[3], ",")
	if len(kv) != 3 {
		return bad("want parameters m, t, p")
	}
	var v [3]uint32
	for i, name := range []string{"m=", "t=", "p="} {
		n, ok := parseDecimal(kv[i], name)
		if !ok {
			return bad("bad parameter " + strings.TrimSuffix(name, "="))
		}
		v[i] = n
	}
	if v[2] > 255 {
		return bad("parallelism above 255")
	}
	salt, err := b64.DecodeString(f[4])
	if err != nil {
		return bad("salt is not base64")
	}
	key, err := b64.DecodeString(f[5])
	if err != nil {
		return bad("hash is not base64")
	}
	h := phc{Params{Memory: v[0], Time: v[1], Threads: uint8(v[2]), SaltLen: uint32(len(salt)), KeyLen: uint32(len(key))}, salt, key}
	if err := h.params.check(); err != nil {
		return bad(err.Error())
	}
	return h, nil
}

// parseDecimal parses name followed by a decimal of at most 10 digits
// without sign or leading zeros.
func parseDecimal(s, name string) (uint32, bool) {
	d, ok := strings.CutPrefix(s, name)
	if !ok || d == "" || len(d) > 10 || (d[0] == '0' && len(d) > 1) {
		return 0, false
	}
	for _, c := range []byte(d) {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(d, 10, 32)
	return uint32(n), err == nil
}
