package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// Prefixes of the bearer secrets counterscam hands out. The prefix says
// what a leaked string is (secret scanners and people both recognise it)
// and lets a string meant for one purpose be refused for the other.
const (
	TokenPrefix   = "cst_" // API token for a machine (a bank's block-list job, a partner's system)
	SessionPrefix = "css_" // browser session ID
)

// secretBytes is the entropy of a token or session ID: 256 bits.
const secretBytes = 32

// secretLen is the length of a token or session ID after its prefix:
// 32 bytes in unpadded base64url.
var secretLen = base64.RawURLEncoding.EncodedLen(secretBytes) // 43

// NewToken returns a fresh API token and the hash to store. plain is shown
// to its owner once and never stored.
//
// The hash is a plain SHA-256, not argon2id: a token carries 256 random
// bits, so no one can guess it however fast the hash, while a slow hash on
// every API request would cost a CPU core per few requests and turn each
// bad token into a denial of service. An unsalted hash also lets the store
// find a token by an indexed equality lookup.
func NewToken() (plain, hash string) { return newSecret(TokenPrefix) }

// NewSessionID returns a fresh session ID and the hash to store, like
// NewToken. The cookie carries plain; the session row is keyed by hash,
// so reading the sessions table does not let anyone take over a session.
func NewSessionID() (plain, hash string) { return newSecret(SessionPrefix) }

// HashToken returns the stored form (hex SHA-256) of an API token or a
// session ID. The prefix is hashed too, so a token's hash never matches a
// session's.
func HashToken(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}

// LooksLikeToken reports whether s has the exact form of an API token, so
// that garbage is refused before any lookup. It says nothing about whether
// the token exists.
func LooksLikeToken(s string) bool { return looksLikeSecret(s, TokenPrefix) }

// LooksLikeSessionID is LooksLikeToken for session IDs.
func LooksLikeSessionID(s string) bool { return looksLikeSecret(s, SessionPrefix) }

func newSecret(prefix string) (plain, hash string) {
	b := make([]byte, secretBytes)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	plain = prefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, HashToken(plain)
}

// looksLikeSecret checks the prefix, the length, the alphabet, and that
// the last character carries no stray bits (43 characters hold 258 bits,
// of which the last 2 must be zero), without allocating.
func looksLikeSecret(s, prefix string) bool {
	body, ok := strings.CutPrefix(s, prefix)
	if !ok || len(body) != secretLen {
		return false
	}
	for i := 0; i < len(body); i++ {
		if b64urlValue(body[i]) < 0 {
			return false
		}
	}
	return b64urlValue(body[len(body)-1])&0b11 == 0
}

// b64urlValue is the 6-bit value of a base64url character, or -1.
func b64urlValue(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '-':
		return 62
	case c == '_':
		return 63
	}
	return -1
}
