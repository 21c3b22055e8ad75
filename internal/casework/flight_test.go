package casework

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

// manifestFixture makes n persons, each with a screened case, and a planned flight.
func manifestFixture(t *testing.T, n int) (*fixture, *store.Flight, []*store.Case) {
	f := newFixture(t)
	fl, cases := f.manifest(n)
	return f, fl, cases
}

// manifest makes n persons, each with a screened case, and a planned flight.
func (f *fixture) manifest(n int) (*store.Flight, []*store.Case) {
	t := f.t
	var cases []*store.Case
	for i := range n {
		in := minho()
		in.ExternalRef = fmt.Sprintf("EMB-%04d", i+1)
		in.Documents[0].Number = fmt.Sprintf("M%08d", i+1)
		in.Documents[0].Status = "held"
		in.Selectors = nil
		p := f.person(f.officer, in)
		c := f.openCase(f.officer, p.ID, Arrested)
		if _, err := f.svc.RecordScreening(f.ctx, f.officer, screeningFor(p.ID, "possible")); err != nil {
			t.Fatal(err)
		}
		c, err := f.svc.Transition(f.ctx, f.officer, c.ID, Screened, "")
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	fl, err := f.svc.CreateFlight(f.ctx, f.officer, &FlightInput{Number: "KE9688", Carrier: "Korean Air", Charter: true,
		From: "pnh", To: "icn", DepartAt: f.clock.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return fl, cases
}

// TestManifestCountsFollowRows adds, changes and removes passengers at
// random and checks after every step that the counts equal a count of
// the rows the test keeps itself.
func TestManifestCountsFollowRows(t *testing.T) {
	f, fl, cases := manifestFixture(t, 12)
	rng := rand.New(rand.NewPCG(7, 11))
	type row struct{ legal, fit string }
	want := map[string]row{} // by case ID
	onBoard := map[string]string{}
	for step := range 80 {
		c := cases[rng.IntN(len(cases))]
		legal := LegalStatuses[rng.IntN(len(LegalStatuses))]
		fit := FitToFly[rng.IntN(len(FitToFly))]
		_, on := want[c.ID]
		switch op := rng.IntN(3); {
		case !on:
			if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, LegalStatus: legal, FitToFly: fit}); err != nil {
				t.Fatalf("step %d: add: %v", step, err)
			}
			want[c.ID] = row{legal, fit}
			onBoard[c.ID] = c.PersonID
		case op == 0:
			if err := f.svc.RemovePassenger(f.ctx, f.officer, fl.ID, c.PersonID, "not ready"); err != nil {
				t.Fatalf("step %d: remove: %v", step, err)
			}
			delete(want, c.ID)
			got, _ := f.st.GetCase(f.ctx, c.ID)
			if got.State != string(Screened) {
				t.Fatalf("step %d: a case taken off the manifest is %s, want screened", step, got.State)
			}
		default:
			if _, err := f.svc.UpdatePassenger(f.ctx, f.officer, c.PersonID, &PassengerInput{FlightID: fl.ID, LegalStatus: legal, FitToFly: fit}); err != nil {
				t.Fatalf("step %d: update: %v", step, err)
			}
			want[c.ID] = row{legal, fit}
		}
		m, err := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
		if err != nil {
			t.Fatal(err)
		}
		exp := ManifestCounts{Total: len(want), ByLegalStatus: map[string]int{}, ByFitToFly: map[string]int{}, ByOutcome: map[string]int{}}
		for _, r := range want {
			exp.ByLegalStatus[r.legal]++
			exp.ByFitToFly[r.fit]++
			exp.ByOutcome["pending"]++
		}
		if len(want) == 0 {
			exp.ByOutcome = map[string]int{}
		}
		if !reflect.DeepEqual(m.Counts, exp) || len(m.Rows) != len(want) {
			t.Fatalf("step %d: counts %+v (rows %d), want %+v", step, m.Counts, len(m.Rows), exp)
		}
	}
}

func TestManifestExportAndArrival(t *testing.T) {
	f, fl, cases := manifestFixture(t, 3)
	statuses := []string{"victim", "warrant_to_execute", "voluntary"}
	for i, c := range cases {
		if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, Seat: fmt.Sprintf("%dA", 30+i),
			LegalStatus: statuses[i], FitToFly: "fit", Escort: "=HYPERLINK(\"x\")", ReceivingAgency: "Chungnam PPA"}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.svc.WriteManifestCSV(f.ctx, f.officer, fl.ID, &buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || strings.Join(recs[0], ",") != strings.Join(manifestColumns, ",") {
		t.Fatalf("CSV = %q", recs)
	}
	r1 := recs[1]
	if r1[0] != "KE9688" || r1[2] != "30A" || r1[3] != "EMB-0001" || r1[4] != "PARK MINHO" || r1[5] != "박민호" ||
		r1[9] != "passport" || r1[10] != "M00000001" || r1[11] != "victim" || r1[13] != `'=HYPERLINK("x")` {
		t.Errorf("first row = %q", r1)
	}
	if err := f.svc.FlightArrived(f.ctx, f.officer, fl.ID, f.clock); err == nil {
		t.Error("a planned flight arrived without departing")
	}
	f.clock = fl.DepartAt
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim"}); err == nil {
		t.Error("a passenger was added to a departed flight")
	}
	if _, err := f.svc.UpdatePassenger(f.ctx, f.officer, cases[1].PersonID, &PassengerInput{FlightID: fl.ID, LegalStatus: "voluntary", FitToFly: "fit"}); err == nil || !strings.Contains(err.Error(), "the flight is departed") {
		t.Errorf("a departed flight's row was changed: %v", err)
	}
	f.advance(6 * time.Hour)
	if err := f.svc.FlightArrived(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	outcomes := []string{"referred_to_shelter", "warrant_executed", "released"}
	for i, c := range cases {
		if _, err := f.svc.SetArrivalOutcome(f.ctx, f.officer, fl.ID, c.PersonID, outcomes[i], ""); err != nil {
			t.Fatal(err)
		}
	}
	m, err := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"referred_to_shelter": 1, "warrant_executed": 1, "released": 1}; !reflect.DeepEqual(m.Counts.ByOutcome, want) {
		t.Errorf("outcomes = %v", m.Counts.ByOutcome)
	}
	var states, handed []string
	for _, c := range cases {
		got, _ := f.st.GetCase(f.ctx, c.ID)
		states, handed = append(states, got.State), append(handed, got.HandedTo)
	}
	if want := []string{"handed_over", "handed_over", "arrived"}; !reflect.DeepEqual(states, want) {
		t.Errorf("states after the outcomes = %v, want %v", states, want)
	}
	if want := []string{"shelter", "police", ""}; !reflect.DeepEqual(handed, want) {
		t.Errorf("handed to = %v, want %v", handed, want)
	}
	// The released passenger's hand-over duty is open; the others' are met.
	f.advance(49 * time.Hour)
	od, _ := f.svc.OverdueDeadlines(f.ctx, f.officer)
	if len(od) != 1 || od[0].Case.ID != cases[2].ID || od[0].Deadline.Kind != "hand_over" {
		t.Errorf("overdue after 49h = %+v", od)
	}
}

func TestManifestNeedsATravelDocument(t *testing.T) {
	f, fl, cases := manifestFixture(t, 1)
	p, _ := f.st.GetPerson(f.ctx, cases[0].PersonID)
	if _, err := f.svc.SetDocumentStatus(f.ctx, f.officer, p.ID, p.Documents[0].Number, "held_by_captors", ""); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim"})
	wantField(t, err, "document")
	_, err = f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "deported"})
	wantField(t, err, "legal_status")
	if _, err := f.svc.IssueTravelDocument(f.ctx, f.officer, cases[0].ID, store.IdentityDocument{Number: "ETD-0001", Country: "KR"}, ""); err != nil {
		t.Fatal(err)
	}
	row, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim"})
	if err != nil || row.FitToFly != "pending" || row.Outcome != "pending" || row.PersonID != p.ID {
		t.Fatalf("AddPassenger = %+v, %v", row, err)
	}
	_, err = f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim"})
	var te *TransitionError
	if !errors.As(err, &te) || te.From != OnManifest {
		t.Errorf("adding a passenger twice: %v", err)
	}
}

