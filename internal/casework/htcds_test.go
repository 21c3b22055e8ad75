package casework

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func TestExportHTCDS(t *testing.T) {
	f := newFixture(t)
	victimIn := minho()
	victimIn.TLP = "AMBER"
	victim := f.person(f.officer, victimIn)
	c := f.openCase(f.officer, victim.ID, Arrested)
	compound, err := f.svc.PutCompound(f.ctx, f.officer, "", &CompoundInput{Names: []string{"Golden Crane Park"}, Country: "KH", Province: "Kampot"})
	if err != nil {
		t.Fatal(err)
	}
	sc := screeningFor(victim.ID, "actual")
	sc.CaseID, sc.CompoundID = c.ID, compound.ID
	if _, err := f.svc.RecordScreening(f.ctx, f.officer, sc); err != nil {
		t.Fatal(err)
	}
	notVictim := minho()
	notVictim.ExternalRef, notVictim.Documents, notVictim.Selectors = "EMB-0002", nil, nil
	nv := f.person(f.officer, notVictim)
	if _, err := f.svc.RecordScreening(f.ctx, f.officer, screeningFor(nv.ID, "not")); err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	n, err := f.svc.ExportHTCDS(f.ctx, f.admin, func(r map[string]any) error { recs = append(recs, r); return nil })
	if err != nil || n != 1 || len(recs) != 1 {
		t.Fatalf("export: %d records, %v", n, err)
	}
	// The export is audited with what left: how many cases, up to which
	// label (the person is AMBER, the screening AMBER+STRICT).
	var exports []string
	f.st.AuditEntries(f.ctx, store.AuditFilter{Action: "export"}, func(e *store.AuditEntry) error {
		exports = append(exports, e.RecordType+" "+e.RecordID)
		return nil
	})
	if want := []string{"htcds 1 victim case as HTCDS, up to TLP:AMBER+STRICT"}; !reflect.DeepEqual(exports, want) {
		t.Errorf("audited exports %q; want %q", exports, want)
	}
	b, _ := json.Marshal(recs[0])
	var got map[string]any
	json.Unmarshal(b, &got)
	for k, want := range map[string]any{
		"prs_First_Name": "MINHO", "prs_Second_Name": "PARK", "prs_Birthdate": "1998-03-07", "prs_Gender": "Masculine",
		"prs_Citizenship": "KR", "vic_TraffickingStatus": "ActualVictimOfTrafficking",
		"vic_TraffickingStatusDecisionMakingOrg": "NonPoliceGovernmentalOrganization",
		"vic_MethodOfRecruitment":                "ThroughAnOnlineAdvertisement", "vic_TypeOfExploitation": "ForcedLabour",
		"vic_LocationOfExploitation": "Golden Crane Park, Kampot, KH", "cas_Status": "Active",
		"MethodsOfControlWithholdsDocuments": true, "MethodsOfControlDebtBondage": true, "MethodsOfControlThreats": false,
	} {
		if !reflect.DeepEqual(got[k], want) {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	for _, m := range MethodsOfControl {
		if _, ok := got[m]; !ok {
			t.Errorf("%s missing", m)
		}
	}
	for _, pr := range []trust.Principal{f.officer, f.prosecutor, f.analyst, f.worker, f.partner} {
		if _, err := f.svc.ExportHTCDS(f.ctx, pr, func(map[string]any) error { return nil }); !errors.Is(err, trust.ErrForbidden) {
			t.Errorf("%s exported: %v", pr.Role, err)
		}
	}
}
