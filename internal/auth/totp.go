package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base32"
	"encoding/binary"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// TOTP as in RFC 6238 with the parameters every authenticator app
// supports: HMAC-SHA-1, 6 digits, 30-second steps counted from the Unix
// epoch. A code is accepted for the step it was made in and one step
// either side, to absorb clock drift and typing time.
const (
	TOTPDigits = 6
	TOTPPeriod = 30 * time.Second
	TOTPSkew   = 1 // steps accepted either side of the current one
)

// totpSecretBytes is the length of a new TOTP secret: 160 bits, the
// length RFC 4226 recommends and the HMAC-SHA-1 block-friendly size.
const totpSecretBytes = 20

// minTOTPSecretBytes is the shortest secret accepted (RFC 4226 R6: 128 bits).
const minTOTPSecretBytes = 16

// ErrTOTPSecret is returned when a TOTP secret is not base32 of at least
// 16 bytes.
var ErrTOTPSecret = errors.New("TOTP secret must be base32 of at least 16 bytes")

var totpB32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewTOTPSecret returns a fresh 160-bit TOTP secret in unpadded base32
// (32 characters), the form authenticator apps take.
func NewTOTPSecret() string {
	b := make([]byte, totpSecretBytes)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return totpB32.EncodeToString(b)
}

// TOTPCode returns the 6-digit code for secret at time t.
func TOTPCode(secret string, t time.Time) (string, error) {
	key, err := decodeTOTPSecret(secret)
	if err != nil {
		return "", err
	}
	return hotp(key, totpStep(t), TOTPDigits), nil
}

// VerifyTOTP reports whether code is valid for secret at time t (within
// ±1 step). It does not stop a code from being used twice; use CheckTOTP
// for log-ins.
func VerifyTOTP(secret, code string, t time.Time) bool {
	_, ok := CheckTOTP(secret, code, t, -1)
	return ok
}

// CheckTOTP is VerifyTOTP with replay protection: it accepts only a code
// whose step is greater than lastStep, and returns that step. The store
// keeps the returned step per user and passes it back next time (-1, or
// 0, before the first use), so a code seen over someone's shoulder cannot
// be reused within its 90-second window.
func CheckTOTP(secret, code string, t time.Time, lastStep int64) (step int64, ok bool) {
	key, err := decodeTOTPSecret(secret)
	if err != nil || !isDigits(code, TOTPDigits) {
		return 0, false
	}
	now := int64(totpStep(t))
	for s := now - TOTPSkew; s <= now+TOTPSkew; s++ {
		// Check every step in the window, so the time taken does not
		// say which one matched.
		if s >= 0 && s > lastStep && subtle.ConstantTimeCompare([]byte(hotp(key, uint64(s), TOTPDigits)), []byte(code)) == 1 && !ok {
			step, ok = s, true
		}
	}
	return step, ok
}

// TOTPURI returns the otpauth:// URI an authenticator app scans (as a QR
// code) to enrol secret, e.g.
//
//	otpauth://totp/counterscam%20KNPA:analyst1?secret=...&issuer=counterscam%20KNPA&algorithm=SHA1&digits=6&period=30
//
// issuer names the counterscam installation and account the user; neither
// may be empty or contain ':' (the label's separator).
func TOTPURI(issuer, account, secret string) (string, error) {
	if issuer == "" || account == "" || strings.Contains(issuer, ":") || strings.Contains(account, ":") {
		return "", errors.New("TOTP issuer and account must be non-empty and contain no ':'")
	}
	if _, err := decodeTOTPSecret(secret); err != nil {
		return "", err
	}
	return fmt.Sprintf("otpauth://totp/%s:%s?secret=%s&issuer=%s&algorithm=SHA1&digits=%d&period=%d",
		escapeOTP(issuer), escapeOTP(account), normaliseTOTPSecret(secret), escapeOTP(issuer),
		TOTPDigits, int(TOTPPeriod/time.Second)), nil
}

// escapeOTP percent-encodes s for both the label and the query of an
// otpauth URI; spaces become %20, which every app reads, not '+'.
func escapeOTP(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// normaliseTOTPSecret upper-cases secret and drops spaces, hyphens and
// '=' padding, as people type and apps show it in groups.
func normaliseTOTPSecret(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-' || r == '=':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

func decodeTOTPSecret(s string) ([]byte, error) {
	if len(s) > 256 {
		return nil, ErrTOTPSecret
	}
	key, err := totpB32.DecodeString(normaliseTOTPSecret(s))
	if err != nil || len(key) < minTOTPSecretBytes {
		return nil, ErrTOTPSecret
	}
	return key, nil
}

// totpStep is the RFC 6238 counter T for t; times before 1970 count as step 0.
func totpStep(t time.Time) uint64 {
	u := t.Unix()
	if u < 0 {
		return 0
	}
	return uint64(u) / uint64(TOTPPeriod/time.Second)
}

// hotp is RFC 4226 HOTP with HMAC-SHA-1 and dynamic truncation.
func hotp(key []byte, counter uint64, digits int) string {
	m := hmac.New(sha1.New, key)
	var c [8]byte
	binary.BigEndian.PutUint64(c[:], counter)
	m.Write(c[:])
	sum := m.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	v := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	mod := uint32(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, v%mod)
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
