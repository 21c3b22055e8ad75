// Package audit makes counterscam's access log tamper-evident. Each entry
// carries the hash of the one before it, so editing, deleting or
// reordering any stored entry breaks the chain at that point, and Verify
// names the first entry that no longer fits. Korea's PIPA safety-measure
// standard asks for access logs kept at least two years and protected
// against tampering; this package is the protection, the store keeps the
// entries.
//
// The package is pure: no storage, no clock. The caller sets Seq and At,
// seals each entry with the hash of the previous one, and appends it. The
// chain needs one total order, so appends must be serialised (one writer,
// or a lock around "read last hash, seal, insert").
//
// A chain proves that stored entries agree with each other, not that the
// newest ones are all there: whoever can rewrite the whole table can also
// drop its tail or re-seal everything. Keep the latest Checkpoint
// somewhere the database administrator cannot change (the monthly
// log-review report, a partner's server) and compare it on review.
package audit

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"time"
)

// Decisions an entry records.
const (
	DecisionAllow = "allow"
	DecisionDeny  = "deny"
)

// Entry is one audit record: who did what to which record, from where,
// for what purpose, and whether it was allowed (PIPA's who, when, where,
// which data subject, what action).
type Entry struct {
	Seq        int64     // 1 for the first entry, then +1 with no gaps
	At         time.Time // when; kept in UTC to the microsecond by Seal
	Actor      string    // user ID or token ID
	Org        string    // actor's organisation
	Addr       string    // client address
	Action     string    // e.g. read_report (auth.Action)
	RecordType string    // e.g. report, person
	RecordID   string
	Purpose    string // purpose code given for the access
	Decision   string // DecisionAllow or DecisionDeny
	Prev       string // Hash of the entry Seq-1; "" for the first entry
	Hash       string // hex SHA-256 of the canonical encoding of all fields above
}

// Seal links e to the previous entry's hash (prev; "" for the first
// entry) and sets e.Hash.
//
// Seal first converts At to UTC and truncates it to the microsecond, the
// finest time PostgreSQL keeps, so that an entry read back from either
// store hashes the same. Seal does not check Seq; Verify does.
func (e *Entry) Seal(prev string) {
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Prev = prev
	e.Hash = e.digest()
}

// digest is the hex SHA-256 of e's canonical encoding.
func (e *Entry) digest() string {
	var buf [512]byte
	sum := sha256.Sum256(e.appendCanonical(buf[:0]))
	return hex.EncodeToString(sum[:])
}

// canonicalTag starts every encoding, so that an entry's hash can never be
// mistaken for the hash of anything else counterscam hashes, and so a
// future format can be told apart.
const canonicalTag = "counterscam audit v1\x00"

// timeLayout is RFC 3339 in UTC with all nine fractional digits, so each
// instant (years 0000 to 9999) has exactly one spelling.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// appendCanonical appends the encoding the hash covers: the tag, Seq as 8
// bytes big-endian, then At (timeLayout, UTC), Actor, Org, Addr, Action,
// RecordType, RecordID, Purpose, Decision and Prev, each as its byte
// length in unsigned varint followed by its bytes. Lengths make field
// boundaries explicit, so no two different entries share an encoding
// (FuzzCanonicalInjective decodes it back to prove so).
func (e *Entry) appendCanonical(b []byte) []byte {
	b = append(b, canonicalTag...)
	b = binary.BigEndian.AppendUint64(b, uint64(e.Seq))
	var ts [40]byte
	b = appendField(b, e.At.UTC().AppendFormat(ts[:0], timeLayout))
	for _, s := range [...]string{e.Actor, e.Org, e.Addr, e.Action, e.RecordType, e.RecordID, e.Purpose, e.Decision, e.Prev} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

func appendField(b, f []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(f)))
	return append(b, f...)
}
