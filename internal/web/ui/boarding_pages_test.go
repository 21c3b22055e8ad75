package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// ticked says whether the add-passengers form ticks the person's box.
func ticked(body, personID string) bool {
	return strings.Contains(body, `value="`+personID+`" id="b-`+personID+`" checked>`)
}

// boxOf is the list item of the person's box on the add-passengers form,
// or "" when there is none.
func boxOf(body, personID string) string {
	i := strings.Index(body, `id="b-`+personID+`"`)
	if i < 0 {
		return ""
	}
	item, _, _ := strings.Cut(body[i:], "</li>")
	return item
}

// heldOf is the person's item in the list of those not ready to board, or "".
func heldOf(body, personID string) string {
	i := strings.Index(body, `<li data-person="`+personID+`">`)
	if i < 0 || i < strings.Index(body, `id="not-ready"`) {
		return ""
	}
	item, _, _ := strings.Cut(body[i:], "</li>")
	return item
}

var boxRe = regexp.MustCompile(`<input type="checkbox" name="person" value="([0-9A-Z]{26})"`)

// TestBoardingListAndBulkAdd: a flight's page lists the people ready to
// board with a box each (name in both scripts, date of birth, document,
// the case's state, the roles), those not ready apart with the reason;
// ticking several and one legal status adds them all in one submit, or,
// when one may not board, none, naming who and why and keeping the
// others ticked; "add all" adds everyone listed.
func TestBoardingListAndBulkAdd(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	consul := f.consularPrincipal(t, "consul@mofa-kh.demo")
	fl := f.eastarFlight(t, "ZE5351", time.Now().UTC().Add(30*time.Hour).Truncate(time.Minute))
	var ready []*store.Person
	for i, n := range [][2]string{{"고은별", "KO EUNBYEOL"}, {"남도현", "NAM DOHYEON"}, {"도하린", "DO HARIN"}} {
		p, _ := f.screenedCase(t, n[0], n[1], fmt.Sprintf("M7124%04d", i))
		ready = append(ready, p)
	}
	suspectCase, err := f.cw.BoardingCase(ctx, consul, ready[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.cw.AssignRole(ctx, consul, &casework.RoleInput{PersonID: ready[1].ID, CaseID: suspectCase.ID, Role: "suspect"}); err != nil {
		t.Fatal(err)
	}
	noDoc, noDocCase, onFlight, _ := f.unboardable(t, fl, [3]string{"라온유", "RA ONYU", "M71240101"}, [3]string{"마루한", "MA RUHAN", "M71240102"})
	early := f.newPerson(t, "바다솔", "BA DASOL", "M71240103")
	f.openCase(t, early, casework.Arrested)

	c := f.signIn(t, "consul@mofa-kh.demo")
	page := f.srv.URL + "/flights/" + fl.ID
	_, body, _ := get(t, c, page+"?lang=en")
	en := messages(t, "en")
	for _, p := range ready {
		box := boxOf(body, p.ID)
		if box == "" || !strings.Contains(box, `<bdi class="name">`+esc(personNameOf(p, "primary"))+`</bdi> <bdi class="latin">`+personNameOf(p, "passport")+`</bdi>`) ||
			!strings.Contains(box, "1996-04-02") || !strings.Contains(box, "<code>"+p.Documents[0].Number+"</code>") || !strings.Contains(box, esc(en["repat.state.screened"])) {
			t.Errorf("the box of %s: %q", personNameOf(p, "passport"), box)
		}
		if ticked(body, p.ID) {
			t.Errorf("%s is ticked on a page not asked for anyone", p.ID)
		}
	}
	if !strings.Contains(boxOf(body, ready[1].ID), `<span class="role">`+esc(en["repat.role.suspect"])+`</span>`) || strings.Contains(boxOf(body, ready[0].ID), `class="role"`) {
		t.Error("the roles are not shown with the person who holds them")
	}
	boxes := boxRe.FindAllStringSubmatch(body, -1)
	if want := `<legend>` + esc(fmt.Sprintf(en["repat.man.ready"], len(boxes))) + `</legend>`; !strings.Contains(body, want) {
		t.Errorf("the legend does not count %d boxes: %s", len(boxes), excerpt(body, `id="ready"`))
	}
	for _, tc := range []struct {
		p   *store.Person
		why string
	}{{noDoc, en["repat.man.err.no_document"]}, {early, en["people.why.manifest"]}} {
		if boxOf(body, tc.p.ID) != "" || !strings.Contains(heldOf(body, tc.p.ID), `<span class="why">`+esc(tc.why)+`</span>`) {
			t.Errorf("%s: boxed, or not listed apart with why: %q", personNameOf(tc.p, "passport"), heldOf(body, tc.p.ID))
		}
	}
	if link := `<a href="/cases/` + noDocCase.ID + `">` + esc(en["repat.man.open_case"]) + `<span class="sr-only">: 라온유</span></a>`; !strings.Contains(heldOf(body, noDoc.ID), link) {
		t.Errorf("the person not ready does not link to their case by name: %q", heldOf(body, noDoc.ID))
	}
	if boxOf(body, onFlight.ID) != "" || heldOf(body, onFlight.ID) != "" {
		t.Error("a person already on the flight is listed")
	}

	// One of the ticked may not board: nobody is added, the page says who
	// and why, and the others stay ticked.
	send := url.Values{"csrf": {csrf(t, body)}, "person": {ready[0].ID, early.ID, ready[2].ID}, "legal_status": {"victim"}, "escort": {"KNPA team 4"}}
	code, body, _ := post(t, c, page+"/passengers?lang=en", send)
	refused := excerpt(body, `id="refused"`)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(fmt.Sprintf(en["repat.man.refused"], 1))) ||
		!strings.Contains(body, `<li data-person="`+early.ID+`"><bdi>바다솔</bdi> · <bdi>BA DASOL</bdi>: `+esc(en["people.why.manifest"])+`</li>`) {
		t.Errorf("a batch with one who may not board: %d %s", code, refused)
	}
	if !ticked(body, ready[0].ID) || !ticked(body, ready[2].ID) || ticked(body, ready[1].ID) || !strings.Contains(body, `value="KNPA team 4"`) {
		t.Error("the form sent back does not keep the others ticked and the escort typed")
	}
	if m, _ := f.cw.GetManifest(ctx, consul, fl.ID); m.Counts.Total != 1 {
		t.Fatalf("a refused batch changed the manifest: %d passengers, want 1", m.Counts.Total)
	}
	// Nothing ticked, or a seat for several: refused at the form.
	for _, tc := range []struct {
		v     url.Values
		field string
		key   string
	}{
		{url.Values{"csrf": send["csrf"], "legal_status": {"victim"}}, "ready", "repat.man.err.none_ticked"},
		{url.Values{"csrf": send["csrf"], "person": {ready[0].ID, ready[1].ID}, "legal_status": {"victim"}, "seat": {"3A"}}, "seat", "repat.man.err.seat_one"},
		{url.Values{"csrf": send["csrf"], "person": {ready[0].ID}}, "legal_status", "repat.err.choose"},
	} {
		code, body, _ := post(t, c, page+"/passengers?lang=en", tc.v)
		if code != http.StatusUnprocessableEntity || !regexp.MustCompile(`id="`+tc.field+`"(?s:.)*?`+regexp.QuoteMeta(esc(en[tc.key]))).MatchString(body) {
			t.Errorf("%s: %d, %s", tc.key, code, excerpt(body, `class="ferr"`))
		}
	}

	// The three ready, in one submit.
	send.Set("person", ready[0].ID)
	send.Add("person", ready[1].ID)
	send.Add("person", ready[2].ID)
	code, _, loc := post(t, c, page+"/passengers", send)
	if code != http.StatusSeeOther || loc != "/flights/"+fl.ID+"?done=added&n=3" {
		t.Fatalf("adding three: %d to %q", code, loc)
	}
	_, body, _ = get(t, c, f.srv.URL+loc+"&lang=ko")
	if !strings.Contains(body, esc(fmt.Sprintf(messages(t, "ko")["repat.man.added_n"], 3))) || !strings.Contains(body, `data-count="total">4<`) {
		t.Errorf("after adding three: %s", excerpt(body, `role="status"`))
	}
	m, err := f.cw.GetManifest(ctx, consul, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range m.Rows {
		got[r.Passenger.PersonID] = r.Passenger.LegalStatus + " " + r.Passenger.Escort
	}
	for _, p := range ready {
		if got[p.ID] != "victim KNPA team 4" {
			t.Errorf("%s on the manifest: %q", p.ID, got[p.ID])
		}
		if boxOf(body, p.ID) != "" {
			t.Errorf("%s is still offered after boarding", p.ID)
		}
	}

	// "Add all" adds everyone listed, whatever is ticked.
	var more []string
	for i, n := range [][2]string{{"류가온", "RYU GAON"}, {"사공담", "SAGONG DAM"}} {
		p, _ := f.screenedCase(t, n[0], n[1], fmt.Sprintf("M7125%04d", i))
		more = append(more, p.ID)
	}
	_, body, _ = get(t, c, page)
	var listed []string
	for _, b := range boxRe.FindAllStringSubmatch(body, -1) {
		listed = append(listed, b[1])
	}
	all := url.Values{"csrf": {csrf(t, body)}, "all": {"yes"}, "listed": listed, "person": {more[0]}, "legal_status": {"voluntary"}}
	if code, _, loc := post(t, c, page+"/passengers", all); code != http.StatusSeeOther || loc != fmt.Sprintf("/flights/%s?done=added&n=%d", fl.ID, len(listed)) {
		t.Fatalf("adding all %d: %d to %q", len(listed), code, loc)
	}
	if m, _ := f.cw.GetManifest(ctx, consul, fl.ID); m.Counts.ByLegalStatus["voluntary"] != len(listed) || len(listed) < 2 {
		t.Errorf("after adding all %d listed: %v", len(listed), m.Counts.ByLegalStatus)
	}
}

// personNameOf is the person's name of a kind.
func personNameOf(p *store.Person, kind string) string {
	for _, n := range p.Names {
		if n.Kind == kind {
			return n.Text
		}
	}
	return ""
}

// TestBoardingListOnlyForWhoMayAdd: a member who reads the flight but
// may not change cases sees no list and cannot add; a form sent without
// its token is refused and adds nobody.
func TestBoardingListOnlyForWhoMayAdd(t *testing.T) {
	f := demoFixture(t)
	consul := f.consularPrincipal(t, "consul@mofa-kh.demo")
	fl := f.eastarFlight(t, "ZE5361", time.Now().UTC().Add(30*time.Hour).Truncate(time.Minute))
	p, _ := f.screenedCase(t, "서하람", "SEO HARAM", "M71260001")
	page := f.srv.URL + "/flights/" + fl.ID
	pros := f.signIn(t, "prosecutor@spo.demo")
	code, body, _ := get(t, pros, page)
	if code != http.StatusOK || strings.Contains(body, `id="ready"`) || strings.Contains(body, `id="not-ready"`) || strings.Contains(body, `name="person"`) {
		t.Errorf("the prosecutor's page (%d) lists who may board", code)
	}
	add := url.Values{"csrf": {csrf(t, body)}, "person": {p.ID}, "legal_status": {"victim"}}
	if code, _, _ := post(t, pros, page+"/passengers", add); code != http.StatusForbidden {
		t.Errorf("the prosecutor adding a passenger: %d, want 403", code)
	}
	c := f.signIn(t, "consul@mofa-kh.demo")
	if _, body, _ := get(t, c, page); !strings.Contains(body, `id="b-`+p.ID+`"`) {
		t.Fatal("the consul is not offered the person")
	}
	add.Set("csrf", "forged")
	if code, _, _ := post(t, c, page+"/passengers", add); code != http.StatusForbidden {
		t.Errorf("a form with a forged token: %d, want 403", code)
	}
	if m, _ := f.cw.GetManifest(context.Background(), consul, fl.ID); m.Counts.Total != 0 {
		t.Errorf("the refused forms added %d passengers", m.Counts.Total)
	}
}
