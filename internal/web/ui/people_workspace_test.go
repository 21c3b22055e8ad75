package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

const consul = "consul@mofa-kh.demo"

// fileMissing files a missing person report as the public form does
// (through the service, so that the tests do not spend the form's hourly
// budget) and returns the intake's ID.
func fileMissing(t *testing.T, f *fixture, name string) string {
	t.Helper()
	in, err := f.cw.CreateIntake(context.Background(), trust.Public("192.0.2.1"), &casework.IntakeInput{
		Channel: "web", DangerNow: true, LastLocation: "Prince Manor compound, Sihanoukville, building C",
		Subject: store.IntakeSubject{Name: name, NameLatin: "KIM MINSU", DOB: "1999-04-02", Sex: "M", Nationality: "KR",
			PassportNumber: "M12345678", Phones: []string{"+82 10 4821 7730"}, Handles: []string{"@minsu_kh99"}},
		Ransom:          &store.Ransom{AmountMinor: 1500000, Currency: "USD", PayeeAccount: "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"},
		RecruiterHandle: "@golden_job_kh",
		Reporter:        store.IntakeReporter{Name: "김영희", Relation: "mother", Phone: "+821022334455", Language: "ko"},
	})
	if err != nil {
		t.Fatalf("filing %s: %v", name, err)
	}
	return in.ID
}

