package ui

import (
	"net/http"
	"strings"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/casework"
	"counterscam/internal/store"
)

// referralsData is a person's referrals to support organisations, as the
// referring side sees them, with the form to make one.
type referralsData struct {
	P         *store.Person
	Name      string
	Referrals []*store.Referral
	Orgs      []*store.Org
	Cases     []*store.Case
	Fields    []string
	Form      referralForm
	Refused   *refusal
	Done      string // "sent" or "withdrawn"
}

// referralForm is what was typed in the referral or withdrawal form,
// kept when the service refuses it.
type referralForm struct {
	ToOrg, CaseID, Needs, ConsentNote string
	Fields                            map[string]bool
	Withdraw, Reason                  string // a refused withdrawal: the referral and the reason typed
}

// personReferrals lists a person's referrals and offers the form.
func (s *Server) personReferrals(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.referralsData(r, c, r.PathValue("id"))
	if err != nil {
		return err
	}
	if done := r.URL.Query().Get("done"); done == "sent" || done == "withdrawn" {
		d.Done = done
	}
	return s.render(w, r, c, http.StatusOK, "referrals", "triage", msg("referral.person.title"), d)
}

func (s *Server) referralsData(r *http.Request, c *reqCtx, id string) (*referralsData, error) {
	p := c.principal()
	if !casework.MayRefer(p) {
		return nil, errForbidden
	}
	if _, err := ulid.ParseStrict(id); err != nil {
		return nil, errNotFound
	}
	person, err := s.cw.GetPerson(r.Context(), p, id)
	if err != nil {
		return nil, err
	}
	d := &referralsData{P: person, Name: personName(person), Fields: casework.ReferralFields, Form: referralForm{Fields: map[string]bool{}}}
	if d.Referrals, err = s.cw.Referrals(r.Context(), p, id); err != nil {
		return nil, err
	}
	if d.Orgs, err = s.cw.SupportOrgs(r.Context(), p); err != nil {
		return nil, err
	}
	if d.Cases, err = s.cw.ListCases(r.Context(), p, store.CaseFilter{PersonID: id}); err != nil {
		return nil, err
	}
	return d, nil
}

// referralSubmit refers the person with the fields the survivor agreed
// to share (casework.ReferToSupport).
func (s *Server) referralSubmit(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	if err := r.ParseForm(); err != nil {
		return &pageError{Code: http.StatusBadRequest, Key: "error.bad_request", Err: err}
	}
	f := referralForm{ToOrg: r.PostFormValue("to_org"), CaseID: r.PostFormValue("case_id"),
		Needs: strings.TrimSpace(r.PostFormValue("needs")), ConsentNote: strings.TrimSpace(r.PostFormValue("consent_note")),
		Fields: map[string]bool{}}
	fields := r.PostForm["fields"]
	for _, fl := range fields {
		f.Fields[fl] = true
	}
	_, err := s.cw.ReferToSupport(r.Context(), c.principal(), &casework.ReferralInput{PersonID: id, CaseID: f.CaseID,
		ToOrg: f.ToOrg, Fields: fields, Needs: f.Needs, ConsentAt: now(), ConsentNote: f.ConsentNote})
	if err != nil {
		return s.referralRefused(w, r, c, id, f, err)
	}
	http.Redirect(w, r, "/persons/"+id+"/referrals?done=sent", http.StatusSeeOther)
	return nil
}

// referralRefused shows the person's referrals again with the service's
// reason and what was typed; an error that is no refusal goes to the
// error page.
func (s *Server) referralRefused(w http.ResponseWriter, r *http.Request, c *reqCtx, personID string, f referralForm, err error) error {
	ref, code, err := caseworkRefusal(err, c.lang)
	if err != nil {
		return err
	}
	d, err := s.referralsData(r, c, personID)
	if err != nil {
		return err
	}
	d.Form, d.Refused = f, ref
	return s.render(w, r, c, code, "referrals", "triage", msg("referral.person.title"), d)
}

// referralWithdraw records that the survivor withdrew consent
// (casework.WithdrawConsent): from the referring side, back to the
// person's referrals; from the shelter, back to its inbox.
func (s *Server) referralWithdraw(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	ref, err := s.cw.WithdrawConsent(r.Context(), c.principal(), id, reason)
	if err != nil {
		if personID := r.PostFormValue("person"); casework.MayRefer(c.principal()) && personID != "" {
			if _, perr := ulid.ParseStrict(personID); perr == nil {
				return s.referralRefused(w, r, c, personID, referralForm{Fields: map[string]bool{}, Withdraw: id, Reason: reason}, err)
			}
		}
		return s.referredRefused(w, r, c, id, reason, err)
	}
	if casework.MayRefer(c.principal()) {
		http.Redirect(w, r, "/persons/"+ref.PersonID+"/referrals?done=withdrawn", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/referrals/"+id, http.StatusSeeOther)
	return nil
}