// TestManifestRefusesAFlightPastItsDeparture: once the clock passes a
// planned flight's departure, AddPassenger refuses it, naming the flight
// and when it was due to leave, and the case stays where it was; a minute
// before, the same passenger is taken.
func TestManifestRefusesAFlightPastItsDeparture(t *testing.T) {
	f, fl, cases := manifestFixture(t, 2)
	if !f.svc.TakesPassengers(fl) {
		t.Error("a planned flight two days ahead takes no passengers")
	}
	f.advance(48 * time.Hour) // departure time itself: too late
	if f.svc.TakesPassengers(fl) {
		t.Error("a flight at its departure time takes passengers")
	}
	_, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim"})
	var de *DepartedError
	if !errors.As(err, &de) || de.FlightID != fl.ID || de.Number != "KE9688" || !de.DepartAt.Equal(fl.DepartAt) {
		t.Fatalf("AddPassenger at the departure time: %v", err)
	}
	if want := "flight KE9688 was due to depart at 2025-10-16 09:00 UTC: a flight past its departure takes no more passengers"; err.Error() != want {
		t.Errorf("the refusal says %q, want %q", err, want)
	}
	c, _ := f.st.GetCase(f.ctx, cases[0].ID)
	m, _ := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
	if c.State != string(Screened) || len(m.Rows) != 0 {
		t.Errorf("after the refusal the case is %s and the manifest has %d rows", c.State, len(m.Rows))
	}
	f.advance(-time.Minute)
	if !f.svc.TakesPassengers(fl) {
		t.Error("a flight a minute before its departure takes no passengers")
	}
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[1].ID, LegalStatus: "victim"}); err != nil {
		t.Errorf("AddPassenger a minute before departure: %v", err)
	}
	for _, status := range []string{"departed", "arrived"} {
		gone := *fl
		gone.Status = status
		if f.svc.TakesPassengers(&gone) {
			t.Errorf("a %s flight takes passengers", status)
		}
	}
}

