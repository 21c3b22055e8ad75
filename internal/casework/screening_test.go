package casework

import (
	"errors"
	"os"
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"

	"counterscam/internal/shareddata"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func TestScreeningRefusesBadFindings(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	for _, tt := range []struct {
		name  string
		edit  func(*ScreeningInput)
		field string
	}{
		{"kind", func(in *ScreeningInput) { in.Kind = "witness" }, "kind"},
		{"indicator", func(in *ScreeningInput) { in.Indicators[0].Code = "forced_smiling" }, "indicator"},
		{"present without evidence", func(in *ScreeningInput) { in.Indicators[0].Evidence = nil }, "indicator"},
		{"twice", func(in *ScreeningInput) { in.Indicators[1].Code = in.Indicators[0].Code }, "indicator"},
		{"evidence kind", func(in *ScreeningInput) { in.Indicators[0].Evidence[0].Kind = "rumour" }, "indicator_evidence"},
		{"method of control", func(in *ScreeningInput) { in.Control[0].Code = "DebtBondage" }, "method_of_control"},
		{"status", func(in *ScreeningInput) { in.Status = "victim" }, "status"},
		{"no decider", func(in *ScreeningInput) { in.DecidedBy = "" }, "decided_by"},
		{"no reason", func(in *ScreeningInput) { in.DecisionReason = "" }, "decision_reason"},
		{"recommendation", func(in *ScreeningInput) { in.NonPunishment.Recommendation = "pardon" }, "non_punishment"},
		{"no rationale", func(in *ScreeningInput) { in.NonPunishment.Rationale = "" }, "non_punishment_rationale"},
		{"exit", func(in *ScreeningInput) { in.ExitMode = "teleported" }, "exit_mode"},
		{"days", func(in *ScreeningInput) { in.DaysInCompound = -3 }, "days_in_compound"},
		{"pay", func(in *ScreeningInput) { in.PayReceived = []store.Money{{AmountMinor: 10, Currency: "$"}} }, "pay_received"},
		{"knew", func(in *ScreeningInput) { in.Recruitment.KnewIllegal = "maybe" }, "knew_illegal"},
		{"no interview time", func(in *ScreeningInput) { in.InterviewedAt = time.Time{} }, "interviewed_at"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := screeningFor(p.ID, "possible")
			tt.edit(in)
			_, err := f.svc.RecordScreening(f.ctx, f.officer, in)
			wantField(t, err, tt.field)
		})
	}
}

func TestScreeningSupersedesAndDossier(t *testing.T) {
	f := newFixture(t)
	in := minho()
	in.TLP = "AMBER"
	p := f.person(f.officer, in)
	first := screeningFor(p.ID, "possible")
	first.TLP = "AMBER"
	s1, err := f.svc.RecordScreening(f.ctx, f.officer, first)
	if err != nil {
		t.Fatal(err)
	}
	if s1.Supersedes != "" || s1.DecidingOrg != orgEmbassy || !s1.DecidedAt.Equal(f.clock) {
		t.Errorf("first screening = %+v", s1)
	}
	// The indicators are kept in the ILO's order.
	var codes []string
	for _, ind := range s1.Indicators {
		codes = append(codes, ind.Code)
	}
	if want := []string{"deception", "retention_of_identity_documents", "excessive_overtime"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("indicators = %v, want %v", codes, want)
	}
	f.advance(time.Hour)
	second := screeningFor(p.ID, "actual")
	second.TLP = "AMBER"
	second.DecisionReason = "co-workers' statements confirm the beatings"
	s2, err := f.svc.RecordScreening(f.ctx, f.officer2, second)
	if err != nil {
		t.Fatal(err)
	}
	if s2.Supersedes != s1.ID {
		t.Errorf("second screening supersedes %q, want %q", s2.Supersedes, s1.ID)
	}
	if _, err := f.svc.AddChargeEvidence(f.ctx, f.prosecutor, &EvidenceInput{PersonID: p.ID, Charge: "fraud", Kind: "chat",
		Description: "scripts found on the work phone", TLP: "AMBER"}); err != nil {
		t.Fatal(err)
	}
	d, err := f.svc.GetDossier(f.ctx, f.prosecutor, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Screening == nil || d.Screening.ID != s2.ID || d.Screening.Status != "actual" {
		t.Errorf("current screening = %+v", d.Screening)
	}
	if len(d.History) != 1 || d.History[0].ID != s1.ID || d.History[0].SupersededBy != s2.ID {
		t.Errorf("history = %+v", d.History)
	}
	if len(d.Evidence) != 1 || d.Evidence[0].Description != "scripts found on the work phone" {
		t.Errorf("evidence = %+v", d.Evidence)
	}
	// The case officer who interviewed writes screenings but does not read
	// them back: that is the prosecutor's (and the admin's).
	if _, err := f.svc.Screenings(f.ctx, f.officer, p.ID); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("a case officer read screenings: %v", err)
	}
	got := f.auditOf(p.ID)
	for _, want := range []string{"u-pros read person allow", "u-pros read screening allow", "u-pros read charge_evidence allow"} {
		if !slices.Contains(got, want) {
			t.Errorf("audit lacks %q: %q", want, got)
		}
	}
}

// TestMethodsOfControlVocabulary checks the embedded HTCDS vocabulary
// against the standard's own field definitions.
func TestMethodsOfControlVocabulary(t *testing.T) {
	path := shareddata.Path(t, "htcds/field-definitions.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^\| (MethodsOfControl\w+)\s+\|`).FindAllSubmatch(b, -1) {
		names = append(names, string(m[1]))
	}
	if !reflect.DeepEqual(names, MethodsOfControl) {
		t.Errorf("HTCDS methods of control:\n file     %v\n embedded %v", names, MethodsOfControl)
	}
	if len(ILOIndicators) != 11 {
		t.Errorf("%d ILO indicators, want 11", len(ILOIndicators))
	}
}
