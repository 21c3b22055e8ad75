package casework

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestCaseFromArrestToHandOver walks a case along the whole repatriation
// path, as the consular officers of October 2025 did, checking every step
// that is refused on the way and the timeline it leaves.
func TestCaseFromArrestToHandOver(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	c := f.openCase(f.officer, p.ID, Arrested)
	step := func(to State, note string) {
		t.Helper()
		f.advance(time.Hour)
		got, err := f.svc.Transition(f.ctx, f.officer, c.ID, to, note)
		if err != nil {
			t.Fatalf("to %s: %v", to, err)
		}
		if got.State != string(to) || !got.UpdatedAt.Equal(f.clock) {
			t.Fatalf("case after moving to %s: %+v", to, got)
		}
	}
	refused := func(to State, contains string) {
		t.Helper()
		_, err := f.svc.Transition(f.ctx, f.officer, c.ID, to, "")
		var te *TransitionError
		var fe *FieldError
		switch {
		case errors.As(err, &te):
			if !strings.Contains(te.Reason, contains) {
				t.Errorf("to %s refused: %q, want %q", to, te.Reason, contains)
			}
		case errors.As(err, &fe):
			if !strings.Contains(fe.Reason, contains) {
				t.Errorf("to %s refused: %q, want %q", to, fe.Reason, contains)
			}
		default:
			t.Errorf("to %s: err = %v, want a refusal", to, err)
		}
	}
	refused(Reported, "does not go back")
	refused(Screened, "no screening is recorded")
	step(InDetention, "moved to the immigration detention centre")
	if _, err := f.svc.RecordScreening(f.ctx, f.officer, screeningFor(p.ID, "possible")); err != nil {
		t.Fatal(err)
	}
	step(Screened, "interviewed with counsel present")
	refused(OnManifest, "add the person to a flight")
	refused(Departed, "flight's manifest")
	refused(HandedOver, "HandOver")
	f.advance(time.Hour)
	if _, err := f.svc.IssueTravelDocument(f.ctx, f.officer, c.ID, store.IdentityDocument{Number: "ETD2025001", Country: "KR", IssuedBy: "Embassy Phnom Penh"}, "passport held by captors"); err != nil {
		t.Fatal(err)
	}
	fl, err := f.svc.CreateFlight(f.ctx, f.officer, &FlightInput{Number: "KE9688", Carrier: "Korean Air", Charter: true, From: "PNH", To: "ICN", DepartAt: f.clock.Add(24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, LegalStatus: "warrant_to_execute", Escort: "team 2", ReceivingAgency: "Chungnam PPA"}); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); err == nil {
		t.Fatal("a flight departed with a passenger not declared fit to fly")
	}
	if _, err := f.svc.UpdatePassenger(f.ctx, f.officer, p.ID, &PassengerInput{FlightID: fl.ID, LegalStatus: "warrant_to_execute", FitToFly: "fit", Escort: "team 2", ReceivingAgency: "Chungnam PPA"}); err != nil {
		t.Fatal(err)
	}
	f.advance(24 * time.Hour)
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	f.advance(5 * time.Hour)
	if err := f.svc.FlightArrived(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	refused(Closed, "hand the person over")
	if _, err := f.svc.SetArrivalOutcome(f.ctx, f.officer, fl.ID, p.ID, "warrant_executed", "warrant executed on board"); err != nil {
		t.Fatal(err)
	}
	step(Closed, "returned")
	refused(Reported, "closed case")

	file, err := f.svc.GetCaseFile(f.ctx, f.officer2, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var path []string
	for _, ev := range file.Events {
		if ev.By != "u-officer" || ev.At.IsZero() {
			t.Errorf("event %d: by %q at %v", ev.Seq, ev.By, ev.At)
		}
		path = append(path, ev.From+">"+ev.To)
	}
	want := []string{">arrested", "arrested>immigration_detention", "immigration_detention>screened",
		"screened>travel_document_issued", "travel_document_issued>on_manifest", "on_manifest>departed",
		"departed>arrived", "arrived>handed_over", "handed_over>closed"}
	if !reflect.DeepEqual(path, want) {
		t.Errorf("timeline = %v\nwant %v", path, want)
	}
	if file.Case.HandedTo != "police" || len(file.Next) != 0 {
		t.Errorf("handed to %q, next %v", file.Case.HandedTo, file.Next)
	}
	if n := len(file.Person.Documents); n != 2 || file.Person.Documents[1].Type != "emergency_travel_document" {
		t.Errorf("documents after issue = %+v", file.Person.Documents)
	}
	if len(file.Passengers) != 1 || file.Passengers[0].Outcome != "warrant_executed" {
		t.Errorf("passengers = %+v", file.Passengers)
	}
}

func TestDeadlinesAndOverdue(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	arrested := f.openCase(f.officer, p.ID, Arrested)
	other := minho()
	other.ExternalRef = "EMB-0002"
	p2 := f.person(f.officer, other)
	reported := f.openCase(f.officer, p2.ID, Reported)
	file, err := f.svc.GetCaseFile(f.ctx, f.officer, arrested.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Deadlines) != 1 || file.Deadlines[0].Kind != "first_consular_visit" || !file.Deadlines[0].DueAt.Equal(f.clock.Add(72*time.Hour)) {
		t.Fatalf("deadlines of an arrest = %+v", file.Deadlines)
	}
	if od, _ := f.svc.OverdueDeadlines(f.ctx, f.officer); len(od) != 0 || len(file.Overdue) != 0 {
		t.Errorf("overdue at once: %+v, case file %v", od, file.Overdue)
	}
	f.advance(73 * time.Hour)
	od, err := f.svc.OverdueDeadlines(f.ctx, f.officer)
	if err != nil || len(od) != 1 || od[0].Case.ID != arrested.ID || od[0].By != time.Hour {
		t.Fatalf("overdue after 73h = %+v, %v", od, err)
	}
	if file, _ := f.svc.GetCaseFile(f.ctx, f.officer, arrested.ID); len(file.Overdue) != 1 || !file.Overdue[od[0].Deadline.ID] {
		t.Errorf("the case file's overdue deadlines after 73h = %v, want %s", file.Overdue, od[0].Deadline.ID)
	}
	if od, _ := f.svc.OverdueDeadlines(f.ctx, f.otherOfficer); len(od) != 0 {
		t.Errorf("another organisation sees %d overdue deadlines of the embassy's cases", len(od))
	}
	if _, err := f.svc.OverdueDeadlines(f.ctx, f.worker); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("a support worker read deadlines: %v", err)
	}
	// Moving to detention starts no second first-visit duty.
	if _, err := f.svc.Transition(f.ctx, f.officer, arrested.ID, InDetention, ""); err != nil {
		t.Fatal(err)
	}
	// A visit meets it.
	if _, err := f.svc.RecordAction(f.ctx, f.officer, arrested.ID, "visit", "visited at the detention centre", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if od, _ := f.svc.OverdueDeadlines(f.ctx, f.officer); len(od) != 0 {
		t.Errorf("overdue after the visit: %+v", od)
	}
	file, _ = f.svc.GetCaseFile(f.ctx, f.officer, arrested.ID)
	if len(file.Deadlines) != 1 || !file.Deadlines[0].MetAt.Equal(f.clock) || file.Deadlines[0].MetBy != "u-officer" {
		t.Errorf("deadlines after the visit = %+v", file.Deadlines)
	}
	// A reported case has no duty until it is arrested.
	if file, _ := f.svc.GetCaseFile(f.ctx, f.officer, reported.ID); len(file.Deadlines) != 0 {
		t.Errorf("deadlines of a reported case: %+v", file.Deadlines)
	}
	_, err = f.svc.RecordAction(f.ctx, f.officer, reported.ID, "dance", "", time.Time{})
	wantField(t, err, "action")
}

func TestCaseChangesRaceAndScope(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	c := f.openCase(f.officer, p.ID, Reported)
	// Two officers read the case in "reported"; the first moves it; the
	// second's move from the state it read is refused as a conflict.
	err := f.st.Update(f.ctx, func(w store.Writer) error {
		_, err := f.svc.move(f.ctx, w, f.officer, c, Located, "", nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	err = f.st.Update(f.ctx, func(w store.Writer) error {
		_, err := f.svc.move(f.ctx, w, f.officer2, c, Rescued, "", nil)
		return err
	})
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("a move from a stale state: %v, want a conflict", err)
	}
	if _, err := f.svc.Transition(f.ctx, f.otherOfficer, c.ID, Rescued, ""); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another organisation moved the case: %v", err)
	}
	if _, err := f.svc.Transition(f.ctx, f.prosecutor, c.ID, Rescued, ""); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("a prosecutor moved the case: %v", err)
	}
	cs, err := f.svc.ListCases(f.ctx, f.officer2, store.CaseFilter{State: string(Located)})
	if err != nil || len(cs) != 1 {
		t.Errorf("ListCases(located) = %v, %v", cs, err)
	}
	if cs, _ := f.svc.ListCases(f.ctx, f.otherOfficer, store.CaseFilter{}); len(cs) != 0 {
		t.Errorf("another organisation lists %d cases", len(cs))
	}
	_, err = f.svc.OpenCase(f.ctx, f.officer, &CaseInput{PersonID: p.ID, State: Departed})
	wantField(t, err, "state")
	_, err = f.svc.OpenCase(f.ctx, f.officer, &CaseInput{PersonID: "nobody"})
	wantField(t, err, "person")
}

// TestCaseFileHoldsWhatAMoveStillNeeds: the case file names the moves the
// state machine allows but the service still refuses, with the refusal a
// move there gets (screened before any screening is recorded); once the
// screening is recorded nothing is held and the move is made.
func TestCaseFileHoldsWhatAMoveStillNeeds(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	c := f.openCase(f.officer, p.ID, Arrested)
	file, err := f.svc.GetCaseFile(f.ctx, f.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	held := file.Held[Screened]
	if len(file.Held) != 1 || held == nil || held.From != Arrested {
		t.Fatalf("held = %v, want screened only", file.Held)
	}
	_, err = f.svc.Transition(f.ctx, f.officer, c.ID, Screened, "")
	if err == nil || err.Error() != held.Error() {
		t.Errorf("the move held for %q was refused with %v", held, err)
	}
	if _, err := f.svc.RecordScreening(f.ctx, f.officer, screeningFor(p.ID, "possible")); err != nil {
		t.Fatal(err)
	}
	if file, err = f.svc.GetCaseFile(f.ctx, f.officer, c.ID); err != nil || len(file.Held) != 0 {
		t.Fatalf("after the screening: held = %v, %v", file.Held, err)
	}
	if _, err := f.svc.Transition(f.ctx, f.officer, c.ID, Screened, "screened"); err != nil {
		t.Errorf("after the screening: %v", err)
	}
}

// TestPassportGivenBackIsNotRecordedTwice: a passport the captors held,
// given back and entered as the case's travel document, is the same
// document, now held: the person holds it once, and marking it lost
// later leaves them holding no travel document.
func TestPassportGivenBackIsNotRecordedTwice(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho()) // M12345678, held by captors
	c := f.openCase(f.officer, p.ID, InDetention)
	if _, err := f.svc.IssueTravelDocument(f.ctx, f.officer, c.ID, store.IdentityDocument{Type: "passport", Number: "m1234 5678"}, "given back by the IDC"); err != nil {
		t.Fatal(err)
	}
	got, err := f.svc.GetPerson(f.ctx, f.officer, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.IdentityDocument{{Type: "passport", Number: "M12345678", Country: "KR", Status: "held", ChangedAt: f.clock}}
	if !reflect.DeepEqual(got.Documents, want) {
		t.Errorf("documents = %+v, want %+v", got.Documents, want)
	}
	if _, err := f.svc.SetDocumentStatus(f.ctx, f.officer, p.ID, "M12345678", "lost", "lost at the airport"); err != nil {
		t.Fatal(err)
	}
	got, _ = f.svc.GetPerson(f.ctx, f.officer, p.ID)
	if doc := travelDocument(got); doc.Number != "" {
		t.Errorf("after the passport was lost the person still holds %+v", doc)
	}
	// A new emergency travel document is added beside it.
	c2 := f.openCase(f.officer, p.ID, InDetention)
	if _, err := f.svc.IssueTravelDocument(f.ctx, f.officer, c2.ID, store.IdentityDocument{Number: "ETD-2025-0042"}, ""); err != nil {
		t.Fatal(err)
	}
	got, _ = f.svc.GetPerson(f.ctx, f.officer, p.ID)
	if len(got.Documents) != 2 || got.Documents[1].Number != "ETD-2025-0042" || got.Documents[1].Type != "emergency_travel_document" {
		t.Errorf("documents after an ETD = %+v", got.Documents)
	}
}

// TestFirstVisitLapsesOnceFlownHome: detainees deported before anyone
// visited them (a charter within the three days) are no longer owed a
// first visit once they have left: it is not overdue, on the list or on
// the case's page, while their open hand-over still is; a case closed
// with a duty open is not overdue either.
func TestFirstVisitLapsesOnceFlownHome(t *testing.T) {
	f, fl, _ := manifestFixture(t, 0)
	in := minho()
	in.Documents[0].Status = "held"
	p := f.person(f.officer, in)
	c := f.openCase(f.officer, p.ID, InDetention)
	if _, err := f.svc.IssueTravelDocument(f.ctx, f.officer, c.ID, store.IdentityDocument{Number: "ETD-2025-0077"}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, LegalStatus: "warrant_to_execute", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	other := f.openCase(f.officer, f.person(f.officer, &PersonInput{ExternalRef: "EMB-0099", LegalBasis: "x", Purpose: "y",
		Names: []store.PersonName{{Kind: "primary", Text: "윤서준"}}}).ID, Arrested)
	if _, err := f.svc.Transition(f.ctx, f.officer, other.ID, Closed, "released without charge, left by himself"); err != nil {
		t.Fatal(err)
	}
	f.advance(48 * time.Hour)
	if err := f.svc.FlightDeparted(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	f.advance(6 * time.Hour)
	if err := f.svc.FlightArrived(f.ctx, f.officer, fl.ID, f.clock); err != nil {
		t.Fatal(err)
	}
	f.advance(50 * time.Hour) // the first visit was due 50 h ago, the hand-over 2 h ago
	od, err := f.svc.OverdueDeadlines(f.ctx, f.officer)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range od {
		got = append(got, o.Case.ID+" "+o.Deadline.Kind)
	}
	if want := []string{c.ID + " hand_over"}; !reflect.DeepEqual(got, want) {
		t.Errorf("overdue = %q, want %q", got, want)
	}
	file, err := f.svc.GetCaseFile(f.ctx, f.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var overdue []string
	for _, d := range file.Deadlines {
		if file.Overdue[d.ID] {
			overdue = append(overdue, d.Kind)
		}
	}
	if len(file.Deadlines) != 2 || !reflect.DeepEqual(overdue, []string{"hand_over"}) {
		t.Errorf("the case file: %d deadlines, overdue %q", len(file.Deadlines), overdue)
	}
}