// TestManifestWithholdsPersonsTheReaderMayNotRead: a partner who may read
// the flight sees every row and the counts, but nothing of a person
// whose record is marked for its organisation only, in the manifest and
// in its CSV; a person shared with the partner shows in full.
func TestManifestWithholdsPersonsTheReaderMayNotRead(t *testing.T) {
	f, fl, cases := manifestFixture(t, 2)
	shared, err := f.svc.GetPerson(f.ctx, f.officer, cases[1].PersonID)
	if err != nil {
		t.Fatal(err)
	}
	in := minho()
	in.ExternalRef, in.TLP, in.Selectors = shared.ExternalRef, store.TLPAmber, nil
	in.Documents[0].Number, in.Documents[0].Status = shared.Documents[0].Number, "held"
	if _, err := f.svc.ReplacePerson(f.ctx, f.officer, shared.ID, in); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
			t.Fatal(err)
		}
	}
	m, err := f.svc.GetManifest(f.ctx, f.prosecutor, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Counts.Total != 2 || len(m.Rows) != 2 {
		t.Fatalf("the partner's manifest: %d counted, %d rows, want 2 and 2", m.Counts.Total, len(m.Rows))
	}
	for _, r := range m.Rows {
		strict := r.Passenger.PersonID == cases[0].PersonID
		if r.Withheld != strict {
			t.Errorf("person %s: withheld %v, want %v", r.Passenger.PersonID, r.Withheld, strict)
		}
		if strict && (len(r.Person.Names) > 0 || r.Person.DOB != "" || len(r.Person.Documents) > 0) {
			t.Errorf("a withheld person shows %+v", r.Person)
		}
		if !strict && nameOf(r.Person, "passport") != "PARK MINHO" {
			t.Errorf("the shared person lost their name: %+v", r.Person.Names)
		}
	}
	var buf bytes.Buffer
	if err := f.svc.WriteManifestCSV(f.ctx, f.prosecutor, fl.ID, &buf); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "PARK MINHO"); got != 1 {
		t.Errorf("the partner's CSV names PARK MINHO %d times, want once (the shared person):\n%s", got, buf.String())
	}
	if strings.Contains(buf.String(), "M00000001") {
		t.Error("the partner's CSV shows the withheld person's passport")
	}
	if strings.Contains(buf.String(), cases[0].PersonID) {
		t.Errorf("the partner's CSV names the withheld person by their record's ID %s:\n%s", cases[0].PersonID, buf.String())
	}
	if rows := strings.Split(strings.TrimSpace(buf.String()), "\n"); len(rows) != 3 {
		t.Errorf("the partner's CSV has %d lines, want the header and both passengers", len(rows))
	}
	if audit := f.auditOf(cases[0].PersonID); slices.Contains(audit, f.prosecutor.UserID+" read person allow") {
		t.Errorf("a withheld person's read is audited as a read: %v", audit)
	}
	own, err := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range own.Rows {
		if r.Withheld {
			t.Error("the flight's own officer has a row withheld")
		}
	}
}

