package audit

import (
	"errors"
	"fmt"
	"io"
)

// Broken names the first entry that does not fit the chain.
type Broken struct {
	Seq    int64  // Seq of the offending entry, as stored
	Reason string // what is wrong, for the person reviewing the log
}

func (b *Broken) Error() string { return fmt.Sprintf("audit entry %d: %s", b.Seq, b.Reason) }

// Checkpoint is the last entry known good: its Seq and Hash. The zero
// Checkpoint is the start of the chain. Keep a checkpoint when old
// entries are deleted at the end of their retention period, and verify
// the rest from it; keep the newest one outside the database to detect a
// cut tail.
type Checkpoint struct {
	Seq  int64
	Hash string
}

// Check reports whether e follows c, and if so advances c to e. It returns
// the reason e does not fit otherwise, leaving c unchanged. Checks come in
// this order: Seq is c.Seq+1 (a gap means deleted entries, a step back
// means reordering), Hash matches e's content (the entry was edited),
// Prev is c.Hash (an entry before it was edited and re-sealed, or
// replaced).
func (c *Checkpoint) Check(e *Entry) *Broken {
	switch want := c.Seq + 1; {
	case e.Seq == want:
	case e.Seq == want+1:
		return &Broken{e.Seq, fmt.Sprintf("entry %d is missing or out of order (seq jumps from %d to %d)", want, c.Seq, e.Seq)}
	case e.Seq > want:
		return &Broken{e.Seq, fmt.Sprintf("entries %d to %d are missing or out of order (seq jumps from %d to %d)", want, e.Seq-1, c.Seq, e.Seq)}
	default:
		return &Broken{e.Seq, fmt.Sprintf("out of order: seq %d after %d", e.Seq, c.Seq)}
	}
	if e.digest() != e.Hash {
		return &Broken{e.Seq, "content does not match its hash (entry altered)"}
	}
	if e.Prev != c.Hash {
		if c.Seq == 0 {
			return &Broken{e.Seq, "first entry must not point to a previous one"}
		}
		return &Broken{e.Seq, fmt.Sprintf("does not point to the hash of entry %d (an earlier entry was altered or replaced)", c.Seq)}
	}
	c.Seq, c.Hash = e.Seq, e.Hash
	return nil
}

// Verify reads the whole chain from its first entry through next, which
// returns entries in Seq order and (nil, nil) or (nil, io.EOF) after the
// last (an entry returned together with an error is checked first). It
// returns how many entries fit, and the first one that does not (nil when
// all fit). err is an error from next, other than io.EOF.
func Verify(next func() (*Entry, error)) (checked int64, broken *Broken, err error) {
	var c Checkpoint
	return VerifyFrom(&c, next)
}

// VerifyFrom is Verify for the entries after checkpoint c, which it
// advances to the last entry that fits.
func VerifyFrom(c *Checkpoint, next func() (*Entry, error)) (checked int64, broken *Broken, err error) {
	for {
		e, err := next()
		if e != nil {
			if b := c.Check(e); b != nil {
				return checked, b, nil
			}
			checked++
		}
		switch {
		case errors.Is(err, io.EOF) || (e == nil && err == nil):
			return checked, nil, nil
		case err != nil:
			return checked, nil, err
		}
	}
}
