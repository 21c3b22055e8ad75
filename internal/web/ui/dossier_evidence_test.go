package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestDossierFilesChargeEvidence: a prosecutor files charge evidence from
// the dossier; it is listed on the charge evidence side, never on the
// screening's; a mistake comes back with the form as typed; a consul
// (who may not file evidence) is refused the dossier and the form.
func TestDossierFilesChargeEvidence(t *testing.T) {
	f := demoFixture(t)
	p, err := f.cw.CreatePerson(context.Background(), f.consularPrincipal(t, "consul@mofa-kh.demo"), &casework.PersonInput{
		TLP: store.TLPAmber, LegalBasis: "consular assistance", Purpose: "repatriation", DOB: "1994-07-12", Sex: "M", Nationalities: []string{"KR"},
		Names: []store.PersonName{{Kind: "primary", Text: "배준서"}, {Kind: "passport", Script: "Latn", Text: "BAE JUNSEO"}}})
	if err != nil {
		t.Fatal(err)
	}
	path := "/persons/" + p.ID + "/dossier"
	pros := f.signIn(t, "prosecutor@spo.demo")
	_, body, _ := get(t, pros, f.srv.URL+path+"?lang=en")
	if !strings.Contains(body, `action="/persons/`+p.ID+`/evidence"`) || !strings.Contains(body, "No charge evidence is recorded.") {
		t.Fatalf("the dossier offers no form to file charge evidence: %s", excerpt(body, `id="dossier-evidence"`))
	}
	form := url.Values{"csrf": {csrf(t, body)}, "charge": {"fraud (Criminal Act art. 347)"}, "kind": {"device"},
		"description": {"phone seized on board: scripts for the romance scam"}, "ref": {"SPO-2025-118"},
		"collected_at": {"2025-10-18"}, "collected_by": {"Inspector Yoo"}, "tlp": {store.TLPAmber}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("collected_at", "18/10/2025")
	code, body, _ := post(t, pros, f.srv.URL+"/persons/"+p.ID+"/evidence", bad)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "collected_at: not a date (YYYY-MM-DD)") ||
		!strings.Contains(body, `value="SPO-2025-118"`) || !strings.Contains(body, "scripts for the romance scam</textarea>") {
		t.Errorf("a date the form cannot read: %d %s", code, excerpt(body, `id="evidence-form"`))
	}
	code, _, loc := post(t, pros, f.srv.URL+"/persons/"+p.ID+"/evidence", form)
	if code != http.StatusSeeOther || loc != path+"?done=evidence" {
		t.Fatalf("filing the evidence: %d to %q", code, loc)
	}
	ev, err := f.cw.ChargeEvidence(context.Background(), trust.Operator(), p.ID)
	if err != nil || len(ev) != 1 {
		t.Fatalf("%d items of evidence (%v), want 1", len(ev), err)
	}
	if e := ev[0]; e.Charge != "fraud (Criminal Act art. 347)" || e.Kind != "device" || e.Ref != "SPO-2025-118" || e.TLP != store.TLPAmber ||
		e.CollectedAt.Format("2006-01-02") != "2025-10-18" || e.CollectedBy != "Inspector Yoo" || e.Origin != "SPO-SEOUL" {
		t.Errorf("the evidence filed: %+v", e)
	}
	_, body, _ = get(t, pros, f.srv.URL+loc+"&lang=en")
	side := body[strings.Index(body, `id="dossier-evidence"`):]
	if !strings.Contains(body, `id="evidence-done"`) || !strings.Contains(side, "phone seized on board") ||
		strings.Contains(body[:strings.Index(body, `id="dossier-evidence"`)], "phone seized on board") {
		t.Errorf("the evidence is not on the charge evidence side: %s", excerpt(body, `id="dossier-evidence"`))
	}
	consul := f.signIn(t, "consul@mofa-kh.demo")
	_, body, _ = get(t, consul, f.srv.URL+"/persons/"+p.ID)
	if code, _, _ := post(t, consul, f.srv.URL+"/persons/"+p.ID+"/evidence", url.Values{"csrf": {csrf(t, body)}, "charge": {"x"}, "kind": {"other"}, "description": {"x"}}); code != http.StatusForbidden {
		t.Errorf("a consul filed charge evidence: %d", code)
	}
	if ev, _ := f.cw.ChargeEvidence(context.Background(), trust.Operator(), p.ID); len(ev) != 1 {
		t.Errorf("%d items of evidence after the consul's attempt", len(ev))
	}
}
