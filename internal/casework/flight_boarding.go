package casework

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// PassengerRefusal is one passenger AddPassengers would not take, and
// why: a *FieldError (a field of theirs, "document" when they hold no
// travel document, "person" when they are on the flight already,
// "case" when it is listed twice), a *TransitionError (their case may not go to
// on_manifest) or store.ErrNotFound (no case by that ID that the caller
// may read).
type PassengerRefusal struct {
	CaseID   string
	PersonID string // "" when the case was not found
	Err      error
}

// RefusedError says that AddPassengers added nobody because these
// passengers would be refused. The others may be added again without
// them.
type RefusedError struct {
	Refused []PassengerRefusal
}

func (e *RefusedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "nobody was added: %d passenger(s) refused", len(e.Refused))
	for _, r := range e.Refused {
		fmt.Fprintf(&b, "; case %s: %v", r.CaseID, r.Err)
	}
	return b.String()
}

// Unwrap gives each refusal's cause, so errors.As finds the first
// *FieldError or *TransitionError among them.
func (e *RefusedError) Unwrap() []error {
	out := make([]error, len(e.Refused))
	for i, r := range e.Refused {
		out[i] = r.Err
	}
	return out
}

// refusable says whether err refuses one passenger (the others may still
// board) rather than the whole change.
func refusable(err error) bool {
	var fe *FieldError
	var te *TransitionError
	return errors.As(err, &fe) || errors.As(err, &te) || errors.Is(err, store.ErrNotFound)
}

