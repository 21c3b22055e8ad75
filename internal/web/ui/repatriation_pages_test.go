package ui_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// consularPrincipal is a consular scene user as the services see them.
func (f *fixture) consularPrincipal(t testing.TB, email string) trust.Principal {
	t.Helper()
	for _, u := range f.consular.Users {
		if u.Email == email {
			p, err := f.ts.Authenticate(context.Background(), u.Token, "test")
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Fatalf("no consular user %s", email)
	return trust.Principal{}
}

// dossierPerson is the detainee whose dossier holds a screening and three
// items of charge evidence (the compound's team leader).
func (f *fixture) dossierPerson(t testing.TB) *casework.Dossier {
	t.Helper()
	pr := f.consularPrincipal(t, "prosecutor@spo.demo")
	for _, r := range f.consular.Reconciliation.Rows {
		if r.Person == nil {
			continue
		}
		d, err := f.cw.GetDossier(context.Background(), pr, r.Person.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Screening != nil && len(d.Evidence) == 3 {
			return d
		}
	}
	t.Fatal("no dossier with a screening and three items of evidence")
	return nil
}

// newPerson creates a person of the embassy for a test that changes them.
func (f *fixture) newPerson(t testing.TB, name, latin, passport string) *store.Person {
	t.Helper()
	p, err := f.cw.CreatePerson(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"), &casework.PersonInput{
		LegalBasis: "consular assistance", Purpose: "repatriation", DOB: "1996-04-02", Sex: "M", Nationalities: []string{"KR"},
		Names:     []store.PersonName{{Kind: "primary", Text: name}, {Kind: "passport", Script: "Latn", Text: latin}},
		Documents: []store.IdentityDocument{{Type: "passport", Number: passport, Country: "KR", Status: "held"}}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRepatriationPagesInEveryLanguage: every page renders in English,
// Korean and Khmer, in that language, with its translated heading.
func TestRepatriationPagesInEveryLanguage(t *testing.T) {
	f := demoFixture(t)
	consul := f.signIn(t, "consul@mofa-kh.demo")
	prosecutor := f.signIn(t, "prosecutor@spo.demo")
	dos := f.dossierPerson(t)
	list := uploadList(t, f, consul, "CNP-langs", f.consular.ArrestList)
	pages := []struct {
		c       *http.Client
		path    string
		heading string
	}{
		{consul, "/flights", "repat.fl.heading"},
		{consul, "/flights/" + f.consular.CharterID, "repat.man.counts"},
		{consul, "/reconcile", "repat.rec.heading"},
		{consul, list, "repat.rec.conflicts"},
		{consul, "/persons/" + dos.Person.ID + "/screenings/new", "repat.scr.heading"},
		{prosecutor, "/persons/" + dos.Person.ID + "/dossier", "repat.dos.heading"},
	}
	for _, p := range pages {
		for _, lang := range []string{"en", "ko", "km"} {
			code, body, _ := get(t, p.c, f.srv.URL+p.path+"?lang="+lang)
			if code != http.StatusOK {
				t.Errorf("%s in %s: %d", p.path, lang, code)
				continue
			}
			if !strings.Contains(body, `<html lang="`+lang+`">`) || !strings.Contains(body, esc(messages(t, lang)[p.heading])) {
				t.Errorf("%s in %s: not in the language, or no %s", p.path, lang, p.heading)
			}
		}
	}
}

// TestRepatriationMenu: the workspace menu offers the flights and the
// arrest lists to those who read persons, not to analysts.
func TestRepatriationMenu(t *testing.T) {
	f := demoFixture(t)
	_, body, _ := get(t, f.signIn(t, "consul@mofa-kh.demo"), f.srv.URL+"/flights")
	if !strings.Contains(body, `<a href="/flights" aria-current="page">`) || !strings.Contains(body, `<a href="/reconcile">`) {
		t.Error("the consul's menu lacks the flights or the arrest lists")
	}
	_, body, _ = get(t, f.signIn(t, "analyst@knpa.demo"), f.srv.URL+"/dashboard")
	if strings.Contains(body, `href="/flights"`) || strings.Contains(body, `href="/reconcile"`) {
		t.Error("an analyst's menu offers casework pages")
	}
}

// screeningValues is a complete screening as the form sends it.
func screeningValues(token string) url.Values {
	return url.Values{"csrf": {token}, "kind": {"both"}, "interviewed_at": {"2025-10-20"}, "interviewer": {"Consul Han"},
		"interpreter": {"Sok Dara"}, "language": {"ko"}, "setting": {"immigration detention centre"}, "tlp": {"AMBER+STRICT"},
		"counsel": {"yes"}, "channel": {"messenger"}, "promised_job": {"casino customer service"}, "promised_pay": {"1,500"},
		"promised_currency": {"USD"}, "recruiter": {"@goldjob_kh"}, "knew_illegal": {"no"},
		"ind.deception.present": {"yes"}, "ind.deception.kind": {"testimony"}, "ind.deception.note": {"promised an office job"},
		"ind.retention_of_identity_documents.present": {"yes"}, "ind.retention_of_identity_documents.kind": {"document_record"},
		"ind.retention_of_identity_documents.ref": {"RAID-22 exhibit 14"},
		"ind.excessive_overtime.present":          {"no"},
		"moc.MethodsOfControlDebtBondage.present": {"yes"}, "moc.MethodsOfControlDebtBondage.kind": {"chat_log"},
		"moc.MethodsOfControlDebtBondage.note": {"told he owed 3,000 USD for the trip"},
		"role_in_compound":                     {"chatter"}, "days_in_compound": {"94"}, "pay_received": {"200"},
		"received_currency": {"USD"}, "exit_mode": {"raid_arrest"},
		"status": {"actual"}, "decision_reason": {"deceived about the work, passport taken, debt"},
		"decided_by": {"Consul Han"}, "recommendation": {"recommend_no_prosecution"},
		"rationale": {"offences committed under compulsion"},
	}
}

// TestScreeningFormKeepsInputAndSaves: a form with mistakes comes back as
// typed, with what to fix next to each field; a complete one is stored
// with its findings and their evidence.
func TestScreeningFormKeepsInputAndSaves(t *testing.T) {
	f := demoFixture(t)
	person := f.newPerson(t, "정민수", "JEONG MINSU", "M71234567")
	cs, err := f.cw.OpenCase(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"), &casework.CaseInput{PersonID: person.ID, State: casework.Arrested})
	if err != nil {
		t.Fatal(err)
	}
	c := f.signIn(t, "consul@mofa-kh.demo")
	form := "/persons/" + person.ID + "/screenings/new"
	_, body, _ := get(t, c, f.srv.URL+form+"?lang=ko")
	if !strings.Contains(body, `<option value="`+cs.ID+`" selected>`) {
		t.Error("the form does not offer the person's open case")
	}
	v := screeningValues(csrf(t, body))
	v.Set("case", "01K00000000000000000000000")
	v.Set("interviewer", "")
	v.Del("ind.deception.kind")
	v.Del("ind.deception.note")
	v.Set("days_in_compound", "many")
	code, body, _ := post(t, c, f.srv.URL+"/persons/"+person.ID+"/screenings", v)
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("a form with mistakes: %d", code)
	}
	ko := messages(t, "ko")
	for _, want := range []string{`value="@goldjob_kh"`, `value="1,500"`, `offences committed under compulsion`,
		`name="ind.retention_of_identity_documents.present" value="yes" checked`, `value="RAID-22 exhibit 14"`,
		esc(ko["repat.err.required"]), esc(ko["repat.err.evidence"]), esc(ko["repat.err.days"]), esc(ko["repat.scr.fix_heading"])} {
		if !strings.Contains(body, want) {
			t.Errorf("the form sent back lacks %s", want)
		}
	}
	// Each error sits in its own field.
	if !regexp.MustCompile(`id="f-ind\.deception"(?s:.)*?` + regexp.QuoteMeta(esc(ko["repat.err.evidence"]))).MatchString(body) {
		t.Error("the evidence error is not under the deception indicator")
	}
	if n, _ := screeningsOf(t, f, person.ID); n != 0 {
		t.Fatalf("a form with mistakes stored %d screenings", n)
	}
	if !regexp.MustCompile(`id="case"(?s:.)*?` + regexp.QuoteMeta(esc(ko["repat.err.choose"]))).MatchString(body) {
		t.Error("a case not the person's is not refused at its field")
	}
	v = screeningValues(csrf(t, body))
	v.Set("case", cs.ID)
	code, _, loc := post(t, c, f.srv.URL+"/persons/"+person.ID+"/screenings", v)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, form+"?saved=") {
		t.Fatalf("saving: %d to %q", code, loc)
	}
	n, sc := screeningsOf(t, f, person.ID)
	if n != 1 {
		t.Fatalf("%d screenings stored, want 1", n)
	}
	if sc.CaseID != cs.ID || sc.Status != "actual" || sc.Kind != "both" || !sc.CounselPresent || sc.DaysInCompound != 94 || sc.ExitMode != "raid_arrest" ||
		sc.NonPunishment.Recommendation != "recommend_no_prosecution" || sc.Recruitment.PromisedPay.AmountMinor != 150000 ||
		sc.Recruitment.KnewIllegal != "no" || sc.PayReceived[0].AmountMinor != 20000 || sc.Interviewer != "Consul Han" {
		t.Errorf("stored screening = %+v", sc)
	}
	if len(sc.Indicators) != 3 || sc.Indicators[0].Code != "deception" || !sc.Indicators[0].Present ||
		sc.Indicators[0].Evidence[0].Note != "promised an office job" || sc.Indicators[2].Code != "excessive_overtime" || sc.Indicators[2].Present {
		t.Errorf("stored indicators = %+v", sc.Indicators)
	}
	if len(sc.Control) != 1 || sc.Control[0].Code != "MethodsOfControlDebtBondage" || sc.Control[0].Evidence[0].Kind != "chat_log" {
		t.Errorf("stored methods of control = %+v", sc.Control)
	}
	if _, body, _ := get(t, c, f.srv.URL+loc); !strings.Contains(body, `id="screening-saved"`) || !strings.Contains(body, sc.ID) {
		t.Error("the form does not say the screening was saved")
	}
	// A bank's partner account, a shelter worker and a prosecutor (who
	// reads screenings) cannot screen.
	for _, email := range []string{"screening@bank.demo", "worker@shelter.demo", "prosecutor@spo.demo"} {
		o := f.signIn(t, email)
		_, body, _ := get(t, o, f.srv.URL+"/dashboard")
		if code, _, _ := get(t, o, f.srv.URL+form); code != http.StatusForbidden {
			t.Errorf("%s opened the screening form: %d", email, code)
		}
		if code, _, _ := post(t, o, f.srv.URL+"/persons/"+person.ID+"/screenings", screeningValues(csrf(t, body))); code != http.StatusForbidden {
			t.Errorf("%s saved a screening: %d", email, code)
		}
	}
	if n, _ := screeningsOf(t, f, person.ID); n != 1 {
		t.Errorf("%d screenings after the refusals, want 1", n)
	}
}

func screeningsOf(t testing.TB, f *fixture, personID string) (int, *store.Screening) {
	t.Helper()
	hist, err := f.cw.Screenings(context.Background(), trust.Operator(), personID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) == 0 {
		return 0, nil
	}
	return len(hist), hist[0]
}

// TestDossierOnlyForProsecutors: the prosecutor reads the screening beside
// the charge evidence; a consular officer, a shelter's support worker and
// a bank's partner account get a refusal that shows nothing of either.
func TestDossierOnlyForProsecutors(t *testing.T) {
	f := demoFixture(t)
	d := f.dossierPerson(t)
	path := f.srv.URL + "/persons/" + d.Person.ID + "/dossier"
	en := messages(t, "en")
	code, body, _ := get(t, f.signIn(t, "prosecutor@spo.demo"), path)
	if code != 200 {
		t.Fatalf("the prosecutor's dossier: %d", code)
	}
	screening := body[strings.Index(body, `id="dossier-screening"`):strings.Index(body, `id="dossier-evidence"`)]
	evidence := body[strings.Index(body, `id="dossier-evidence"`):]
	if !strings.Contains(screening, esc(en["repat.status."+d.Screening.Status])) ||
		!strings.Contains(screening, esc(d.Screening.NonPunishment.Rationale)) {
		t.Error("the dossier lacks the screening's decision")
	}
	for _, e := range d.Evidence {
		if !strings.Contains(evidence, esc(e.Description)) || strings.Contains(screening, esc(e.Description)) {
			t.Errorf("evidence %q is not in its own column", e.Description)
		}
	}
	for _, email := range []string{"consul@mofa-kh.demo", "worker@shelter.demo", "screening@bank.demo", "analyst@knpa.demo"} {
		code, body, _ := get(t, f.signIn(t, email), path)
		if code != http.StatusForbidden {
			t.Errorf("%s opened the dossier: %d", email, code)
		}
		if strings.Contains(body, esc(d.Evidence[0].Description)) || strings.Contains(body, esc(d.Screening.DecisionReason)) {
			t.Errorf("%s's refusal shows the dossier", email)
		}
	}
}

// manifestCountRe reads a count shown on the manifest page.
var manifestCountRe = regexp.MustCompile(`data-count="([a-z_.]+)">(?:[^<:]*: )?(\d+)<`)

// TestManifestCountsEqualRows: the counts on the charter's manifest are
// those of its rows, and the CSV download holds every row.
func TestManifestCountsEqualRows(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, "consul@mofa-kh.demo")
	code, body, _ := get(t, c, f.srv.URL+"/flights/"+f.consular.CharterID)
	if code != 200 {
		t.Fatalf("manifest: %d", code)
	}
	rows := regexp.MustCompile(`<tr class="pax" data-legal="([a-z_]+)" data-fit="([a-z_]+)" data-outcome="([a-z_]+)"`).FindAllStringSubmatch(body, -1)
	fromRows := map[string]int{"total": len(rows)}
	for _, r := range rows {
		fromRows["legal."+r[1]]++
		fromRows["fit."+r[2]]++
		fromRows["outcome."+r[3]]++
	}
	shown := map[string]int{}
	for _, m := range manifestCountRe.FindAllStringSubmatch(body, -1) {
		shown[m[1]], _ = strconv.Atoi(m[2])
	}
	want := map[string]int{"total": 9, "legal.victim": 4, "legal.warrant_to_execute": 3, "legal.red_notice": 1, "legal.voluntary": 1,
		"fit.fit": 8, "fit.pending": 1, "outcome.pending": 9}
	if fmt.Sprint(shown) != fmt.Sprint(fromRows) || fmt.Sprint(shown) != fmt.Sprint(want) {
		t.Errorf("counts shown %v, from the rows %v, want %v", shown, fromRows, want)
	}
	if !strings.Contains(body, `id="add-passenger"`) || strings.Count(body, `name="fit_to_fly"`) != 10 {
		t.Error("the consul's manifest lacks its forms")
	}
	if strings.Contains(body, `/dossier"`) {
		t.Error("the consul's manifest links dossiers")
	}
	code, csvBody, hdr := get(t, c, f.srv.URL+"/flights/"+f.consular.CharterID+"/manifest.csv")
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/csv") || !strings.Contains(hdr.Get("Content-Disposition"), "attachment") {
		t.Fatalf("CSV download: %d %v", code, hdr)
	}
	recs, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
	if err != nil || len(recs) != 10 || recs[0][0] != "flight" {
		t.Fatalf("CSV: %d records, %v", len(recs), err)
	}
	m, err := f.cw.GetManifest(context.Background(), trust.Operator(), f.consular.CharterID)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range m.Rows {
		if recs[i+1][0] != "KE9680" || recs[i+1][2] != r.Passenger.Seat || recs[i+1][11] != r.Passenger.LegalStatus {
			t.Errorf("CSV row %d = %v, want seat %s %s", i+1, recs[i+1], r.Passenger.Seat, r.Passenger.LegalStatus)
		}
		if !strings.Contains(body, ">"+r.Passenger.Seat+"<") {
			t.Errorf("seat %s is not on the page", r.Passenger.Seat)
		}
	}
	// The prosecutor reads the manifest, without the forms that change it.
	code, body, _ = get(t, f.signIn(t, "prosecutor@spo.demo"), f.srv.URL+"/flights/"+f.consular.CharterID)
	if code != 200 || strings.Count(body, `<tr class="pax"`) != 9 || strings.Contains(body, `id="add-passenger"`) ||
		strings.Contains(body, `name="fit_to_fly"`) || strings.Contains(body, `id="record-departed"`) {
		t.Errorf("the prosecutor's manifest: %d, or it offers forms", code)
	}
	if n := strings.Count(body, `/dossier" class="small">`); n != 9 {
		t.Errorf("the prosecutor's manifest links %d dossiers, want 9", n)
	}
	if _, body, _ := get(t, f.signIn(t, "prosecutor@spo.demo"), f.srv.URL+"/flights"); strings.Contains(body, `id="new-flight"`) || !strings.Contains(body, "KE9680") {
		t.Error("the prosecutor's flight list offers the new-flight form, or lacks the charter")
	}
	for _, email := range []string{"worker@shelter.demo", "screening@bank.demo"} {
		o := f.signIn(t, email)
		for _, p := range []string{"/flights", "/flights/" + f.consular.CharterID, "/flights/" + f.consular.CharterID + "/manifest.csv"} {
			if code, body, _ := get(t, o, f.srv.URL+p); code != http.StatusForbidden || strings.Contains(body, "KE9680") {
				t.Errorf("%s opened %s: %d", email, p, code)
			}
		}
	}
}

// TestFlightFromManifestToArrival: a passenger is added (the form filled
// from ?person=), departure is refused until they are declared fit, and
// the arrival outcome hands them to their family.
func TestFlightFromManifestToArrival(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	consul := f.consularPrincipal(t, "consul@mofa-kh.demo")
	person := f.newPerson(t, "윤재석", "YUN JAESEOK", "M79876543")
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
	c := f.signIn(t, "consul@mofa-kh.demo")
	// Plan the flight: mistakes come back with the form as typed.
	_, body, _ := get(t, c, f.srv.URL+"/flights")
	depart := time.Now().UTC().Add(48 * time.Hour).Truncate(time.Minute)
	plan := url.Values{"csrf": {csrf(t, body)}, "number": {"oz740"}, "carrier": {"Asiana"}, "from": {"Phnom Penh"}, "to": {"ICN"},
		"depart_at": {depart.Format("2006-01-02T15:04")}, "arrive_at": {depart.Add(-time.Hour).Format("2006-01-02T15:04")}, "tlp": {"AMBER"}}
	code, body, _ := post(t, c, f.srv.URL+"/flights", plan)
	en := messages(t, "en")
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(en["repat.fl.err.iata"])) ||
		!strings.Contains(body, esc(en["repat.fl.err.before"])) || !strings.Contains(body, `value="Asiana"`) {
		t.Fatalf("a flight with mistakes: %d", code)
	}
	plan.Set("from", "pnh")
	plan.Set("arrive_at", depart.Add(5*time.Hour).Format("2006-01-02T15:04"))
	// A departure already past is refused, in the page's words.
	plan.Set("depart_at", depart.Add(-72*time.Hour).Format("2006-01-02T15:04"))
	if code, body, _ := post(t, c, f.srv.URL+"/flights", plan); code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(en["repat.rs.err.past"])) || !strings.Contains(body, `value="Asiana"`) {
		t.Errorf("a flight planned for a time past: %d %s", code, excerpt(body, "depart_at"))
	}
	plan.Set("depart_at", depart.Format("2006-01-02T15:04"))
	code, _, loc := post(t, c, f.srv.URL+"/flights", plan)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/flights/") {
		t.Fatalf("planning the flight: %d to %q", code, loc)
	}
	fl, err := f.cw.GetManifest(ctx, consul, strings.TrimPrefix(loc, "/flights/"))
	if err != nil {
		t.Fatal(err)
	}
	if fl.Flight.Number != "OZ740" || fl.Flight.From != "PNH" || !fl.Flight.DepartAt.Equal(depart) || fl.Flight.ArriveAt.Sub(depart) != 5*time.Hour || fl.Flight.Status != "planned" {
		t.Errorf("the flight planned: %+v", fl.Flight)
	}
	page := f.srv.URL + loc
	_, body, _ = get(t, c, page+"?person="+person.ID)
	if !ticked(body, person.ID) {
		t.Fatal("the add-passenger form does not tick the person of ?person=")
	}
	add := url.Values{"csrf": {csrf(t, body)}, "person": {person.ID}, "seat": {"31C"}, "fit_to_fly": {"pending"},
		"escort": {"KNPA team 2"}, "receiving_agency": {"Incheon airport police"}}
	code, body, _ = post(t, c, page+"/passengers", add)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(en["repat.err.choose"])) || !strings.Contains(body, `value="KNPA team 2"`) {
		t.Errorf("no legal status: %d", code)
	}
	// A person whose case is not ready for a flight: the state machine's
	// reason, in the page's words, beside their name.
	held := f.newPerson(t, "배준호", "BAE JUNHO", "M75550001")
	if _, err := f.cw.OpenCase(ctx, consul, &casework.CaseInput{PersonID: held.ID, State: casework.Arrested}); err != nil {
		t.Fatal(err)
	}
	early := url.Values{"csrf": add["csrf"], "person": {held.ID}, "legal_status": {"warrant_to_execute"}}
	if code, body, _ := post(t, c, page+"/passengers", early); code != http.StatusUnprocessableEntity ||
		!regexp.MustCompile(`id="refused"(?s:.)*?<bdi>배준호</bdi> · <bdi>BAE JUNHO</bdi>: `+regexp.QuoteMeta(esc(en["people.why.manifest"]))).MatchString(body) {
		t.Errorf("a case not ready for a flight: %d", code)
	}
	add.Set("legal_status", "victim")
	if code, _, loc2 := post(t, c, page+"/passengers", add); code != http.StatusSeeOther || loc2 != loc+"?done=added" {
		t.Fatalf("adding: %d to %q", code, loc2)
	}
	_, body, _ = get(t, c, page)
	if !strings.Contains(body, "YUN JAESEOK") || !strings.Contains(body, `data-count="total">1<`) {
		t.Error("the passenger is not on the manifest")
	}
	tok := url.Values{"csrf": {csrf(t, body)}}
	// Taken off the flight, the case goes back to screened; then on again.
	if code, _, loc2 := post(t, c, page+"/passengers/"+person.ID+"/remove", url.Values{"csrf": tok["csrf"], "note": {"seat needed for a stretcher"}}); code != http.StatusSeeOther || loc2 != loc+"?done=removed" {
		t.Fatalf("removing: %d to %q", code, loc2)
	}
	if got, _ := f.cw.GetCase(ctx, trust.Operator(), cs.ID); got.State != string(casework.Screened) {
		t.Errorf("the case after removal is %s, want screened", got.State)
	}
	if _, body, _ := get(t, c, page+"?done=removed"); !strings.Contains(body, `data-count="total">0<`) || !strings.Contains(body, esc(en["repat.man.removed"])) {
		t.Error("the manifest after removal")
	}
	if code, _, _ := post(t, c, page+"/passengers", add); code != http.StatusSeeOther {
		t.Fatalf("adding again: %d", code)
	}
	// The departure is not offered while a passenger is not declared fit
	// (the service refuses it): the page says why, in its language.
	for _, lang := range []string{"en", "ko", "km"} {
		_, body, _ := get(t, c, page+"?lang="+lang)
		if strings.Contains(body, `id="record-departed"`) || !strings.Contains(body, `id="departure-held"><p>`+esc(messages(t, lang)["repat.man.not_fit"])) {
			t.Errorf("%s: with a passenger not declared fit: %s", lang, excerpt(body, `id="departure-held"`))
		}
	}
	if code, body, _ := post(t, c, page+"/departed", tok); code != http.StatusUnprocessableEntity || !strings.Contains(body, `id="manifest-problem"`) {
		t.Errorf("departure with a passenger not declared fit: %d", code)
	}
	upd := url.Values{"csrf": tok["csrf"], "fit_to_fly": {"fit"}, "seat": {"31C"}, "legal_status": {"victim"}, "escort": {"KNPA team 2"}, "receiving_agency": {"Incheon airport police"}}
	if code, _, _ := post(t, c, page+"/passengers/"+person.ID, upd); code != http.StatusSeeOther {
		t.Fatalf("declaring fit: %d", code)
	}
	// Two days ahead, the departure is not offered but says from when it
	// is, and one sent anyway is refused: the flight is rescheduled first.
	for _, lang := range []string{"en", "ko", "km"} {
		_, body, _ := get(t, c, page+"?lang="+lang)
		why := esc(fmt.Sprintf(messages(t, lang)["repat.man.too_early"], depart.Add(-12*time.Hour).Format("2006-01-02 15:04 UTC"), 12))
		if strings.Contains(body, `id="record-departed"`) || !strings.Contains(body, `id="departure-early"><p>`+why) {
			t.Errorf("%s: two days before the departure: %s", lang, excerpt(body, `id="departure-early"`))
		}
	}
	if code, body, _ := post(t, c, page+"/departed", tok); code != http.StatusUnprocessableEntity || !strings.Contains(body, "reschedule the flight first if it leaves early") {
		t.Errorf("a departure two days early: %d %s", code, excerpt(body, `id="manifest-problem"`))
	}
	if _, err := f.cw.RescheduleFlight(ctx, consul, fl.Flight.ID, time.Now().Add(time.Hour), time.Time{}, "brought forward"); err != nil {
		t.Fatal(err)
	}
	if _, body, _ := get(t, c, page); !strings.Contains(body, `id="record-departed"`) || strings.Contains(body, `id="departure-held"`) || strings.Contains(body, `id="departure-early"`) {
		t.Error("with every passenger fit, an hour before the departure, the departure is not offered")
	}
	for _, step := range []string{"departed", "arrived"} {
		if code, _, loc := post(t, c, page+"/"+step, tok); code != http.StatusSeeOther || !strings.HasSuffix(loc, "done="+step) {
			t.Fatalf("%s: %d to %q", step, code, loc)
		}
	}
	out := url.Values{"csrf": tok["csrf"], "outcome": {"handed_to_family"}, "note": {"met by his mother"}}
	if code, _, _ := post(t, c, page+"/passengers/"+person.ID+"/outcome", out); code != http.StatusSeeOther {
		t.Fatalf("outcome: %d", code)
	}
	m, err := f.cw.GetManifest(ctx, trust.Operator(), fl.Flight.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := m.Rows[0].Passenger
	if m.Flight.Status != "arrived" || p.Seat != "31C" || p.FitToFly != "fit" || p.Outcome != "handed_to_family" || p.OutcomeNote != "met by his mother" {
		t.Errorf("flight %s, passenger %+v", m.Flight.Status, p)
	}
	if got, _ := f.cw.GetCase(ctx, trust.Operator(), cs.ID); got.State != string(casework.HandedOver) || got.HandedTo != "family" {
		t.Errorf("case after the hand-over: %+v", got)
	}
	_, body, _ = get(t, c, page+"?lang=km")
	if !strings.Contains(body, `data-count="outcome.handed_to_family">`+esc(messages(t, "km")["repat.outcome.handed_to_family"])+`: 1<`) {
		t.Error("the arrival outcome is not counted on the page")
	}
}

