package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
)

// CSRF protection uses the synchronizer token pattern: each session gets
// a random secret (NewCSRFSecret) stored with the session row, server
// side. Pages embed CSRFToken(secret) in forms (and a meta tag for
// scripts); the handler of every state-changing request made with a
// session cookie checks VerifyCSRF against the secret of that session.
// Requests authenticated by an API token in the Authorization header need
// no CSRF token: a browser never attaches one on its own.
//
// This was chosen over an HMAC of the session ID because it needs no
// server-wide key (nothing to rotate or share between nodes) and a stolen
// token is worthless once its session ends.
//
// Each CSRFToken call masks the secret with a fresh one-time pad, so the
// token differs on every page; a compression side channel (BREACH) on the
// HTML therefore cannot recover the secret byte by byte.

// csrfSecretLen is the length of a session's CSRF secret in bytes.
const csrfSecretLen = 32

// csrfTokenLen is the length of a CSRF token: base64url of pad||masked.
var csrfTokenLen = base64.RawURLEncoding.EncodedLen(2 * csrfSecretLen)

// NewCSRFSecret returns a fresh 32-byte CSRF secret to store with a new
// session. Replace it whenever the session ID is replaced (log-in,
// privilege change).
func NewCSRFSecret() []byte {
	b := make([]byte, csrfSecretLen)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return b
}

// CSRFToken returns a token for a page of the session whose CSRF secret
// is secret. Every call returns a different token; all of them verify.
// It returns "" when secret is not a 32-byte secret from NewCSRFSecret,
// and "" never verifies.
func CSRFToken(secret []byte) string {
	if len(secret) != csrfSecretLen {
		return ""
	}
	buf := make([]byte, 2*csrfSecretLen)
	pad, masked := buf[:csrfSecretLen], buf[csrfSecretLen:]
	rand.Read(pad)
	subtle.XORBytes(masked, secret, pad)
	return base64.RawURLEncoding.EncodeToString(buf)
}

// VerifyCSRF reports whether token was made by CSRFToken(secret). The
// comparison takes the same time wherever the first difference is.
func VerifyCSRF(secret []byte, token string) bool {
	if len(secret) != csrfSecretLen || len(token) != csrfTokenLen {
		return false
	}
	buf, err := base64.RawURLEncoding.Strict().DecodeString(token)
	if err != nil || len(buf) != 2*csrfSecretLen {
		return false
	}
	pad, masked := buf[:csrfSecretLen], buf[csrfSecretLen:]
	subtle.XORBytes(masked, masked, pad)
	return subtle.ConstantTimeCompare(masked, secret) == 1
}