// triage triages an intake as a new person with a case, and returns the case's ID.
func triage(t *testing.T, f *fixture, c *http.Client, intakeID string) string {
	t.Helper()
	_, body, _ := get(t, c, f.srv.URL+"/intakes/"+intakeID)
	code, _, loc := post(t, c, f.srv.URL+"/intakes/"+intakeID+"/triage", url.Values{"csrf": {csrf(t, body)},
		"person": {"new"}, "open_case": {"yes"}, "state": {"reported"}, "tlp": {store.TLPAmberStrict}, "note": {"mother called twice"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/cases/") {
		t.Fatalf("triage: %d to %q", code, loc)
	}
	return strings.TrimPrefix(loc, "/cases/")
}

var caseStateRe = regexp.MustCompile(`id="case-state" data-state="([a-z_]+)"`)

// move posts a change of state on a case and returns status, body and Location.
func move(t *testing.T, f *fixture, c *http.Client, caseID string, form url.Values) (int, string, string) {
	t.Helper()
	_, body, _ := get(t, c, f.srv.URL+"/cases/"+caseID)
	form.Set("csrf", csrf(t, body))
	return post(t, c, f.srv.URL+"/cases/"+caseID+"/move", form)
}

// TestIntakeToCase: a family's report appears in the consular officer's
// triage queue marked danger now; triage creates the person and opens a
// case; the case moves only as the state machine allows, every move in
// its timeline with who and the note; a refused move shows the service's
// reason and keeps the note; the intake leaves the queue.
func TestIntakeToCase(t *testing.T) {
	f := demoFixture(t)
	pub, tok := missingPage(t, f.srv.URL, "ko")
	code, _, loc := post(t, pub, f.srv.URL+"/missing", goodMissing(tok, "박지훈"))
	if code != http.StatusSeeOther {
		t.Fatalf("filing through the form: %d", code)
	}
	id := strings.TrimPrefix(loc, "/missing/sent?ref=")
	c := f.signIn(t, consul)
	code, body, _ := get(t, c, f.srv.URL+"/triage?lang=en")
	if code != 200 {
		t.Fatalf("/triage: %d", code)
	}
	row := excerpt(body, `href="/intakes/`+id+`"`)
	if row == "" {
		t.Fatal("the intake is not in the triage queue")
	}
	i := strings.Index(body, `href="/intakes/`+id+`"`)
	if j := strings.Index(body[i:], "</tr>"); j < 0 || !strings.Contains(body[i:i+j], `<span class="flag danger">Danger now</span>`) || !strings.Contains(body[i:i+j], "박지훈") {
		t.Error("the queue row lacks the danger flag or the name")
	}
	_, page, _ := get(t, c, f.srv.URL+"/intakes/"+id)
	for _, want := range []string{"박지훈", "KIM MINSU", "&#43;821022334455", "15,000.00 USD", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", `name="person" value="new" checked`, `href="/selectors/`} {
		if !strings.Contains(page, want) {
			t.Errorf("the intake page lacks %q", want)
		}
	}
	caseID := triage(t, f, c, id)
	_, body, _ = get(t, c, f.srv.URL+"/triage")
	if strings.Contains(body, `href="/intakes/`+id+`"`) {
		t.Error("the triaged intake is still in the queue")
	}
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID+"?lang=en")
	if m := caseStateRe.FindStringSubmatch(body); m == nil || m[1] != "reported" {
		t.Fatalf("the new case's state: %v", m)
	}
	for _, want := range []string{`value="located"`, `value="arrested"`, `value="closed"`, "mother called twice", `href="/intakes/` + id + `"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the case page lacks %q", want)
		}
	}
	for _, never := range []string{`value="screened"`, `value="departed"`, `value="handed_over"`} {
		if strings.Contains(body, never) {
			t.Errorf("the case page offers %s from reported", never)
		}
	}

	// A move the state machine refuses (sent by hand: the form does not
	// offer it) comes back with the service's reason and the note.
	code, body, _ = move(t, f, c, caseID, url.Values{"to": {"screened"}, "note": {"interviewed by phone"}})
	if code != http.StatusConflict || !strings.Contains(body, "the person must be out of the compound first (rescued, escaped or arrested)") ||
		!strings.Contains(body, ">interviewed by phone</textarea>") {
		t.Errorf("a refused move: %d, reason or note missing: %s", code, excerpt(body, `id="refused"`))
	}
	if code, body, _ := move(t, f, c, caseID, url.Values{"note": {"no state chosen"}}); code != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "Choose the state the case goes to.") || !strings.Contains(body, ">no state chosen</textarea>") {
		t.Errorf("a move without a state: %d", code)
	}
	// On a Korean page the reason is in Korean too.
	get(t, c, f.srv.URL+"/cases/"+caseID+"?lang=ko")
	code, body, _ = move(t, f, c, caseID, url.Values{"to": {"screened"}})
	if ko := messages(t, "ko")["people.why.out_first"]; code != http.StatusConflict || !strings.Contains(body, esc(ko)) || !strings.Contains(body, `lang="en" id="refused-reason"`) {
		t.Errorf("a refused move on a Korean page: %d, %q missing", code, ko)
	}
	get(t, c, f.srv.URL+"/cases/"+caseID+"?lang=en")
	// An allowed move, then one the table allows but a guard refuses.
	for _, to := range []string{"located", "rescued"} {
		if code, _, loc := move(t, f, c, caseID, url.Values{"to": {to}, "note": {"moved to " + to}}); code != http.StatusSeeOther || loc != "/cases/"+caseID+"?done="+to {
			t.Fatalf("move to %s: %d to %q", to, code, loc)
		}
	}
	code, body, _ = move(t, f, c, caseID, url.Values{"to": {"screened"}})
	if code != http.StatusConflict || !strings.Contains(body, "no screening is recorded for this person: record the screening interview first") {
		t.Errorf("screened without a screening: %d %s", code, excerpt(body, `id="refused"`))
	}
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID+"?lang=en")
	if m := caseStateRe.FindStringSubmatch(body); m == nil || m[1] != "rescued" {
		t.Errorf("after the moves the case is %v, want rescued", m)
	}
	tl := body[strings.Index(body, `id="timeline"`):]
	for _, want := range []string{"reported missing → located", "moved to located", "located → rescued", "moved to rescued", "Yoon Seo-yeon", "(you)"} {
		if !strings.Contains(tl, esc(want)) {
			t.Errorf("the timeline lacks %q", want)
		}
	}
	if !strings.Contains(body, `href="/flights"`) || !strings.Contains(body, `value="immigration_detention"`) {
		t.Error("the case page lacks the flights link or the next states")
	}
	file, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Events) != 3 || file.Events[2].To != "rescued" || file.Events[2].Note != "moved to rescued" {
		t.Errorf("the service holds %d events", len(file.Events))
	}
	// The person page: names in both scripts, passport, selectors linked.
	_, body, _ = get(t, c, f.srv.URL+"/persons/"+file.Person.ID+"?lang=ko")
	for _, want := range []string{"박지훈", "KIM MINSU", "M12345678", `href="/selectors/`, `href="/cases/` + caseID + `"`, "1999-04-02"} {
		if !strings.Contains(body, want) {
			t.Errorf("the person page lacks %q", want)
		}
	}
	_, body, _ = get(t, c, f.srv.URL+"/persons?q="+url.QueryEscape("KIM MINSU"))
	if !strings.Contains(body, `href="/persons/`+file.Person.ID+`"`) {
		t.Error("the person search does not find the person by the passport spelling")
	}
}

