package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
)

func (r reader) GetCompound(ctx context.Context, id string) (*store.Compound, error) {
	return getDetail[store.Compound](ctx, r.db, `SELECT detail FROM compounds WHERE id = $1`, id)
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
	_, err = w.tx.Exec(ctx, `INSERT INTO compounds (id, detail) VALUES ($1, $2)
		ON CONFLICT (id) DO UPDATE SET detail = excluded.detail`, c.ID, d)
	return translate(err)
}

func (w *writer) PutAdvisoryZone(ctx context.Context, z *store.AdvisoryZone) error {
	d, err := detailOf(z)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO advisory_zones (id, country, name, from_date, detail) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET country = excluded.country, name = excluded.name,
			from_date = excluded.from_date, detail = excluded.detail`, z.ID, z.Country, z.Name, z.From, d)
	return translate(err)
}

// screenings read the JSON and the superseded_by column.
func scanScreening(v *store.Screening, rows pgx.Rows) error {
	var s, by string
	if err := rows.Scan(&s, &by); err != nil {
		return translate(err)
	}
	if err := decode(s, v); err != nil {
		return err
	}
	v.SupersededBy = by
	return nil
}

func (r reader) GetScreening(ctx context.Context, id string) (*store.Screening, error) {
	var out *store.Screening
	err := eachDetail(ctx, r.db, `SELECT detail, superseded_by FROM screenings WHERE id = $1`, []any{id},
		func(v *store.Screening, rows pgx.Rows) error {
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
	err := eachDetail(ctx, r.db, `SELECT detail, superseded_by FROM screenings WHERE person_id = $1 ORDER BY id DESC`,
		[]any{personID}, func(v *store.Screening, rows pgx.Rows) error {
			out = append(out, v)
			return scanScreening(v, rows)
		})
	return out, err
}

func (r reader) CurrentScreenings(ctx context.Context, fn func(*store.Screening) error) error {
	return eachDetail(ctx, r.db, `SELECT detail, superseded_by FROM screenings WHERE superseded_by = '' ORDER BY person_id`,
		nil, func(v *store.Screening, rows pgx.Rows) error {
			if err := scanScreening(v, rows); err != nil {
				return err
			}
			return fn(v)
		})
}

func (w *writer) InsertScreening(ctx context.Context, s *store.Screening) error {
	if s.Supersedes != "" {
		err := mustAffect(w.tx.Exec(ctx, `UPDATE screenings SET superseded_by = $1
			WHERE id = $2 AND person_id = $3 AND superseded_by = ''`, s.ID, s.Supersedes, s.PersonID))
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
	_, err = w.tx.Exec(ctx, `INSERT INTO screenings (id, person_id, superseded_by, detail) VALUES ($1, $2, '', $3)`,
		s.ID, s.PersonID, d)
	return translate(err)
}

func (r reader) ListChargeEvidence(ctx context.Context, personID string) ([]*store.ChargeEvidence, error) {
	return listDetail[store.ChargeEvidence](ctx, r.db, `SELECT detail FROM charge_evidence WHERE person_id = $1 ORDER BY id`, personID)
}

func (w *writer) InsertChargeEvidence(ctx context.Context, e *store.ChargeEvidence) error {
	d, err := detailOf(e)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO charge_evidence (id, person_id, detail) VALUES ($1, $2, $3)`, e.ID, e.PersonID, d)
	return translate(err)
}

func (r reader) GetFlight(ctx context.Context, id string) (*store.Flight, error) {
	return getDetail[store.Flight](ctx, r.db, `SELECT detail FROM flights WHERE id = $1`, id)
}

func (r reader) ListFlights(ctx context.Context) ([]*store.Flight, error) {
	return listDetail[store.Flight](ctx, r.db, `SELECT detail FROM flights ORDER BY depart_at, id`)
}

func (r reader) ListPassengers(ctx context.Context, flightID string) ([]*store.Passenger, error) {
	return listDetail[store.Passenger](ctx, r.db, `SELECT detail FROM passengers WHERE flight_id = $1 ORDER BY added_at, person_id`, flightID)
}

func (r reader) PersonFlights(ctx context.Context, personID string) ([]*store.Passenger, error) {
	return listDetail[store.Passenger](ctx, r.db, `SELECT detail FROM passengers WHERE person_id = $1 ORDER BY added_at, flight_id`, personID)
}

func (w *writer) PutFlight(ctx context.Context, f *store.Flight) error {
	d, err := detailOf(f)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO flights (id, depart_at, detail) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET depart_at = excluded.depart_at, detail = excluded.detail`, f.ID, pgTime(f.DepartAt), d)
	return translate(err)
}

func (w *writer) PutPassenger(ctx context.Context, p *store.Passenger) error {
	d, err := detailOf(p)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO passengers (flight_id, person_id, added_at, detail) VALUES ($1, $2, $3, $4)
		ON CONFLICT (flight_id, person_id) DO UPDATE SET added_at = excluded.added_at, detail = excluded.detail`,
		p.FlightID, p.PersonID, pgTime(p.AddedAt), d)
	return translate(err)
}

func (w *writer) DeletePassenger(ctx context.Context, flightID, personID string) error {
	return mustAffect(w.tx.Exec(ctx, `DELETE FROM passengers WHERE flight_id = $1 AND person_id = $2`, flightID, personID))
}

func (r reader) GetReferral(ctx context.Context, id string) (*store.Referral, error) {
	return getDetail[store.Referral](ctx, r.db, `SELECT detail FROM referrals WHERE id = $1`, id)
}

func (r reader) ListReferrals(ctx context.Context, f store.ReferralFilter) ([]*store.Referral, error) {
	var p params
	var preds []string
	if f.PersonID != "" {
		preds = append(preds, `person_id = `+p.add(f.PersonID))
	}
	if f.ToOrg != "" {
		preds = append(preds, `to_org = `+p.add(f.ToOrg))
	}
	if f.Active {
		preds = append(preds, `NOT withdrawn`)
	}
	return listDetail[store.Referral](ctx, r.db, `SELECT detail FROM referrals`+where(preds...)+` ORDER BY id`, p...)
}

func (w *writer) PutReferral(ctx context.Context, rf *store.Referral) error {
	d, err := detailOf(rf)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO referrals (id, person_id, to_org, withdrawn, detail) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, to_org = excluded.to_org,
			withdrawn = excluded.withdrawn, detail = excluded.detail`,
		rf.ID, rf.PersonID, rf.ToOrg, !rf.WithdrawnAt.IsZero(), d)
	return translate(err)
}
