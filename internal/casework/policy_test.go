package casework

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/match"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// readPolicy is who may call each read, written out by hand: x allowed,
// . refused (trust.ErrForbidden). Columns:
//
//	admin analyst case_officer prosecutor support_worker partner public
var readPolicy = map[string]string{
	"GetPerson":       "x . x x . . .",
	"FindPersons":     "x . x x . . .",
	"ListCases":       "x . x x . . .",
	"TriageQueue":     "x . x x . . .",
	"GetManifest":     "x . x x . . .",
	"Reconcile":       "x . x x . . .",
	"Screenings":      "x . . x . . .",
	"ChargeEvidence":  "x . . x . . .",
	"GetDossier":      "x . . x . . .",
	"ExportHTCDS":     "x . . . . . .",
	"Compounds":       "x x x x . . .",
	"AdvisoryZones":   "x x x x x x x",
	"Referred":        ". . . . x . .",
	"PersonRoles":     "x . x x . . .",
	"OverdueDeadline": "x . x x . . .",
}

// TestReadPolicy calls every read as every role on one person whose
// records are all marked AMBER by the embassy (the prosecutor's office is
// its partner), and checks who gets an answer and who is refused.
// Support workers and partners never reach screening or charge data.
func TestReadPolicy(t *testing.T) {
	f := newFixture(t)
	in := minho()
	in.TLP = "AMBER"
	p := f.person(f.officer, in)
	c := f.openCase(f.officer, p.ID, Arrested)
	sc := screeningFor(p.ID, "actual")
	sc.TLP = "AMBER"
	if _, err := f.svc.RecordScreening(f.ctx, f.officer, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AddChargeEvidence(f.ctx, f.prosecutor, &EvidenceInput{PersonID: p.ID, Charge: "fraud", Kind: "device",
		Description: "phone seized in the raid", TLP: "AMBER"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.PutCompound(f.ctx, f.officer, "", &CompoundInput{Names: []string{"Golden Crane Park"}, Country: "KH"}); err != nil {
		t.Fatal(err)
	}
	fl, err := f.svc.CreateFlight(f.ctx, f.officer, &FlightInput{Number: "KE9688", From: "PNH", To: "ICN", DepartAt: f.clock.Add(48e9)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.ReferToSupport(f.ctx, f.officer, &ReferralInput{PersonID: p.ID, CaseID: c.ID, ToOrg: orgNGO,
		Fields: ReferralFields, Needs: "medical", ConsentNote: "signed form"}); err != nil {
		t.Fatal(err)
	}
	roles := []trust.Principal{f.admin, f.analyst, f.officer, f.prosecutor, f.worker, f.partner, f.public}
	calls := map[string]func(trust.Principal) (int, error){
		"GetPerson": func(pr trust.Principal) (int, error) { _, err := f.svc.GetPerson(f.ctx, pr, p.ID); return 1, err },
		"FindPersons": func(pr trust.Principal) (int, error) {
			r, err := f.svc.FindPersons(f.ctx, pr, "PARK MINHO", 5)
			return len(r), err
		},
		"ListCases": func(pr trust.Principal) (int, error) {
			r, err := f.svc.ListCases(f.ctx, pr, store.CaseFilter{})
			return len(r), err
		},
		"TriageQueue": func(pr trust.Principal) (int, error) { _, err := f.svc.TriageQueue(f.ctx, pr); return 1, err },
		"GetManifest": func(pr trust.Principal) (int, error) { _, err := f.svc.GetManifest(f.ctx, pr, fl.ID); return 1, err },
		"Reconcile": func(pr trust.Principal) (int, error) {
			r, err := f.svc.Reconcile(f.ctx, pr, "kh-gdi", []PartnerRow{{RowRef: "1", NameLatin: "PARK MINHO", DOB: match.Date{Year: 1998, Month: 3, Day: 7}, Nationality: "KR"}})
			if err != nil {
				return 0, err
			}
			return r.Counts[StatusMatched], nil
		},
		"Screenings": func(pr trust.Principal) (int, error) {
			r, err := f.svc.Screenings(f.ctx, pr, p.ID)
			return len(r), err
		},
		"ChargeEvidence": func(pr trust.Principal) (int, error) {
			r, err := f.svc.ChargeEvidence(f.ctx, pr, p.ID)
			return len(r), err
		},
		"GetDossier": func(pr trust.Principal) (int, error) {
			d, err := f.svc.GetDossier(f.ctx, pr, p.ID)
			if err != nil {
				return 0, err
			}
			if d.Screening == nil || len(d.Evidence) != 1 {
				return 0, nil
			}
			return 1, nil
		},
		"ExportHTCDS": func(pr trust.Principal) (int, error) {
			return f.svc.ExportHTCDS(f.ctx, pr, func(map[string]any) error { return nil })
		},
		"Compounds": func(pr trust.Principal) (int, error) {
			r, err := f.svc.Compounds(f.ctx, pr)
			return len(r), err
		},
		"AdvisoryZones": func(pr trust.Principal) (int, error) { _, err := f.svc.AdvisoryZones(f.ctx, ""); return 1, err },
		"Referred": func(pr trust.Principal) (int, error) {
			r, err := f.svc.Referred(f.ctx, pr)
			return len(r), err
		},
		"PersonRoles": func(pr trust.Principal) (int, error) {
			_, err := f.svc.PersonRoles(f.ctx, pr, p.ID)
			return 1, err
		},
		"OverdueDeadline": func(pr trust.Principal) (int, error) { _, err := f.svc.OverdueDeadlines(f.ctx, pr); return 1, err },
	}
	if len(calls) != len(readPolicy) {
		t.Fatalf("%d calls for %d policy rows", len(calls), len(readPolicy))
	}
	for name, row := range readPolicy {
		cells := strings.Fields(row)
		for i, pr := range roles {
			n, err := calls[name](pr)
			want := cells[i] == "x"
			switch {
			case want && err != nil:
				t.Errorf("%s as %s: %v, want an answer", name, pr.Role, err)
			case want && n == 0:
				t.Errorf("%s as %s: an empty answer", name, pr.Role)
			case !want && !errors.Is(err, trust.ErrForbidden):
				t.Errorf("%s as %s: %v (n=%d), want trust.ErrForbidden", name, pr.Role, err, n)
			}
		}
	}
	// What a support worker does see, with every field consented, holds
	// nothing of the screening or the charges.
	shared, err := f.svc.Referred(f.ctx, f.worker)
	if err != nil || len(shared) != 1 {
		t.Fatalf("Referred = %v, %v", shared, err)
	}
	b, _ := json.Marshal(shared[0])
	for _, word := range []string{"status", "indicator", "control", "non_punishment", "punish", "charge", "evidence",
		"recruit", "compound", "phone seized", "exit fine", "actual", "possible"} {
		if strings.Contains(strings.ToLower(string(b)), word) {
			t.Errorf("a support worker's view mentions %q: %s", word, b)
		}
	}
}

func TestWritePolicy(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	for _, tt := range []struct {
		name  string
		roles []trust.Principal
		call  func(trust.Principal) error
	}{
		{"screening", []trust.Principal{f.analyst, f.prosecutor, f.worker, f.partner, f.public}, func(pr trust.Principal) error {
			_, err := f.svc.RecordScreening(f.ctx, pr, screeningFor(p.ID, "possible"))
			return err
		}},
		{"charge evidence", []trust.Principal{f.officer, f.worker, f.partner, f.public}, func(pr trust.Principal) error {
			_, err := f.svc.AddChargeEvidence(f.ctx, pr, &EvidenceInput{PersonID: p.ID, Charge: "fraud", Kind: "chat", Description: "chat export"})
			return err
		}},
		{"case", []trust.Principal{f.analyst, f.prosecutor, f.worker, f.partner, f.public}, func(pr trust.Principal) error {
			_, err := f.svc.OpenCase(f.ctx, pr, &CaseInput{PersonID: p.ID})
			return err
		}},
		{"referral", []trust.Principal{f.analyst, f.prosecutor, f.worker, f.partner, f.public}, func(pr trust.Principal) error {
			_, err := f.svc.ReferToSupport(f.ctx, pr, &ReferralInput{PersonID: p.ID, ToOrg: orgNGO, Fields: []string{"name"}, ConsentNote: "x"})
			return err
		}},
		{"flight", []trust.Principal{f.analyst, f.prosecutor, f.worker, f.partner, f.public}, func(pr trust.Principal) error {
			_, err := f.svc.CreateFlight(f.ctx, pr, &FlightInput{Number: "KE9688", From: "PNH", To: "ICN", DepartAt: f.clock.Add(48e9)})
			return err
		}},
		{"match decision", []trust.Principal{f.analyst, f.prosecutor, f.worker, f.partner, f.public}, func(pr trust.Principal) error {
			return f.svc.DecideMatch(f.ctx, pr, PartnerRowKey("kh-gdi", "1"), p.ID, true, "")
		}},
		{"compound", []trust.Principal{f.prosecutor, f.worker, f.partner, f.public}, func(pr trust.Principal) error {
			_, err := f.svc.PutCompound(f.ctx, pr, "", &CompoundInput{Names: []string{"X"}, Country: "KH"})
			return err
		}},
	} {
		for _, pr := range tt.roles {
			if err := tt.call(pr); !errors.Is(err, trust.ErrForbidden) {
				t.Errorf("%s written by %s: %v, want trust.ErrForbidden", tt.name, pr.Role, err)
			}
		}
	}
}

// TestChargeEvidenceOnlyAgainstAReadablePerson: a prosecutor of an
// organisation the person's label does not reach files no evidence
// against them, and is answered as for a person who does not exist.
func TestChargeEvidenceOnlyAgainstAReadablePerson(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho()) // AMBER+STRICT: the embassy only
	stranger := who("u-kh-pros", orgPolice, auth.RoleProsecutor)
	for _, id := range []string{p.ID, "01J00000000000000000000000"} {
		_, err := f.svc.AddChargeEvidence(f.ctx, stranger, &EvidenceInput{PersonID: id, Charge: "fraud", Kind: "chat", Description: "chat export"})
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Error() != fmt.Sprintf("person: no person %q", id) {
			t.Errorf("evidence against %s by a prosecutor who may not read them: %v", id, err)
		}
	}
	if ev, err := f.svc.ChargeEvidence(f.ctx, f.op, p.ID); err != nil || len(ev) != 0 {
		t.Errorf("charge evidence filed: %d (%v)", len(ev), err)
	}
	if _, err := f.svc.AddChargeEvidence(f.ctx, f.analyst, &EvidenceInput{PersonID: p.ID, Charge: "fraud", Kind: "chat", Description: "chat export"}); err != nil {
		t.Errorf("the embassy's analyst: %v", err)
	}
}
