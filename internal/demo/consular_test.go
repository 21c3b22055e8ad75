package demo

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

func TestConsularPlanIsDeterministic(t *testing.T) {
	a, b := planConsular(7), planConsular(7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave two plans")
	}
	if reflect.DeepEqual(a.registry, planConsular(8).registry) {
		t.Fatal("two seeds gave the same persons")
	}
	rows, rejects, err := casework.ReadPartnerList("list.csv", strings.NewReader(a.arrestCSV))
	if err != nil || len(rejects) != 0 || len(rows) != len(a.detained)+len(a.unknown) {
		t.Fatalf("the arrest list reads as %d rows, rejects %v, %v", len(rows), rejects, err)
	}
	// The list spells names in Latin letters only, never as the passport does for all.
	same := 0
	for i, k := range a.detained {
		if rows[i].NameLatin == a.registry[k].latin {
			same++
		}
		if strings.ContainsFunc(rows[i].NameLatin, func(r rune) bool { return r > 127 }) {
			t.Errorf("row %s is not in Latin letters: %q", rows[i].RowRef, rows[i].NameLatin)
		}
	}
	if same == len(a.detained) {
		t.Error("every row spells the name as the passport does: no variants to reconcile")
	}
}

// loadConsular builds the scene, ending at end, in a new SQLite store.
func loadConsular(t *testing.T, end time.Time) (store.Store, *intel.Service, *ConsularScene) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	in, err := intel.New(ctx, st, intel.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := trust.New(st, trust.Options{Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := LoadConsular(ctx, st, in, ts, 2025, ConsularOptions{Password: "demo-password-2025", Now: end})
	if err != nil {
		t.Fatal(err)
	}
	return st, in, sc
}

// TestLoadConsular builds the scene and checks what each user of it sees.
func TestLoadConsular(t *testing.T) {
	ctx := context.Background()
	end := time.Date(2025, 11, 5, 10, 0, 0, 0, time.UTC)
	st, in, sc := loadConsular(t, end)
	if len(sc.Users) != 4 || sc.Users[0].Token == "" {
		t.Errorf("users = %+v", sc.Users)
	}
	if sc.Persons != 45 || sc.Intakes != 9 || sc.Queued != 2 || sc.Overdue != 2 {
		t.Errorf("persons %d, intakes %d, queued %d, overdue %d; want 45, 9, 2, 2", sc.Persons, sc.Intakes, sc.Queued, sc.Overdue)
	}
	// After the officers' decisions, every detainee of the records is
	// matched, and the three unknown are not.
	rec := sc.Reconciliation
	if rec.Counts[casework.StatusMatched] != 10 || rec.Counts[casework.StatusUnmatched] != 3 {
		t.Errorf("reconciliation counts = %v", rec.Counts)
	}
	cw := casework.New(st, in, casework.Config{Now: func() time.Time { return end }})
	principal := func(email string) trust.Principal {
		u, err := st.GetUserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		po, _ := st.PartnersOf(ctx, u.Org)
		return trust.Principal{Viewer: auth.Viewer{UserID: u.ID, Org: u.Org, Role: auth.Role(u.Role), PartnerOf: po}}
	}
	consul, prosecutor, worker := principal("consul@mofa-kh.demo"), principal("prosecutor@spo.demo"), principal("worker@shelter.demo")

	m, err := cw.GetManifest(ctx, consul, sc.CharterID)
	if err != nil {
		t.Fatal(err)
	}
	want := casework.ManifestCounts{Total: 9,
		ByLegalStatus: map[string]int{"victim": 4, "warrant_to_execute": 3, "red_notice": 1, "voluntary": 1},
		ByFitToFly:    map[string]int{"fit": 8, "pending": 1}, ByOutcome: map[string]int{"pending": 9}}
	if !reflect.DeepEqual(m.Counts, want) || m.Flight.Status != "planned" || !m.Flight.DepartAt.After(end) {
		t.Errorf("charter = %+v, %+v", m.Counts, m.Flight)
	}
	q, err := cw.TriageQueue(ctx, consul)
	if err != nil || len(q) != 2 || !q[0].Intake.DangerNow || q[0].Waited != 3*time.Hour {
		t.Errorf("queue = %+v, %v", q, err)
	}
	if q[0].Intake.ReportID == "" {
		t.Error("the late intake did not reach the intelligence graph")
	}
	r, err := st.GetReport(ctx, q[0].Intake.ReportID)
	if err != nil || r.ScamType != "job_lure" || len(r.Selectors) < 3 {
		t.Errorf("the late intake's report = %+v, %v", r, err)
	}
	// The prosecutor reads screenings beside the charge evidence.
	shown := 0
	for _, c := range rec.Rows {
		if c.Person == nil {
			continue
		}
		d, err := cw.GetDossier(ctx, prosecutor, c.Person.PersonID)
		if err != nil {
			t.Fatalf("dossier of %s: %v", c.Person.PersonRef, err)
		}
		if d.Screening != nil && len(d.Evidence) == 3 && d.Screening.Status == "not" && d.Screening.NonPunishment.Recommendation == "not_applicable" {
			shown++
		}
	}
	if shown != 1 {
		t.Errorf("%d dossiers with the team leader's screening and three items of evidence, want 1", shown)
	}
	// The shelter worker sees one referral (the other's consent was
	// withdrawn), with only the consented fields.
	refs, err := cw.Referred(ctx, worker)
	if err != nil || len(refs) != 1 {
		t.Fatalf("referrals = %v, %v", refs, err)
	}
	b, _ := json.Marshal(refs[0])
	var fields map[string]any
	json.Unmarshal(b, &fields)
	for _, k := range []string{"date_of_birth", "next_of_kin", "nationality", "name_latin"} {
		if _, ok := fields[k]; ok {
			t.Errorf("the shelter sees %s, not consented", k)
		}
	}
	if fields["name"] == "" || fields["needs"] == nil || fields["phone"] == nil {
		t.Errorf("the referral lacks consented fields: %s", b)
	}
	// The earlier flight's cases are handed over, one closed.
	em, err := cw.GetManifest(ctx, consul, sc.EarlierID)
	if err != nil || em.Counts.ByOutcome["handed_to_family"] != 1 || em.Counts.ByOutcome["referred_to_shelter"] != 1 {
		t.Errorf("earlier flight = %+v, %v", em, err)
	}
	closed, _ := cw.ListCases(ctx, consul, store.CaseFilter{State: "closed"})
	if len(closed) != 1 {
		t.Errorf("%d closed cases, want 1", len(closed))
	}
	zones, _ := cw.AdvisoryZones(ctx, "2025-11-01")
	if len(zones) != 5 {
		t.Errorf("%d zones in force, want 5", len(zones))
	}
}
