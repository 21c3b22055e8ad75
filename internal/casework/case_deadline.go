package casework

import (
	"context"
	"slices"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// DeadlineRule is a duty that entering a state starts: Kind is due Within
// after the case enters On, and is met by the consular action MetBy
// ("visit") or by the case entering a state ("state:handed_over"). Once
// the case reaches EndsOn or a later state (or is closed) an open duty
// lapses: it can no longer be met and is never overdue (a first visit to
// a detainee who has since flown home).
type DeadlineRule struct {
	On     State
	Kind   string
	Within time.Duration
	MetBy  string
	EndsOn State
}

// DefaultDeadlines: a first consular visit within 3 days of an arrest
// notice or of immigration detention (lapsing once the person has left
// on a flight), and the hand-over within 48 hours of
// arrival (the time the police have to seek a warrant). A kind of duty is
// started once per case.
var DefaultDeadlines = []DeadlineRule{
	{On: Arrested, Kind: "first_consular_visit", Within: 72 * time.Hour, MetBy: "visit", EndsOn: Departed},
	{On: InDetention, Kind: "first_consular_visit", Within: 72 * time.Hour, MetBy: "visit", EndsOn: Departed},
	{On: Arrived, Kind: "hand_over", Within: 48 * time.Hour, MetBy: "state:" + string(HandedOver)},
}

// startDeadlines starts the duties of entering state `to`, unless the case
// already has one of that kind.
func (s *Service) startDeadlines(ctx context.Context, w store.Writer, caseID string, to State, at time.Time) error {
	var existing []*store.Deadline
	loaded := false
	for _, r := range s.cfg.Deadlines {
		if r.On != to {
			continue
		}
		if !loaded {
			var err error
			if existing, err = w.ListDeadlines(ctx, store.DeadlineFilter{CaseID: caseID}); err != nil {
				return err
			}
			loaded = true
		}
		dup := false
		for _, d := range existing {
			dup = dup || d.Kind == r.Kind
		}
		if dup {
			continue
		}
		d := &store.Deadline{ID: s.newID(), CaseID: caseID, Kind: r.Kind, DueAt: at.Add(r.Within), CreatedAt: at,
			Note: "started on " + string(to)}
		if err := w.PutDeadline(ctx, d); err != nil {
			return err
		}
		existing = append(existing, d)
	}
	return nil
}

// meetDeadlines marks met the open duties that `by` (an action kind or
// "state:<state>") fulfils.
func (s *Service) meetDeadlines(ctx context.Context, w store.Writer, p trust.Principal, caseID, by string, at time.Time) error {
	kinds := map[string]bool{}
	for _, r := range s.cfg.Deadlines {
		if r.MetBy == by {
			kinds[r.Kind] = true
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	open, err := w.ListDeadlines(ctx, store.DeadlineFilter{CaseID: caseID, Open: true})
	if err != nil {
		return err
	}
	for _, d := range open {
		if !kinds[d.Kind] {
			continue
		}
		d.MetAt, d.MetBy = at, p.UserID
		if err := w.PutDeadline(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// Overdue is an open deadline past its date, with its case.
type Overdue struct {
	Deadline *store.Deadline
	Case     *store.Case
	By       time.Duration // how long past due
}

// lapsed says whether the open duty d of case c is no longer due (see
// DeadlineRule.EndsOn).
func (s *Service) lapsed(d *store.Deadline, c *store.Case) bool {
	at := slices.Index(States, State(c.State))
	if State(c.State) == Closed {
		return true
	}
	for _, r := range s.cfg.Deadlines {
		if r.Kind == d.Kind && r.EndsOn != "" && at >= slices.Index(States, r.EndsOn) {
			return true
		}
	}
	return false
}

// OverdueDeadlines lists the open deadlines past due now, most overdue
// first, of the cases p may read; a duty that lapsed is not listed.
func (s *Service) OverdueDeadlines(ctx context.Context, p trust.Principal) ([]Overdue, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	now := s.now()
	ds, err := s.st.ListDeadlines(ctx, store.DeadlineFilter{Open: true, DueBefore: now})
	if err != nil {
		return nil, err
	}
	var out []Overdue
	cases := map[string]*store.Case{}
	for _, d := range ds {
		c, ok := cases[d.CaseID]
		if !ok {
			if c, err = s.st.GetCase(ctx, d.CaseID); err != nil {
				return nil, err
			}
			cases[d.CaseID] = c
		}
		if !mayRead(p, auth.ActionReadPerson, caseMarking(c)) || s.lapsed(d, c) {
			continue
		}
		out = append(out, Overdue{Deadline: d, Case: c, By: now.Sub(d.DueAt)})
	}
	return out, nil
}

// RecordAction records a consular action on a case's timeline (a visit,
// a notice to the family, a lawyer list...) and marks met the duties it
// fulfils. A zero at is now.
func (s *Service) RecordAction(ctx context.Context, p trust.Principal, caseID, kind, note string, at time.Time) (*store.CaseEvent, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	if err := oneOf("action", kind, CaseActions, false); err != nil {
		return nil, err
	}
	note, err := checkText("note", note, maxNotes, false)
	if err != nil {
		return nil, err
	}
	if at.IsZero() {
		at = s.now()
	}
	at = at.UTC().Truncate(time.Microsecond)
	ev := &store.CaseEvent{CaseID: caseID, At: at, By: p.UserID, Org: p.Org, Kind: kind, Note: note}
	err = s.update(ctx, p, "update", "case", caseID, func(w store.Writer) error {
		c, err := w.GetCase(ctx, caseID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
			return store.ErrNotFound
		}
		if State(c.State) == Closed {
			return fieldErr("case", "the case is closed")
		}
		if err := w.AddCaseEvent(ctx, ev); err != nil {
			return err
		}
		return s.meetDeadlines(ctx, w, p, caseID, kind, at)
	})
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// metByState is the MetBy of entering a state.
func metByState(st State) string { return "state:" + string(st) }