// TestBoardingCase: the manifest takes a person's newest case that has
// not reached a manifest and is not closed; none when every case has.
func TestBoardingCase(t *testing.T) {
	f, fl, cases := manifestFixture(t, 1)
	pid := cases[0].PersonID
	if c, err := f.svc.BoardingCase(f.ctx, f.officer, pid); err != nil || c.ID != cases[0].ID {
		t.Fatalf("the screened case: %v, %v", c, err)
	}
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.BoardingCase(f.ctx, f.officer, pid); !errors.Is(err, ErrNoBoardingCase) {
		t.Errorf("with the only case on the manifest: %v, want ErrNoBoardingCase", err)
	}
	f.advance(time.Minute)
	second := f.openCase(f.officer, pid, Arrested)
	if c, err := f.svc.BoardingCase(f.ctx, f.officer, pid); err != nil || c.ID != second.ID {
		t.Errorf("with a second, arrested case: %v, %v", c, err)
	}
	if _, err := f.svc.Transition(f.ctx, f.officer, second.ID, Closed, "released"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.BoardingCase(f.ctx, f.officer, pid); !errors.Is(err, ErrNoBoardingCase) {
		t.Errorf("with the second case closed: %v, want ErrNoBoardingCase", err)
	}
	other := f.person(f.officer, &PersonInput{ExternalRef: "EMB-9", Names: []store.PersonName{{Kind: "primary", Text: "이하나"}},
		LegalBasis: "Consular Assistance Act art. 11", Purpose: "protection of a national abroad"})
	if _, err := f.svc.BoardingCase(f.ctx, f.officer, other.ID); !errors.Is(err, ErrNoCase) {
		t.Errorf("a person with no case: %v, want ErrNoCase", err)
	}
}

// TestBoardingRefusalIsWhatAddPassengerSays: for a person with no travel
// document held, and for a case not yet screened, BoardingRefusal gives
// the very refusal AddPassenger gives; for a screened case of a person
// holding a passport it gives none, and AddPassenger takes them.
func TestBoardingRefusalIsWhatAddPassengerSays(t *testing.T) {
	f, fl, cases := manifestFixture(t, 1)
	in := minho() // the passport is held by captors
	in.ExternalRef, in.Documents[0].Number, in.Selectors = "EMB-0900", "M90000001", nil
	noDoc := f.person(f.officer, in)
	arrested := f.openCase(f.officer, cases[0].PersonID, Arrested)
	for _, tc := range []struct {
		name string
		c    *store.Case
	}{
		{"no document", f.openCase(f.officer, noDoc.ID, Arrested)},
		{"not screened", arrested},
		{"screened", cases[0]},
	} {
		person, err := f.svc.GetPerson(f.ctx, f.officer, tc.c.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		want := BoardingRefusal(tc.c, person)
		_, got := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: tc.c.ID, LegalStatus: "victim"})
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: AddPassenger says %v, BoardingRefusal %v", tc.name, got, want)
		}
		var fe *FieldError
		var te *TransitionError
		switch tc.name {
		case "no document":
			if !errors.As(want, &fe) || fe.Field != "document" {
				t.Errorf("no document: %v", want)
			}
		case "not screened":
			if !errors.As(want, &te) || te.To != OnManifest {
				t.Errorf("not screened: %v", want)
			}
		case "screened":
			if want != nil {
				t.Errorf("screened: %v", want)
			}
		}
	}
}

