package casework

import (
	"context"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// MayRefer says whether p may refer survivors to support organisations
// and see a person's referrals (the pages offer the form only to them;
// ReferToSupport checks again). Support workers receive referrals, they
// do not make them.
func MayRefer(p trust.Principal) bool {
	return p.IsOperator() || p.Role != auth.RoleSupportWorker && auth.Allowed(p.Role, auth.ActionReferSupport)
}

// SupportOrgs lists the organisations a survivor may be referred to: the
// support organisations (kind ngo) on this server, by name.
func (s *Service) SupportOrgs(ctx context.Context, p trust.Principal) ([]*store.Org, error) {
	if !MayRefer(p) {
		return nil, trust.ErrForbidden
	}
	orgs, err := s.st.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var out []*store.Org
	for _, o := range orgs {
		if o.Kind == "ngo" {
			out = append(out, o)
		}
	}
	return out, nil
}

// EndedReferral is what the receiving organisation still knows of a
// referral once consent is withdrawn: that it was made, by whom and when,
// and when it ended. Nothing of the survivor, not even the reason given.
type EndedReferral struct {
	ID          string    `json:"referral_id"`
	FromOrg     string    `json:"from_org"`
	ReferredAt  time.Time `json:"referred_at"`
	WithdrawnAt time.Time `json:"withdrawn_at"`
}

// EndedReferrals lists the referrals to p's organisation whose consent
// was withdrawn, oldest first, for its support workers; the operator,
// who may read any of them (EndedReferralOf), lists every organisation's.
func (s *Service) EndedReferrals(ctx context.Context, p trust.Principal) ([]*EndedReferral, error) {
	if p.Role != auth.RoleSupportWorker && !p.IsOperator() {
		return nil, trust.ErrForbidden
	}
	filter := store.ReferralFilter{ToOrg: p.Org}
	if p.IsOperator() {
		filter.ToOrg = ""
	}
	rs, err := s.st.ListReferrals(ctx, filter)
	if err != nil {
		return nil, err
	}
	var out []*EndedReferral
	for _, r := range rs {
		if !r.WithdrawnAt.IsZero() {
			out = append(out, endedOf(r))
		}
	}
	return out, nil
}

// EndedReferralOf is one withdrawn referral to p's organisation;
// store.ErrNotFound when there is none (another organisation's, or one
// whose consent holds: that one is read with SharedView).
func (s *Service) EndedReferralOf(ctx context.Context, p trust.Principal, referralID string) (*EndedReferral, error) {
	if p.Role != auth.RoleSupportWorker && !p.IsOperator() {
		return nil, trust.ErrForbidden
	}
	r, err := s.st.GetReferral(ctx, referralID)
	if err != nil {
		return nil, err
	}
	if r.WithdrawnAt.IsZero() || !p.IsOperator() && r.ToOrg != p.Org {
		return nil, store.ErrNotFound
	}
	return endedOf(r), nil
}

func endedOf(r *store.Referral) *EndedReferral {
	return &EndedReferral{ID: r.ID, FromOrg: r.FromOrg, ReferredAt: r.CreatedAt, WithdrawnAt: r.WithdrawnAt}
}
