package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

const shelterWorker = "worker@shelter.demo"

// referred is a survivor of the demo with a screening and charge
// evidence, their case, and what must never reach a shelter.
type referred struct {
	person  *store.Person
	caseID  string
	name    string
	phone   string
	secrets []string // passport numbers, Latin name, screening, evidence, case timeline
}

func (f *fixture) referredSurvivor(t *testing.T) *referred {
	t.Helper()
	ctx := context.Background()
	d := f.dossierPerson(t)
	rf := &referred{person: d.Person}
	for _, n := range d.Person.Names {
		if n.Kind == "primary" && rf.name == "" {
			rf.name = n.Text
		}
		if n.Kind == "passport" {
			rf.secrets = append(rf.secrets, n.Text)
		}
	}
	for _, s := range d.Person.Selectors {
		if s.Kind == "phone" && s.Role == "own" {
			rf.phone = s.Display
		}
	}
	for _, doc := range d.Person.Documents {
		rf.secrets = append(rf.secrets, doc.Number)
	}
	if d.Person.DOB != "" {
		rf.secrets = append(rf.secrets, d.Person.DOB)
	}
	rf.secrets = append(rf.secrets, d.Screening.ID, d.Screening.Interviewer)
	for _, e := range d.Evidence {
		rf.secrets = append(rf.secrets, e.ID, e.Description)
	}
	cases, err := f.cw.ListCases(ctx, trust.Operator(), store.CaseFilter{PersonID: d.Person.ID})
	if err != nil || len(cases) == 0 {
		t.Fatalf("the survivor's cases: %v, %v", cases, err)
	}
	rf.caseID = cases[0].ID
	file, err := f.cw.GetCaseFile(ctx, trust.Operator(), rf.caseID)
	if err != nil {
		t.Fatal(err)
	}
	rf.secrets = append(rf.secrets, rf.caseID)
	for _, ev := range file.Events {
		if len(ev.Note) > 8 {
			rf.secrets = append(rf.secrets, ev.Note)
		}
	}
	if rf.name == "" || len(d.Evidence) == 0 {
		t.Fatalf("the survivor lacks a name or evidence: %+v", d.Person.Names)
	}
	return rf
}

var sharedFieldRe = regexp.MustCompile(`data-field="([a-z_]+)"`)

// refer sends a referral through the form and returns its ID.
func refer(t *testing.T, f *fixture, c *http.Client, personID string, form url.Values) string {
	t.Helper()
	before, err := f.cw.Referrals(context.Background(), trust.Operator(), personID)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := get(t, c, f.srv.URL+"/persons/"+personID+"/referrals")
	form.Set("csrf", csrf(t, body))
	code, _, loc := post(t, c, f.srv.URL+"/persons/"+personID+"/referrals", form)
	if code != http.StatusSeeOther || loc != "/persons/"+personID+"/referrals?done=sent" {
		t.Fatalf("referring: %d to %q", code, loc)
	}
	after, err := f.cw.Referrals(context.Background(), trust.Operator(), personID)
	if err != nil || len(after) != len(before)+1 {
		t.Fatalf("referrals after the form: %d, %v", len(after), err)
	}
	for _, r := range after {
		if !slices.ContainsFunc(before, func(b *store.Referral) bool { return b.ID == r.ID }) {
			return r.ID
		}
	}
	t.Fatal("no new referral")
	return ""
}

// withdraw ends a referral a test made, so that the shared demo scene's
// shelter inbox holds no name of the survivor for the next test.
func withdraw(t *testing.T, f *fixture, id string) {
	if _, err := f.cw.WithdrawConsent(context.Background(), trust.Operator(), id, "end of the test"); err != nil {
		t.Error(err)
	}
}

