package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"counterscam/internal/store"
)

func (r reader) GetCompound(ctx context.Context, id string) (*store.Compound, error) {
	return getDetail[store.Compound](ctx, r.db, `SELECT detail FROM compounds WHERE id = ?`, id)
}

func (r reader) ListCompounds(ctx context.Context) ([]*store.Compound, error) {
	return listDetail[store.Compound](ctx, r.db, `SELECT detail FROM compounds ORDER BY id`)
}

func (r reader) ListAdvisoryZones(ctx context.Context) ([]*store.AdvisoryZone, error) {
	return listDetail[store.AdvisoryZone](ctx, r.db, `SELECT detail FROM advisory_zones ORDER BY country, name, from_date, id`)
}

func (w *writer) PutCompound(ctx context.Context, c *store.Compound) error {
	d, err := detailOf(c)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO compounds (id, detail) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET detail = excluded.detail`, c.ID, d)
	return translate(err)
}

func (w *writer) PutAdvisoryZone(ctx context.Context, z *store.AdvisoryZone) error {
	d, err := detailOf(z)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO advisory_zones (id, country, name, from_date, detail) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET country = excluded.country, name = excluded.name,
			from_date = excluded.from_date, detail = excluded.detail`, z.ID, z.Country, z.Name, z.From, d)
	return translate(err)
}

// screenings read the JSON and the superseded_by column.
func scanScreening(v *store.Screening, rows *sql.Rows) error {
	var s string
	if err := rows.Scan(&s, &v.SupersededBy); err != nil {
		return translate(err)
	}
	by := v.SupersededBy
	if err := decode(s, v); err != nil {
		return err
	}
	v.SupersededBy = by
	return nil
}

func (r reader) GetScreening(ctx context.Context, id string) (*store.Screening, error) {
	var out *store.Screening
	err := eachDetail(ctx, r.db, `SELECT detail, superseded_by FROM screenings WHERE id = ?`, []any{id},
		func(v *store.Screening, rows *sql.Rows) error {
			out = v
			return scanScreening(v, rows)
		})
	if err == nil && out == nil {
		err = store.ErrNotFound
	}
	return out, err
}

func (r reader) ListScreenings(ctx context.Context, personID string) ([]*store.Screening, error) {
	var out []*store.Screening
	err := eachDetail(ctx, r.db, `SELECT detail, superseded_by FROM screenings WHERE person_id = ? ORDER BY id DESC`,
		[]any{personID}, func(v *store.Screening, rows *sql.Rows) error {
			out = append(out, v)
			return scanScreening(v, rows)
		})
	return out, err
}

func (r reader) CurrentScreenings(ctx context.Context, fn func(*store.Screening) error) error {
	return eachDetail(ctx, r.db, `SELECT detail, superseded_by FROM screenings WHERE superseded_by = '' ORDER BY person_id`,
		nil, func(v *store.Screening, rows *sql.Rows) error {
			if err := scanScreening(v, rows); err != nil {
				return err
			}
			return fn(v)
		})
}

func (w *writer) InsertScreening(ctx context.Context, s *store.Screening) error {
	if s.Supersedes != "" {
		err := mustAffect(w.tx.ExecContext(ctx, `UPDATE screenings SET superseded_by = ?
			WHERE id = ? AND person_id = ? AND superseded_by = ''`, s.ID, s.Supersedes, s.PersonID))
		if errors.Is(err, store.ErrNotFound) {
			if old, gerr := w.GetScreening(ctx, s.Supersedes); gerr == nil && old.PersonID == s.PersonID {
				return store.ErrConflict
			}
		}
		if err != nil {
			return err
		}
	}
	d, err := detailOf(s)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO screenings (id, person_id, superseded_by, detail) VALUES (?, ?, '', ?)`,
		s.ID, s.PersonID, d)
	return translate(err)
}

func (r reader) ListChargeEvidence(ctx context.Context, personID string) ([]*store.ChargeEvidence, error) {
	return listDetail[store.ChargeEvidence](ctx, r.db, `SELECT detail FROM charge_evidence WHERE person_id = ? ORDER BY id`, personID)
}

func (w *writer) InsertChargeEvidence(ctx context.Context, e *store.ChargeEvidence) error {
	d, err := detailOf(e)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO charge_evidence (id, person_id, detail) VALUES (?, ?, ?)`, e.ID, e.PersonID, d)
	return translate(err)
}

func (r reader) GetFlight(ctx context.Context, id string) (*store.Flight, error) {
	return getDetail[store.Flight](ctx, r.db, `SELECT detail FROM flights WHERE id = ?`, id)
}

func (r reader) ListFlights(ctx context.Context) ([]*store.Flight, error) {
	return listDetail[store.Flight](ctx, r.db, `SELECT detail FROM flights ORDER BY depart_at, id`)
}

func (r reader) ListPassengers(ctx context.Context, flightID string) ([]*store.Passenger, error) {
	return listDetail[store.Passenger](ctx, r.db, `SELECT detail FROM passengers WHERE flight_id = ? ORDER BY added_at, person_id`, flightID)
}

func (r reader) PersonFlights(ctx context.Context, personID string) ([]*store.Passenger, error) {
	return listDetail[store.Passenger](ctx, r.db, `SELECT detail FROM passengers WHERE person_id = ? ORDER BY added_at, flight_id`, personID)
}

func (w *writer) PutFlight(ctx context.Context, f *store.Flight) error {
	d, err := detailOf(f)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO flights (id, depart_at, detail) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET depart_at = excluded.depart_at, detail = excluded.detail`, f.ID, fmtTime(f.DepartAt), d)
	return translate(err)
}

func (w *writer) PutPassenger(ctx context.Context, p *store.Passenger) error {
	d, err := detailOf(p)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO passengers (flight_id, person_id, added_at, detail) VALUES (?, ?, ?, ?)
		ON CONFLICT (flight_id, person_id) DO UPDATE SET added_at = excluded.added_at, detail = excluded.detail`,
		p.FlightID, p.PersonID, fmtTime(p.AddedAt), d)
	return translate(err)
}

func (w *writer) DeletePassenger(ctx context.Context, flightID, personID string) error {
	return mustAffect(w.tx.ExecContext(ctx, `DELETE FROM passengers WHERE flight_id = ? AND person_id = ?`, flightID, personID))
}

func (r reader) GetReferral(ctx context.Context, id string) (*store.Referral, error) {
	return getDetail[store.Referral](ctx, r.db, `SELECT detail FROM referrals WHERE id = ?`, id)
}

func (r reader) ListReferrals(ctx context.Context, f store.ReferralFilter) ([]*store.Referral, error) {
	q := `SELECT detail FROM referrals WHERE 1 = 1`
	var args []any
	if f.PersonID != "" {
		q += ` AND person_id = ?`
		args = append(args, f.PersonID)
	}
	if f.ToOrg != "" {
		q += ` AND to_org = ?`
		args = append(args, f.ToOrg)
	}
	if f.Active {
		q += ` AND withdrawn = 0`
	}
	return listDetail[store.Referral](ctx, r.db, q+` ORDER BY id`, args...)
}

func (w *writer) PutReferral(ctx context.Context, rf *store.Referral) error {
	d, err := detailOf(rf)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO referrals (id, person_id, to_org, withdrawn, detail) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, to_org = excluded.to_org,
			withdrawn = excluded.withdrawn, detail = excluded.detail`,
		rf.ID, rf.PersonID, rf.ToOrg, !rf.WithdrawnAt.IsZero(), d)
	return translate(err)
}