// uploadList uploads a partner list through the form and returns the
// review's path.
func uploadList(t testing.TB, f *fixture, c *http.Client, partner, list string) string {
	t.Helper()
	_, body, _ := get(t, c, f.srv.URL+"/reconcile")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("csrf", csrf(t, body))
	mw.WriteField("partner", partner)
	fw, _ := mw.CreateFormFile("file", "arrests.csv")
	io.WriteString(fw, list)
	mw.Close()
	resp, err := c.Post(f.srv.URL+"/reconcile", mw.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/reconcile/") {
		t.Fatalf("upload as %s: %d to %q", partner, resp.StatusCode, loc)
	}
	return loc
}

// TestReconciliationReview: the demo's arrest list, under a partner name
// with no decisions yet, shows the planted conflict (a passport held here
// under another name) with the reasons of its score; the officer's
// decision makes it a match.
func TestReconciliationReview(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	rows, _, err := casework.ReadPartnerList("list.csv", strings.NewReader(f.consular.ArrestList))
	if err != nil {
		t.Fatal(err)
	}
	const partner = "KH-GDI-review"
	rec, err := f.cw.Reconcile(ctx, f.consularPrincipal(t, "consul@mofa-kh.demo"), partner, rows)
	if err != nil {
		t.Fatal(err)
	}
	var planted *casework.RowResult
	for i, r := range rec.Rows {
		if r.Reason == casework.ReasonDocumentName {
			planted = &rec.Rows[i]
		}
	}
	if planted == nil || len(planted.Candidates) != 1 {
		t.Fatalf("the service finds no passport conflict in the demo list: %+v", rec.Counts)
	}
	c := f.signIn(t, "consul@mofa-kh.demo")
	review := uploadList(t, f, c, partner, f.consular.ArrestList)
	code, body, _ := get(t, c, f.srv.URL+review)
	if code != 200 {
		t.Fatalf("review: %d", code)
	}
	en := messages(t, "en")
	counts := fmt.Sprintf(en["repat.rec.counts"], rec.Counts["matched"], rec.Counts["conflict"], rec.Counts["unmatched"], len(rec.Unmatched))
	if !strings.Contains(body, esc(counts)) {
		t.Errorf("the review does not say %q", counts)
	}
	i := strings.Index(body, `id="row-`+planted.RowRef+`"`)
	if i < 0 {
		t.Fatalf("row %s is not among the conflicts", planted.RowRef)
	}
	art := body[i : i+strings.Index(body[i:], "</article>")]
	cand := planted.Candidates[0]
	if !strings.Contains(art, esc(en["repat.reason.document_name_differs"])) || !strings.Contains(art, cand.PersonRef) ||
		!strings.Contains(art, fmt.Sprintf("%.3f", cand.Score)) || !strings.Contains(art, esc(cand.Features[0].Detail)) {
		t.Errorf("the conflict does not show its reason, candidate, score and features:\n%s", art)
	}
	form := url.Values{"csrf": {csrf(t, body)}, "row": {planted.RowRef}, "person": {cand.PersonID}, "same": {"yes"}, "note": {"checked with the passport photo"}}
	code, _, loc := post(t, c, f.srv.URL+review+"/decisions", form)
	if code != http.StatusSeeOther || loc != review+"?decided=1" {
		t.Fatalf("decision: %d to %q", code, loc)
	}
	_, body, _ = get(t, c, f.srv.URL+loc)
	if strings.Contains(body, `id="row-`+planted.RowRef+`"`) || !regexp.MustCompile(`<td><code>`+regexp.QuoteMeta(planted.RowRef)+`</code></td>(?s:.)*?`+regexp.QuoteMeta(esc(en["repat.reason.decision"]))).MatchString(body) {
		t.Error("after the decision the row is not matched by decision")
	}
	// Another officer cannot open this officer's upload; a bank cannot reconcile.
	if code, _, _ := get(t, f.signIn(t, "consul2@mofa-kh.demo"), f.srv.URL+review); code != http.StatusNotFound {
		t.Errorf("another officer opened the upload: %d", code)
	}
	for _, email := range []string{"screening@bank.demo", "worker@shelter.demo", "analyst@knpa.demo"} {
		o := f.signIn(t, email)
		if code, _, _ := get(t, o, f.srv.URL+"/reconcile"); code != http.StatusForbidden {
			t.Errorf("%s opened the reconciliation form: %d", email, code)
		}
		_, body, _ := get(t, o, f.srv.URL+"/dashboard")
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("csrf", csrf(t, body))
		mw.WriteField("partner", "mine")
		fw, _ := mw.CreateFormFile("file", "arrests.csv")
		io.WriteString(fw, f.consular.ArrestList)
		mw.Close()
		resp, err := o.Post(f.srv.URL+"/reconcile", mw.FormDataContentType(), &b)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s uploaded a list: %d", email, resp.StatusCode)
		}
	}
}