// TestDepartureRefusalIsWhatFlightDepartedSays: a manifest with a
// passenger not declared fit is refused by FlightDeparted with the very
// refusal DepartureRefusal gives; once all are fit neither refuses.
func TestDepartureRefusalIsWhatFlightDepartedSays(t *testing.T) {
	f, fl, cases := manifestFixture(t, 2)
	if err := DepartureRefusal(nil); err != nil {
		t.Errorf("an empty manifest: %v", err)
	}
	for i, fit := range []string{"fit", "pending"} {
		if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[i].ID, LegalStatus: "victim", FitToFly: fit}); err != nil {
			t.Fatal(err)
		}
	}
	rows := func() []*store.Passenger {
		m, err := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []*store.Passenger
		for _, r := range m.Rows {
			out = append(out, r.Passenger)
		}
		return out
	}
	want := DepartureRefusal(rows())
	f.clock = fl.DepartAt
	var fe *FieldError
	if !errors.As(want, &fe) || fe.Field != "fit_to_fly" || !strings.Contains(fe.Reason, cases[1].PersonID) || strings.Contains(fe.Reason, cases[0].PersonID) {
		t.Fatalf("with one passenger pending: %v", want)
	}
	if got := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("FlightDeparted says %v, DepartureRefusal %v", got, want)
	}
	if _, err := f.svc.UpdatePassenger(f.ctx, f.officer, cases[1].PersonID, &PassengerInput{FlightID: fl.ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	if err := DepartureRefusal(rows()); err != nil {
		t.Errorf("all fit: %v", err)
	}
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Errorf("all fit, FlightDeparted: %v", err)
	}
}

