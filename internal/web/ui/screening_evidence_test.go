package ui_test

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// TestScreeningFormTakesSeveralEvidence: "add another piece of evidence"
// sends the form back as typed with a blank row under each finding, saving
// nothing; the form then saves every piece of an indicator, in order.
func TestScreeningFormTakesSeveralEvidence(t *testing.T) {
	f := demoFixture(t)
	person := f.newPerson(t, "오세훈", "OH SEHUN", "M71239876")
	cs := f.openCase(t, person, casework.Arrested)
	c := f.signIn(t, "consul@mofa-kh.demo")
	_, body, _ := get(t, c, f.srv.URL+"/persons/"+person.ID+"/screenings/new?lang=km")
	kinds := regexp.MustCompile(`<select id="[^"]*" name="ind\.deception\.kind">`)
	if n := len(kinds.FindAllString(body, -1)); n != 1 {
		t.Fatalf("a new form has %d evidence rows for deception, want 1", n)
	}
	km := messages(t, "km")
	if !strings.Contains(body, `name="more" value="ind.deception"`) || !strings.Contains(body, esc(km["repat.f.ev_more"])) {
		t.Error("the form offers no button to add another piece of evidence")
	}
	v := screeningValues(csrf(t, body))
	v.Set("case", cs.ID)
	v.Set("more", "ind.deception")
	code, body, _ := post(t, c, f.srv.URL+"/persons/"+person.ID+"/screenings", v)
	if code != http.StatusOK || !strings.Contains(body, ">promised an office job</textarea>") || !strings.Contains(body, `value="RAID-22 exhibit 14"`) {
		t.Fatalf("adding a row: %d, or the form is not as typed", code)
	}
	if n := len(kinds.FindAllString(body, -1)); n != 2 {
		t.Errorf("after adding a row deception has %d rows, want 2", n)
	}
	if !strings.Contains(body, `id="ind.deception.1.kind" name="ind.deception.kind"`) {
		t.Error("the second row has no id of its own")
	}
	if n, _ := screeningsOf(t, f, person.ID); n != 0 {
		t.Fatalf("adding a row stored %d screenings", n)
	}
	v = screeningValues(csrf(t, body))
	v.Set("case", cs.ID)
	v["ind.deception.kind"] = []string{"testimony", "chat_log", ""}
	v["ind.deception.ref"] = []string{"", "chat export 12", ""}
	v["ind.deception.note"] = []string{"promised an office job", "the recruiter's messages", ""}
	if code, _, loc := post(t, c, f.srv.URL+"/persons/"+person.ID+"/screenings", v); code != http.StatusSeeOther {
		t.Fatalf("saving: %d to %q", code, loc)
	}
	_, sc := screeningsOf(t, f, person.ID)
	want := []store.Evidence{{Kind: "testimony", Note: "promised an office job"}, {Kind: "chat_log", Ref: "chat export 12", Note: "the recruiter's messages"}}
	if sc == nil || len(sc.Indicators) == 0 || sc.Indicators[0].Code != "deception" || !reflect.DeepEqual(sc.Indicators[0].Evidence, want) {
		t.Errorf("stored indicators = %+v, want deception with %+v", sc, want)
	}
}
