package auth

import (
	"errors"
	"unicode/utf8"
)

// Password length limits. Length is the only composition rule: NIST SP
// 800-63B advises against character-class rules, and a long passphrase in
// Korean or Khmer is as good as one in English. The upper bound keeps a
// hostile log-in from feeding megabytes into the hash.
const (
	MinPasswordChars = 12   // characters (Unicode code points)
	MaxPasswordBytes = 1024 // bytes of UTF-8
)

// Password policy errors; their text is fit to show to the person choosing
// the password.
var (
	ErrPasswordTooShort = errors.New("password must be at least 12 characters long")
	ErrPasswordTooLong  = errors.New("password must be at most 1024 bytes long")
	ErrPasswordEncoding = errors.New("password must be valid UTF-8 text")
)

// CheckPasswordPolicy returns nil when pw may be set as a password, or one
// of ErrPasswordTooShort, ErrPasswordTooLong, ErrPasswordEncoding.
// Characters are counted as Unicode code points, so "비밀번호는길고안전하다" counts 11.
func CheckPasswordPolicy(pw string) error {
	switch {
	case len(pw) > MaxPasswordBytes:
		return ErrPasswordTooLong
	case !utf8.ValidString(pw):
		return ErrPasswordEncoding
	case utf8.RuneCountInString(pw) < MinPasswordChars:
		return ErrPasswordTooShort
	}
	return nil
}
