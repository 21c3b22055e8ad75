package casework

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ManifestCounts are a manifest's totals. They are computed from its rows
// every time, never stored, so they always agree with them.
type ManifestCounts struct {
	Total         int
	ByLegalStatus map[string]int
	ByFitToFly    map[string]int
	ByOutcome     map[string]int
}

// CountManifest counts rows by legal status, fitness to fly and outcome.
func CountManifest(rows []*store.Passenger) ManifestCounts {
	c := ManifestCounts{Total: len(rows), ByLegalStatus: map[string]int{}, ByFitToFly: map[string]int{}, ByOutcome: map[string]int{}}
	for _, r := range rows {
		c.ByLegalStatus[r.LegalStatus]++
		c.ByFitToFly[r.FitToFly]++
		c.ByOutcome[r.Outcome]++
	}
	return c
}

// ManifestRow is a passenger with their person.
type ManifestRow struct {
	Passenger *store.Passenger
	// Person is the passenger's person record; when the reader may not
	// read it (a RED or AMBER+STRICT person of another organisation on a
	// flight they may read), only its ID, and Withheld is set: the row
	// still counts, its names, dates and documents stay out.
	Person   *store.Person
	Withheld bool
}

// Manifest is a flight with its passengers and their counts.
type Manifest struct {
	Flight *store.Flight
	Rows   []ManifestRow
	Counts ManifestCounts
	// Actors names the users who moved the flight to new times
	// (Flight.Reschedules), by user ID, as CaseFile.Actors does.
	Actors map[string]Actor
}

// Flights lists the flights p may read, by departure.
func (s *Service) Flights(ctx context.Context, p trust.Principal) ([]*store.Flight, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	all, err := s.st.ListFlights(ctx)
	if err != nil {
		return nil, err
	}
	var out []*store.Flight
	for _, f := range all {
		if mayRead(p, auth.ActionReadPerson, flightMarking(f)) {
			out = append(out, f)
		}
	}
	return out, nil
}

// flightAboard reads a flight p may read and its passengers.
func (s *Service) flightAboard(ctx context.Context, p trust.Principal, flightID string) (*store.Flight, []*store.Passenger, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, nil, trust.ErrForbidden
	}
	f, err := s.st.GetFlight(ctx, flightID)
	if err != nil {
		return nil, nil, err
	}
	if !mayRead(p, auth.ActionReadPerson, flightMarking(f)) {
		return nil, nil, store.ErrNotFound
	}
	rows, err := s.st.ListPassengers(ctx, flightID)
	if err != nil {
		return nil, nil, err
	}
	return f, rows, nil
}

// GetManifest returns a flight p may read with its passengers, and audits
// the read of each passenger's person in one transaction.
func (s *Service) GetManifest(ctx context.Context, p trust.Principal, flightID string) (*Manifest, error) {
	f, rows, err := s.flightAboard(ctx, p, flightID)
	if err != nil {
		return nil, err
	}
	m := &Manifest{Flight: f, Counts: CountManifest(rows)}
	var by []string
	for _, r := range f.Reschedules {
		by = append(by, r.By)
	}
	if m.Actors, err = s.actorsByID(ctx, by); err != nil {
		return nil, err
	}
	for _, r := range rows {
		person, err := s.st.GetPerson(ctx, r.PersonID)
		if err != nil {
			return nil, err
		}
		row := ManifestRow{Passenger: r, Person: person}
		if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
			row.Person, row.Withheld = &store.Person{ID: person.ID}, true
		}
		m.Rows = append(m.Rows, row)
	}
	err = s.st.Update(ctx, func(w store.Writer) error {
		if err := trust.Record(ctx, w, p, s.now(), "read", "flight", flightID, "allow"); err != nil {
			return err
		}
		for _, r := range m.Rows {
			if r.Withheld {
				continue
			}
			if err := trust.Record(ctx, w, p, s.now(), "read", "person", r.Person.ID, "allow"); err != nil {
				return err
			}
		}
		return nil
	})
	return m, err
}

// manifestColumns are the columns of a manifest's CSV export.
var manifestColumns = []string{"flight", "depart_at", "seat", "person_ref", "name_latin", "name", "date_of_birth", "sex",
	"nationality", "document_type", "document_number", "legal_status", "fit_to_fly", "escort", "receiving_agency", "outcome"}

