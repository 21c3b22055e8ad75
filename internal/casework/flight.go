package casework

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// FlightInput is a repatriation flight.
type FlightInput struct {
	Origin   string // console operator only
	TLP      string // empty: AMBER
	Number   string
	Carrier  string
	Charter  bool
	From, To string // IATA airport codes
	DepartAt time.Time
	ArriveAt time.Time
	Note     string
}

func flightMarking(f *store.Flight) marking { return marking{f.Origin, f.TLP, f.CreatedBy} }

func checkIATA(field, v string) (string, error) {
	v = strings.ToUpper(strings.TrimSpace(v))
	if len(v) != 3 || strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", fieldErr(field, "%q is not an IATA airport code", v)
	}
	return v, nil
}

// CreateFlight plans a flight.
func (s *Service) CreateFlight(ctx context.Context, p trust.Principal, in *FlightInput) (*store.Flight, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	f := &store.Flight{Charter: in.Charter, DepartAt: in.DepartAt.UTC().Truncate(time.Microsecond),
		ArriveAt: in.ArriveAt.UTC().Truncate(time.Microsecond), Status: "planned"}
	var err error
	if f.Number, err = checkText("number", in.Number, 20, true); err != nil {
		return nil, err
	}
	if f.Carrier, err = checkText("carrier", in.Carrier, maxText, false); err != nil {
		return nil, err
	}
	if f.From, err = checkIATA("from", in.From); err != nil {
		return nil, err
	}
	if f.To, err = checkIATA("to", in.To); err != nil {
		return nil, err
	}
	if f.Note, err = checkText("note", in.Note, maxNotes, false); err != nil {
		return nil, err
	}
	if in.DepartAt.IsZero() {
		return nil, fieldErr("depart_at", "missing")
	}
	if !f.DepartAt.After(s.now()) {
		return nil, fieldErr("depart_at", "%s has passed: a flight is planned for a time still to come", f.DepartAt.Format(flightClock))
	}
	if in.ArriveAt.IsZero() {
		f.ArriveAt = time.Time{}
	} else if f.ArriveAt.Before(f.DepartAt) {
		return nil, fieldErr("arrive_at", "before departure")
	}
	if f.TLP, err = normTLP(in.TLP, store.TLPAmber); err != nil {
		return nil, err
	}
	f.ID, f.Origin, f.CreatedAt = s.newID(), originOf(p, in.Origin), s.now()
	if !p.IsOperator() {
		f.CreatedBy = p.UserID
	}
	if err := s.update(ctx, p, "create", "flight", f.ID, func(w store.Writer) error { return w.PutFlight(ctx, f) }); err != nil {
		return nil, err
	}
	return f, nil
}

// PassengerInput puts a case's person on a flight, or changes their row.
type PassengerInput struct {
	FlightID        string
	CaseID          string
	Seat            string
	LegalStatus     string // warrant_to_execute, red_notice, victim, voluntary
	FitToFly        string // fit, unfit, pending (default)
	FitNote         string
	Escort          string
	ReceivingAgency string
}

func checkPassenger(in *PassengerInput, row *store.Passenger) error {
	if in.FitToFly == "" {
		in.FitToFly = "pending"
	}
	if err := oneOf("legal_status", in.LegalStatus, LegalStatuses, false); err != nil {
		return err
	}
	if err := oneOf("fit_to_fly", in.FitToFly, FitToFly, false); err != nil {
		return err
	}
	var err error
	for _, f := range []struct {
		name   string
		dst, v *string
	}{
		{"seat", &row.Seat, &in.Seat}, {"fit_note", &row.FitNote, &in.FitNote},
		{"escort", &row.Escort, &in.Escort}, {"receiving_agency", &row.ReceivingAgency, &in.ReceivingAgency},
	} {
		if *f.dst, err = checkText(f.name, *f.v, maxText, false); err != nil {
			return err
		}
	}
	row.LegalStatus, row.FitToFly = in.LegalStatus, in.FitToFly
	return nil
}

// flightFor reads a flight p may change, still planned.
func flightFor(ctx context.Context, w store.Writer, p trust.Principal, id string) (*store.Flight, error) {
	f, err := w.GetFlight(ctx, id)
	if err != nil {
		return nil, err
	}
	if !mayRead(p, auth.ActionReadPerson, flightMarking(f)) {
		return nil, store.ErrNotFound
	}
	return f, nil
}

// DepartedError refuses a passenger for a flight whose departure time has
// passed, though nobody has recorded it as departed yet: the manifest of a
// flight that has left is what flew.
type DepartedError struct {
	FlightID, Number string
	DepartAt         time.Time
}

func (e *DepartedError) Error() string {
	return fmt.Sprintf("flight %s was due to depart at %s: a flight past its departure takes no more passengers",
		e.Number, e.DepartAt.UTC().Format("2006-01-02 15:04 UTC"))
}

func departureAhead(f *store.Flight, at time.Time) bool { return f.DepartAt.After(at) }

// TakesPassengers says whether the flight f takes passengers now, by the
// service's clock: it is planned and its departure time is still to come.
// AddPassenger refuses any other flight; the pages offer its form only
// for one that does.
func (s *Service) TakesPassengers(f *store.Flight) bool {
	return f.Status == "planned" && departureAhead(f, s.now())
}

