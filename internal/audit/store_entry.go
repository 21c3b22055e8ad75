package audit

import "counterscam/internal/store"

// SealRecord seals a stored audit entry: the store has set its Seq and
// Prev from the chain's head; SealRecord fills Hash (and normalises At as
// Seal does). Pass it to store.Writer.AppendAudit.
func SealRecord(e *store.AuditEntry) {
	a := FromRecord(e)
	a.Seal(e.Prev)
	e.At, e.Hash = a.At, a.Hash
}

// FromRecord converts a stored entry for Verify.
func FromRecord(e *store.AuditEntry) *Entry {
	return &Entry{
		Seq: e.Seq, At: e.At, Actor: e.Actor, Org: e.Org, Addr: e.Addr, Action: e.Action,
		RecordType: e.RecordType, RecordID: e.RecordID, Purpose: e.Purpose, Decision: e.Decision,
		Prev: e.Prev, Hash: e.Hash,
	}
}
