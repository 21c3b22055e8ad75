package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"counterscam/internal/trust"
)

// TestCaseLinksToScreeningAndFlight: the case page leads where its next
// move is made: to the person's screening form while screened is next
// (and the form back to the person), and to the flights with the person
// named, each flight's link filling its add-passenger form.
func TestCaseLinksToScreeningAndFlight(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, consul)
	caseID := triage(t, f, c, fileMissing(t, f, "한서준"))
	file, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	pid := file.Person.ID
	screening := `href="/persons/` + pid + `/screenings/new"`
	_, body, _ := get(t, c, f.srv.URL+"/cases/"+caseID)
	// The screening form is always one link away at the foot of the page;
	// the prominent entry beside the moves waits until screened is next.
	if strings.Contains(body, `id="screening-entry"`) {
		t.Error("a reported case puts the screening entry beside its moves")
	}
	for _, to := range []string{"located", "rescued"} {
		if code, _, _ := move(t, f, c, caseID, url.Values{"to": {to}}); code != http.StatusSeeOther {
			t.Fatalf("move to %s: %d", to, code)
		}
	}
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID)
	if !strings.Contains(para(body, `id="screening-entry"`), screening) {
		t.Errorf("a rescued case does not link to the screening form: %q", para(body, `id="screening-entry"`))
	}
	if strings.Contains(body, `id="flight-entry"`) {
		t.Error("a rescued case offers a flight")
	}
	code, body, _ := get(t, c, f.srv.URL+"/persons/"+pid+"/screenings/new")
	if code != 200 || !strings.Contains(body, `href="/persons/`+pid+`" id="person-link"`) {
		t.Errorf("the screening form (%d) does not lead back to the person", code)
	}
	for _, v := range []url.Values{{"to": {"immigration_detention"}}, {"to": {"travel_document_issued"}, "doc_type": {"emergency_travel_document"}, "doc_number": {"ETD-2025-0777"}}} {
		if code, _, _ := move(t, f, c, caseID, v); code != http.StatusSeeOther {
			t.Fatalf("move to %s: %d", v.Get("to"), code)
		}
	}
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID)
	if !strings.Contains(para(body, `id="flight-entry"`), `href="/flights?person=`+pid+`"`) {
		t.Errorf("the flight entry does not name the person: %q", para(body, `id="flight-entry"`))
	}
	_, body, _ = get(t, c, f.srv.URL+"/flights?person="+pid)
	if !strings.Contains(body, `href="/flights/`+f.consular.CharterID+`?person=`+pid+`"`) {
		t.Error("the flights list does not carry the person to the charter")
	}
	_, body, _ = get(t, c, f.srv.URL+"/flights/"+f.consular.CharterID+"?person="+pid)
	if !ticked(body, pid) {
		t.Error("the charter's form does not tick the person")
	}
	// Only an ID is carried on.
	_, body, _ = get(t, c, f.srv.URL+"/flights?person="+url.QueryEscape(`x"><b>`))
	if strings.Contains(body, "?person=") {
		t.Error("the flights list carries a value that is no ID")
	}
}

// para is the paragraph of a page that holds s, to its end.
func para(body, s string) string {
	i := strings.Index(body, s)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</p>")
	if j < 0 {
		return body[i:]
	}
	return body[i : i+j]
}
