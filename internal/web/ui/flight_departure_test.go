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
	person, cs := f.screenedCase(t, "서민재", "SEO MINJAE", "M71230001")
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
	person, _ := f.screenedCase(t, "문하은", "MOON HAEUN", "M71230002")
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

// eastarFlight plans a Phnom Penh to Seoul flight departing at depart. A
// departure already past (a flight planned earlier, still marked planned
// when its time came) is written to the store, since no flight is planned
// for a time past.
func (f *fixture) eastarFlight(t *testing.T, number string, depart time.Time) *store.Flight {
	t.Helper()
	ctx := context.Background()
	ahead := depart
	if !ahead.After(time.Now()) {
		ahead = time.Now().Add(24 * time.Hour)
	}
	fl, err := f.cw.CreateFlight(ctx, f.consularPrincipal(t, "consul@mofa-kh.demo"),
		&casework.FlightInput{Number: number, Carrier: "Eastar Jet", From: "pnh", To: "icn", DepartAt: ahead})
	if err != nil {
		t.Fatal(err)
	}
	if !ahead.Equal(depart) {
		fl.DepartAt = depart.UTC()
		if err := f.st.Update(ctx, func(w store.Writer) error { return w.PutFlight(ctx, fl) }); err != nil {
			t.Fatal(err)
		}
	}
	return fl
}

// TestFlightsForAPersonWhoCannotBoard: the flights list chosen for a
// person links no flight to its add-passenger form when AddPassenger
// would refuse them whatever the flight (no passport or travel document
// held, a case not yet screened, their case already on another flight),
// and says why in the page's language; the case page of a screened case
// whose person holds no document lists no flight but says why, and a
// manifest's form asked to be filled with such a person is not, and says
// why. A person who may board is carried to the flights and their form.
func TestFlightsForAPersonWhoCannotBoard(t *testing.T) {
	f := demoFixture(t)
	soon := f.eastarFlight(t, "ZE5321", time.Now().UTC().Add(40*time.Hour).Truncate(time.Minute))
	noDoc, noDocCase, onFlight, _ := f.unboardable(t, soon, [3]string{"한가람", "HAN GARAM", "M71230011"}, [3]string{"배누리", "BAE NURI", "M71230012"})
	early := f.newPerson(t, "신보람", "SHIN BORAM", "M71230013")
	f.openCase(t, early, casework.Reported)
	ready, _ := f.screenedCase(t, "권하늘", "KWON HANEUL", "M71230014")

	c := f.signIn(t, "consul@mofa-kh.demo")
	for _, lang := range []string{"en", "ko", "km"} {
		m := messages(t, lang)
		for _, tc := range []struct {
			who  *store.Person
			name string
			why  string
		}{
			{noDoc, "한가람", m["repat.man.err.no_document"]},
			{onFlight, "배누리", m["repat.man.err.no_case"]},
			{early, "신보람", m["people.why.manifest"]},
		} {
			_, body, _ := get(t, c, f.srv.URL+"/flights?person="+tc.who.ID+"&lang="+lang)
			if strings.Contains(body, "?person=") {
				t.Errorf("%s, %s: the flights list carries the person to a form: %s", lang, tc.name, excerpt(body, "?person="))
			}
			want := `id="cannot-board"><p>` + esc(fmt.Sprintf(m["repat.fl.cannot_board"], tc.name)) + " " + esc(tc.why)
			if !strings.Contains(body, want) {
				t.Errorf("%s, %s: the flights list does not say why: %s", lang, tc.name, excerpt(body, `id="cannot-board"`))
			}
		}
		_, body, _ := get(t, c, f.srv.URL+"/cases/"+noDocCase.ID+"?lang="+lang)
		if strings.Contains(body, `class="plain planned-flights"`) || !strings.Contains(body, `id="cannot-board">`+esc(m["repat.man.err.no_document"])) {
			t.Errorf("%s: the case of a person with no document lists flights, or does not say why not: %s", lang, excerpt(body, `id="flight-entry"`))
		}
	}
	_, body, _ := get(t, c, f.srv.URL+"/flights?person="+ready.ID+"&lang=en")
	if strings.Contains(body, `id="cannot-board"`) || !strings.Contains(body, `href="/flights/`+soon.ID+`?person=`+ready.ID+`"`) {
		t.Errorf("a person who may board is not carried to the flight: %s", excerpt(body, `id="flights"`))
	}
	// The manifest's form offers no box to tick for a person it would
	// refuse, and says why; it ticks one it takes.
	for _, lang := range []string{"en", "ko", "km"} {
		m := messages(t, lang)
		_, body, _ = get(t, c, f.srv.URL+"/flights/"+soon.ID+"?person="+noDoc.ID+"&lang="+lang)
		want := `id="cannot-board"><p>` + esc(fmt.Sprintf(m["repat.fl.cannot_board"], "한가람")) + " " + esc(m["repat.man.err.no_document"])
		if strings.Contains(body, `id="b-`+noDoc.ID+`"`) || !strings.Contains(body, want) {
			t.Errorf("%s: the form for a person with no document: %s", lang, excerpt(body, `id="add-passenger"`))
		}
	}
	_, body, _ = get(t, c, f.srv.URL+"/flights/"+soon.ID+"?person="+ready.ID)
	if !ticked(body, ready.ID) || strings.Contains(body, `id="cannot-board"`) {
		t.Errorf("the form does not tick a person who may board: %s", excerpt(body, `id="add-passenger"`))
	}
	// Added by hand all the same, the refusal is in the page's words.
	_, body, _ = get(t, c, f.srv.URL+"/flights/"+soon.ID+"?lang=ko")
	add := url.Values{"csrf": {csrf(t, body)}, "person": {noDoc.ID}, "legal_status": {"victim"}}
	if code, body, _ := post(t, c, f.srv.URL+"/flights/"+soon.ID+"/passengers", add); code != 422 || !strings.Contains(body, esc(messages(t, "ko")["repat.man.err.no_document"])) {
		t.Errorf("adding a person with no document: %d %s", code, excerpt(body, `class="field invalid"`))
	}
}