// BoardingRefusal is what AddPassenger answers, whatever the flight, to
// putting case c of person on a manifest: a *FieldError on "document"
// when the person holds no passport or travel document, a
// *TransitionError when the case may not go to on_manifest from where it
// is; nil when neither stands in the way.
func BoardingRefusal(c *store.Case, person *store.Person) error {
	if travelDocument(person).Number == "" {
		return fieldErr("document", "the person holds no passport or travel document: issue an emergency travel document first")
	}
	return CanTransition(State(c.State), OnManifest)
}

// AddPassenger puts the person of a case on a planned flight's manifest
// and moves the case to on_manifest: the state machine decides whether
// the case is ready (screened, or a travel document issued). A flight
// whose departure time has passed takes no passenger (*DepartedError),
// whatever its status says. It is AddPassengers with one passenger, and
// answers that passenger's refusal as it is.
func (s *Service) AddPassenger(ctx context.Context, p trust.Principal, in *PassengerInput) (*store.Passenger, error) {
	rows, err := s.AddPassengers(ctx, p, in.FlightID, []*PassengerInput{in})
	var re *RefusedError
	if errors.As(err, &re) && len(re.Refused) == 1 {
		return nil, re.Refused[0].Err
	}
	if err != nil {
		return nil, err
	}
	return rows[0], nil
}

// UpdatePassenger changes a passenger's row (legal status, fitness to fly,
// seat, escort, receiving agency) while the flight is planned; once it has
// left, the row is what flew, and only the arrival outcome is recorded.
func (s *Service) UpdatePassenger(ctx context.Context, p trust.Principal, personID string, in *PassengerInput) (*store.Passenger, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	var out *store.Passenger
	err := s.update(ctx, p, "update", "flight", in.FlightID, func(w store.Writer) error {
		f, err := flightFor(ctx, w, p, in.FlightID)
		if err != nil {
			return err
		}
		if f.Status != "planned" {
			return fieldErr("flight", "the flight is %s", f.Status)
		}
		row, err := passengerRow(ctx, w, in.FlightID, personID)
		if err != nil {
			return err
		}
		if err := checkPassenger(in, row); err != nil {
			return err
		}
		out = row
		return w.PutPassenger(ctx, row)
	})
	return out, err
}

func passengerRow(ctx context.Context, w store.Writer, flightID, personID string) (*store.Passenger, error) {
	rows, err := w.ListPassengers(ctx, flightID)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.PersonID == personID {
			return r, nil
		}
	}
	return nil, fieldErr("person", "not on the manifest")
}

// RemovePassenger takes a person off a planned flight; their case goes
// back to the state it was in before.
func (s *Service) RemovePassenger(ctx context.Context, p trust.Principal, flightID, personID, note string) error {
	if !canWrite(p, writeCase) {
		return trust.ErrForbidden
	}
	return s.update(ctx, p, "update", "flight", flightID, func(w store.Writer) error {
		f, err := flightFor(ctx, w, p, flightID)
		if err != nil {
			return err
		}
		if f.Status != "planned" {
			return fieldErr("flight", "the flight is %s", f.Status)
		}
		row, err := passengerRow(ctx, w, flightID, personID)
		if err != nil {
			return err
		}
		if err := w.DeletePassenger(ctx, flightID, personID); err != nil {
			return err
		}
		c, err := w.GetCase(ctx, row.CaseID)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil || State(c.State) != OnManifest {
			return err
		}
		back, err := stateBefore(ctx, w, c.ID, OnManifest)
		if err != nil {
			return err
		}
		_, err = s.move(ctx, w, p, c, back, "off flight "+f.Number+": "+note, nil)
		return err
	})
}

// stateBefore is the state a case left when it last entered st.
func stateBefore(ctx context.Context, w store.Writer, caseID string, st State) (State, error) {
	evs, err := w.CaseEvents(ctx, caseID)
	if err != nil {
		return "", err
	}
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Kind == "transition" && evs[i].To == string(st) {
			return State(evs[i].From), nil
		}
	}
	return Screened, nil
}

// ErrNoCase and ErrNoBoardingCase say why BoardingCase found no case.
var (
	ErrNoCase         = errors.New("the person has no case")
	ErrNoBoardingCase = errors.New("every case of the person is on a flight or closed")
)

// BoardingCase is the case a flight's manifest takes for a person: the
// newest of their cases p may read that has not yet reached a manifest
// and is not closed. (AddPassenger then checks that it may board.)
func (s *Service) BoardingCase(ctx context.Context, p trust.Principal, personID string) (*store.Case, error) {
	cs, err := s.ListCases(ctx, p, store.CaseFilter{PersonID: personID})
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, ErrNoCase
	}
	onManifest := slices.Index(States, OnManifest)
	for i := len(cs) - 1; i >= 0; i-- {
		if st := State(cs[i].State); st != Closed && slices.Index(States, st) < onManifest {
			return cs[i], nil
		}
	}
	return nil, ErrNoBoardingCase
}
