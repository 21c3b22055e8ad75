package casework

import (
	"context"
	"slices"
	"strings"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ScreeningInput is one screening interview and the decision taken on it.
type ScreeningInput struct {
	PersonID       string
	CaseID         string
	TLP            string // empty: AMBER+STRICT
	Kind           string // victim, suspect, both
	InterviewedAt  time.Time
	Interviewer    string
	Interpreter    string
	Language       string
	CounselPresent bool
	Setting        string

	Recruitment store.Recruitment
	Indicators  []store.IndicatorFinding // ILO indicators assessed; a present one needs evidence
	Control     []store.ControlFinding   // HTCDS methods of control found

	CompoundID        string
	RoleInCompound    string
	DaysInCompound    int
	PayReceived       []store.Money
	RecruitedOthers   bool
	PromotedToManager bool
	ExitMode          string

	Status         string // possible, actual, not
	DecidedBy      string
	DecidingOrg    string // empty: p's organisation
	DecidedAt      time.Time
	DecisionReason string
	NonPunishment  store.NonPunishment
}

func screeningMarking(sc *store.Screening) marking { return marking{sc.Origin, sc.TLP, sc.CreatedBy} }

func checkEvidence(field string, ev []store.Evidence) error {
	for _, e := range ev {
		if err := oneOf(field+"_evidence", e.Kind, EvidenceKinds, false); err != nil {
			return err
		}
		if len(e.Ref) > maxText || len(e.Note) > maxNotes {
			return fieldErr(field+"_evidence", "reference or note too long")
		}
	}
	return nil
}

func checkMoney(field string, m store.Money) (store.Money, error) {
	m.Currency = strings.ToUpper(strings.TrimSpace(m.Currency))
	if m.AmountMinor < 0 || len(m.Currency) < 3 || len(m.Currency) > 5 {
		return m, fieldErr(field, "an amount of zero or more and a currency code")
	}
	return m, nil
}

// buildScreening checks a screening; every finding keeps its evidence.
func buildScreening(in *ScreeningInput) (*store.Screening, error) {
	sc := &store.Screening{PersonID: in.PersonID, CaseID: in.CaseID, Kind: in.Kind,
		InterviewedAt: in.InterviewedAt.UTC().Truncate(time.Microsecond), CounselPresent: in.CounselPresent,
		Recruitment: in.Recruitment, CompoundID: in.CompoundID, DaysInCompound: in.DaysInCompound,
		RecruitedOthers: in.RecruitedOthers, PromotedToManager: in.PromotedToManager, ExitMode: in.ExitMode,
		Status: in.Status, DecidedAt: in.DecidedAt.UTC().Truncate(time.Microsecond), NonPunishment: in.NonPunishment}
	var err error
	if err := oneOf("kind", sc.Kind, ScreeningKinds, false); err != nil {
		return nil, err
	}
	if sc.InterviewedAt.IsZero() {
		return nil, fieldErr("interviewed_at", "missing")
	}
	for _, f := range []struct {
		name     string
		dst, v   *string
		required bool
	}{
		{"interviewer", &sc.Interviewer, &in.Interviewer, true},
		{"interpreter", &sc.Interpreter, &in.Interpreter, false},
		{"language", &sc.Language, &in.Language, false},
		{"setting", &sc.Setting, &in.Setting, false},
		{"role_in_compound", &sc.RoleInCompound, &in.RoleInCompound, false},
		{"decided_by", &sc.DecidedBy, &in.DecidedBy, true},
		{"deciding_org", &sc.DecidingOrg, &in.DecidingOrg, false},
		{"decision_reason", &sc.DecisionReason, &in.DecisionReason, true},
	} {
		if *f.dst, err = checkText(f.name, *f.v, maxNotes, f.required); err != nil {
			return nil, err
		}
	}
	r := &sc.Recruitment
	if err := oneOf("recruitment_channel", r.Channel, RecruitmentChannels, true); err != nil {
		return nil, err
	}
	if err := oneOf("knew_illegal", r.KnewIllegal, KnewIllegal, true); err != nil {
		return nil, err
	}
	if r.PromisedPay != nil {
		m, err := checkMoney("promised_pay", *r.PromisedPay)
		if err != nil {
			return nil, err
		}
		r.PromisedPay = &m
	}
	for _, f := range []*string{&r.AdText, &r.AdURL, &r.PromisedJob, &r.RecruiterHandle} {
		if *f, err = checkText("recruitment", *f, maxNotes, false); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for _, ind := range in.Indicators {
		if err := oneOf("indicator", ind.Code, ILOIndicators, false); err != nil {
			return nil, err
		}
		if seen[ind.Code] {
			return nil, fieldErr("indicator", "%s given twice", ind.Code)
		}
		seen[ind.Code] = true
		if ind.Present && len(ind.Evidence) == 0 {
			return nil, fieldErr("indicator", "%s is marked present without evidence", ind.Code)
		}
		if err := checkEvidence("indicator", ind.Evidence); err != nil {
			return nil, err
		}
		sc.Indicators = append(sc.Indicators, ind)
	}
	// Keep the ILO's order, whatever order they came in.
	slices.SortFunc(sc.Indicators, func(a, b store.IndicatorFinding) int {
		return slices.Index(ILOIndicators, a.Code) - slices.Index(ILOIndicators, b.Code)
	})
	for _, c := range in.Control {
		if err := oneOf("method_of_control", c.Code, MethodsOfControl, false); err != nil {
			return nil, err
		}
		if seen[c.Code] {
			return nil, fieldErr("method_of_control", "%s given twice", c.Code)
		}
		seen[c.Code] = true
		if err := checkEvidence("method_of_control", c.Evidence); err != nil {
			return nil, err
		}
		sc.Control = append(sc.Control, c)
	}
	if sc.DaysInCompound < 0 {
		return nil, fieldErr("days_in_compound", "negative")
	}
	for _, m := range in.PayReceived {
		m, err := checkMoney("pay_received", m)
		if err != nil {
			return nil, err
		}
		sc.PayReceived = append(sc.PayReceived, m)
	}
	if err := oneOf("exit_mode", sc.ExitMode, ExitModes, true); err != nil {
		return nil, err
	}
	if err := oneOf("status", sc.Status, TraffickingStatuses, false); err != nil {
		return nil, err
	}
	if err := oneOf("non_punishment", sc.NonPunishment.Recommendation, Recommendations, false); err != nil {
		return nil, err
	}
	if sc.NonPunishment.Rationale, err = checkText("non_punishment_rationale", sc.NonPunishment.Rationale, maxNotes, true); err != nil {
		return nil, err
	}
	return sc, nil
}

// RecordScreening stores a screening of a person p may read. It
// supersedes the person's current screening (the history stays); if
// another screening was recorded meanwhile, ErrConflict.
func (s *Service) RecordScreening(ctx context.Context, p trust.Principal, in *ScreeningInput) (*store.Screening, error) {
	if !canWrite(p, writeScreening) {
		return nil, trust.ErrForbidden
	}
	sc, err := buildScreening(in)
	if err != nil {
		return nil, err
	}
	if sc.TLP, err = normTLP(in.TLP, store.TLPAmberStrict); err != nil {
		return nil, err
	}
	now := s.now()
	sc.ID, sc.Origin, sc.CreatedAt = s.newID(), originOf(p, ""), now
	if !p.IsOperator() {
		sc.CreatedBy = p.UserID
	}
	if sc.DecidingOrg == "" {
		sc.DecidingOrg = sc.Origin
	}
	if sc.DecidedAt.IsZero() {
		sc.DecidedAt = now
	}
	err = s.update(ctx, p, "create", "screening", sc.ID, func(w store.Writer) error {
		person, err := w.GetPerson(ctx, sc.PersonID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
			return store.ErrNotFound
		}
		hist, err := w.ListScreenings(ctx, sc.PersonID)
		if err != nil {
			return err
		}
		for _, h := range hist {
			if h.SupersededBy == "" {
				sc.Supersedes = h.ID
				break
			}
		}
		return w.InsertScreening(ctx, sc)
	})
	if err != nil {
		return nil, err
	}
	return sc, nil
}

// Screenings returns a person's screenings that p may read, newest first
// (the first is current unless superseded), and audits the read. Only roles
// with auth.ActionReadScreening read them: never support workers or partners.
func (s *Service) Screenings(ctx context.Context, p trust.Principal, personID string) ([]*store.Screening, error) {
	if !mayReadAny(p, auth.ActionReadScreening) {
		return nil, trust.ErrForbidden
	}
	hist, err := s.st.ListScreenings(ctx, personID)
	if err != nil {
		return nil, err
	}
	var out []*store.Screening
	for _, sc := range hist {
		if mayRead(p, auth.ActionReadScreening, screeningMarking(sc)) {
			out = append(out, sc)
		}
	}
	decision := "allow"
	if len(out) == 0 && len(hist) > 0 {
		decision = "deny"
	}
	if err := s.audit(ctx, p, "read", "screening", personID, decision); err != nil {
		return nil, err
	}
	return out, nil
}
