package casework

import (
	"testing"
	"time"
)

// TestCaseFileShowsOnlyFlightsTheReaderMayRead: a case shared as GREEN
// whose person is on the embassy's AMBER+STRICT charter. The Cambodian
// police read the case, not the flight: the case file lists no passenger
// row of it (seat, legal status on departure, outcome), which the
// flight's own manifest would refuse them; the embassy's officer sees it.
func TestCaseFileShowsOnlyFlightsTheReaderMayRead(t *testing.T) {
	f := newFixture(t)
	in := minho()
	in.TLP, in.Selectors = "GREEN", nil
	in.Documents[0].Status = "held"
	p := f.person(f.officer, in)
	c := f.openCase(f.officer, p.ID, Arrested)
	if _, err := f.svc.RecordScreening(f.ctx, f.officer, screeningFor(p.ID, "possible")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Transition(f.ctx, f.officer, c.ID, Screened, ""); err != nil {
		t.Fatal(err)
	}
	fl, err := f.svc.CreateFlight(f.ctx, f.officer, &FlightInput{Number: "KE9688", From: "PNH", To: "ICN",
		DepartAt: f.clock.Add(48 * time.Hour), TLP: "AMBER+STRICT"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AddPassenger(f.ctx, f.officer, &PassengerInput{FlightID: fl.ID, CaseID: c.ID, Seat: "12A",
		LegalStatus: "warrant_to_execute", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.GetManifest(f.ctx, f.otherOfficer, fl.ID); err == nil {
		t.Fatal("the police read the embassy's AMBER+STRICT flight")
	}
	file, err := f.svc.GetCaseFile(f.ctx, f.otherOfficer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range file.Passengers {
		t.Errorf("the police's case file shows the row %+v of a flight they may not read", r)
	}
	own, err := f.svc.GetCaseFile(f.ctx, f.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(own.Passengers) != 1 || own.Passengers[0].FlightID != fl.ID || own.Passengers[0].LegalStatus != "warrant_to_execute" {
		t.Errorf("the embassy's case file: passengers %+v, want its row on %s", own.Passengers, fl.ID)
	}
}