// TestDepartureKeepsItsTime: a flight that leaves two hours late records
// when it left, as its arrival records when it landed, so the manifest
// never shows a flight that arrived before it departed.
func TestDepartureKeepsItsTime(t *testing.T) {
	f, fl, cases := manifestFixture(t, 1)
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	f.advance(50 * time.Hour) // two hours after the scheduled departure
	left := f.clock
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, left); err != nil {
		t.Fatal(err)
	}
	got, err := f.st.GetFlight(f.ctx, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.DepartAt.Equal(left) || got.Status != "departed" {
		t.Errorf("departed flight: depart_at %s, status %s; want %s, departed", got.DepartAt, got.Status, left)
	}
	f.advance(5 * time.Hour)
	if err := f.svc.FlightArrived(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.svc.WriteManifestCSV(f.ctx, f.officer, fl.ID, &buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][1] != left.Format(time.RFC3339) {
		t.Errorf("manifest CSV = %q (%v), want depart_at %s", recs, err, left.Format(time.RFC3339))
	}
	got, _ = f.st.GetFlight(f.ctx, fl.ID)
	if !got.ArriveAt.Equal(f.clock) || !got.ArriveAt.After(got.DepartAt) {
		t.Errorf("arrived flight: departs %s, arrives %s", got.DepartAt, got.ArriveAt)
	}
}

// TestHandOverOutcomeStands: once an arrival outcome has handed the
// passenger over (the warrant executed: to the police), it no longer
// changes, since the case cannot go back; the manifest's counts and the
// case keep agreeing. An outcome that handed nobody over may still
// change, and the change may hand them over.
func TestHandOverOutcomeStands(t *testing.T) {
	f, fl, cases := manifestFixture(t, 2)
	for _, c := range cases {
		if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, LegalStatus: "warrant_to_execute", FitToFly: "fit"}); err != nil {
			t.Fatal(err)
		}
	}
	f.clock = fl.DepartAt
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	f.advance(6 * time.Hour)
	if err := f.svc.FlightArrived(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SetArrivalOutcome(f.ctx, f.officer, fl.ID, cases[0].PersonID, "warrant_executed", "arrested on board"); err != nil {
		t.Fatal(err)
	}
	for _, again := range []string{"released", "pending", "handed_to_family"} {
		_, err := f.svc.SetArrivalOutcome(f.ctx, f.officer, fl.ID, cases[0].PersonID, again, "")
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "outcome" || fe.Reason != "warrant_executed is recorded and the person was handed over (the case is handed_over): it no longer changes" {
			t.Errorf("changing a hand-over to %s: %v", again, err)
		}
	}
	if _, err := f.svc.SetArrivalOutcome(f.ctx, f.officer, fl.ID, cases[0].PersonID, "warrant_executed", "noted again"); err != nil {
		t.Errorf("the same outcome again: %v", err)
	}
	if _, err := f.svc.SetArrivalOutcome(f.ctx, f.officer, fl.ID, cases[1].PersonID, "released", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SetArrivalOutcome(f.ctx, f.officer, fl.ID, cases[1].PersonID, "referred_to_shelter", "released, then to a shelter"); err != nil {
		t.Errorf("a release followed by a referral: %v", err)
	}
	m, err := f.svc.GetManifest(f.ctx, f.officer, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"warrant_executed": 1, "referred_to_shelter": 1}; !reflect.DeepEqual(m.Counts.ByOutcome, want) {
		t.Errorf("outcomes = %v, want %v", m.Counts.ByOutcome, want)
	}
	var handed []string
	for _, c := range cases {
		got, _ := f.st.GetCase(f.ctx, c.ID)
		handed = append(handed, got.State+":"+got.HandedTo)
	}
	if want := []string{"handed_over:police", "handed_over:shelter"}; !reflect.DeepEqual(handed, want) {
		t.Errorf("cases = %v, want %v", handed, want)
	}
}

// TestDepartureNotLongBeforeSchedule: a departure, which cannot be undone,
// is refused more than EarlyDeparture before the flight's scheduled time,
// whether recorded now or for an earlier time; within the window it is
// recorded; and a flight is not planned for a time already past.
func TestDepartureNotLongBeforeSchedule(t *testing.T) {
	f, fl, cases := manifestFixture(t, 1) // departs 48h after the clock
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: cases[0].ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	f.advance(48*time.Hour - EarlyDeparture - time.Minute) // 12h01 before
	want := "depart_at: flight KE9688 is scheduled to depart at 2025-10-16 09:00 UTC, more than 12 hours after 2025-10-15 20:59 UTC: reschedule the flight first if it leaves early"
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, time.Time{}); fmt.Sprint(err) != want {
		t.Errorf("departed now, 12h01 early: %v\nwant %s", err, want)
	}
	f.advance(2 * time.Minute) // 11h59 before
	want = "depart_at: flight KE9688 is scheduled to depart at 2025-10-16 09:00 UTC, more than 12 hours after 2025-10-15 08:00 UTC: reschedule the flight first if it leaves early"
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, fl.DepartAt.Add(-25*time.Hour)); fmt.Sprint(err) != want {
		t.Errorf("departed a day early: %v\nwant %s", err, want)
	}
	if got, _ := f.st.GetFlight(f.ctx, fl.ID); got.Status != "planned" || !got.DepartAt.Equal(fl.DepartAt) {
		t.Fatalf("after the refusals the flight is %s at %s", got.Status, got.DepartAt)
	}
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatalf("departed 11h59 early: %v", err)
	}
	if got, _ := f.st.GetFlight(f.ctx, fl.ID); got.Status != "departed" || !got.DepartAt.Equal(f.clock) {
		t.Errorf("the flight is %s at %s, want departed at %s", got.Status, got.DepartAt, f.clock)
	}
	_, err := f.svc.CreateFlight(f.ctx, f.officer, &FlightInput{Number: "KE9690", From: "PNH", To: "ICN", DepartAt: f.clock.Add(-time.Hour)})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "depart_at" || fe.Reason != "2025-10-15 20:01 UTC has passed: a flight is planned for a time still to come" {
		t.Errorf("a flight planned in the past: %v", err)
	}
}
