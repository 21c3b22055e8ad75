package casework

import (
	"context"
	"errors"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// RoleInput gives a person a role, in a case or outside any.
type RoleInput struct {
	PersonID string
	CaseID   string // "" for a role outside any case
	Role     string
	From     time.Time // zero: now
	Note     string
}

// AssignRole gives a person a role. A person holds any number of roles at
// once (a possible victim who is also a suspect): nothing forces a choice.
// Assigning a role the person already holds in that case, still open,
// returns the one held.
func (s *Service) AssignRole(ctx context.Context, p trust.Principal, in *RoleInput) (*store.PersonRole, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	if err := oneOf("role", in.Role, Roles, false); err != nil {
		return nil, err
	}
	note, err := checkText("note", in.Note, maxNotes, false)
	if err != nil {
		return nil, err
	}
	from := in.From
	if from.IsZero() {
		from = s.now()
	}
	r := &store.PersonRole{ID: s.newID(), PersonID: in.PersonID, CaseID: in.CaseID, Role: in.Role,
		From: from.UTC().Truncate(time.Microsecond), Org: originOf(p, ""), By: p.UserID, Note: note}
	err = s.update(ctx, p, "update", "person", in.PersonID, func(w store.Writer) error {
		person, err := w.GetPerson(ctx, in.PersonID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
			return store.ErrNotFound
		}
		if in.CaseID != "" {
			c, err := w.GetCase(ctx, in.CaseID)
			if err != nil {
				return err
			}
			if !mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
				return store.ErrNotFound
			}
		}
		held, err := w.ListRoles(ctx, in.PersonID)
		if err != nil {
			return err
		}
		for _, h := range held {
			if h.Role == in.Role && h.CaseID == in.CaseID && h.Until.IsZero() {
				r = h
				return nil
			}
		}
		return w.PutRole(ctx, r)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// EndRole records that a person no longer holds a role (a possible victim
// identified, a suspect cleared); the role stays in the history.
func (s *Service) EndRole(ctx context.Context, p trust.Principal, personID, roleID string, until time.Time, note string) (*store.PersonRole, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	if until.IsZero() {
		until = s.now()
	}
	var out *store.PersonRole
	err := s.update(ctx, p, "update", "person", personID, func(w store.Writer) error {
		person, err := w.GetPerson(ctx, personID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
			return store.ErrNotFound
		}
		held, err := w.ListRoles(ctx, personID)
		if err != nil {
			return err
		}
		for _, h := range held {
			if h.ID != roleID {
				continue
			}
			if !h.Until.IsZero() {
				return fieldErr("role", "the role ended already")
			}
			r := *h
			r.Until = until.UTC().Truncate(time.Microsecond)
			if r.Until.Before(r.From) {
				return fieldErr("until", "before the role began")
			}
			if note != "" {
				r.Note = note
			}
			out = &r
			return w.PutRole(ctx, &r)
		}
		return store.ErrNotFound
	})
	return out, err
}

// PersonRoles returns every role a person p may read holds or held, by
// start, and audits the read. A role held in a case p may not read is part
// of that case, under its label, and is left out (readableRoles).
func (s *Service) PersonRoles(ctx context.Context, p trust.Principal, personID string) ([]*store.PersonRole, error) {
	if _, err := s.GetPerson(ctx, p, personID); err != nil {
		return nil, err
	}
	return s.readableRoles(ctx, p, personID)
}

// readableRoles lists a person's roles that p may see: those outside any
// case, and those in a case p may read. A role in a case of another
// organisation's (a suspect in an AMBER+STRICT police case) says what the
// case says, so it goes no further than the case.
func (s *Service) readableRoles(ctx context.Context, p trust.Principal, personID string) ([]*store.PersonRole, error) {
	held, err := s.st.ListRoles(ctx, personID)
	if err != nil || p.IsOperator() {
		return held, err
	}
	readable := map[string]bool{}
	var out []*store.PersonRole
	for _, r := range held {
		if r.CaseID != "" {
			ok, seen := readable[r.CaseID]
			if !seen {
				c, err := s.st.GetCase(ctx, r.CaseID)
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					return nil, err
				}
				ok = err == nil && mayRead(p, auth.ActionReadPerson, caseMarking(c))
				readable[r.CaseID] = ok
			}
			if !ok {
				continue
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// HoldsRole says whether r is held at t.
func HoldsRole(r *store.PersonRole, t time.Time) bool {
	return !t.Before(r.From) && (r.Until.IsZero() || t.Before(r.Until))
}