// TestReferralSharesOnlyConsentedFields: a consul refers a screened
// survivor with charge evidence to the shelter with only name and phone;
// the shelter worker sees exactly those, nothing of the passport,
// screening, evidence or case timeline, nor the needs typed but not
// consented; withdrawing consent takes the details away and the referral
// shows as withdrawn on both sides.
func TestReferralSharesOnlyConsentedFields(t *testing.T) {
	f := demoFixture(t)
	rf := f.referredSurvivor(t)
	if rf.phone == "" {
		t.Fatal("the demo survivor has no phone of their own")
	}
	officer := f.signIn(t, consul)
	_, page, _ := get(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"?lang=en")
	if !strings.Contains(page, `href="/persons/`+rf.person.ID+`/referrals"`) {
		t.Error("the person page does not link to the referrals")
	}
	code, page, _ := get(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"/referrals?lang=en")
	if code != 200 {
		t.Fatalf("the referrals page: %d", code)
	}
	for _, field := range casework.ReferralFields {
		if !strings.Contains(page, `name="fields" value="`+field+`"`) {
			t.Errorf("the form offers no checkbox for %s", field)
		}
	}
	if !strings.Contains(page, `<option value="SHELTER-KR"`) || strings.Contains(page, `<option value="DEMO-BANK"`) || strings.Contains(page, `<option value="SPO-SEOUL"`) {
		t.Error("the form does not offer exactly the support organisations")
	}
	// Refusals keep what was typed.
	code, body, _ := post(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"/referrals", url.Values{"csrf": {csrf(t, page)},
		"to_org": {"SHELTER-KR"}, "fields": {"name"}, "needs": {"a bed tonight"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "consent_note:") || !strings.Contains(body, ">a bed tonight</textarea>") ||
		!strings.Contains(body, `value="name" checked`) {
		t.Errorf("a referral without a consent record: %d %s", code, excerpt(body, `id="refused"`))
	}
	code, body, _ = post(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"/referrals", url.Values{"csrf": {csrf(t, page)},
		"to_org": {"SHELTER-KR"}, "fields": {"trafficking_status"}, "consent_note": {"x"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "fields:") {
		t.Errorf("a referral of a screening field: %d", code)
	}
	code, _, _ = post(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"/referrals", url.Values{"csrf": {csrf(t, page)},
		"to_org": {"DEMO-BANK"}, "fields": {"name"}, "consent_note": {"x"}})
	if code != http.StatusUnprocessableEntity {
		t.Errorf("a referral to a bank: %d", code)
	}

	const needs = "needs a lawyer about the passport held by the compound"
	id := refer(t, f, officer, rf.person.ID, url.Values{"to_org": {"SHELTER-KR"}, "case_id": {rf.caseID},
		"fields": {"name", "phone"}, "needs": {needs}, "consent_note": {"signed consent form, read aloud in Korean"}})
	_, page, _ = get(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"/referrals?done=sent&lang=en")
	item := excerpt(page, `id="referral-`+id+`"`)
	if !strings.Contains(page, `id="referral-`+id+`" data-state="active"`) || !strings.Contains(page, `<dd class="fields">Name, Phone</dd>`) ||
		!strings.Contains(page, "signed consent form, read aloud in Korean") || !strings.Contains(page, `id="done"`) {
		t.Errorf("the referring side's list: %s", item)
	}

	worker := f.signIn(t, shelterWorker)
	_, inbox, _ := get(t, worker, f.srv.URL+"/referrals?lang=en")
	if !strings.Contains(inbox, `href="/referrals/`+id+`"`) || !strings.Contains(inbox, rf.name) ||
		!strings.Contains(inbox, `href="/referrals" aria-current="page"`) {
		t.Errorf("the inbox lacks the referral, the name or the marked menu entry")
	}
	code, view, _ := get(t, worker, f.srv.URL+"/referrals/"+id+"?lang=en")
	if code != 200 {
		t.Fatalf("the shared view: %d", code)
	}
	var shown []string
	for _, m := range sharedFieldRe.FindAllStringSubmatch(view, -1) {
		shown = append(shown, m[1])
	}
	if want := []string{"name", "phone"}; !slices.Equal(shown, want) {
		t.Errorf("the shelter is shown %v, want %v", shown, want)
	}
	if !strings.Contains(view, "<bdi>"+esc(rf.name)+"</bdi>") || !strings.Contains(view, "<bdi>"+esc(rf.phone)+"</bdi>") || !strings.Contains(view, "MOFA-KH") {
		t.Error("the shared view lacks the name, the phone or who referred")
	}
	for _, secret := range append(rf.secrets, needs, rf.person.ID, `href="/persons/`, `href="/cases/`) {
		if strings.Contains(view, esc(secret)) || strings.Contains(inbox, esc(secret)) {
			t.Errorf("the shelter is shown %q", secret)
		}
	}
	// The worker still reads nothing of the person or the case.
	for _, p := range []string{"/persons/" + rf.person.ID, "/cases/" + rf.caseID, "/persons/" + rf.person.ID + "/dossier",
		"/persons/" + rf.person.ID + "/screenings/new", "/persons/" + rf.person.ID + "/referrals", "/persons?q=" + url.QueryEscape(rf.name)} {
		code, body, _ := get(t, worker, f.srv.URL+p)
		if code != http.StatusForbidden && code != http.StatusNotFound {
			t.Errorf("the shelter worker opened %s: %d", p, code)
		}
		if strings.Contains(body, esc(rf.name)) {
			t.Errorf("the refusal of %s shows the name", p)
		}
	}

	// The survivor tells the shelter they withdraw consent.
	code, _, loc := post(t, worker, f.srv.URL+"/referrals/"+id+"/withdraw", url.Values{"csrf": {csrf(t, view)}, "reason": {"the survivor went home"}})
	if code != http.StatusSeeOther || loc != "/referrals/"+id {
		t.Fatalf("withdrawing: %d to %q", code, loc)
	}
	code, view, _ = get(t, worker, f.srv.URL+"/referrals/"+id+"?lang=en")
	if code != http.StatusGone || !strings.Contains(view, `id="withdrawn"`) || strings.Contains(view, `data-field=`) ||
		strings.Contains(view, esc(rf.name)) || strings.Contains(view, esc(rf.phone)) || strings.Contains(view, "the survivor went home") {
		t.Errorf("after withdrawal the shelter's view: %d %s", code, excerpt(view, "<main"))
	}
	_, inbox, _ = get(t, worker, f.srv.URL+"/referrals?lang=en")
	if i := strings.Index(inbox, `id="ended"`); strings.Contains(inbox, esc(rf.name)) || i < 0 || !strings.Contains(inbox[i:], `href="/referrals/`+id+`"`) {
		t.Error("after withdrawal the inbox shows the name or does not list the referral as withdrawn")
	}
	if code, _, _ := post(t, worker, f.srv.URL+"/referrals/"+id+"/withdraw", url.Values{"csrf": {csrf(t, inbox)}, "reason": {"again"}}); code != http.StatusNotFound {
		t.Errorf("withdrawing twice: %d", code)
	}
	_, page, _ = get(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"/referrals?lang=en")
	if !strings.Contains(page, `id="referral-`+id+`" data-state="withdrawn"`) || !strings.Contains(page, "the survivor went home") {
		t.Error("the referring side does not show the referral withdrawn with the reason")
	}
	if strings.Contains(excerpt(page, `id="referral-`+id+`"`), `action="/referrals/`+id+`/withdraw"`) {
		t.Error("a withdrawn referral still offers the withdrawal")
	}

	// The consul records a withdrawal too.
	id2 := refer(t, f, officer, rf.person.ID, url.Values{"to_org": {"SHELTER-KR"}, "fields": {"name", "languages"}, "consent_note": {"oral, with an interpreter"}})
	if code, _, _ := get(t, worker, f.srv.URL+"/referrals/"+id2); code != 200 {
		t.Fatalf("the second referral: %d", code)
	}
	code, _, loc = post(t, officer, f.srv.URL+"/referrals/"+id2+"/withdraw", url.Values{"csrf": {csrf(t, page)}, "person": {rf.person.ID}, "reason": {"called the embassy"}})
	if code != http.StatusSeeOther || loc != "/persons/"+rf.person.ID+"/referrals?done=withdrawn" {
		t.Fatalf("the consul's withdrawal: %d to %q", code, loc)
	}
	if code, view, _ := get(t, worker, f.srv.URL+"/referrals/"+id2); code != http.StatusGone || strings.Contains(view, esc(rf.name)) {
		t.Errorf("after the consul's withdrawal the shelter's view: %d", code)
	}
}

// TestReferralPagesAccess: visitors are sent to sign in; an analyst and a
// bank's partner account get neither the referring side's pages nor the
// shelter's; a prosecutor is offered no referral; another organisation's
// worker would not see the referral (the service's own test covers two
// NGOs; the demo has one).
func TestReferralPagesAccess(t *testing.T) {
	f := demoFixture(t)
	rf := f.referredSurvivor(t)
	officer := f.signIn(t, consul)
	id := refer(t, f, officer, rf.person.ID, url.Values{"to_org": {"SHELTER-KR"}, "fields": {"name"}, "consent_note": {"signed form"}})
	t.Cleanup(func() { withdraw(t, f, id) })
	pages := []string{"/referrals", "/referrals/" + id, "/persons/" + rf.person.ID + "/referrals"}
	anon := client(t)
	for _, p := range pages {
		code, _, hdr := get(t, anon, f.srv.URL+p)
		if code != http.StatusSeeOther || !strings.HasPrefix(hdr.Get("Location"), "/login?next=") {
			t.Errorf("a visitor opening %s: %d to %q", p, code, hdr.Get("Location"))
		}
	}
	for _, email := range []string{"analyst@knpa.demo", "screening@bank.demo", "prosecutor@spo.demo"} {
		c := f.signIn(t, email)
		for _, p := range pages {
			code, body, _ := get(t, c, f.srv.URL+p)
			if code != http.StatusForbidden && code != http.StatusNotFound {
				t.Errorf("%s opened %s: %d", email, p, code)
			}
			if strings.Contains(body, esc(rf.name)) {
				t.Errorf("%s's refusal of %s shows the name", email, p)
			}
			if strings.Contains(body, `href="/referrals"`) {
				t.Errorf("%s is offered the shelter's menu entry", email)
			}
		}
		_, body, _ := get(t, c, f.srv.URL+"/missing")
		for path, form := range map[string]url.Values{
			"/persons/" + rf.person.ID + "/referrals": {"to_org": {"SHELTER-KR"}, "fields": {"name"}, "consent_note": {"x"}},
			"/referrals/" + id + "/withdraw":          {"reason": {"x"}},
		} {
			form.Set("csrf", csrf(t, body))
			if code, _, _ := post(t, c, f.srv.URL+path, form); code != http.StatusForbidden && code != http.StatusNotFound {
				t.Errorf("%s posted to %s: %d", email, path, code)
			}
		}
	}
	pros := f.signIn(t, "prosecutor@spo.demo")
	if _, body, _ := get(t, pros, f.srv.URL+"/persons/"+rf.person.ID); strings.Contains(body, `/referrals"`) {
		t.Error("a prosecutor is offered the referrals")
	}
	rs, err := f.cw.Referrals(context.Background(), trust.Operator(), rf.person.ID)
	if err != nil || !slices.ContainsFunc(rs, func(r *store.Referral) bool { return r.ID == id && r.WithdrawnAt.IsZero() }) {
		t.Errorf("the referral was withdrawn by someone refused: %v", err)
	}
	// The consul is no shelter: no inbox.
	if code, _, _ := get(t, officer, f.srv.URL+"/referrals"); code != http.StatusForbidden {
		t.Errorf("the consul opened the shelter's inbox: %d", code)
	}
}

// TestReferralPagesRenderInEveryLanguage: the referring side's page and
// the shelter's inbox and views (current and withdrawn) render in
// English, Korean and Khmer, in that language.
func TestReferralPagesRenderInEveryLanguage(t *testing.T) {
	f := demoFixture(t)
	rf := f.referredSurvivor(t)
	officer := f.signIn(t, consul)
	worker := f.signIn(t, shelterWorker)
	id := refer(t, f, officer, rf.person.ID, url.Values{"to_org": {"SHELTER-KR"}, "fields": casework.ReferralFields, "case_id": {rf.caseID},
		"needs": {"shelter"}, "consent_note": {"signed form"}})
	t.Cleanup(func() { withdraw(t, f, id) })
	ended := refer(t, f, officer, rf.person.ID, url.Values{"to_org": {"SHELTER-KR"}, "fields": {"name"}, "consent_note": {"signed form"}})
	if _, err := f.cw.WithdrawConsent(context.Background(), trust.Operator(), ended, "withdrawn for the language test"); err != nil {
		t.Fatal(err)
	}
	routes := []struct {
		path string
		c    *http.Client
		want int
		nav  string
	}{
		{"/persons/" + rf.person.ID + "/referrals", officer, 200, "/triage"},
		{"/persons/01JZ0000000000000000000000/referrals", officer, 404, ""},
		{"/referrals", worker, 200, "/referrals"},
		{"/referrals/" + id, worker, 200, "/referrals"},
		{"/referrals/" + ended, worker, 410, "/referrals"},
		{"/referrals/01JZ0000000000000000000000", worker, 404, ""},
		{"/referrals/not-an-id", worker, 404, ""},
	}
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		for _, rt := range routes {
			code, body, _ := get(t, rt.c, f.srv.URL+rt.path+"?lang="+lang)
			if code != rt.want {
				t.Errorf("%s %s: status %d, want %d", lang, rt.path, code, rt.want)
				continue
			}
			if !strings.Contains(body, `<html lang="`+lang+`">`) || strings.Contains(body, "%!") {
				t.Errorf("%s %s: not in %s, or a message got the wrong arguments", lang, rt.path, lang)
			}
			if rt.nav != "" && !strings.Contains(body, `href="`+rt.nav+`" aria-current="page"`) {
				t.Errorf("%s %s: the menu entry is not marked", lang, rt.path)
			}
		}
		_, body, _ := get(t, worker, f.srv.URL+"/referrals/"+id+"?lang="+lang)
		for _, field := range casework.ReferralFields {
			if field != "location" && !strings.Contains(body, ">"+esc(msgs["referral.field."+field])+"<") {
				t.Errorf("%s: the shared view lacks the %s label", lang, field)
			}
		}
		_, body, _ = get(t, worker, f.srv.URL+"/referrals/"+ended+"?lang="+lang)
		if !strings.Contains(body, esc(msgs["referral.view.withdrawn"])) {
			t.Errorf("%s: the withdrawn referral does not say so", lang)
		}
	}
}

// referralShots are the referral pages for the screenshots, over the
// demo's own referrals to the shelter (one current, one withdrawn): the
// consul's list and form, then the shelter worker's inbox and views.
func referralShots(t *testing.T, f *fixture, as map[string]string) []shot {
	rs, err := f.st.ListReferrals(context.Background(), store.ReferralFilter{ToOrg: "SHELTER-KR"})
	if err != nil {
		t.Fatal(err)
	}
	var active, ended *store.Referral
	for _, r := range rs {
		switch {
		case r.WithdrawnAt.IsZero() && active == nil:
			active = r
		case !r.WithdrawnAt.IsZero() && ended == nil:
			ended = r
		}
	}
	if active == nil || ended == nil {
		t.Fatal("the demo has no current and no withdrawn referral to the shelter")
	}
	shots := []shot{
		{"referrals", "/persons/" + active.PersonID + "/referrals", "#refer-form", true},
		{"referred-inbox", "/referrals", "#inbox", true},
		{"referred-view", "/referrals/" + active.ID, "#shared", true},
		{"referred-withdrawn", "/referrals/" + ended.ID, "#withdrawn", true},
	}
	as["referrals"] = consul
	for _, s := range shots[1:] {
		as[s.name] = shelterWorker
	}
	return shots
}

// TestReferralWithdrawalRefused: a reason the service refuses (too long)
// comes back on the page it was typed on, the referral untouched.
func TestReferralWithdrawalRefused(t *testing.T) {
	f := demoFixture(t)
	rf := f.referredSurvivor(t)
	officer := f.signIn(t, consul)
	id := refer(t, f, officer, rf.person.ID, url.Values{"to_org": {"SHELTER-KR"}, "fields": {"name"}, "consent_note": {"signed form"}})
	t.Cleanup(func() { withdraw(t, f, id) })
	long := strings.Repeat("the survivor called again ", 2000)
	_, page, _ := get(t, officer, f.srv.URL+"/persons/"+rf.person.ID+"/referrals?lang=en")
	code, body, _ := post(t, officer, f.srv.URL+"/referrals/"+id+"/withdraw", url.Values{"csrf": {csrf(t, page)}, "person": {rf.person.ID}, "reason": {long}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "reason:") || !strings.Contains(body, `id="reason-`+id+`" name="reason" required value="the survivor called again`) {
		t.Errorf("the consul's refused withdrawal: %d %s", code, excerpt(body, `id="refused"`))
	}
	worker := f.signIn(t, shelterWorker)
	_, view, _ := get(t, worker, f.srv.URL+"/referrals/"+id+"?lang=en")
	code, body, _ = post(t, worker, f.srv.URL+"/referrals/"+id+"/withdraw", url.Values{"csrf": {csrf(t, view)}, "reason": {long}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "reason:") || !strings.Contains(body, `data-field="name"`) ||
		!strings.Contains(body, `name="reason" required value="the survivor called again`) {
		t.Errorf("the shelter's refused withdrawal: %d %s", code, excerpt(body, `id="refused"`))
	}
	rs, err := f.cw.Referrals(context.Background(), trust.Operator(), rf.person.ID)
	if err != nil || !slices.ContainsFunc(rs, func(r *store.Referral) bool { return r.ID == id && r.WithdrawnAt.IsZero() }) {
		t.Errorf("a refused withdrawal ended the referral: %v", err)
	}
}
