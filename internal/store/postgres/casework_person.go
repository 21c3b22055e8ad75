package postgres

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"counterscam/internal/store"
)

func (r reader) GetPerson(ctx context.Context, id string) (*store.Person, error) {
	return getDetail[store.Person](ctx, r.db, `SELECT detail FROM persons WHERE id = $1`, id)
}

func (r reader) GetPersonByRef(ctx context.Context, origin, ref string) (*store.Person, error) {
	if ref == "" {
		return nil, store.ErrNotFound
	}
	return getDetail[store.Person](ctx, r.db, `SELECT detail FROM persons WHERE origin = $1 AND external_ref = $2 AND external_ref <> ''`, origin, ref)
}

// personQuery selects cols of the persons f selects, in its order.
func personQuery(cols string, f store.PersonFilter) (string, params) {
	var p params
	q := `SELECT ` + cols + ` FROM persons WHERE `
	if !f.UpdatedSince.IsZero() {
		q += `updated_at >= ` + p.add(pgTime(f.UpdatedSince))
	} else {
		q += `id > ` + p.add(f.After)
	}
	if f.Origin != "" {
		q += ` AND origin = ` + p.add(f.Origin)
	}
	if !f.UpdatedSince.IsZero() {
		q += ` ORDER BY updated_at, id`
	} else {
		q += ` ORDER BY id`
	}
	return q + limitClause(f.Limit), p
}

func (r reader) ListPersons(ctx context.Context, f store.PersonFilter, fn func(*store.Person) error) error {
	q, p := personQuery(`detail`, f)
	return streamDetail(ctx, r.db, q, p, fn)
}

func (r reader) ListPersonIndex(ctx context.Context, f store.PersonFilter, fn func(*store.PersonIndexEntry) error) error {
	q, p := personQuery(`id, origin, external_ref, tlp, created_by, updated_at, match_data`, f)
	return eachDetail(ctx, r.db, q, p, func(e *store.PersonIndexEntry, rows pgx.Rows) error {
		var data string
		if err := rows.Scan(&e.ID, &e.Origin, &e.ExternalRef, &e.TLP, &e.CreatedBy, &e.UpdatedAt, &data); err != nil {
			return translate(err)
		}
		e.UpdatedAt = e.UpdatedAt.UTC()
		store.DecodeMatchData(data, e)
		return fn(e)
	})
}

func (r reader) PersonStamp(ctx context.Context) (store.PersonStamp, error) {
	var st store.PersonStamp
	var last pgtype.Timestamptz
	if err := r.db.QueryRow(ctx, `SELECT count(*), max(updated_at) FROM persons`).Scan(&st.Count, &last); err != nil {
		return st, translate(err)
	}
	st.LastUpdated = fromOptTime(last)
	return st, nil
}

func (r reader) PersonsByKeys(ctx context.Context, keys []string, fn func(store.PersonKeyHit) error) error {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) == 0 {
		return nil
	}
	rows, err := r.db.Query(ctx, `SELECT lookup, person_id FROM person_keys WHERE lookup = ANY($1::text[])
		ORDER BY lookup, person_id`, keys)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.PersonKeyHit
		if err := rows.Scan(&h.Key, &h.PersonID); err != nil {
			return translate(err)
		}
		if err := fn(h); err != nil {
			return err
		}
	}
	return translate(rows.Err())
}

func (r reader) ListRoles(ctx context.Context, personID string) ([]*store.PersonRole, error) {
	return listDetail[store.PersonRole](ctx, r.db, `SELECT detail FROM person_roles WHERE person_id = $1 ORDER BY from_at, id`, personID)
}

func (r reader) CaseRoles(ctx context.Context, caseID string) ([]*store.PersonRole, error) {
	if caseID == "" {
		return nil, nil
	}
	return listDetail[store.PersonRole](ctx, r.db, `SELECT detail FROM person_roles WHERE case_id = $1 ORDER BY from_at, id`, caseID)
}

func (r reader) MatchDecisions(ctx context.Context, fn func(*store.MatchDecision) error) error {
	return streamDetail(ctx, r.db, `SELECT detail FROM match_decisions ORDER BY a, b`, nil, fn)
}

func (w *writer) PutPerson(ctx context.Context, p *store.Person, keys []string) error {
	d, err := detailOf(p)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO persons (id, origin, external_ref, tlp, created_by, updated_at, match_data, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, external_ref = excluded.external_ref,
			tlp = excluded.tlp, created_by = excluded.created_by, updated_at = excluded.updated_at,
			match_data = excluded.match_data, detail = excluded.detail`,
		p.ID, p.Origin, p.ExternalRef, p.TLP, p.CreatedBy, pgTime(p.UpdatedAt), store.EncodeMatchData(p), d)
	if err != nil {
		return translate(err)
	}
	if _, err := w.tx.Exec(ctx, `DELETE FROM person_keys WHERE person_id = $1`, p.ID); err != nil {
		return translate(err)
	}
	keys = slices.Clone(keys)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) > 0 && keys[0] == "" {
		keys = keys[1:]
	}
	if len(keys) == 0 {
		return nil
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO person_keys (lookup, person_id) SELECT k, $2 FROM unnest($1::text[]) AS k`, keys, p.ID)
	return translate(err)
}

func (w *writer) PutRole(ctx context.Context, r *store.PersonRole) error {
	d, err := detailOf(r)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO person_roles (id, person_id, case_id, from_at, detail) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, case_id = excluded.case_id,
			from_at = excluded.from_at, detail = excluded.detail`,
		r.ID, r.PersonID, r.CaseID, pgTime(r.From), d)
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
	_, err = w.tx.Exec(ctx, `INSERT INTO match_decisions (a, b, same, detail) VALUES ($1, $2, $3, $4)
		ON CONFLICT (a, b) DO UPDATE SET same = excluded.same, detail = excluded.detail`, c.A, c.B, c.Same, d)
	return translate(err)
}
