package casework

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/match"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// IntakeInput is a report of a missing or confined person as it arrives.
type IntakeInput struct {
	Origin     string // console operator only
	TLP        string // members: empty is AMBER; the public's are GREEN
	LegalBasis string // empty for the public: the reporter's request
	Purpose    string // empty: locating and protecting the person
	Channel    string // family (default), self, ngo, hotline, embassy, police, web
	ReceivedAt time.Time

	Reporter        store.IntakeReporter
	Subject         store.IntakeSubject
	LastLocation    string
	Coordinates     *store.Coordinates
	LastContactAt   time.Time
	DangerNow       bool
	Ransom          *store.Ransom
	RecruiterHandle string
	JobAd           string
	Narrative       string
}

// Defaults of an intake's marking.
const (
	IntakeLegalBasis = "request of the reporter"
	IntakePurpose    = "locating and protecting the person reported"
)

// CreateIntake takes in a missing or confined person report: it is stored
// in the triage queue, and its selectors (the ransom's payee account, the
// recruiter's handle, what the job ad names, the person's phones and
// handles) join the intelligence graph at once as a report (scam type
// job_lure when there is a job ad or a recruiter, other otherwise)
// referenced "intake:<ID>". The public may report; the intake is then
// GREEN, from intel.PublicOrigin.
//
// If the intelligence report cannot be made, the intake stays stored (it
// is never lost) and the error says so.
func (s *Service) CreateIntake(ctx context.Context, p trust.Principal, in *IntakeInput) (*store.Intake, error) {
	if !p.Can(auth.ActionCreateReport) {
		return nil, trust.ErrForbidden
	}
	rec, err := s.buildIntake(p, in)
	if err != nil {
		return nil, err
	}
	if err := s.update(ctx, p, "create", "intake", rec.ID, func(w store.Writer) error { return w.PutIntake(ctx, rec) }); err != nil {
		return nil, err
	}
	if s.intel == nil {
		return rec, nil
	}
	r, _, err := s.intel.CreateReport(ctx, p, s.intakeReport(rec))
	if err != nil {
		return rec, fmt.Errorf("intake %s is stored, but its selectors did not reach the intelligence graph: %w", rec.ID, err)
	}
	rec.ReportID = r.ID
	err = s.st.Update(ctx, func(w store.Writer) error {
		cur, err := w.GetIntake(ctx, rec.ID)
		if err != nil {
			return err
		}
		cur.ReportID = r.ID
		return w.PutIntake(ctx, cur)
	})
	return rec, err
}

func (s *Service) buildIntake(p trust.Principal, in *IntakeInput) (*store.Intake, error) {
	now := s.now()
	rec := &store.Intake{ID: s.newID(), ReceivedAt: in.ReceivedAt.UTC().Truncate(time.Microsecond),
		DangerNow: in.DangerNow, Reporter: in.Reporter, Subject: in.Subject, Coordinates: in.Coordinates,
		LastContactAt: in.LastContactAt.UTC().Truncate(time.Microsecond), Ransom: in.Ransom}
	if rec.ReceivedAt.IsZero() || rec.ReceivedAt.After(now) {
		rec.ReceivedAt = now
	}
	if in.LastContactAt.IsZero() {
		rec.LastContactAt = time.Time{}
	}
	public := !p.IsOperator() && (p.UserID == "" || p.Role == auth.RolePublic)
	var err error
	switch {
	case public:
		rec.Origin, rec.TLP = intel.PublicOrigin, store.TLPGreen
	default:
		rec.Origin = originOf(p, in.Origin)
		if rec.TLP, err = normTLP(in.TLP, store.TLPAmber); err != nil {
			return nil, err
		}
		if !p.IsOperator() {
			rec.CreatedBy = p.UserID
		}
	}
	rec.LegalBasis, rec.Purpose = in.LegalBasis, in.Purpose
	if rec.LegalBasis == "" || public {
		rec.LegalBasis = IntakeLegalBasis
	}
	if rec.Purpose == "" || public {
		rec.Purpose = IntakePurpose
	}
	rec.Channel = in.Channel
	if rec.Channel == "" {
		rec.Channel = "family"
	}
	if err := oneOf("channel", rec.Channel, IntakeChannels, false); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{
		{"reporter_name", &rec.Reporter.Name, maxText}, {"reporter_relation", &rec.Reporter.Relation, maxText},
		{"reporter_phone", &rec.Reporter.Phone, maxText}, {"reporter_email", &rec.Reporter.Email, maxText},
		{"name", &rec.Subject.Name, maxText}, {"name_latin", &rec.Subject.NameLatin, maxText},
		{"passport_number", &rec.Subject.PassportNumber, 40},
		{"last_location", &in.LastLocation, 1000}, {"recruiter_handle", &in.RecruiterHandle, maxText},
		{"job_ad", &in.JobAd, maxNotes}, {"narrative", &in.Narrative, 4 * maxNotes},
	} {
		if *f.v, err = checkText(f.name, *f.v, f.max, false); err != nil {
			return nil, err
		}
	}
	if rec.Subject.Name == "" && rec.Subject.NameLatin == "" {
		return nil, fieldErr("name", "missing: who is missing?")
	}
	rec.LastLocation, rec.RecruiterHandle, rec.JobAd, rec.Narrative = in.LastLocation, in.RecruiterHandle, in.JobAd, in.Narrative
	if rec.Subject.DOB != "" {
		d, err := match.ParseDate(rec.Subject.DOB)
		if err != nil {
			return nil, fieldErr("date_of_birth", "%v", err)
		}
		rec.Subject.DOB = d.String()
	}
	if rec.Subject.Sex, err = normSex(rec.Subject.Sex); err != nil {
		return nil, err
	}
	if rec.Subject.Nationality != "" {
		if rec.Subject.Nationality, err = normCountry("nationality", rec.Subject.Nationality); err != nil {
			return nil, err
		}
	}
	if c := rec.Coordinates; c != nil && (math.IsNaN(c.Lat) || math.IsNaN(c.Lon) || math.Abs(c.Lat) > 90 || math.Abs(c.Lon) > 180) {
		return nil, fieldErr("coordinates", "latitude must lie in -90..90 and longitude in -180..180")
	}
	if r := rec.Ransom; r != nil {
		r.Currency = strings.ToUpper(strings.TrimSpace(r.Currency))
		if r.AmountMinor < 0 || len(r.Currency) < 3 || len(r.Currency) > 5 {
			return nil, fieldErr("ransom", "an amount of zero or more and a currency code")
		}
		if r.PayeeAccount, err = checkText("ransom_account", r.PayeeAccount, maxText, false); err != nil {
			return nil, err
		}
	}
	rec.Selectors = s.intakeSelectors(rec)
	return rec, nil
}