// TestPeoplePagesRenderInEveryLanguage renders the missing person and
// consular pages in English, Korean and Khmer, over the demo's consular
// scene (overdue visits, a flight) and a case triaged here.
func TestPeoplePagesRenderInEveryLanguage(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	c := f.signIn(t, consul)
	od, err := f.cw.OverdueDeadlines(ctx, trust.Operator())
	if err != nil || len(od) == 0 {
		t.Fatalf("the demo has no overdue deadline: %v", err)
	}
	q, err := f.cw.TriageQueue(ctx, trust.Operator())
	if err != nil || len(q) == 0 {
		t.Fatalf("the demo's triage queue is empty: %v", err)
	}
	fresh := fileMissing(t, f, "Sok Dara")
	caseID := triage(t, f, c, fileMissing(t, f, "Chan Sophea"))
	file, err := f.cw.GetCaseFile(ctx, trust.Operator(), od[0].Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	routes := []struct {
		path   string
		signed bool
		want   int
	}{
		{"/missing", false, 200},
		{"/missing/sent?ref=" + fresh, false, 200},
		{"/missing/sent?ref=nonsense", false, 404},
		{"/triage", true, 200},
		{"/intakes/" + fresh, true, 200},
		{"/intakes/" + q[len(q)-1].Intake.ID, true, 200},
		{"/intakes/01JZ0000000000000000000000", true, 404},
		{"/persons", true, 200},
		{"/persons?q=" + url.QueryEscape("Sok Dara"), true, 200},
		{"/persons/" + file.Person.ID, true, 200},
		{"/persons/not-an-id", true, 404},
		{"/cases/" + od[0].Case.ID, true, 200},
		{"/cases/" + caseID, true, 200},
		{"/cases/01JZ0000000000000000000000", true, 404},
	}
	public := client(t)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		for _, rt := range routes {
			cl := public
			if rt.signed {
				cl = c
			}
			sep := "?"
			if strings.Contains(rt.path, "?") {
				sep = "&"
			}
			code, body, _ := get(t, cl, f.srv.URL+rt.path+sep+"lang="+lang)
			if code != rt.want {
				t.Errorf("%s %s: status %d, want %d", lang, rt.path, code, rt.want)
				continue
			}
			if !strings.Contains(body, `<html lang="`+lang+`">`) || !strings.Contains(body, ">"+esc(msgs["missing.nav"])+"<") {
				t.Errorf("%s %s: not in %s", lang, rt.path, lang)
			}
			if strings.Contains(body, "%!") {
				t.Errorf("%s %s: a message got the wrong arguments: %s", lang, rt.path, excerpt(body, "%!"))
			}
			if rt.signed && code == 200 && !strings.Contains(body, `href="/triage" aria-current="page"`) {
				t.Errorf("%s %s: the consular menu entry is not marked", lang, rt.path)
			}
		}
		_, body, _ := get(t, c, f.srv.URL+"/cases/"+od[0].Case.ID+"?lang="+lang)
		if !strings.Contains(body, `<tr class="overdue">`) || !strings.Contains(body, esc(msgs["people.case.overdue"])) {
			t.Errorf("%s: the overdue deadline is not highlighted on its case", lang)
		}
		_, body, _ = get(t, c, f.srv.URL+"/triage?lang="+lang)
		if !strings.Contains(body, `href="/cases/`+od[0].Case.ID+`"`) {
			t.Errorf("%s: the triage page does not list the overdue deadline", lang)
		}
	}
}

