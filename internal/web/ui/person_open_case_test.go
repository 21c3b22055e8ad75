package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestPersonPageOpensACase: a person known only from a list (imported,
// no intake) gets a consular case from their page, in the state the
// officer picks, and the page then offers the case; a state a case may
// not open in comes back with the form as typed, and a member who may
// not change cases is offered no form and refused.
func TestPersonPageOpensACase(t *testing.T) {
	f := demoFixture(t)
	p := f.newPerson(t, "한도윤", "HAN DOYUN", "M71230091")
	c := f.signIn(t, "consul@mofa-kh.demo")
	_, body, _ := get(t, c, f.srv.URL+"/persons/"+p.ID+"?lang=en")
	if !strings.Contains(body, `action="/persons/`+p.ID+`/cases"`) || !strings.Contains(body, `<option value="arrested" selected>`) {
		t.Fatalf("a person with no case offers no form to open one: %s", excerpt(body, `id="cases-h"`))
	}
	code, body, _ := post(t, c, f.srv.URL+"/persons/"+p.ID+"/cases", url.Values{"csrf": {csrf(t, body)},
		"state": {"on_manifest"}, "location": {"Prey Sar detention centre"}, "note": {"on the partner's list, row 17"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "state: a case opens as one of") ||
		!strings.Contains(body, `value="Prey Sar detention centre"`) || !strings.Contains(body, "on the partner&#39;s list, row 17</textarea>") {
		t.Errorf("opening a case as on_manifest: %d %s", code, excerpt(body, `id="refused"`))
	}
	code, _, loc := post(t, c, f.srv.URL+"/persons/"+p.ID+"/cases", url.Values{"csrf": {csrf(t, body)},
		"state": {"immigration_detention"}, "location": {"Prey Sar detention centre"}, "note": {"on the partner's list, row 17"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/cases/") {
		t.Fatalf("opening a case: %d to %q", code, loc)
	}
	file, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), strings.TrimPrefix(loc, "/cases/"))
	if err != nil {
		t.Fatal(err)
	}
	if file.Case.PersonID != p.ID || file.Case.State != "immigration_detention" || file.Case.Location != "Prey Sar detention centre" ||
		file.Case.TLP != p.TLP || len(file.Events) != 1 || file.Events[0].Note != "on the partner's list, row 17" {
		t.Errorf("the case opened: %+v, events %d", file.Case, len(file.Events))
	}
	_, body, _ = get(t, c, f.srv.URL+"/persons/"+p.ID+"?lang=en")
	if !strings.Contains(body, `href="/cases/`+file.Case.ID+`"`) || strings.Contains(body, "They have no case yet") {
		t.Errorf("the person page does not list the new case: %s", excerpt(body, `id="cases-h"`))
	}
	pros := f.signIn(t, "prosecutor@spo.demo")
	_, body, _ = get(t, pros, f.srv.URL+"/persons/"+p.ID)
	if strings.Contains(body, `action="/persons/`+p.ID+`/cases"`) {
		t.Error("a prosecutor is offered the form to open a case")
	}
	_, body, _ = get(t, pros, f.srv.URL+"/missing")
	if code, _, _ := post(t, pros, f.srv.URL+"/persons/"+p.ID+"/cases", url.Values{"csrf": {csrf(t, body)}, "state": {"arrested"}}); code != http.StatusForbidden && code != http.StatusNotFound {
		t.Errorf("a prosecutor opened a case: %d", code)
	}
	cases, err := f.cw.ListCases(context.Background(), trust.Operator(), store.CaseFilter{PersonID: p.ID})
	if err != nil || len(cases) != 1 {
		t.Errorf("the person has %d cases (%v), want 1", len(cases), err)
	}
}
