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

const formTime = "2006-01-02T15:04"

// TestRescheduleAFlightPastItsDeparture: the manifest page of a planned
// flight past its departure, with a passenger on it, offers to move it
// to a new time (the explanation links to the form, filled with the
// flight's times and unfolded). On a flight still ahead the form is
// folded under its heading, unfolded when it comes back refused. A move without a reason, or to a time past, is
// refused beside the form in the page's language, and the flight stays
// as it was. A move with a reason to a time ahead keeps the passenger,
// shows the change with its reason on the flight page, writes it on the
// passenger's case timeline, and the flight takes passengers again.
// Once the flight has departed the form is gone, and a move sent by hand
// is refused, saying why.
func TestRescheduleAFlightPastItsDeparture(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	consul := f.consularPrincipal(t, "consul@mofa-kh.demo")
	_, cs := f.screenedCase(t, "배지호", "BAE JIHO", "M71230031")
	fl := f.eastarFlight(t, "ZE5331", time.Now().UTC().Add(20*time.Hour).Truncate(time.Minute))
	if _, err := f.cw.AddPassenger(ctx, consul, &casework.PassengerInput{FlightID: fl.ID, CaseID: cs.ID, LegalStatus: "victim", FitToFly: "fit"}); err != nil {
		t.Fatal(err)
	}
	past := time.Now().UTC().Add(-2 * time.Hour).Truncate(time.Minute)
	late := *fl
	late.DepartAt = past
	if err := f.st.Update(ctx, func(w store.Writer) error { return w.PutFlight(ctx, &late) }); err != nil {
		t.Fatal(err)
	}
	c := f.signIn(t, "consul@mofa-kh.demo")
	page := f.srv.URL + "/flights/" + fl.ID
	for _, lang := range []string{"en", "ko", "km"} {
		m := messages(t, lang)
		_, body, _ := get(t, c, page+"?lang="+lang)
		why := esc(fmt.Sprintf(m["repat.man.past_departure"], past.Format("2006-01-02 15:04 UTC")))
		if !strings.Contains(body, `id="departure-passed"><p>`+why+` <a href="#reschedule">`+esc(m["repat.rs.heading"])+`</a>`) {
			t.Errorf("%s: the explanation does not offer the move: %s", lang, excerpt(body, `id="departure-passed"`))
		}
		if !strings.Contains(body, `action="/flights/`+fl.ID+`/reschedule"`) || !strings.Contains(body, `id="rs-depart" name="depart_at" value="`+past.Format(formTime)+`"`) {
			t.Errorf("%s: no move form filled with the flight's time: %s", lang, excerpt(body, `id="rs-depart"`))
		}
		if got := moveBox(t, body); got != "open" {
			t.Errorf("%s: past its departure the move form is %s", lang, got)
		}
		code, body, _ := post(t, c, page+"/reschedule", url.Values{"csrf": {csrf(t, body)}, "depart_at": {past.Add(time.Hour).Format(formTime)}, "reason": {"  "}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(m["repat.rs.err.reason"])) || !strings.Contains(body, esc(m["repat.rs.err.past"])) {
			t.Errorf("%s: a move to a time past without a reason: %d, %s", lang, code, excerpt(body, `class="ferr"`))
		}
		if !strings.Contains(body, `id="rs-depart" name="depart_at" value="`+past.Add(time.Hour).Format(formTime)+`" aria-invalid="true"`) {
			t.Errorf("%s: the refused form does not keep what was typed: %s", lang, excerpt(body, `id="rs-depart"`))
		}
		if got := moveBox(t, body); got != "open" {
			t.Errorf("%s: the refused move form is %s", lang, got)
		}
	}
	if got, _ := f.st.GetFlight(ctx, fl.ID); !got.DepartAt.Equal(past) || len(got.Reschedules) != 0 {
		t.Fatalf("after the refusals the flight departs %v, moved %d times", got.DepartAt, len(got.Reschedules))
	}

	depart := time.Now().UTC().Add(5 * time.Hour).Truncate(time.Minute)
	_, body, _ := get(t, c, page+"?lang=en")
	code, _, loc := post(t, c, page+"/reschedule", url.Values{"csrf": {csrf(t, body)}, "depart_at": {depart.Format(formTime)},
		"arrive_at": {depart.Add(5 * time.Hour).Format(formTime)}, "reason": {"delayed by the airline"}})
	if code != http.StatusSeeOther || loc != "/flights/"+fl.ID+"?done=rescheduled" {
		t.Fatalf("the move: %d to %q", code, loc)
	}
	_, body, _ = get(t, c, page+"?done=rescheduled")
	en := messages(t, "en")
	for _, want := range []string{en["repat.man.done_rescheduled"], `id="add-passenger"`, `<bdi>배지호</bdi>`,
		`<strong>` + esc(fmt.Sprintf(en["repat.rs.moved"], past.Format("2006-01-02 15:04 UTC"), depart.Format("2006-01-02 15:04 UTC"))) + `</strong>`,
		`<p class="note">delayed by the airline</p>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the moved flight's page lacks %q", want)
		}
	}
	if strings.Contains(body, `id="departure-passed"`) {
		t.Error("the moved flight still says its departure has passed")
	}
	if got := moveBox(t, body); got != "folded" || !strings.Contains(body, `<summary><h2 id="reschedule-h">`+esc(en["repat.rs.heading"])+`</h2></summary>`) {
		t.Errorf("the flight ahead shows its move form %s: %s", got, excerpt(body, `id="reschedule-box"`))
	}
	code, body, _ = post(t, c, page+"/reschedule", url.Values{"csrf": {csrf(t, body)}, "depart_at": {depart.Add(time.Hour).Format(formTime)}, "reason": {""}})
	if got := moveBox(t, body); code != http.StatusUnprocessableEntity || got != "open" || !strings.Contains(body, esc(en["repat.rs.err.reason"])) {
		t.Errorf("a move of the flight ahead without a reason: %d, the form %s", code, got)
	}
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+cs.ID)
	if !strings.Contains(body, `<strong>`+esc(messages(t, "en")["people.action.flight_rescheduled"])+`</strong>`) || !strings.Contains(body, "delayed by the airline") {
		t.Errorf("the passenger's case timeline does not show the move: %s", excerpt(body, "flight_rescheduled"))
	}
	if got, _ := f.cw.GetCase(ctx, consul, cs.ID); got.State != string(casework.OnManifest) {
		t.Errorf("the passenger's case is %s", got.State)
	}

	if err := f.cw.FlightDeparted(ctx, consul, fl.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "km"} {
		_, body, _ = get(t, c, page+"?lang="+lang)
		if strings.Contains(body, `id="reschedule"`) {
			t.Errorf("%s: a departed flight offers the move", lang)
		}
		code, body, _ = post(t, c, page+"/reschedule", url.Values{"csrf": {csrf(t, body)}, "depart_at": {depart.Add(time.Hour).Format(formTime)}, "reason": {"delayed"}})
		if want := `id="manifest-problem"><p>` + esc(messages(t, lang)["repat.rs.err.not_planned"]); code != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
			t.Errorf("%s: moving a departed flight: %d, %s", lang, code, excerpt(body, `id="manifest-problem"`))
		}
	}
}

// moveBox says how a manifest page shows the form that moves the flight:
// "open", "folded", or "absent".
func moveBox(t *testing.T, body string) string {
	t.Helper()
	switch {
	case strings.Contains(body, `<details class="card move-box" id="reschedule-box" open>`):
		return "open"
	case strings.Contains(body, `<details class="card move-box" id="reschedule-box">`):
		return "folded"
	case strings.Contains(body, `id="reschedule-box"`):
		t.Fatalf("the move form's box is neither open nor folded: %s", excerpt(body, `id="reschedule-box"`))
	}
	return "absent"
}
