// Package selector parses, validates and normalises the identifiers that
// scammers use (phone numbers, e-mail addresses, URLs and domains, IP
// addresses, crypto wallets, bank accounts, payment cards and messenger
// handles), and finds them in free text.
//
// The package is pure: no I/O, no storage, no globals that change. Two
// servers that normalise the same identifier get the same canonical value
// and the same ID.
package selector

import (
	"crypto/sha1"
	"errors"
	"fmt"

	"github.com/google/uuid"
)

// Kind names a family of selectors.
type Kind string

// The kinds of selector, in the order Parse tries them when no kind is given.
const (
	Phone       Kind = "phone"
	Email       Kind = "email"
	URL         Kind = "url"
	Domain      Kind = "domain"
	IP          Kind = "ip"
	Crypto      Kind = "crypto"
	BankAccount Kind = "bank_account"
	Card        Kind = "card"
	Handle      Kind = "handle"
)

// Kinds lists every kind.
var Kinds = []Kind{Phone, Email, URL, Domain, IP, Crypto, BankAccount, Card, Handle}

// ParseKindName turns a kind's name into a Kind, or fails.
func ParseKindName(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown selector kind %q (one of %s)", s, kindNames)
}

// kindNames are the kinds' names, as errors list them.
const kindNames = "phone, email, url, domain, ip, crypto, bank_account, card, handle"

// Selector is one normalised identifier.
type Selector struct {
	Kind Kind `json:"kind"`
	// Value is the canonical form: two spellings of the same identifier
	// have the same Value, and parsing Value again gives Value.
	Value string `json:"value"`
	// Display is the form to show a person (a formatted phone number, an
	// EIP-55 checksummed address, a masked card number).
	Display string `json:"display"`
	// Region is the ISO 3166-1 alpha-2 country the selector belongs to
	// where known (a phone number's region, a bank account's country).
	Region string `json:"region,omitempty"`
	// Subtype refines the kind: a phone number's type (mobile, voip,
	// fixed_line, ...), a wallet's chain (btc, evm, tron, ltc, ...), a
	// handle's platform (telegram, line, ...), an account's bank code.
	Subtype string `json:"subtype,omitempty"`
}

// namespace is counterscam's UUIDv5 namespace for selector IDs. Never change
// it: every server that shares data must mint the same IDs.
var namespace = uuid.MustParse("6f0c2d4e-6a43-5c5e-9a3e-0d6c0b8f1a21")

// Key is "<kind>:<canonical value>", the string that IDs and the private
// range check hash.
func (s Selector) Key() string { return string(s.Kind) + ":" + s.Value }

// ID is the deterministic UUIDv5 of (kind, canonical value).
func (s Selector) ID() uuid.UUID { return IDOf(s.Kind, s.Value) }

// IDOf is the deterministic UUIDv5 of (kind, canonical value):
// uuid.NewSHA1(namespace, Key), hashed from a buffer on the stack (an
// import mints millions).
func IDOf(k Kind, canonical string) uuid.UUID {
	var buf [128]byte
	b := append(append(append(append(buf[:0], namespace[:]...), k...), ':'), canonical...)
	sum := sha1.Sum(b)
	var id uuid.UUID
	copy(id[:], sum[:])
	id[6] = id[6]&0x0f | 0x50 // version 5
	id[8] = id[8]&0x3f | 0x80 // RFC 4122 variant
	return id
}

// Options steer parsing.
type Options struct {
	// Region is the ISO 3166-1 alpha-2 country used for national phone
	// numbers and bank accounts without a country ("KH", "KR", ...).
	Region string
	// Platform names the messenger a bare handle belongs to ("telegram",
	// "kakaotalk", ...) when the context says so.
	Platform string
}

// ErrInvalid is wrapped by every parse failure.
var ErrInvalid = errors.New("invalid selector")

// Error says why a value is not a selector of a kind: Reason in English,
// Code the kind of failure, with the facts its message names (see
// ErrorCode).
type Error struct {
	Kind   Kind   // the kind tried, or "" when no kind fits
	Input  string // the value as given (truncated for long inputs)
	Reason string

	Code     ErrorCode
	Region   string // the country a national number or account was read for, or ""
	Accepted string // what would be accepted (names, numbers, ranges that read the same in every language), or ""
	Platform string // the messenger a handle was read for, or ""
}

func (e *Error) Error() string {
	in := e.Input
	if len(in) > 80 {
		in = in[:77] + "..."
	}
	if e.Kind == "" {
		return fmt.Sprintf("%q: %s", in, e.Reason)
	}
	return fmt.Sprintf("%q is not a valid %s: %s", in, e.Kind, e.Reason)
}

func (e *Error) Unwrap() error { return ErrInvalid }

func invalid(k Kind, code ErrorCode, input, reason string) error {
	return &Error{Kind: k, Input: input, Reason: reason, Code: code}
}