// AddPassengers puts the persons of several cases on one planned flight
// in one transaction: all of them, or none. Each input names a case
// (ins[i].FlightID is flightID or empty) and carries its own row; each
// is checked as AddPassenger checks one, and each case moves to
// on_manifest. When any would be refused, nobody is added and the answer
// is a *RefusedError listing every refused passenger with the reason; a
// flight that takes no passengers is refused as AddPassenger refuses it.
// The audit holds one change of the flight per passenger added, as that
// many AddPassenger calls leave.
func (s *Service) AddPassengers(ctx context.Context, p trust.Principal, flightID string, ins []*PassengerInput) ([]*store.Passenger, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	if len(ins) == 0 {
		return nil, fieldErr("person", "no passenger given")
	}
	at := s.now()
	rows := make([]*store.Passenger, len(ins))
	var refused []PassengerRefusal
	seen := map[string]bool{}
	for i, in := range ins {
		rows[i] = &store.Passenger{FlightID: flightID, CaseID: in.CaseID, Outcome: "pending", AddedAt: at, AddedBy: p.UserID}
		err := checkPassenger(in, rows[i])
		switch {
		case err != nil:
		case in.FlightID != "" && in.FlightID != flightID:
			err = fieldErr("flight", "the passenger is for flight %s, not %s", in.FlightID, flightID)
		case seen[in.CaseID]:
			err = fieldErr("case", "case %s is listed twice", in.CaseID)
		}
		seen[in.CaseID] = true
		if err != nil {
			refused = append(refused, PassengerRefusal{CaseID: in.CaseID, Err: err})
		}
	}
	if refused != nil {
		return nil, &RefusedError{Refused: refused}
	}
	err := s.update(ctx, p, "update", "flight", flightID, func(w store.Writer) error {
		f, err := flightFor(ctx, w, p, flightID)
		if err != nil {
			return err
		}
		if f.Status != "planned" {
			return fieldErr("flight", "the flight is %s: only a planned flight takes passengers", f.Status)
		}
		if !departureAhead(f, at) {
			return &DepartedError{FlightID: f.ID, Number: f.Number, DepartAt: f.DepartAt}
		}
		aboard, err := w.ListPassengers(ctx, flightID)
		if err != nil {
			return err
		}
		on := map[string]bool{}
		for _, r := range aboard {
			on[r.PersonID] = true
		}
		for _, row := range rows {
			err := s.board(ctx, w, p, f, row, on)
			if err != nil && !refusable(err) {
				return err
			}
			if err != nil {
				refused = append(refused, PassengerRefusal{CaseID: row.CaseID, PersonID: row.PersonID, Err: err})
			}
		}
		if refused != nil {
			return &RefusedError{Refused: refused}
		}
		// update audits one change of the flight; the others are audited here.
		for range rows[1:] {
			if err := trust.Record(ctx, w, p, at, "update", "flight", flightID, "allow"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// board puts row's case on flight f inside a transaction: the case p may
// read, its person not aboard already (on, which it extends), nothing in
// BoardingRefusal's way. Once one passenger is refused the transaction is
// rolled back, so the rest are only checked.
func (s *Service) board(ctx context.Context, w store.Writer, p trust.Principal, f *store.Flight, row *store.Passenger, on map[string]bool) error {
	c, err := w.GetCase(ctx, row.CaseID)
	if err != nil {
		return err
	}
	if !mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
		return store.ErrNotFound
	}
	row.PersonID = c.PersonID
	person, err := w.GetPerson(ctx, c.PersonID)
	if err != nil {
		return err
	}
	if err := BoardingRefusal(c, person); err != nil {
		return err
	}
	if on[c.PersonID] { // by another of their cases
		return fieldErr("person", "the person is on this flight already")
	}
	on[c.PersonID] = true
	if _, err := s.move(ctx, w, p, c, OnManifest, "on flight "+f.Number, nil); err != nil {
		return err
	}
	return w.PutPassenger(ctx, row)
}

// Boarder is a person a flight could take: one whose case BoardingCase
// picks, as the reader may see them.
type Boarder struct {
	Person *store.Person
	Case   *store.Case // the case BoardingCase picks for them
	// Roles are the roles the person holds now, in that case or outside
	// any, in the order of Roles.
	Roles []string
	// Refusal is BoardingRefusal's answer for them: nil when AddPassenger
	// would take them on a flight that takes passengers.
	Refusal error
}

// Boarders lists, for a flight p may read, the persons p may read whose
// newest readable case has not reached a manifest and is not closed
// (what BoardingCase picks), and who are not on this flight: those ready
// to board (Refusal nil) and those not yet, with BoardingRefusal's
// reason. They come by case ID (the order the cases were opened). The
// read of each person listed is audited, in one transaction.
func (s *Service) Boarders(ctx context.Context, p trust.Principal, flightID string) ([]Boarder, error) {
	_, aboard, err := s.flightAboard(ctx, p, flightID)
	if err != nil {
		return nil, err
	}
	on := map[string]bool{}
	for _, r := range aboard {
		on[r.PersonID] = true
	}
	newest := map[string]*store.Case{}
	for _, st := range States[:slices.Index(States, OnManifest)] {
		cs, err := s.ListCases(ctx, p, store.CaseFilter{State: string(st)})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if cur := newest[c.PersonID]; !on[c.PersonID] && (cur == nil || c.ID > cur.ID) {
				newest[c.PersonID] = c
			}
		}
	}
	cases := make([]*store.Case, 0, len(newest))
	for _, c := range newest {
		cases = append(cases, c)
	}
	slices.SortFunc(cases, func(a, b *store.Case) int { return strings.Compare(a.ID, b.ID) })
	now := s.now()
	var out []Boarder
	for _, c := range cases {
		person, err := s.st.GetPerson(ctx, c.PersonID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
			continue
		}
		held, err := s.st.ListRoles(ctx, person.ID)
		if err != nil {
			return nil, err
		}
		var roles []string
		for _, r := range held {
			if (r.CaseID == "" || r.CaseID == c.ID) && HoldsRole(r, now) && !slices.Contains(roles, r.Role) {
				roles = append(roles, r.Role)
			}
		}
		slices.SortFunc(roles, func(a, b string) int { return slices.Index(Roles, a) - slices.Index(Roles, b) })
		out = append(out, Boarder{Person: person, Case: c, Roles: roles, Refusal: BoardingRefusal(c, person)})
	}
	err = s.st.Update(ctx, func(w store.Writer) error {
		for _, b := range out {
			if err := trust.Record(ctx, w, p, now, "read", "person", b.Person.ID, "allow"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
