package casework

import (
	"context"
	"errors"
	"slices"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// CaseInput opens a consular case.
type CaseInput struct {
	PersonID   string
	State      State  // the first state: reported (default), or where the case starts (arrested, for an arrest notice)
	TLP        string // empty: the person's label
	IntakeID   string
	CompoundID string
	Location   string
	Note       string
}

// openingStates are the states a case may start in.
var openingStates = []State{Reported, Located, Contacted, Rescued, Escaped, Arrested, InDetention}

func caseMarking(c *store.Case) marking { return marking{c.Origin, c.TLP, c.OpenedBy} }

// OpenCase opens a consular case for a person p may read; the first
// event says who opened it, and the duties of its first state start.
func (s *Service) OpenCase(ctx context.Context, p trust.Principal, in *CaseInput) (*store.Case, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	if in.State == "" {
		in.State = Reported
	}
	if !slices.Contains(openingStates, in.State) {
		return nil, fieldErr("state", "a case opens as one of %s", joinStates(openingStates))
	}
	loc, err := checkText("location", in.Location, maxText, false)
	if err != nil {
		return nil, err
	}
	note, err := checkText("note", in.Note, maxNotes, false)
	if err != nil {
		return nil, err
	}
	now := s.now()
	c := &store.Case{ID: s.newID(), PersonID: in.PersonID, Kind: "consular", State: string(in.State),
		IntakeID: in.IntakeID, CompoundID: in.CompoundID, Location: loc, OpenedAt: now, UpdatedAt: now}
	if !p.IsOperator() {
		c.OpenedBy = p.UserID
	}
	err = s.update(ctx, p, "create", "case", c.ID, func(w store.Writer) error {
		return s.openCase(ctx, w, p, c, in.TLP, note)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// openCase stores c inside a transaction: its person must be readable by p.
func (s *Service) openCase(ctx context.Context, w store.Writer, p trust.Principal, c *store.Case, tlp, note string) error {
	person, err := w.GetPerson(ctx, c.PersonID)
	if errors.Is(err, store.ErrNotFound) {
		return fieldErr("person", "no person %q", c.PersonID)
	}
	if err != nil {
		return err
	}
	if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
		return fieldErr("person", "no person %q", c.PersonID)
	}
	if c.TLP, err = normTLP(tlp, person.TLP); err != nil {
		return err
	}
	c.Origin = person.Origin
	if !p.IsOperator() && p.Org != "" {
		c.Origin = p.Org
	}
	if err := w.InsertCase(ctx, c); err != nil {
		return err
	}
	ev := &store.CaseEvent{CaseID: c.ID, At: c.OpenedAt, By: p.UserID, Org: p.Org, Kind: "opened", To: c.State, Note: note}
	if err := w.AddCaseEvent(ctx, ev); err != nil {
		return err
	}
	return s.startDeadlines(ctx, w, c.ID, State(c.State), c.OpenedAt)
}

// CaseFile is everything about one case that a consular officer reads on
// its page: the case, its person, its timeline, its duties, the roles held
// in it, the flights the person is on (those the reader may read), and the
// states it may go to next.
type CaseFile struct {
	Case       *store.Case
	Person     *store.Person
	Events     []*store.CaseEvent
	Deadlines  []*store.Deadline
	Roles      []*store.PersonRole
	Passengers []*store.Passenger
	Next       []State
	// Held are the states of Next the case may not go to yet, with why
	// (screened while no screening is recorded): a move there is refused
	// with that error until what it needs is done.
	Held map[State]*TransitionError
	// Overdue holds the IDs of the open deadlines past due, by the
	// service's clock (the one OverdueDeadlines uses).
	Overdue map[string]bool
	// Actors names the users the events name, by user ID; a user no
	// longer stored (or never stored here, like the console operator) has
	// no entry.
	Actors map[string]Actor
}

// Actor is a user who acted on a case, as the store knows them now.
type Actor struct {
	Name string // the user's name, or their e-mail address when they have none
	Org  string // the user's organisation
}

// actors resolves the users that events name in one read of the store.
func (s *Service) actors(ctx context.Context, events []*store.CaseEvent) (map[string]Actor, error) {
	ids := make([]string, 0, len(events))
	for _, e := range events {
		ids = append(ids, e.By)
	}
	return s.actorsByID(ctx, ids)
}

// actorsByID resolves users by ID ("" skipped) in one read of the store.
func (s *Service) actorsByID(ctx context.Context, ids []string) (map[string]Actor, error) {
	ids = slices.DeleteFunc(ids, func(id string) bool { return id == "" })
	out := map[string]Actor{}
	if len(ids) == 0 {
		return out, nil
	}
	users, err := s.st.UsersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		a := Actor{Name: u.Name, Org: u.Org}
		if a.Name == "" {
			a.Name = u.Email
		}
		out[u.ID] = a
	}
	return out, nil
}

// GetCaseFile returns a case p may read with everything about it, and
// audits the read of the case and its person.
func (s *Service) GetCaseFile(ctx context.Context, p trust.Principal, id string) (*CaseFile, error) {
	c, err := s.GetCase(ctx, p, id)
	if err != nil {
		return nil, err
	}
	f := &CaseFile{Case: c, Next: Next(State(c.State)), Held: map[State]*TransitionError{}}
	for _, st := range f.Next {
		var te *TransitionError
		if err := guard(ctx, s.st, c, st); errors.As(err, &te) {
			f.Held[st] = te
		} else if err != nil {
			return nil, err
		}
	}
	if f.Person, err = s.GetPerson(ctx, p, c.PersonID); err != nil {
		return nil, err
	}
	if f.Events, err = s.st.CaseEvents(ctx, id); err != nil {
		return nil, err
	}
	if f.Actors, err = s.actors(ctx, f.Events); err != nil {
		return nil, err
	}
	if f.Deadlines, err = s.st.ListDeadlines(ctx, store.DeadlineFilter{CaseID: id}); err != nil {
		return nil, err
	}
	f.Overdue = map[string]bool{}
	now := s.now()
	for _, d := range f.Deadlines {
		if d.MetAt.IsZero() && d.DueAt.Before(now) && !s.lapsed(d, f.Case) {
			f.Overdue[d.ID] = true
		}
	}
	if f.Roles, err = s.st.CaseRoles(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.st.PersonFlights(ctx, c.PersonID)
	if err != nil {
		return nil, err
	}
	// A passenger row is the flight's (its manifest shows it): only those
	// of flights p may read.
	for _, r := range rows {
		fl, err := s.st.GetFlight(ctx, r.FlightID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if mayRead(p, auth.ActionReadPerson, flightMarking(fl)) {
			f.Passengers = append(f.Passengers, r)
		}
	}
	return f, nil
}

// GetCase returns a case p may read, audited; otherwise store.ErrNotFound.
func (s *Service) GetCase(ctx context.Context, p trust.Principal, id string) (*store.Case, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	c, err := s.st.GetCase(ctx, id)
	if err != nil {
		return nil, err
	}
	if !mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
		if err := s.audit(ctx, p, "read", "case", id, "deny"); err != nil {
			return nil, err
		}
		return nil, store.ErrNotFound
	}
	if err := s.audit(ctx, p, "read", "case", id, "allow"); err != nil {
		return nil, err
	}
	return c, nil
}

// ListCases lists the cases p may read that f selects, in ID order.
func (s *Service) ListCases(ctx context.Context, p trust.Principal, f store.CaseFilter) ([]*store.Case, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	limit := f.Limit
	f.Limit = 0
	cs, err := s.st.ListCases(ctx, f)
	if err != nil {
		return nil, err
	}
	var out []*store.Case
	for _, c := range cs {
		if mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
			out = append(out, c)
			if len(out) == limit {
				break
			}
		}
	}
	return out, nil
}

// Transition moves a case to another state, recording who, when and why.
// A move the state machine refuses is a *TransitionError with its reason;
// moves that need more than a note go through their own methods:
// screened needs a screening recorded, travel_document_issued goes through
// IssueTravelDocument, on_manifest, departed and arrived through the
// flight's manifest, handed_over through HandOver.
func (s *Service) Transition(ctx context.Context, p trust.Principal, caseID string, to State, note string) (*store.Case, error) {
	switch to {
	case DocumentIssued:
		return nil, fieldErr("state", "issue the travel document (IssueTravelDocument) to move the case to %s", to)
	case OnManifest, Departed, Arrived:
		return nil, fieldErr("state", "%s follows the flight's manifest: add the person to a flight, or record its departure or arrival", to)
	case HandedOver:
		return nil, fieldErr("state", "hand the person over (HandOver) to say to whom")
	}
	return s.changeCase(ctx, p, caseID, to, note, nil)
}

// HandOver records that an arrived person was handed over to the police, a
// shelter or the family.
func (s *Service) HandOver(ctx context.Context, p trust.Principal, caseID, to, note string) (*store.Case, error) {
	if err := oneOf("handed_to", to, HandOverTo, false); err != nil {
		return nil, err
	}
	return s.changeCase(ctx, p, caseID, HandedOver, note, func(c *store.Case) { c.HandedTo = to })
}

// notOnManifest refuses to move by hand a case whose person is on a
// flight's manifest: the passenger's row and the case move together, off
// the flight through RemovePassenger, on with the flight's departure.
func notOnManifest(c *store.Case, to State) error {
	if State(c.State) == OnManifest {
		return &TransitionError{OnManifest, to, "the person is on a flight's manifest: take them off the flight first"}
	}
	return nil
}

// changeCase moves a case in a transaction of its own.
func (s *Service) changeCase(ctx context.Context, p trust.Principal, caseID string, to State, note string, edit func(*store.Case)) (*store.Case, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	note, err := checkText("note", note, maxNotes, false)
	if err != nil {
		return nil, err
	}
	var out *store.Case
	err = s.update(ctx, p, "update", "case", caseID, func(w store.Writer) error {
		c, err := w.GetCase(ctx, caseID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
			return store.ErrNotFound
		}
		if err := notOnManifest(c, to); err != nil {
			return err
		}
		out, err = s.move(ctx, w, p, c, to, note, edit)
		return err
	})
	return out, err
}

// guard is what a move of c to a state the state machine allows needs
// besides: a screening recorded for screened. A *TransitionError says why
// not.
func guard(ctx context.Context, rd store.CaseReader, c *store.Case, to State) error {
	if to != Screened {
		return nil
	}
	hist, err := rd.ListScreenings(ctx, c.PersonID)
	if err != nil {
		return err
	}
	if len(hist) == 0 {
		return &TransitionError{State(c.State), to, "no screening is recorded for this person: record the screening interview first"}
	}
	return nil
}

// move changes c's state inside a transaction: the state machine decides,
// the guards of the target state apply, the event is recorded, duties
// start and are met.
func (s *Service) move(ctx context.Context, w store.Writer, p trust.Principal, c *store.Case, to State, note string, edit func(*store.Case)) (*store.Case, error) {
	from := State(c.State)
	if err := CanTransition(from, to); err != nil {
		return nil, err
	}
	if err := guard(ctx, w, c, to); err != nil {
		return nil, err
	}
	now := s.now()
	next := *c
	next.State, next.UpdatedAt = string(to), now
	if edit != nil {
		edit(&next)
	}
	ev := &store.CaseEvent{CaseID: c.ID, At: now, By: p.UserID, Org: p.Org, Kind: "transition",
		From: string(from), To: string(to), Note: note}
	if err := w.UpdateCase(ctx, &next, string(from), ev); err != nil {
		return nil, err
	}
	if err := s.startDeadlines(ctx, w, c.ID, to, now); err != nil {
		return nil, err
	}
	if err := s.meetDeadlines(ctx, w, p, c.ID, metByState(to), now); err != nil {
		return nil, err
	}
	return &next, nil
}

// IssueTravelDocument records an emergency travel document (or travel
// certificate, or a passport given back) issued to the person of a
// case, and moves the case to travel_document_issued. A document the
// person is known to have under the same number is that document, now
// held: it is not recorded twice.
func (s *Service) IssueTravelDocument(ctx context.Context, p trust.Principal, caseID string, doc store.IdentityDocument, note string) (*store.Case, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	if doc.Type == "" {
		doc.Type = "emergency_travel_document"
	}
	if doc.Type != "emergency_travel_document" && doc.Type != "travel_certificate" && doc.Type != "passport" {
		return nil, fieldErr("document_type", "a travel document is an emergency_travel_document, a travel_certificate or a passport")
	}
	doc.Status = "held"
	doc, err := checkDocument(doc)
	if err != nil {
		return nil, err
	}
	doc.ChangedAt = s.now()
	var out *store.Case
	err = s.update(ctx, p, "update", "case", caseID, func(w store.Writer) error {
		c, err := w.GetCase(ctx, caseID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, caseMarking(c)) {
			return store.ErrNotFound
		}
		if err := notOnManifest(c, DocumentIssued); err != nil {
			return err
		}
		person, err := w.GetPerson(ctx, c.PersonID)
		if err != nil {
			return err
		}
		if out, err = s.move(ctx, w, p, c, DocumentIssued, note, nil); err != nil {
			return err
		}
		rec := *person
		rec.Documents = withDocument(person.Documents, doc)
		rec.UpdatedAt = s.now()
		return w.PutPerson(ctx, &rec, personKeys(&rec))
	})
	if out != nil && err == nil {
		s.personChanged(out.PersonID)
	}
	return out, err
}

// withDocument is docs with doc added, or in place of the document of
// the same number (its number as first written, and what it said that
// doc does not, are kept).
func withDocument(docs []store.IdentityDocument, doc store.IdentityDocument) []store.IdentityDocument {
	out := slices.Clone(docs)
	i := slices.IndexFunc(out, func(d store.IdentityDocument) bool { return normDoc(d.Number) == normDoc(doc.Number) })
	if i < 0 {
		return append(out, doc)
	}
	old := out[i]
	doc.Number = old.Number
	for _, f := range []struct{ dst, was *string }{{&doc.Country, &old.Country}, {&doc.IssuedOn, &old.IssuedOn},
		{&doc.ExpiresOn, &old.ExpiresOn}, {&doc.IssuedBy, &old.IssuedBy}} {
		if *f.dst == "" {
			*f.dst = *f.was
		}
	}
	out[i] = doc
	return out
}
