package sqlite

import (
	"context"
	"database/sql"
	"slices"

	"counterscam/internal/store"
)

func (r reader) GetPerson(ctx context.Context, id string) (*store.Person, error) {
	return getDetail[store.Person](ctx, r.db, `SELECT detail FROM persons WHERE id = ?`, id)
}

func (r reader) GetPersonByRef(ctx context.Context, origin, ref string) (*store.Person, error) {
	if ref == "" {
		return nil, store.ErrNotFound
	}
	return getDetail[store.Person](ctx, r.db, `SELECT detail FROM persons WHERE origin = ? AND external_ref = ? AND external_ref <> ''`, origin, ref)
}

// personQuery selects cols of the persons f selects, in its order.
func personQuery(cols string, f store.PersonFilter) (string, []any) {
	q := `SELECT ` + cols + ` FROM persons WHERE `
	var args []any
	if !f.UpdatedSince.IsZero() {
		q += `updated_at >= ?`
		args = append(args, fmtTime(f.UpdatedSince))
	} else {
		q += `id > ?`
		args = append(args, f.After)
	}
	if f.Origin != "" {
		q += ` AND origin = ?`
		args = append(args, f.Origin)
	}
	if !f.UpdatedSince.IsZero() {
		q += ` ORDER BY updated_at, id`
	} else {
		q += ` ORDER BY id`
	}
	return q + limitClause(f.Limit), args
}

func (r reader) ListPersons(ctx context.Context, f store.PersonFilter, fn func(*store.Person) error) error {
	q, args := personQuery(`detail`, f)
	return streamDetail(ctx, r.db, q, args, fn)
}

func (r reader) ListPersonIndex(ctx context.Context, f store.PersonFilter, fn func(*store.PersonIndexEntry) error) error {
	q, args := personQuery(`id, origin, external_ref, tlp, created_by, updated_at, match_data`, f)
	return eachDetail(ctx, r.db, q, args, func(e *store.PersonIndexEntry, rows *sql.Rows) error {
		var updated, data string
		if err := rows.Scan(&e.ID, &e.Origin, &e.ExternalRef, &e.TLP, &e.CreatedBy, &updated, &data); err != nil {
			return translate(err)
		}
		t, err := parseTime(updated)
		if err != nil {
			return err
		}
		e.UpdatedAt = t
		store.DecodeMatchData(data, e)
		return fn(e)
	})
}

func (r reader) PersonStamp(ctx context.Context) (store.PersonStamp, error) {
	var st store.PersonStamp
	var last sql.NullString
	if err := r.db.QueryRowContext(ctx, `SELECT count(*), max(updated_at) FROM persons`).Scan(&st.Count, &last); err != nil {
		return st, translate(err)
	}
	t, err := parseOptTime(last)
	st.LastUpdated = t
	return st, err
}

// keysPerStmt bounds the keys of one lookup statement.
const keysPerStmt = 5000

func (r reader) PersonsByKeys(ctx context.Context, keys []string, fn func(store.PersonKeyHit) error) error {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	for lo := 0; lo < len(keys); lo += keysPerStmt {
		chunk := keys[lo:min(lo+keysPerStmt, len(keys))]
		args := make([]any, len(chunk))
		for i, k := range chunk {
			args[i] = k
		}
		rows, err := r.db.QueryContext(ctx, `SELECT lookup, person_id FROM person_keys WHERE lookup IN (`+
			placeholders(len(chunk))+`) ORDER BY lookup, person_id`, args...)
		if err != nil {
			return translate(err)
		}
		for rows.Next() {
			var h store.PersonKeyHit
			if err := rows.Scan(&h.Key, &h.PersonID); err != nil {
				rows.Close()
				return translate(err)
			}
			if err := fn(h); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return translate(err)
		}
	}
	return nil
}

func (r reader) ListRoles(ctx context.Context, personID string) ([]*store.PersonRole, error) {
	return listDetail[store.PersonRole](ctx, r.db, `SELECT detail FROM person_roles WHERE person_id = ? ORDER BY from_at, id`, personID)
}

func (r reader) CaseRoles(ctx context.Context, caseID string) ([]*store.PersonRole, error) {
	if caseID == "" {
		return nil, nil
	}
	return listDetail[store.PersonRole](ctx, r.db, `SELECT detail FROM person_roles WHERE case_id = ? ORDER BY from_at, id`, caseID)
}

func (r reader) MatchDecisions(ctx context.Context, fn func(*store.MatchDecision) error) error {
	return streamDetail(ctx, r.db, `SELECT detail FROM match_decisions ORDER BY a, b`, nil, fn)
}

// The statements PutPerson runs for every person, prepared once per transaction.
const (
	putPersonSQL = `INSERT INTO persons (id, origin, external_ref, tlp, created_by, updated_at, match_data, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, external_ref = excluded.external_ref,
			tlp = excluded.tlp, created_by = excluded.created_by, updated_at = excluded.updated_at,
			match_data = excluded.match_data, detail = excluded.detail`
	deleteKeysSQL = `DELETE FROM person_keys WHERE person_id = ?`
)

func (w *writer) PutPerson(ctx context.Context, p *store.Person, keys []string) error {
	d, err := detailOf(p)
	if err != nil {
		return err
	}
	put, err := w.prepared(ctx, stmtKey{sql: putPersonSQL}, func() string { return putPersonSQL })
	if err != nil {
		return err
	}
	if _, err := put.ExecContext(ctx, p.ID, p.Origin, p.ExternalRef, p.TLP, p.CreatedBy, fmtTime(p.UpdatedAt), store.EncodeMatchData(p), d); err != nil {
		return translate(err)
	}
	del, err := w.prepared(ctx, stmtKey{sql: deleteKeysSQL}, func() string { return deleteKeysSQL })
	if err != nil {
		return err
	}
	if _, err := del.ExecContext(ctx, p.ID); err != nil {
		return translate(err)
	}
	keys = slices.Clone(keys)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) > 0 && keys[0] == "" {
		keys = keys[1:]
	}
	m := multiRow{head: `INSERT INTO person_keys (lookup, person_id) VALUES`, cols: 2}
	for lo := 0; lo < len(keys); lo += m.rowsPerStmt() {
		chunk := keys[lo:min(lo+m.rowsPerStmt(), len(keys))]
		st, err := w.stmt(ctx, m, len(chunk))
		if err != nil {
			return err
		}
		args := make([]any, 0, 2*len(chunk))
		for _, k := range chunk {
			args = append(args, k, p.ID)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return translate(err)
		}
	}
	return nil
}

func (w *writer) PutRole(ctx context.Context, r *store.PersonRole) error {
	d, err := detailOf(r)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO person_roles (id, person_id, case_id, from_at, detail) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, case_id = excluded.case_id,
			from_at = excluded.from_at, detail = excluded.detail`,
		r.ID, r.PersonID, r.CaseID, fmtTime(r.From), d)
	return translate(err)
}

func (w *writer) PutMatchDecision(ctx context.Context, m *store.MatchDecision) error {
	c := *m
	if c.A > c.B {
		c.A, c.B = c.B, c.A
	}
	d, err := detailOf(&c)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO match_decisions (a, b, same, detail) VALUES (?, ?, ?, ?)
		ON CONFLICT (a, b) DO UPDATE SET same = excluded.same, detail = excluded.detail`, c.A, c.B, c.Same, d)
	return translate(err)
}