// TestPeoplePagesAccess: visitors are sent to sign in; the roles that
// must not read persons or cases (an analyst, a bank's partner account, a
// shelter's support worker) are refused; a prosecutor of another
// organisation finds an AMBER+STRICT person and case as if they did not
// exist; nobody but a case officer may triage or move a case.
func TestPeoplePagesAccess(t *testing.T) {
	f := demoFixture(t)
	officer := f.signIn(t, consul)
	intakeID := fileMissing(t, f, "Access Test")
	caseID := triage(t, f, officer, fileMissing(t, f, "Access Case"))
	file, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"/triage", "/intakes/" + intakeID, "/persons?q=Access", "/persons/" + file.Person.ID, "/cases/" + caseID}
	anon := client(t)
	for _, p := range pages {
		code, _, hdr := get(t, anon, f.srv.URL+p)
		if code != http.StatusSeeOther || !strings.HasPrefix(hdr.Get("Location"), "/login?next=") {
			t.Errorf("a visitor opening %s: %d to %q", p, code, hdr.Get("Location"))
		}
	}
	for _, email := range []string{"analyst@knpa.demo", "screening@bank.demo", "worker@shelter.demo"} {
		c := f.signIn(t, email)
		for _, p := range pages {
			code, body, _ := get(t, c, f.srv.URL+p)
			if code != http.StatusForbidden && code != http.StatusNotFound {
				t.Errorf("%s opened %s: %d", email, p, code)
			}
			if strings.Contains(body, "Access Case") || strings.Contains(body, "Access Test") || strings.Contains(body, "M12345678") {
				t.Errorf("%s's refusal of %s shows personal data", email, p)
			}
			if strings.Contains(body, `href="/triage"`) {
				t.Errorf("%s is offered the consular menu", email)
			}
		}
		_, body, _ := get(t, c, f.srv.URL+"/missing")
		for path, form := range map[string]url.Values{
			"/cases/" + caseID + "/move":                {"to": {"closed"}},
			"/cases/" + caseID + "/actions":             {"action": {"visit"}},
			"/cases/" + caseID + "/roles":               {"role": {"suspect"}},
			"/persons/" + file.Person.ID + "/documents": {"number": {"M12345678"}, "status": {"lost"}},
			"/intakes/" + intakeID + "/triage":          {"person": {"new"}},
		} {
			form.Set("csrf", csrf(t, body))
			if code, _, _ := post(t, c, f.srv.URL+path, form); code != http.StatusForbidden && code != http.StatusNotFound {
				t.Errorf("%s posted to %s: %d", email, path, code)
			}
		}
	}
	pros := f.signIn(t, "prosecutor@spo.demo")
	for _, p := range []string{"/persons/" + file.Person.ID, "/cases/" + caseID} {
		if code, body, _ := get(t, pros, f.srv.URL+p); code != http.StatusNotFound || strings.Contains(body, "Access Case") {
			t.Errorf("a prosecutor of another organisation opened the AMBER+STRICT %s: %d", p, code)
		}
	}
	_, body, _ := get(t, pros, f.srv.URL+"/intakes/"+intakeID)
	if strings.Contains(body, `action="/intakes/`+intakeID+`/triage"`) {
		t.Error("a prosecutor is offered the triage form")
	}
	code, _, _ := post(t, pros, f.srv.URL+"/intakes/"+intakeID+"/triage", url.Values{"csrf": {csrf(t, body)}, "person": {"new"}})
	if code != http.StatusForbidden {
		t.Errorf("a prosecutor triaged an intake: %d", code)
	}
	if file2, _ := f.cw.GetCaseFile(context.Background(), trust.Operator(), caseID); file2.Case.State != "reported" {
		t.Errorf("the case moved to %s", file2.Case.State)
	}
}

