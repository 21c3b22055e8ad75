package sqlite

import (
	"context"
	"errors"
	"time"

	"counterscam/internal/store"
)

// AppendAudit appends e to the audit chain inside the write transaction:
// it reads the chain's head, sets e.Seq to the next number and e.Prev to
// the last entry's hash ("" for the first), sets e.At to the time of the
// append when zero and cuts it to the microsecond in UTC (what both drivers
// keep, so that the hash seal computes verifies against what is read back),
// calls seal to fill e.Hash, then stores e and moves the head. SQLite has
// one writer at a time, so appends never interleave.
func (w *writer) AppendAudit(ctx context.Context, e *store.AuditEntry, seal func(*store.AuditEntry)) error {
	if seal == nil {
		return errors.New("sqlite: AppendAudit: no seal")
	}
	var (
		last int64
		prev string
	)
	if err := w.tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&last, &prev); err != nil {
		return translate(err)
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Seq, e.Prev = last+1, prev
	seal(e)
	if e.Hash == "" {
		return errors.New("sqlite: AppendAudit: seal left no hash")
	}
	if e.Seq != last+1 || e.Prev != prev {
		return errors.New("sqlite: AppendAudit: seal changed the entry's place in the chain")
	}
	_, err := w.tx.ExecContext(ctx, `INSERT INTO audit (seq, at, actor, org, addr, action, record_type, record_id,
			purpose, decision, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Seq, fmtTime(e.At), e.Actor, e.Org, e.Addr, e.Action, e.RecordType, e.RecordID, e.Purpose, e.Decision,
		e.Prev, e.Hash)
	if err != nil {
		return translate(err)
	}
	_, err = w.tx.ExecContext(ctx, `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`, e.Seq, e.Hash)
	return translate(err)
}

// AuditEntries streams the entries f selects in Seq order, calling fn on
// each; an error from fn stops the stream and is returned as it is.
func (r reader) AuditEntries(ctx context.Context, f store.AuditFilter, fn func(*store.AuditEntry) error) error {
	var (
		p     params
		preds []string
	)
	for _, c := range []struct{ col, v string }{
		{"actor", f.Actor}, {"org", f.Org}, {"action", f.Action}, {"record_id", f.RecordID},
	} {
		if c.v != "" {
			preds = append(preds, c.col+` = `+p.add(c.v))
		}
	}
	if !f.Since.IsZero() {
		preds = append(preds, `at >= `+p.add(fmtTime(f.Since)))
	}
	if !f.Until.IsZero() {
		preds = append(preds, `at < `+p.add(fmtTime(f.Until)))
	}
	if f.AfterSeq > 0 {
		preds = append(preds, `seq > `+p.add(f.AfterSeq))
	}
	q := `SELECT seq, at, actor, org, addr, action, record_type, record_id, purpose, decision, prev, hash
		FROM audit` + where(preds...) + ` ORDER BY seq`
	if f.Limit > 0 {
		q += ` LIMIT ` + p.add(f.Limit)
	}
	rows, err := r.db.QueryContext(ctx, q, p...)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			e  store.AuditEntry
			at string
		)
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Org, &e.Addr, &e.Action, &e.RecordType, &e.RecordID,
			&e.Purpose, &e.Decision, &e.Prev, &e.Hash); err != nil {
			return translate(err)
		}
		if e.At, err = parseTime(at); err != nil {
			return err
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return translate(rows.Err())
}
