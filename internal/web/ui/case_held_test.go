package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// TestCasePageOffersNoMoveTheServiceHolds: a rescued case whose person
// has no screening recorded is not offered screened (the service refuses
// it until a screening is recorded); the page says why in its language
// and keeps the other moves. Once a screening is recorded, screened is
// offered and nothing is held.
func TestCasePageOffersNoMoveTheServiceHolds(t *testing.T) {
	f := demoFixture(t)
	cs := f.openCase(t, f.newPerson(t, "정다인", "JUNG DAIN", "M71230003"), casework.Rescued)
	c := f.signIn(t, "consul@mofa-kh.demo")
	for _, lang := range []string{"en", "ko", "km"} {
		_, body, _ := get(t, c, f.srv.URL+"/cases/"+cs.ID+"?lang="+lang)
		m := messages(t, lang)
		if strings.Contains(body, `name="to" value="screened"`) || !strings.Contains(body, `name="to" value="immigration_detention"`) {
			t.Errorf("%s: with no screening the moves offered are wrong: %s", lang, excerpt(body, `class="choices"`))
		}
		if want := `id="held-screened">` + esc(m["people.state.screened"]) + ": " + esc(m["people.why.no_screening"]); !strings.Contains(body, want) {
			t.Errorf("%s: the held move does not say why: %s", lang, excerpt(body, `id="held-screened"`))
		}
	}
	f.screenVictim(t, cs)
	_, body, _ := get(t, c, f.srv.URL+"/cases/"+cs.ID+"?lang=en")
	if !strings.Contains(body, `name="to" value="screened"`) || strings.Contains(body, `id="held-`) {
		t.Errorf("after the screening: screened offered %v, a move held %v", strings.Contains(body, `name="to" value="screened"`), strings.Contains(body, `id="held-`))
	}
}

// TestClosedCaseOffersNoAction: a closed case's page offers no consular
// action form (RecordAction refuses a closed case) but says why in the
// page's language; the role form stays, as roles are still given. An
// open case offers the action form.
func TestClosedCaseOffersNoAction(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	consul := f.consularPrincipal(t, "consul@mofa-kh.demo")
	cs := f.openCase(t, f.newPerson(t, "오세린", "OH SERIN", "M71230004"), casework.Reported)
	c := f.signIn(t, "consul@mofa-kh.demo")
	actions := `action="/cases/` + cs.ID + `/actions"`
	if _, body, _ := get(t, c, f.srv.URL+"/cases/"+cs.ID+"?lang=en"); !strings.Contains(body, actions) || strings.Contains(body, `id="action-closed"`) {
		t.Error("an open case does not offer the action form, or says it is closed")
	}
	if _, err := f.cw.Transition(ctx, consul, cs.ID, casework.Closed, "found safe at home"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.cw.RecordAction(ctx, consul, cs.ID, casework.CaseActions[0], "", time.Time{}); err == nil {
		t.Fatal("the service records an action on a closed case")
	}
	for _, lang := range []string{"en", "ko", "km"} {
		_, body, _ := get(t, c, f.srv.URL+"/cases/"+cs.ID+"?lang="+lang)
		if strings.Contains(body, actions) {
			t.Errorf("%s: a closed case offers the action form", lang)
		}
		if want := `id="action-closed">` + esc(messages(t, lang)["people.case.action_closed"]); !strings.Contains(body, want) {
			t.Errorf("%s: a closed case does not say why it takes no action: %s", lang, excerpt(body, `id="action-h"`))
		}
		if !strings.Contains(body, `action="/cases/`+cs.ID+`/roles"`) {
			t.Errorf("%s: a closed case lost its role form", lang)
		}
	}
}

// openCase opens a case for person in state st, as the demo's consul.
func (f *fixture) openCase(t testing.TB, person *store.Person, st casework.State) *store.Case {
	t.Helper()
	cs, err := f.cw.OpenCase(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"), &casework.CaseInput{PersonID: person.ID, State: st})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// screenVictim records a screening of the case's person as a victim, as
// the demo's consul.
func (f *fixture) screenVictim(t testing.TB, cs *store.Case) {
	t.Helper()
	if _, err := f.cw.RecordScreening(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"), &casework.ScreeningInput{
		PersonID: cs.PersonID, CaseID: cs.ID, Kind: "victim", InterviewedAt: time.Now().Add(-time.Hour), Interviewer: "Consul Han",
		Status: "actual", DecidedBy: "Consul Han", DecisionReason: "rescued from the compound",
		NonPunishment: store.NonPunishment{Recommendation: "not_applicable", Rationale: "no offence"}}); err != nil {
		t.Fatal(err)
	}
}

// TestCaseOnAFlightLeadsToItsFlight: a case on a flight's manifest (no
// other flight takes its person) leads to that flight's manifest, named
// in the page's language, not to the flights to choose one.
func TestCaseOnAFlightLeadsToItsFlight(t *testing.T) {
	f := demoFixture(t)
	_, cs := f.screenedCase(t, "류시온", "RYU SION", "M71230005")
	fl := f.eastarFlight(t, "ZE5331", time.Now().UTC().Add(50*time.Hour).Truncate(time.Minute))
	if _, err := f.cw.AddPassenger(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"),
		&casework.PassengerInput{FlightID: fl.ID, CaseID: cs.ID, LegalStatus: "victim"}); err != nil {
		t.Fatal(err)
	}
	c := f.signIn(t, "consul@mofa-kh.demo")
	for _, lang := range []string{"en", "ko", "km"} {
		_, body, _ := get(t, c, f.srv.URL+"/cases/"+cs.ID+"?lang="+lang)
		entry := para(body, `id="flight-entry"`)
		want := `href="/flights/` + fl.ID + `" id="case-flight">` + esc(messages(t, lang)["people.case.open_flight"])
		if !strings.Contains(entry, want) || strings.Contains(entry, "?person=") {
			t.Errorf("%s: the flight entry of a case on a manifest: %q", lang, entry)
		}
	}
}
