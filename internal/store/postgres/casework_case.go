package postgres

import (
	"context"
	"errors"

	"counterscam/internal/store"
)

func (r reader) GetCase(ctx context.Context, id string) (*store.Case, error) {
	return getDetail[store.Case](ctx, r.db, `SELECT detail FROM cases WHERE id = $1`, id)
}

func (r reader) ListCases(ctx context.Context, f store.CaseFilter) ([]*store.Case, error) {
	var p params
	q := `SELECT detail FROM cases WHERE id > ` + p.add(f.After)
	if f.PersonID != "" {
		q += ` AND person_id = ` + p.add(f.PersonID)
	}
	if f.State != "" {
		q += ` AND state = ` + p.add(f.State)
	}
	return listDetail[store.Case](ctx, r.db, q+` ORDER BY id`+limitClause(f.Limit), p...)
}

func (r reader) CaseEvents(ctx context.Context, caseID string) ([]*store.CaseEvent, error) {
	return listDetail[store.CaseEvent](ctx, r.db, `SELECT detail FROM case_events WHERE case_id = $1 ORDER BY seq`, caseID)
}

func (r reader) ListDeadlines(ctx context.Context, f store.DeadlineFilter) ([]*store.Deadline, error) {
	var p params
	var preds []string
	if f.CaseID != "" {
		preds = append(preds, `case_id = `+p.add(f.CaseID))
	}
	if f.Open {
		preds = append(preds, `met_at IS NULL`)
	}
	if !f.DueBefore.IsZero() {
		preds = append(preds, `due_at < `+p.add(pgTime(f.DueBefore)))
	}
	return listDetail[store.Deadline](ctx, r.db, `SELECT detail FROM deadlines`+where(preds...)+` ORDER BY due_at, id`, p...)
}

func (r reader) GetIntake(ctx context.Context, id string) (*store.Intake, error) {
	return getDetail[store.Intake](ctx, r.db, `SELECT detail FROM intakes WHERE id = $1`, id)
}

func (r reader) ListIntakes(ctx context.Context, f store.IntakeFilter) ([]*store.Intake, error) {
	if f.Untriaged {
		return listDetail[store.Intake](ctx, r.db, `SELECT detail FROM intakes WHERE triaged_at IS NULL
			ORDER BY danger_now DESC, received_at, id`+limitClause(f.Limit))
	}
	return listDetail[store.Intake](ctx, r.db, `SELECT detail FROM intakes WHERE id > $1 ORDER BY id`+limitClause(f.Limit), f.After)
}

func (w *writer) InsertCase(ctx context.Context, c *store.Case) error {
	d, err := detailOf(c)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO cases (id, person_id, state, updated_at, detail) VALUES ($1, $2, $3, $4, $5)`,
		c.ID, c.PersonID, c.State, pgTime(c.UpdatedAt), d)
	return translate(err)
}

func (w *writer) UpdateCase(ctx context.Context, c *store.Case, from string, ev *store.CaseEvent) error {
	d, err := detailOf(c)
	if err != nil {
		return err
	}
	err = mustAffect(w.tx.Exec(ctx, `UPDATE cases SET person_id = $1, state = $2, updated_at = $3, detail = $4
		WHERE id = $5 AND state = $6`, c.PersonID, c.State, pgTime(c.UpdatedAt), d, c.ID, from))
	if errors.Is(err, store.ErrNotFound) {
		if _, gerr := w.GetCase(ctx, c.ID); gerr == nil {
			return store.ErrConflict
		}
	}
	if err != nil {
		return err
	}
	if ev == nil {
		return nil
	}
	return w.AddCaseEvent(ctx, ev)
}

// AddCaseEvent locks the case's row first, so that two servers adding to
// one timeline take turns for the next Seq.
func (w *writer) AddCaseEvent(ctx context.Context, ev *store.CaseEvent) error {
	var id string
	if err := w.tx.QueryRow(ctx, `SELECT id FROM cases WHERE id = $1 FOR UPDATE`, ev.CaseID).Scan(&id); err != nil {
		return translate(err)
	}
	if err := w.tx.QueryRow(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM case_events WHERE case_id = $1`,
		ev.CaseID).Scan(&ev.Seq); err != nil {
		return translate(err)
	}
	d, err := detailOf(ev)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO case_events (case_id, seq, detail) VALUES ($1, $2, $3)`, ev.CaseID, ev.Seq, d)
	return translate(err)
}

func (w *writer) PutDeadline(ctx context.Context, dl *store.Deadline) error {
	d, err := detailOf(dl)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO deadlines (id, case_id, due_at, met_at, detail) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, due_at = excluded.due_at,
			met_at = excluded.met_at, detail = excluded.detail`,
		dl.ID, dl.CaseID, pgTime(dl.DueAt), pgOptTime(dl.MetAt), d)
	return translate(err)
}

func (w *writer) PutIntake(ctx context.Context, in *store.Intake) error {
	d, err := detailOf(in)
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `INSERT INTO intakes (id, received_at, danger_now, triaged_at, detail) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET received_at = excluded.received_at, danger_now = excluded.danger_now,
			triaged_at = excluded.triaged_at, detail = excluded.detail`,
		in.ID, pgTime(in.ReceivedAt), in.DangerNow, pgOptTime(in.TriagedAt), d)
	return translate(err)
}