// intakeSelectors normalises the selectors an intake names, with their
// roles. A value that is not a valid selector stays in its field as
// written and links nothing.
func (s *Service) intakeSelectors(rec *store.Intake) []store.PersonSelector {
	region := rec.Subject.Nationality
	var out []store.PersonSelector
	add := func(v, kind, role string, reg string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		sel, err := s.normSelector("selectors", SelectorInput{Value: v, Kind: kind, Role: role}, reg)
		if err != nil {
			return
		}
		for _, x := range out {
			if x.SelectorID == sel.SelectorID {
				return
			}
		}
		out = append(out, sel)
	}
	if rec.Ransom != nil {
		add(rec.Ransom.PayeeAccount, "", "paid_to", "")
	}
	add(rec.RecruiterHandle, "", "recruited_via", "")
	for _, ph := range rec.Subject.Phones {
		add(ph, "", "mentioned", region)
	}
	for _, h := range rec.Subject.Handles {
		add(h, "", "mentioned", "")
	}
	for _, m := range selector.Extract(rec.JobAd, selector.Hints{Region: region, Normalizer: s.norm}) {
		add(m.Selector.Value, string(m.Selector.Kind), "recruited_via", m.Selector.Region)
	}
	return out
}

// intakeReport is the intelligence report made of an intake: its
// selectors, the job ad and the ransom demand, never the reporter's or the
// person's name.
func (s *Service) intakeReport(rec *store.Intake) *intel.ReportInput {
	in := &intel.ReportInput{Origin: rec.Origin, ExternalRef: "intake:" + rec.ID, Channel: "api", ReceivedAt: rec.ReceivedAt,
		ScamType: "other", VictimCountry: rec.Subject.Nationality, TLP: rec.TLP, LegalBasis: rec.LegalBasis,
		Purpose: rec.Purpose, VictimRef: "intake:" + rec.ID}
	if rec.JobAd != "" || rec.RecruiterHandle != "" {
		in.ScamType = "job_lure"
	}
	var b strings.Builder
	b.WriteString("Missing or confined person reported (" + rec.Channel + ").")
	if rec.JobAd != "" {
		b.WriteString(" Job ad: " + rec.JobAd)
	}
	if r := rec.Ransom; r != nil {
		b.WriteString(" Ransom demanded: " + intake.FormatMinor(r.AmountMinor, r.Currency) + ".")
	}
	in.Narrative = b.String()
	for _, sel := range rec.Selectors {
		in.Selectors = append(in.Selectors, intel.SelectorInput{Value: sel.Value, Kind: sel.Kind, Role: sel.Role})
	}
	return in
}

// QueueItem is an intake waiting for triage, with how long it waited.
type QueueItem struct {
	Intake *store.Intake
	Waited time.Duration
}

// TriageQueue lists the intakes p may read that wait for triage: danger
// now first, then the longest waiting. It shows whom each is about and
// where they were last, so the read of each one listed is audited, in one
// transaction.
func (s *Service) TriageQueue(ctx context.Context, p trust.Principal) ([]QueueItem, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	ins, err := s.st.ListIntakes(ctx, store.IntakeFilter{Untriaged: true})
	if err != nil {
		return nil, err
	}
	now := s.now()
	var out []QueueItem
	for _, in := range ins {
		if mayRead(p, auth.ActionReadPerson, marking{in.Origin, in.TLP, in.CreatedBy}) {
			out = append(out, QueueItem{Intake: in, Waited: now.Sub(in.ReceivedAt)})
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	err = s.st.Update(ctx, func(w store.Writer) error {
		for _, it := range out {
			if err := trust.Record(ctx, w, p, now, "read", "intake", it.Intake.ID, "allow"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// GetIntake returns an intake p may read, audited.
func (s *Service) GetIntake(ctx context.Context, p trust.Principal, id string) (*store.Intake, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	in, err := s.st.GetIntake(ctx, id)
	if err != nil {
		return nil, err
	}
	decision := "allow"
	if !mayRead(p, auth.ActionReadPerson, marking{in.Origin, in.TLP, in.CreatedBy}) {
		decision = "deny"
	}
	if err := s.audit(ctx, p, "read", "intake", id, decision); err != nil {
		return nil, err
	}
	if decision == "deny" {
		return nil, store.ErrNotFound
	}
	return in, nil
}