// TestTriageMatchesAKnownPerson: a second report naming the same passport
// offers the person already known; triaging it onto that person opens a
// second case for the same person instead of a duplicate.
func TestTriageMatchesAKnownPerson(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, consul)
	first := triage(t, f, c, fileMissing(t, f, "최유나"))
	known, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), first)
	if err != nil {
		t.Fatal(err)
	}
	second := fileMissing(t, f, "최유나")
	_, body, _ := get(t, c, f.srv.URL+"/intakes/"+second)
	if !strings.Contains(body, `name="person" value="`+known.Person.ID+`"`) {
		t.Fatal("the intake page does not offer the known person")
	}
	code, _, loc := post(t, c, f.srv.URL+"/intakes/"+second+"/triage", url.Values{"csrf": {csrf(t, body)},
		"person": {known.Person.ID}, "open_case": {"yes"}, "state": {"located"}, "tlp": {store.TLPAmberStrict}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/cases/") {
		t.Fatalf("triage onto the known person: %d to %q", code, loc)
	}
	file, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), strings.TrimPrefix(loc, "/cases/"))
	if err != nil {
		t.Fatal(err)
	}
	if file.Person.ID != known.Person.ID || file.Case.State != "located" {
		t.Errorf("the second case is for %s in %s, want %s located", file.Person.ID, file.Case.State, known.Person.ID)
	}
	_, body, _ = get(t, c, f.srv.URL+"/persons/"+known.Person.ID)
	if !strings.Contains(body, `href="/cases/`+first+`"`) || !strings.Contains(body, `href="/cases/`+file.Case.ID+`"`) {
		t.Error("the person page does not list both cases")
	}
	// Triaging the same intake twice is refused with the service's reason.
	code, body, _ = post(t, c, f.srv.URL+"/intakes/"+second+"/triage", url.Values{"csrf": {csrf(t, body)}, "person": {"new"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "intake: already triaged") {
		t.Errorf("a second triage: %d %s", code, excerpt(body, `id="refused"`))
	}
}

// TestCaseVisitAndTravelDocument: an arrest starts the first-visit
// deadline; recording the visit meets it; a travel document issued from
// the case page joins the person's documents; a hand-over needs to whom.
func TestCaseVisitAndTravelDocument(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, consul)
	intakeID := fileMissing(t, f, "정하늘")
	_, body, _ := get(t, c, f.srv.URL+"/intakes/"+intakeID)
	code, _, loc := post(t, c, f.srv.URL+"/intakes/"+intakeID+"/triage", url.Values{"csrf": {csrf(t, body)},
		"person": {"new"}, "open_case": {"yes"}, "state": {"arrested"}, "tlp": {store.TLPAmber}})
	if code != http.StatusSeeOther {
		t.Fatalf("triage: %d", code)
	}
	caseID := strings.TrimPrefix(loc, "/cases/")
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID+"?lang=en")
	if !strings.Contains(body, "first consular visit") || strings.Contains(body, `<tr class="met">`) {
		t.Fatal("the arrest did not start an open first-visit deadline")
	}
	code, _, loc = post(t, c, f.srv.URL+"/cases/"+caseID+"/actions", url.Values{"csrf": {csrf(t, body)}, "action": {"visit"}, "note": {"seen at the CNP holding cell"}})
	if code != http.StatusSeeOther || loc != "/cases/"+caseID+"?done=visit" {
		t.Fatalf("recording the visit: %d to %q", code, loc)
	}
	_, body, _ = get(t, c, f.srv.URL+loc+"&lang=en")
	if !strings.Contains(body, `<tr class="met">`) || !strings.Contains(body, "seen at the CNP holding cell") || !strings.Contains(body, `id="done"`) {
		t.Error("the visit did not meet the deadline or is not in the timeline")
	}
	for _, role := range []string{"possible_victim", "suspect"} {
		_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID)
		code, _, loc = post(t, c, f.srv.URL+"/cases/"+caseID+"/roles", url.Values{"csrf": {csrf(t, body)}, "role": {role}, "note": {"as " + role}})
		if code != http.StatusSeeOther || loc != "/cases/"+caseID+"?done="+role {
			t.Fatalf("adding the role %s: %d to %q", role, code, loc)
		}
	}
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID)
	code, body, _ = post(t, c, f.srv.URL+"/cases/"+caseID+"/roles", url.Values{"csrf": {csrf(t, body)}, "role": {"boss"}, "note": {"kept"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `value="kept"`) || !strings.Contains(body, "role: &#34;boss&#34; is not one of") {
		t.Errorf("an unknown role: %d %s", code, excerpt(body, `id="refused"`))
	}
	for _, to := range []string{"immigration_detention"} {
		if code, _, _ := move(t, f, c, caseID, url.Values{"to": {to}}); code != http.StatusSeeOther {
			t.Fatalf("move to %s: %d", to, code)
		}
	}
	code, body, _ = move(t, f, c, caseID, url.Values{"to": {"travel_document_issued"}, "doc_number": {"M1"}, "note": {"ETD at the embassy"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "passport_number: fewer than 5 letters and digits") || !strings.Contains(body, `value="M1"`) {
		t.Errorf("a short document number: %d %s", code, excerpt(body, `id="refused"`))
	}
	code, _, _ = move(t, f, c, caseID, url.Values{"to": {"travel_document_issued"}, "doc_type": {"emergency_travel_document"}, "doc_number": {"ETD-2025-0042"}})
	if code != http.StatusSeeOther {
		t.Fatalf("issuing the travel document: %d", code)
	}
	file, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ = get(t, c, f.srv.URL+"/persons/"+file.Person.ID+"?lang=en")
	if file.Case.State != "travel_document_issued" || !strings.Contains(body, "ETD-2025-0042") || !strings.Contains(body, "emergency travel document") {
		t.Errorf("case %s; the person page does not show the travel document", file.Case.State)
	}
	code, _, loc = post(t, c, f.srv.URL+"/persons/"+file.Person.ID+"/documents", url.Values{"csrf": {csrf(t, body)},
		"number": {"M12345678"}, "status": {"held_by_captors"}, "note": {"kept by the compound's manager"}})
	if code != http.StatusSeeOther || loc != "/persons/"+file.Person.ID+"?done=document" {
		t.Fatalf("setting the passport's status: %d to %q", code, loc)
	}
	_, body, _ = get(t, c, f.srv.URL+loc+"&lang=en")
	if !strings.Contains(body, `<span class="flag">held by captors</span>`) || !strings.Contains(body, "kept by the compound&#39;s manager") {
		t.Error("the passport's new status is not shown")
	}
	code, page, _ := post(t, c, f.srv.URL+"/persons/"+file.Person.ID+"/documents", url.Values{"csrf": {csrf(t, body)}, "number": {"NOPE-0000"}, "status": {"lost"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, "passport_number: the person has no such document") {
		t.Errorf("a document the person does not have: %d", code)
	}
	roles := body[strings.Index(body, `id="roles"`):]
	if !strings.Contains(roles, "possible victim") || !strings.Contains(roles, "suspect") || strings.Count(roles, `href="/cases/`+caseID+`"`) != 2 {
		t.Error("the person page does not list both roles in the case")
	}
	_, body, _ = get(t, c, f.srv.URL+"/cases/"+caseID+"?lang=en")
	put := `href="/flights/` + f.consular.CharterID + `?person=` + file.Person.ID + `"`
	if !strings.Contains(body, `id="flight-entry"`) || !strings.Contains(body, put) {
		t.Fatalf("with on_manifest next, the case page does not offer the planned charter: %s", excerpt(body, `id="flight-entry"`))
	}
	code, body, _ = get(t, c, f.srv.URL+"/flights/"+f.consular.CharterID+"?person="+file.Person.ID)
	if code != 200 || !strings.Contains(body, file.Person.ID) {
		t.Errorf("following \"put on a flight\": %d", code)
	}
}

// TestPersonSearchOffersTheCountriesOfANationalNumber: an embassy officer
// in Phnom Penh (a Korean organisation) who types a person's Cambodian
// phone the national way ("092 251 686") finds nobody: the page offers it
// as a number of each country where it is one, and the Cambodian link
// finds the person.
func TestPersonSearchOffersTheCountriesOfANationalNumber(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, consul)
	_, body, _ := get(t, c, f.srv.URL+"/persons?lang=en&q="+url.QueryEscape("092 251 686"))
	link := `<a href="/persons?q=%2b85592251686">Cambodia: <bdi>&#43;855 92 251 686</bdi></a>`
	if !strings.Contains(body, esc(messages(t, "en")["people.persons.readings"])) || !strings.Contains(body, link) {
		t.Fatalf("the national number is not offered as Cambodia's: no %s", link)
	}
	_, body, _ = get(t, c, f.srv.URL+"/persons?lang=en&q=%2b85592251686")
	if !strings.Contains(body, `<p id="persons-count">1 found.</p>`) || strings.Contains(body, `id="persons-readings"`) {
		t.Errorf("the Cambodian number finds no one, or is offered other countries")
	}
}

// TestTriageCandidateShowsItsOpenCase: a report about a person whose case
// is still open shows that case's state beside the person, and choosing
// them leaves "open a consular case" unticked; a person whose cases are all
// closed gets the box ticked.
func TestTriageCandidateShowsItsOpenCase(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, consul)
	first := triage(t, f, c, fileMissing(t, f, "한서윤"))
	known, err := f.cw.GetCaseFile(context.Background(), trust.Operator(), first)
	if err != nil {
		t.Fatal(err)
	}
	second := fileMissing(t, f, "한서윤")
	_, body, _ := get(t, c, f.srv.URL+"/intakes/"+second+"?lang=en&person="+known.Person.ID)
	radio := `name="person" value="` + known.Person.ID + `" data-open-case="reported" checked`
	if !strings.Contains(body, radio) {
		t.Fatalf("the known person is not offered with their open case chosen: %s", excerpt(body, `value="`+known.Person.ID+`"`))
	}
	if want := `Case open: <a href="/cases/` + first + `">`; !strings.Contains(body, want) {
		t.Errorf("the candidate does not show its open case: %s", excerpt(body, `value="`+known.Person.ID+`"`))
	}
	if !strings.Contains(body, `id="open-case" name="open_case" value="yes">`) {
		t.Errorf("the box to open a case is ticked for a person with an open case: %s", excerpt(body, `id="open-case"`))
	}
	// Without the box, triage links the report and opens no second case.
	code, _, loc := post(t, c, f.srv.URL+"/intakes/"+second+"/triage", url.Values{"csrf": {csrf(t, body)},
		"person": {known.Person.ID}, "state": {"reported"}, "tlp": {store.TLPAmberStrict}})
	if code != http.StatusSeeOther || loc != "/persons/"+known.Person.ID {
		t.Fatalf("triage onto the person in process: %d to %q", code, loc)
	}
	cs, err := f.cw.ListCases(context.Background(), trust.Operator(), store.CaseFilter{PersonID: known.Person.ID})
	if err != nil || len(cs) != 1 {
		t.Fatalf("the person has %d cases (%v), want 1", len(cs), err)
	}
	// Once the case is closed, a new report about them ticks the box.
	if code, _, _ := move(t, f, c, first, url.Values{"to": {"closed"}, "note": {"found at home"}}); code != http.StatusSeeOther {
		t.Fatalf("closing the case: %d", code)
	}
	third := fileMissing(t, f, "한서윤")
	_, body, _ = get(t, c, f.srv.URL+"/intakes/"+third+"?lang=en&person="+known.Person.ID)
	if !strings.Contains(body, `name="person" value="`+known.Person.ID+`" checked`) || !strings.Contains(body, "No open case.") {
		t.Errorf("a person whose case is closed: %s", excerpt(body, `value="`+known.Person.ID+`"`))
	}
	if !strings.Contains(body, `id="open-case" name="open_case" value="yes" checked>`) {
		t.Errorf("the box to open a case is not ticked for a person without an open case: %s", excerpt(body, `id="open-case"`))
	}
}
