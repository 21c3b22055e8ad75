package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// TestFlightPastDepartureTakesNoPassenger: a flight still marked planned
// whose departure time has passed is not offered on the case page, and a
// passenger added on its manifest page from a page drawn before (or by
// hand) is refused with a 422 that names the flight and its departure,
// in the page's language, and the page drawn again offers no form but
// says why; the case stays screened and the manifest empty. A flight
// still to leave is offered.
func TestFlightPastDepartureTakesNoPassenger(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	consul := f.consularPrincipal(t, "consul@mofa-kh.demo")
	person := f.newPerson(t, "서민재", "SEO MINJAE", "M71230001")
	cs, err := f.cw.OpenCase(ctx, consul, &casework.CaseInput{PersonID: person.ID, State: casework.Rescued})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.cw.RecordScreening(ctx, consul, &casework.ScreeningInput{PersonID: person.ID, CaseID: cs.ID, Kind: "victim",
		InterviewedAt: time.Now().Add(-time.Hour), Interviewer: "Consul Han", Status: "actual", DecidedBy: "Consul Han",
		DecisionReason: "rescued from the compound", NonPunishment: store.NonPunishment{Recommendation: "not_applicable", Rationale: "no offence"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.cw.Transition(ctx, consul, cs.ID, casework.Screened, "screened at the shelter"); err != nil {
		t.Fatal(err)
	}
	past := time.Now().UTC().Add(-2 * time.Hour).Truncate(time.Minute)
	late, soon := f.eastarFlight(t, "ZE5301", past), f.eastarFlight(t, "ZE5303", past.Add(26*time.Hour))
	c := f.signIn(t, "consul@mofa-kh.demo")
	_, body, _ := get(t, c, f.srv.URL+"/cases/"+cs.ID+"?lang=en")
	if strings.Contains(body, `href="/flights/`+late.ID) || !strings.Contains(body, `href="/flights/`+soon.ID+`?person=`+person.ID+`"`) {
		t.Errorf("the case page offers the departed flight, or not the one still to leave: %s", excerpt(body, "planned-flights"))
	}
	for _, lang := range []string{"en", "ko", "km"} {
		page := f.srv.URL + "/flights/" + late.ID
		_, body, _ = get(t, c, page+"?lang="+lang)
		add := url.Values{"csrf": {csrf(t, body)}, "person": {person.ID}, "legal_status": {"victim"}, "seat": {"12A"}}
		code, body, _ := post(t, c, page+"/passengers", add)
		want := `id="manifest-problem"><p>` + esc(fmt.Sprintf(messages(t, lang)["repat.man.err.departed"], "ZE5301", past.Format("2006-01-02 15:04 UTC")))
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
			t.Errorf("%s: adding to the departed flight: %d, %s", lang, code, excerpt(body, `id="manifest-problem"`))
		}
		if strings.Contains(body, `id="add-passenger"`) || !strings.Contains(body, `id="departure-passed"`) {
			t.Errorf("%s: the refusal offers the form again, or does not say why not: %s", lang, excerpt(body, `id="departure-passed"`))
		}
	}
	m, err := f.cw.GetManifest(ctx, consul, late.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.cw.GetCase(ctx, consul, cs.ID); len(m.Rows) != 0 || got.State != string(casework.Screened) {
		t.Errorf("after the refusals: %d rows, the case is %s", len(m.Rows), got.State)
	}
}

// TestFlightPastDepartureOffersNoPassengerForm: the manifest page of a
// flight still marked planned whose departure time has passed offers no
// add-passenger form (AddPassenger would refuse it) but says, in the
// page's language, that the time has passed and what the officer can
// do; the record-departure button stays. A flight still to leave offers
// the form and no such words. The flights list chosen for a person links
// only the flight still to leave to its form.
func TestFlightPastDepartureOffersNoPassengerForm(t *testing.T) {
	f := demoFixture(t)
	person := f.newPerson(t, "문하은", "MOON HAEUN", "M71230002")
	past := time.Now().UTC().Add(-3 * time.Hour).Truncate(time.Minute)
	late, soon := f.eastarFlight(t, "ZE5311", past), f.eastarFlight(t, "ZE5313", past.Add(30*time.Hour))
	c := f.signIn(t, "consul@mofa-kh.demo")
	for _, lang := range []string{"en", "ko", "km"} {
		_, body, _ := get(t, c, f.srv.URL+"/flights/"+late.ID+"?lang="+lang)
		why := esc(fmt.Sprintf(messages(t, lang)["repat.man.past_departure"], past.Format("2006-01-02 15:04 UTC")))
		if strings.Contains(body, `action="/flights/`+late.ID+`/passengers"`) || strings.Contains(body, `id="seat"`) {
			t.Errorf("%s: the flight past its departure offers the add-passenger form", lang)
		}
		if !strings.Contains(body, `id="departure-passed"><p>`+why) {
			t.Errorf("%s: the flight past its departure does not say why it takes no one: %s", lang, excerpt(body, `id="departure-passed"`))
		}
		if !strings.Contains(body, `action="/flights/`+late.ID+`/departed"`) || !strings.Contains(body, `<span id="flight-status">`+esc(messages(t, lang)["repat.flstatus.planned"])) {
			t.Errorf("%s: the rest of the page changed: no departure button or status", lang)
		}
		_, body, _ = get(t, c, f.srv.URL+"/flights/"+soon.ID+"?lang="+lang)
		if !strings.Contains(body, `action="/flights/`+soon.ID+`/passengers"`) || !strings.Contains(body, `id="seat"`) || strings.Contains(body, `id="departure-passed"`) {
			t.Errorf("%s: the flight still to leave: form shown %v, explanation shown %v", lang,
				strings.Contains(body, `action="/flights/`+soon.ID+`/passengers"`), strings.Contains(body, `id="departure-passed"`))
		}
	}
	_, body, _ := get(t, c, f.srv.URL+"/flights?person="+person.ID+"&lang=en")
	if strings.Contains(body, `href="/flights/`+late.ID+`?person=`) || !strings.Contains(body, `href="/flights/`+soon.ID+`?person=`+person.ID+`"`) {
		t.Errorf("the flights list for a person links the flight past its departure to its form, or not the one still to leave: %s", excerpt(body, "ZE5311"))
	}
}

// eastarFlight plans a Phnom Penh to Seoul flight departing at depart.
func (f *fixture) eastarFlight(t *testing.T, number string, depart time.Time) *store.Flight {
	t.Helper()
	fl, err := f.cw.CreateFlight(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"),
		&casework.FlightInput{Number: number, Carrier: "Eastar Jet", From: "pnh", To: "icn", DepartAt: depart})
	if err != nil {
		t.Fatal(err)
	}
	return fl
}
