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
// passenger added on its manifest page by hand is refused with a 422 that
// names the flight and its departure, in the page's language; the case
// stays screened and the manifest empty. A flight still to leave is
// offered.
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
	late, err := f.cw.CreateFlight(ctx, consul, &casework.FlightInput{Number: "ZE5301", Carrier: "Eastar Jet", From: "pnh", To: "icn", DepartAt: past})
	if err != nil {
		t.Fatal(err)
	}
	soon, err := f.cw.CreateFlight(ctx, consul, &casework.FlightInput{Number: "ZE5303", Carrier: "Eastar Jet", From: "pnh", To: "icn", DepartAt: past.Add(26 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
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
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, want) || !strings.Contains(body, `value="12A"`) {
			t.Errorf("%s: adding to the departed flight: %d, %s", lang, code, excerpt(body, `id="manifest-problem"`))
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