// TestReconcileUploadMistakes: no partner, no file, a bad header: the
// form comes back with the reason next to its field.
func TestReconcileUploadMistakes(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, "consul@mofa-kh.demo")
	send := func(partner, file string) (int, string) {
		_, body, _ := get(t, c, f.srv.URL+"/reconcile")
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("csrf", csrf(t, body))
		mw.WriteField("partner", partner)
		if file != "" {
			fw, _ := mw.CreateFormFile("file", "list.csv")
			io.WriteString(fw, file)
		}
		mw.Close()
		resp, err := c.Post(f.srv.URL+"/reconcile", mw.FormDataContentType(), &b)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(out)
	}
	en := messages(t, "en")
	if code, body := send("", f.consular.ArrestList); code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(en["repat.rec.err.partner"])) {
		t.Errorf("no partner: %d", code)
	}
	if code, body := send("CNP", ""); code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(en["repat.rec.err.file"])) || !strings.Contains(body, `value="CNP"`) {
		t.Errorf("no file: %d", code)
	}
	if code, body := send("CNP", "ref,name\nA,B\n"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "list.csv:1: ref: unknown column") {
		t.Errorf("a bad header: %d\n%s", code, body)
	}
	// A list past the size bound is refused before it is read; so is one
	// whose rejected lines alone pass the row bound.
	huge := f.consular.ArrestList + strings.Repeat("KH-X,"+strings.Repeat("Y", 200)+",1990-01-01,KR,,Kampot\n", 12000)
	if code, body := send("CNP", huge); code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(fmt.Sprintf(en["repat.rec.err.too_big"], 2))) {
		t.Errorf("a list of %d bytes: %d", len(huge), code)
	}
	junk := f.consular.ArrestList + strings.Repeat(",,,,,\n", 6000)
	if code, body := send("CNP", junk); code != http.StatusUnprocessableEntity || !strings.Contains(body, esc(fmt.Sprintf(en["repat.rec.err.too_many"], 5000))) {
		t.Errorf("a list of 6,000 rejected lines: %d", code)
	}
	// A row that cannot be read is left out and named in the review.
	list := f.consular.ArrestList + "KH-BAD,,1990-01-01,KR,,Kampot\n"
	review := uploadList(t, f, c, "CNP-rejects", list)
	lines := strings.Count(strings.TrimSpace(list), "\n") + 1
	_, body, _ := get(t, c, f.srv.URL+review)
	if !strings.Contains(body, fmt.Sprintf("arrests.csv:%d: name_latin: missing", lines)) || !strings.Contains(body, esc(fmt.Sprintf(en["repat.rec.rejected"], 1))) {
		t.Errorf("the review does not name the rejected row (line %d)", lines)
	}
}

