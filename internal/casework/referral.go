package casework

import (
	"context"
	"errors"
	"slices"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ReferralFields are what a survivor may agree to share with a support
// organisation. Screening and charge data are never among them.
var ReferralFields = []string{"name", "name_latin", "date_of_birth", "sex", "nationality", "languages",
	"phone", "next_of_kin", "location", "needs"}

// ReferralInput refers a survivor to a support organisation.
type ReferralInput struct {
	PersonID    string
	CaseID      string
	ToOrg       string   // an NGO on this server
	Fields      []string // what the survivor agreed to share
	Needs       string   // medical, psychological, legal, shelter...
	ConsentAt   time.Time
	ConsentNote string // how consent was given (signed form, recorded orally with an interpreter...)
}

// ReferToSupport sends a survivor's referral to a support organisation
// with only the fields the survivor agreed to share.
func (s *Service) ReferToSupport(ctx context.Context, p trust.Principal, in *ReferralInput) (*store.Referral, error) {
	if !p.Can(auth.ActionReferSupport) {
		return nil, trust.ErrForbidden
	}
	if len(in.Fields) == 0 {
		return nil, fieldErr("fields", "the survivor agreed to share nothing: no referral")
	}
	fields := slices.Clone(in.Fields)
	for _, f := range fields {
		if err := oneOf("fields", f, ReferralFields, false); err != nil {
			return nil, err
		}
	}
	slices.Sort(fields)
	fields = slices.Compact(fields)
	needs, err := checkText("needs", in.Needs, maxNotes, false)
	if err != nil {
		return nil, err
	}
	consentNote, err := checkText("consent_note", in.ConsentNote, maxNotes, true)
	if err != nil {
		return nil, err
	}
	now := s.now()
	r := &store.Referral{ID: s.newID(), PersonID: in.PersonID, CaseID: in.CaseID, FromOrg: originOf(p, ""), ToOrg: in.ToOrg,
		Fields: fields, Needs: needs, ConsentAt: in.ConsentAt.UTC().Truncate(time.Microsecond), ConsentNote: consentNote,
		CreatedBy: p.UserID, CreatedAt: now}
	if r.ConsentAt.IsZero() {
		r.ConsentAt = now
	}
	err = s.update(ctx, p, "create", "referral", r.ID, func(w store.Writer) error {
		person, err := w.GetPerson(ctx, in.PersonID)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
			return store.ErrNotFound
		}
		if in.CaseID != "" {
			// The shelter may be shown the case's location: only one of this person's cases.
			c, err := w.GetCase(ctx, in.CaseID)
			if errors.Is(err, store.ErrNotFound) || err == nil && c.PersonID != in.PersonID {
				return fieldErr("case_id", "no case %q of this person", in.CaseID)
			}
			if err != nil {
				return err
			}
		}
		org, err := w.GetOrg(ctx, in.ToOrg)
		if errors.Is(err, store.ErrNotFound) {
			return fieldErr("to_org", "no organisation %q", in.ToOrg)
		}
		if err != nil {
			return err
		}
		if org.Kind != "ngo" {
			return fieldErr("to_org", "%s is not a support organisation (kind %q, want ngo)", org.Name, org.Kind)
		}
		return w.PutReferral(ctx, r)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// WithdrawConsent ends a referral: the receiving organisation no longer
// sees anything of it. The referring side or the receiving organisation's
// support workers (the survivor may tell either) may record it.
func (s *Service) WithdrawConsent(ctx context.Context, p trust.Principal, referralID, reason string) (*store.Referral, error) {
	reason, err := checkText("reason", reason, maxNotes, false)
	if err != nil {
		return nil, err
	}
	var out *store.Referral
	err = s.update(ctx, p, "update", "referral", referralID, func(w store.Writer) error {
		r, err := w.GetReferral(ctx, referralID)
		if err != nil {
			return err
		}
		if !s.mayHandleReferral(ctx, w, p, r) {
			return store.ErrNotFound
		}
		if !r.WithdrawnAt.IsZero() {
			out = r
			return nil
		}
		r.WithdrawnAt, r.WithdrawnBy, r.Reason = s.now(), p.UserID, reason
		out = r
		return w.PutReferral(ctx, r)
	})
	return out, err
}

// mayHandleReferral: the operator; the receiving organisation's support
// workers while consent holds; the referring side allowed to refer who
// may read the person.
func (s *Service) mayHandleReferral(ctx context.Context, rd store.Reader, p trust.Principal, r *store.Referral) bool {
	switch {
	case p.IsOperator():
		return true
	case p.Role == auth.RoleSupportWorker:
		return p.Org == r.ToOrg && r.WithdrawnAt.IsZero()
	case p.Can(auth.ActionReferSupport):
		person, err := rd.GetPerson(ctx, r.PersonID)
		return err == nil && mayRead(p, auth.ActionReadPerson, personMarking(person))
	}
	return false
}

// SharedPerson is what a support organisation sees of a referred survivor:
// the consented fields only, nothing of screenings or charges.
type SharedPerson struct {
	ReferralID    string      `json:"referral_id"`
	ReferredAt    time.Time   `json:"referred_at"`
	FromOrg       string      `json:"from_org"`
	Name          string      `json:"name,omitempty"`
	NameLatin     string      `json:"name_latin,omitempty"`
	DOB           string      `json:"date_of_birth,omitempty"`
	Sex           string      `json:"sex,omitempty"`
	Nationalities []string    `json:"nationality,omitempty"`
	Languages     []string    `json:"languages,omitempty"`
	Phones        []string    `json:"phone,omitempty"`
	NextOfKin     []store.Kin `json:"next_of_kin,omitempty"`
	Location      string      `json:"location,omitempty"`
	Needs         string      `json:"needs,omitempty"`
}

// Referred lists the active referrals to p's organisation (for support
// workers; the referring side sees a person's referrals with Referrals).
func (s *Service) Referred(ctx context.Context, p trust.Principal) ([]*SharedPerson, error) {
	if p.Role != auth.RoleSupportWorker && !p.IsOperator() {
		return nil, trust.ErrForbidden
	}
	rs, err := s.st.ListReferrals(ctx, store.ReferralFilter{ToOrg: p.Org, Active: true})
	if err != nil {
		return nil, err
	}
	var out []*SharedPerson
	for _, r := range rs {
		sp, err := s.SharedView(ctx, p, r.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, nil
}

// SharedView is a referral as its receiving organisation sees it: the
// consented fields of the survivor, audited. Once consent is withdrawn it
// is store.ErrNotFound for them.
func (s *Service) SharedView(ctx context.Context, p trust.Principal, referralID string) (*SharedPerson, error) {
	r, err := s.st.GetReferral(ctx, referralID)
	if err != nil {
		return nil, err
	}
	if !s.mayHandleReferral(ctx, s.st, p, r) || (!p.IsOperator() && p.Role != auth.RoleSupportWorker && !r.WithdrawnAt.IsZero()) {
		if err := s.audit(ctx, p, "read", "referral", referralID, "deny"); err != nil {
			return nil, err
		}
		return nil, store.ErrNotFound
	}
	person, err := s.st.GetPerson(ctx, r.PersonID)
	if err != nil {
		return nil, err
	}
	sp := &SharedPerson{ReferralID: r.ID, ReferredAt: r.CreatedAt, FromOrg: r.FromOrg}
	for _, f := range r.Fields {
		switch f {
		case "name":
			sp.Name = nameOf(person, "primary")
		case "name_latin":
			sp.NameLatin = nameOf(person, "passport")
		case "date_of_birth":
			sp.DOB = person.DOB
		case "sex":
			sp.Sex = person.Sex
		case "nationality":
			sp.Nationalities = person.Nationalities
		case "languages":
			sp.Languages = person.Languages
		case "phone":
			for _, sel := range person.Selectors {
				if sel.Kind == "phone" && sel.Role == "own" {
					sp.Phones = append(sp.Phones, sel.Display)
				}
			}
		case "next_of_kin":
			sp.NextOfKin = person.NextOfKin
		case "location":
			if r.CaseID != "" {
				if c, err := s.st.GetCase(ctx, r.CaseID); err == nil {
					sp.Location = c.Location
				}
			}
		case "needs":
			sp.Needs = r.Needs
		}
	}
	err = s.st.Update(ctx, func(w store.Writer) error {
		if err := trust.Record(ctx, w, p, s.now(), "read", "referral", referralID, "allow"); err != nil {
			return err
		}
		return trust.Record(ctx, w, p, s.now(), "read", "person", r.PersonID, "allow")
	})
	if err != nil {
		return nil, err
	}
	return sp, nil
}

// Referrals lists a person's referrals for the referring side.
func (s *Service) Referrals(ctx context.Context, p trust.Principal, personID string) ([]*store.Referral, error) {
	if !p.Can(auth.ActionReferSupport) || p.Role == auth.RoleSupportWorker {
		return nil, trust.ErrForbidden
	}
	if _, err := s.GetPerson(ctx, p, personID); err != nil {
		return nil, err
	}
	return s.st.ListReferrals(ctx, store.ReferralFilter{PersonID: personID})
}