// screenedCase is a new person holding a passport with a case screened,
// ready to board.
func (f *fixture) screenedCase(t testing.TB, name, latin, passport string) (*store.Person, *store.Case) {
	t.Helper()
	p := f.newPerson(t, name, latin, passport)
	cs := f.openCase(t, p, casework.Rescued)
	f.screenVictim(t, cs)
	cs, err := f.cw.Transition(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"), cs.ID, casework.Screened, "screened at the shelter")
	if err != nil {
		t.Fatal(err)
	}
	return p, cs
}

// TestNoFlightLinkForAPersonWhoCannotBoard: the person page's "Put on a
// flight" and the case page's link to the flights say instead, in the
// page's language, why no flight would take the person (no travel
// document held, no case yet, their case already on a flight); for a
// person who may board, both link to the flights. Where the case page's
// flight entry says why already (a flight is its next step), the reason
// shows there only, and the foot of the page just says they cannot board.
func TestNoFlightLinkForAPersonWhoCannotBoard(t *testing.T) {
	f := demoFixture(t)
	soon := f.eastarFlight(t, "ZE5341", time.Now().UTC().Add(40*time.Hour).Truncate(time.Minute))
	noDoc, noDocCase, onFlight, onFlightCase := f.unboardable(t, soon, [3]string{"유다인", "YU DAIN", "M71230041"}, [3]string{"남궁별", "NAMGUNG BYEOL", "M71230042"})
	noCase := f.newPerson(t, "탁새봄", "TAK SAEBOM", "M71230043")
	ready, readyCase := f.screenedCase(t, "연바다", "YEON BADA", "M71230044")

	c := f.signIn(t, "consul@mofa-kh.demo")
	for _, lang := range []string{"en", "ko", "km"} {
		m := messages(t, lang)
		for _, tc := range []struct {
			who    *store.Person
			caseID string // "": the person has none
			name   string
			why    string
			boxed  bool // the case page's flight entry says why
		}{
			{noDoc, noDocCase.ID, "유다인", m["repat.man.err.no_document"], true},
			{onFlight, onFlightCase.ID, "남궁별", m["repat.man.err.no_case"], false},
			{noCase, "", "탁새봄", m["repat.fl.err.no_case_yet"], false},
		} {
			cannot := `id="no-flight">` + esc(fmt.Sprintf(m["repat.fl.cannot_board"], tc.name))
			pages := []string{"/persons/" + tc.who.ID}
			if tc.caseID != "" {
				pages = append(pages, "/cases/"+tc.caseID)
			}
			for _, page := range pages {
				_, body, _ := get(t, c, f.srv.URL+page+"?lang="+lang)
				want := cannot + " " + esc(tc.why) + `</span>`
				if boxed := tc.boxed && strings.HasPrefix(page, "/cases/"); boxed {
					want = cannot + `</span>`
					entry, _, _ := strings.Cut(body[strings.Index(body, `id="flight-entry"`)+1:], "</div>")
					if n := strings.Count(body, esc(tc.why)); n != 1 || !strings.Contains(entry, `<p id="cannot-board">`+esc(tc.why)+`</p>`) {
						t.Errorf("%s, %s %s: the reason shows %d times, the flight entry: %q", lang, tc.name, page, n, entry)
					}
				}
				if strings.Contains(body, `href="/flights?person=`) || !strings.Contains(body, want) {
					t.Errorf("%s, %s %s: links to the flights, or does not say why not: %s", lang, tc.name, page, excerpt(body, `id="no-flight"`))
				}
			}
		}
	}
	for _, page := range []string{"/persons/" + ready.ID, "/cases/" + readyCase.ID} {
		_, body, _ := get(t, c, f.srv.URL+page+"?lang=en")
		if strings.Contains(body, `id="no-flight"`) || !strings.Contains(body, `href="/flights?person=`+ready.ID+`"`) {
			t.Errorf("%s: a person who may board has no link to the flights: %s", page, excerpt(body, `flights?person=`))
		}
	}
}

// unboardable makes two persons with screened cases whom no flight would
// take: the first (name, Latin name, passport) holds no passport (the
// compound keeps it), the second's case is on flight fl already.
func (f *fixture) unboardable(t *testing.T, fl *store.Flight, noDoc, onFlight [3]string) (*store.Person, *store.Case, *store.Person, *store.Case) {
	t.Helper()
	ctx := context.Background()
	consul := f.consularPrincipal(t, "consul@mofa-kh.demo")
	p1, c1 := f.screenedCase(t, noDoc[0], noDoc[1], noDoc[2])
	if _, err := f.cw.SetDocumentStatus(ctx, consul, p1.ID, noDoc[2], "held_by_captors", "kept by the compound"); err != nil {
		t.Fatal(err)
	}
	p2, c2 := f.screenedCase(t, onFlight[0], onFlight[1], onFlight[2])
	if _, err := f.cw.AddPassenger(ctx, consul, &casework.PassengerInput{FlightID: fl.ID, CaseID: c2.ID, LegalStatus: "victim"}); err != nil {
		t.Fatal(err)
	}
	return p1, c1, p2, c2
}
