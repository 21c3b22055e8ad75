package sqlite

import (
	"context"
	"errors"

	"counterscam/internal/store"
)

func (r reader) GetCase(ctx context.Context, id string) (*store.Case, error) {
	return getDetail[store.Case](ctx, r.db, `SELECT detail FROM cases WHERE id = ?`, id)
}

func (r reader) ListCases(ctx context.Context, f store.CaseFilter) ([]*store.Case, error) {
	q := `SELECT detail FROM cases WHERE id > ?`
	args := []any{f.After}
	if f.PersonID != "" {
		q += ` AND person_id = ?`
		args = append(args, f.PersonID)
	}
	if f.State != "" {
		q += ` AND state = ?`
		args = append(args, f.State)
	}
	return listDetail[store.Case](ctx, r.db, q+` ORDER BY id`+limitClause(f.Limit), args...)
}

func (r reader) CaseEvents(ctx context.Context, caseID string) ([]*store.CaseEvent, error) {
	return listDetail[store.CaseEvent](ctx, r.db, `SELECT detail FROM case_events WHERE case_id = ? ORDER BY seq`, caseID)
}

func (r reader) ListDeadlines(ctx context.Context, f store.DeadlineFilter) ([]*store.Deadline, error) {
	q := `SELECT detail FROM deadlines WHERE 1 = 1`
	var args []any
	if f.CaseID != "" {
		q += ` AND case_id = ?`
		args = append(args, f.CaseID)
	}
	if f.Open {
		q += ` AND met_at IS NULL`
	}
	if !f.DueBefore.IsZero() {
		q += ` AND due_at < ?`
		args = append(args, fmtTime(f.DueBefore))
	}
	return listDetail[store.Deadline](ctx, r.db, q+` ORDER BY due_at, id`, args...)
}

func (r reader) GetIntake(ctx context.Context, id string) (*store.Intake, error) {
	return getDetail[store.Intake](ctx, r.db, `SELECT detail FROM intakes WHERE id = ?`, id)
}

func (r reader) ListIntakes(ctx context.Context, f store.IntakeFilter) ([]*store.Intake, error) {
	if f.Untriaged {
		return listDetail[store.Intake](ctx, r.db, `SELECT detail FROM intakes WHERE triaged_at IS NULL
			ORDER BY danger_now DESC, received_at, id`+limitClause(f.Limit))
	}
	return listDetail[store.Intake](ctx, r.db, `SELECT detail FROM intakes WHERE id > ? ORDER BY id`+limitClause(f.Limit), f.After)
}

func (w *writer) InsertCase(ctx context.Context, c *store.Case) error {
	d, err := detailOf(c)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO cases (id, person_id, state, updated_at, detail) VALUES (?, ?, ?, ?, ?)`,
		c.ID, c.PersonID, c.State, fmtTime(c.UpdatedAt), d)
	return translate(err)
}

func (w *writer) UpdateCase(ctx context.Context, c *store.Case, from string, ev *store.CaseEvent) error {
	d, err := detailOf(c)
	if err != nil {
		return err
	}
	err = mustAffect(w.tx.ExecContext(ctx, `UPDATE cases SET person_id = ?, state = ?, updated_at = ?, detail = ?
		WHERE id = ? AND state = ?`, c.PersonID, c.State, fmtTime(c.UpdatedAt), d, c.ID, from))
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

func (w *writer) AddCaseEvent(ctx context.Context, ev *store.CaseEvent) error {
	if err := w.tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM case_events WHERE case_id = ?`,
		ev.CaseID).Scan(&ev.Seq); err != nil {
		return translate(err)
	}
	d, err := detailOf(ev)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO case_events (case_id, seq, detail) VALUES (?, ?, ?)`, ev.CaseID, ev.Seq, d)
	return translate(err)
}

func (w *writer) PutDeadline(ctx context.Context, dl *store.Deadline) error {
	d, err := detailOf(dl)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO deadlines (id, case_id, due_at, met_at, detail) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, due_at = excluded.due_at,
			met_at = excluded.met_at, detail = excluded.detail`,
		dl.ID, dl.CaseID, fmtTime(dl.DueAt), fmtOptTime(dl.MetAt), d)
	return translate(err)
}

func (w *writer) PutIntake(ctx context.Context, in *store.Intake) error {
	d, err := detailOf(in)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO intakes (id, received_at, danger_now, triaged_at, detail) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET received_at = excluded.received_at, danger_now = excluded.danger_now,
			triaged_at = excluded.triaged_at, detail = excluded.detail`,
		in.ID, fmtTime(in.ReceivedAt), in.DangerNow, fmtOptTime(in.TriagedAt), d)
	return translate(err)
}