// WriteManifestCSV writes a flight's manifest as CSV (for the carrier, the
// receiving police and immigration), audited as an export.
func (s *Service) WriteManifestCSV(ctx context.Context, p trust.Principal, flightID string, out io.Writer) error {
	m, err := s.GetManifest(ctx, p, flightID)
	if err != nil {
		return err
	}
	if err := s.audit(ctx, p, "export", "flight", flightID, "allow"); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	if err := w.Write(manifestColumns); err != nil {
		return err
	}
	for _, r := range m.Rows {
		ref := r.Person.ExternalRef
		if ref == "" && !r.Withheld {
			ref = r.Person.ID
		}
		nat := ""
		if len(r.Person.Nationalities) > 0 {
			nat = r.Person.Nationalities[0]
		}
		doc := travelDocument(r.Person)
		rec := []string{m.Flight.Number, m.Flight.DepartAt.Format(time.RFC3339), r.Passenger.Seat, ref,
			nameOf(r.Person, "passport"), nameOf(r.Person, "primary"), r.Person.DOB, r.Person.Sex, nat,
			doc.Type, doc.Number, r.Passenger.LegalStatus, r.Passenger.FitToFly, r.Passenger.Escort,
			r.Passenger.ReceivingAgency, r.Passenger.Outcome}
		for i := range rec {
			rec[i] = csvSafe(rec[i])
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

// nameOf is the first name of a kind, else the first name.
func nameOf(p *store.Person, kind string) string {
	for _, n := range p.Names {
		if n.Kind == kind {
			return n.Text
		}
	}
	if kind == "passport" {
		for _, n := range p.Names {
			if n.Script == "Latn" {
				return n.Text
			}
		}
		return ""
	}
	if len(p.Names) > 0 {
		return p.Names[0].Text
	}
	return ""
}

// travelDocument is the document a person travels on: the last one they
// hold, an emergency travel document first.
func travelDocument(p *store.Person) store.IdentityDocument {
	var best store.IdentityDocument
	for _, d := range p.Documents {
		if d.Status != "held" {
			continue
		}
		if best.Number == "" || d.Type != "passport" || best.Type == "passport" {
			best = d
		}
	}
	return best
}

// EarlyDeparture is how long before its scheduled time a flight's
// departure may be recorded. A departure cannot be undone, so one recorded
// earlier (a flight marked departed by mistake, days ahead) is refused: a
// flight that really leaves earlier is rescheduled first.
const EarlyDeparture = 12 * time.Hour

// FlightDeparted records a flight's departure at a time (which becomes
// its departure time; zero: now): every passenger's case moves to
// departed. Refused while a passenger is not declared fit to fly, and
// when the departure, or the moment it is recorded, is more than
// EarlyDeparture before the scheduled time.
func (s *Service) FlightDeparted(ctx context.Context, p trust.Principal, flightID string, at time.Time) error {
	return s.flightMoves(ctx, p, flightID, "planned", "departed", Departed, at, DepartureRefusal)
}

// DepartureOpensAt is the earliest time f's departure may be recorded:
// EarlyDeparture before its scheduled time.
func DepartureOpensAt(f *store.Flight) time.Time { return f.DepartAt.Add(-EarlyDeparture) }

// departureTooEarly refuses a departure of f recorded now for the time at
// (zero: now) more than EarlyDeparture before f's scheduled time.
func departureTooEarly(f *store.Flight, now, at time.Time) error {
	if at.IsZero() || now.Before(at) {
		at = now
	}
	if at.Before(DepartureOpensAt(f)) {
		return fieldErr("depart_at", "flight %s is scheduled to depart at %s, more than %d hours after %s: reschedule the flight first if it leaves early",
			f.Number, f.DepartAt.UTC().Format(flightClock), int(EarlyDeparture/time.Hour), at.UTC().Format(flightClock))
	}
	return nil
}

// DepartureRefusal is what FlightDeparted answers for a planned flight
// with these passengers: a *FieldError on "fit_to_fly" naming those not
// declared fit to fly, or nil.
func DepartureRefusal(rows []*store.Passenger) error {
	var notFit []string
	for _, r := range rows {
		if r.FitToFly != "fit" {
			notFit = append(notFit, r.PersonID)
		}
	}
	if len(notFit) > 0 {
		sort.Strings(notFit)
		return fieldErr("fit_to_fly", "not declared fit to fly: %s (take them off the manifest or declare them fit)", strings.Join(notFit, ", "))
	}
	return nil
}

// FlightArrived records a flight's arrival: every passenger's case moves
// to arrived, and the hand-over duty starts.
func (s *Service) FlightArrived(ctx context.Context, p trust.Principal, flightID string, at time.Time) error {
	return s.flightMoves(ctx, p, flightID, "departed", "arrived", Arrived, at, nil)
}

func (s *Service) flightMoves(ctx context.Context, p trust.Principal, flightID, from, status string, to State, at time.Time, check func([]*store.Passenger) error) error {
	if !canWrite(p, writeCase) {
		return trust.ErrForbidden
	}
	return s.update(ctx, p, "update", "flight", flightID, func(w store.Writer) error {
		f, err := flightFor(ctx, w, p, flightID)
		if err != nil {
			return err
		}
		if f.Status != from {
			return fieldErr("flight", "the flight is %s, not %s", f.Status, from)
		}
		if to == Departed {
			if err := departureTooEarly(f, s.now(), at); err != nil {
				return err
			}
		}
		rows, err := w.ListPassengers(ctx, flightID)
		if err != nil {
			return err
		}
		if check != nil {
			if err := check(rows); err != nil {
				return err
			}
		}
		for _, r := range rows {
			c, err := w.GetCase(ctx, r.CaseID)
			if err != nil {
				return err
			}
			if _, err := s.move(ctx, w, p, c, to, "flight "+f.Number, nil); err != nil {
				return fmt.Errorf("case %s: %w", c.ID, err)
			}
		}
		f.Status = status
		if !at.IsZero() {
			// The times become what happened: a flight leaves late or
			// early, and lands when it lands.
			at = at.UTC().Truncate(time.Microsecond)
			switch status {
			case "departed":
				f.DepartAt = at
			case "arrived":
				f.ArriveAt = at
			}
		}
		return w.PutFlight(ctx, f)
	})
}

// handOverOf is the hand-over an arrival outcome implies.
var handOverOf = map[string]string{"warrant_executed": "police", "referred_to_shelter": "shelter", "handed_to_family": "family"}

// SetArrivalOutcome records what became of a passenger on arrival. An
// outcome that hands the person over (to the police, a shelter or the
// family) moves their arrived case to handed_over; once it has, the
// outcome no longer changes (the case does not go back).
func (s *Service) SetArrivalOutcome(ctx context.Context, p trust.Principal, flightID, personID, outcome, note string) (*store.Passenger, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	if err := oneOf("outcome", outcome, ArrivalOutcomes, false); err != nil {
		return nil, err
	}
	var out *store.Passenger
	err := s.update(ctx, p, "update", "flight", flightID, func(w store.Writer) error {
		f, err := flightFor(ctx, w, p, flightID)
		if err != nil {
			return err
		}
		if f.Status != "arrived" {
			return fieldErr("flight", "the flight has not arrived")
		}
		row, err := passengerRow(ctx, w, flightID, personID)
		if err != nil {
			return err
		}
		c, err := w.GetCase(ctx, row.CaseID)
		if err != nil {
			return err
		}
		if _, handed := handOverOf[row.Outcome]; handed && outcome != row.Outcome && State(c.State) != Arrived {
			// The outcome moved the case on, and a case does not go
			// back: the two would no longer agree.
			return fieldErr("outcome", "%s is recorded and the person was handed over (the case is %s): it no longer changes", row.Outcome, c.State)
		}
		row.Outcome, row.OutcomeAt, row.OutcomeNote = outcome, s.now(), note
		if to, ok := handOverOf[outcome]; ok {
			if State(c.State) == Arrived {
				if _, err := s.move(ctx, w, p, c, HandedOver, note, func(c *store.Case) { c.HandedTo = to }); err != nil {
					return err
				}
			}
		}
		out = row
		return w.PutPassenger(ctx, row)
	})
	return out, err
}