// repatriationShots are the repatriation pages for the screenshots, each
// signed in as the user who works on it (recorded in as).
func repatriationShots(t *testing.T, f *fixture, as map[string]string) []shot {
	d := f.dossierPerson(t)
	list := uploadList(t, f, f.signIn(t, "consul@mofa-kh.demo"), "CNP-screens", f.consular.ArrestList)
	shots := []shot{
		{"flights", "/flights", "#flights", true},
		{"manifest", "/flights/" + f.consular.CharterID, "#manifest", true},
		{"screening", "/persons/" + d.Person.ID + "/screenings/new", "#screening", true},
		{"reconcile", "/reconcile", "#partner", true},
		{"reconcile-review", list, "#conf-h", true},
	}
	for _, s := range shots {
		as[s.name] = "consul@mofa-kh.demo"
	}
	// The prosecutor's dossier last: one more sign-in. (The review is of
	// an upload by the consul in another session: uploads are per user.)
	as["dossier"] = "prosecutor@spo.demo"
	return append(shots, shot{"dossier", "/persons/" + d.Person.ID + "/dossier", "#dossier-evidence", true})
}

// TestRepatriationLinks: the person and case pages lead to the screening
// form, the dossier and the flights, each for those who may use them (the
// flights only for a person who may board: the dossier's person is on a
// manifest already, so the pages say so instead), and the flight list
// carries a person who may board to a planned flight's form.
func TestRepatriationLinks(t *testing.T) {
	f := demoFixture(t)
	ctx := context.Background()
	d := f.dossierPerson(t)
	pid := d.Person.ID
	consul := f.signIn(t, "consul@mofa-kh.demo")
	_, body, _ := get(t, consul, f.srv.URL+"/persons/"+pid)
	if !strings.Contains(body, `href="/persons/`+pid+`/screenings/new"`) || strings.Contains(body, `/dossier"`) ||
		strings.Contains(body, `href="/flights?person=`+pid+`"`) || !strings.Contains(body, `id="no-flight"`) {
		t.Error("the consul's person page: no screening link, a dossier link, or a flight link for a person who cannot board")
	}
	_, body, _ = get(t, f.signIn(t, "prosecutor@spo.demo"), f.srv.URL+"/persons/"+pid)
	if strings.Contains(body, "/screenings/new") || !strings.Contains(body, `href="/persons/`+pid+`/dossier"`) || strings.Contains(body, "/flights?person=") {
		t.Error("the prosecutor's person page: a screening or flight link, or no dossier link")
	}
	cs, err := f.cw.ListCases(ctx, trust.Operator(), store.CaseFilter{PersonID: pid})
	if err != nil || len(cs) == 0 {
		t.Fatalf("cases of %s: %v", pid, err)
	}
	_, body, _ = get(t, consul, f.srv.URL+"/cases/"+cs[0].ID)
	if strings.Contains(body, `href="/flights?person=`+pid+`"`) || !strings.Contains(body, `id="no-flight"`) || !strings.Contains(body, `id="screening-link"`) {
		t.Error("the case page leads to the flights for a person who cannot board, or not to the screening form")
	}
	// The dossier's person has no case that may board (theirs is on a
	// manifest already): no flight is offered for them, and the list says
	// why. A person ready to board is carried to the planned flight only.
	_, body, _ = get(t, consul, f.srv.URL+"/flights?person="+pid)
	if strings.Contains(body, "?person=") || !strings.Contains(body, `id="cannot-board"`) {
		t.Errorf("the flight list carries a person who cannot board: %s", excerpt(body, "?person="))
	}
	ready, _ := f.screenedCase(t, "임도윤", "LIM DOYUN", "M71230021")
	_, body, _ = get(t, consul, f.srv.URL+"/flights?person="+ready.ID)
	if !strings.Contains(body, `id="for-person"`) || !strings.Contains(body, `href="/flights/`+f.consular.CharterID+`?person=`+ready.ID+`"`) ||
		strings.Contains(body, `href="/flights/`+f.consular.EarlierID+`?person=`) {
		t.Error("the flight list does not carry the person to the planned flight only")
	}
}

