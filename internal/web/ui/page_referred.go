package ui

import (
	"errors"
	"net/http"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// referredData is a support organisation's inbox: the referrals whose
// consent holds, with the consented fields only, and those that ended.
type referredData struct {
	Active []*casework.SharedPerson
	Ended  []*casework.EndedReferral
}

// referredPage is the shelter worker's inbox (casework.Referred).
func (s *Server) referredPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d := &referredData{}
	var err error
	if d.Active, err = s.cw.Referred(r.Context(), c.principal()); err != nil {
		return err
	}
	if d.Ended, err = s.cw.EndedReferrals(r.Context(), c.principal()); err != nil {
		return err
	}
	return s.render(w, r, c, http.StatusOK, "referred", "referrals", msg("referral.inbox.title"), d)
}

// referredViewData is one referral as the receiving organisation sees it:
// the consented fields while consent holds (S), or only that it ended (Ended).
type referredViewData struct {
	S       *casework.SharedPerson
	Ended   *casework.EndedReferral
	Refused *refusal
	Reason  string
}

// referredView shows one referral to the shelter: the consented fields,
// or, once consent is withdrawn, that it was withdrawn (410 Gone).
func (s *Server) referredView(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, code, err := s.referredViewData(r, c, r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.render(w, r, c, code, "referred_view", "referrals", msg("referral.view.title"), d)
}

func (s *Server) referredViewData(r *http.Request, c *reqCtx, id string) (*referredViewData, int, error) {
	if _, err := ulid.ParseStrict(id); err != nil {
		return nil, 0, errNotFound
	}
	sp, err := s.cw.SharedView(r.Context(), c.principal(), id)
	if err == nil {
		return &referredViewData{S: sp}, http.StatusOK, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return nil, 0, err
	}
	ended, err := s.cw.EndedReferralOf(r.Context(), c.principal(), id)
	if err != nil {
		return nil, 0, err
	}
	return &referredViewData{Ended: ended}, http.StatusGone, nil
}

// referredRefused shows the referral again with the reason the service
// refused the withdrawal (an empty reason, for one).
func (s *Server) referredRefused(w http.ResponseWriter, r *http.Request, c *reqCtx, id, reason string, err error) error {
	ref, code, err := caseworkRefusal(err, c.lang)
	if err != nil {
		return err
	}
	d, _, err := s.referredViewData(r, c, id)
	if err != nil {
		return err
	}
	d.Refused, d.Reason = ref, reason
	return s.render(w, r, c, code, "referred_view", "referrals", msg("referral.view.title"), d)
}