// TestFlightFormSaysHowLongInCharacters: a carrier name longer than a
// flight keeps is refused next to it with the limit in characters of the
// text typed (Hangul takes three bytes each), never in bytes, and the
// form comes back with what the officer typed.
func TestFlightFormSaysHowLongInCharacters(t *testing.T) {
	f := demoFixture(t)
	c := f.signIn(t, "consul@mofa-kh.demo")
	carrier := strings.Repeat("대한항공", 20) // 80 characters, 240 bytes
	depart := time.Now().UTC().Add(48 * time.Hour).Truncate(time.Minute)
	for _, lang := range []string{"en", "ko", "km"} {
		msgs := messages(t, lang)
		_, body, _ := get(t, c, f.srv.URL+"/flights?lang="+lang)
		plan := url.Values{"csrf": {csrf(t, body)}, "number": {"KE9681"}, "carrier": {carrier}, "from": {"PNH"}, "to": {"ICN"},
			"depart_at": {depart.Format("2006-01-02T15:04")}, "arrive_at": {depart.Add(5 * time.Hour).Format("2006-01-02T15:04")}, "tlp": {"AMBER"}}
		code, body, _ := post(t, c, f.srv.URL+"/flights", plan)
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d, want 422", lang, code)
		}
		if !strings.Contains(body, `<html lang="`+lang+`">`) {
			t.Fatalf("%s: the page came back in another language", lang)
		}
		want := strings.Replace(msgs["repat.err.too_long"], "%d", "66", 1) // 198 of the 200 bytes
		if said := map[string]string{"en": "Too long: at most 66 characters.", "ko": "너무 깁니다. 최대 66자입니다.", "km": "វែងពេក៖ យ៉ាងច្រើន 66 តួអក្សរ។"}[lang]; want != said {
			t.Errorf("%s: the message says %q, want %q", lang, want, said)
		}
		i := strings.Index(body, `id="carrier"`)
		if i < 0 {
			t.Fatalf("%s: no carrier field", lang)
		}
		if box := body[i:min(len(body), i+1500)]; !strings.Contains(box, "<li>"+esc(want)+"</li>") {
			t.Errorf("%s: next to the carrier, want %q; got %s", lang, want, box[:min(len(box), 800)])
		}
		if !strings.Contains(body, `value="`+carrier+`"`) {
			t.Errorf("%s: the form lost the carrier typed", lang)
		}
	}
}
