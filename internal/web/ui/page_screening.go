package ui

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// screeningData is the screening form's page.
type screeningData struct {
	PersonID    string
	Name, Latin string
	Form        *screeningForm
	Saved       string // the ID of the screening just saved
	Cases       []*store.Case
	V           screeningVocab
}

// screeningVocab are the choices the form offers, in the service's order.
type screeningVocab struct {
	Kinds, TLPs, Channels, Knew, EvidenceKinds, ExitModes, Statuses, Recommendations, Currencies []string
}

var scrVocab = screeningVocab{Kinds: casework.ScreeningKinds, TLPs: casework.TLPs, Channels: casework.RecruitmentChannels,
	Knew: casework.KnewIllegal, EvidenceKinds: casework.EvidenceKinds, ExitModes: casework.ExitModes,
	Statuses: casework.TraffickingStatuses, Recommendations: casework.Recommendations, Currencies: formCurrencies}

func (s *Server) screeningData(r *http.Request, c *reqCtx, f *screeningForm) (*screeningData, error) {
	if !c.principal().Can(auth.ActionWriteScreening) {
		return nil, trust.ErrForbidden
	}
	p, err := s.cw.GetPerson(r.Context(), c.principal(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	d := &screeningData{PersonID: p.ID, Form: f, V: scrVocab}
	d.Name, d.Latin = personLabel(p)
	if d.Cases, err = s.cw.ListCases(r.Context(), c.principal(), store.CaseFilter{PersonID: p.ID}); err != nil {
		return nil, err
	}
	return d, nil
}

// newestOpenCase is the case a new screening belongs to by default.
func newestOpenCase(cs []*store.Case) string {
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].State != string(casework.Closed) {
			return cs[i].ID
		}
	}
	return ""
}

// screeningForm shows an empty screening form for a person the member may
// read; after a save it says so.
func (s *Server) screeningForm(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := newScreeningForm()
	f.InterviewedAt = now().UTC().Format("2006-01-02")
	if c.sess != nil {
		f.DecidedBy = c.sess.Principal.Email
	}
	d, err := s.screeningData(r, c, f)
	if err != nil {
		return err
	}
	f.CaseID = newestOpenCase(d.Cases)
	d.Saved = r.URL.Query().Get("saved")
	// The page names the person; its title does not (see personPage).
	return s.render(w, r, c, http.StatusOK, "screening", "", msg("repat.scr.title"), d)
}

// screeningSubmit records the screening; a form with mistakes comes back
// as typed, with what to fix next to each field.
func (s *Server) screeningSubmit(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := readScreeningForm(r.PostForm)
	personID := r.PathValue("id")
	d, err := s.screeningData(r, c, f)
	if err != nil {
		return err
	}
	if r.PostForm.Get("more") != "" {
		// "Add another piece of evidence": the form as typed, nothing
		// checked or saved, each finding with a blank row to fill.
		return s.render(w, r, c, http.StatusOK, "screening", "", msg("repat.scr.title"), d)
	}
	in := f.input(personID, now().UTC())
	if f.CaseID != "" && !slices.ContainsFunc(d.Cases, func(cs *store.Case) bool { return cs.ID == f.CaseID }) {
		f.fail("case", "repat.err.choose")
	}
	if f.Errors == nil {
		sc, err := s.cw.RecordScreening(r.Context(), c.principal(), in)
		if fe := fieldError(err); fe != nil {
			f.fail(screeningField(fe.Field), "repat.err.service", fe.Reason)
		} else if err != nil {
			return err
		} else {
			http.Redirect(w, r, "/persons/"+personID+"/screenings/new?saved="+sc.ID, http.StatusSeeOther)
			return nil
		}
	}
	return s.render(w, r, c, http.StatusUnprocessableEntity, "screening", "", msg("repat.scr.title_fix"), d)
}

// dossierData is the prosecutor's dossier: the screening beside, never
// mixed with, the charge evidence.
type dossierData struct {
	D           *casework.Dossier
	Name, Latin string
	Ref         string
	Present     []store.IndicatorFinding
	// CanAdd: the reader may file charge evidence (the form is shown);
	// Form is the form as typed, Kinds and TLPs its choices; Refused is
	// the service's refusal of it, Done says an item was just filed.
	CanAdd  bool
	Form    chargeForm
	Kinds   []string
	TLPs    []string
	Refused *refusal
	Done    bool
}

// chargeForm is the form that files an item of charge evidence.
type chargeForm struct {
	Charge, Kind, Description, Ref, CollectedAt, CollectedBy, TLP string
}

// dossierPage shows a person's dossier to those the policy lets read both
// screenings and charge evidence; everyone else gets the service's refusal.
func (s *Server) dossierPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.dossierData(r, c)
	if err != nil {
		return err
	}
	d.Done = r.URL.Query().Get("done") == "evidence"
	// The page names the person; its title does not (see personPage).
	return s.render(w, r, c, http.StatusOK, "dossier", "", msg("repat.dos.title"), d)
}

// dossierEvidence files an item of charge evidence from the dossier's
// form and goes back to the dossier; a refusal comes back on the dossier
// with the form as typed.
func (s *Server) dossierEvidence(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	f := chargeForm{}
	for _, v := range []struct {
		dst  *string
		name string
	}{{&f.Charge, "charge"}, {&f.Kind, "kind"}, {&f.Description, "description"}, {&f.Ref, "ref"},
		{&f.CollectedAt, "collected_at"}, {&f.CollectedBy, "collected_by"}, {&f.TLP, "tlp"}} {
		*v.dst = strings.TrimSpace(r.PostFormValue(v.name))
	}
	in := &casework.EvidenceInput{PersonID: id, TLP: f.TLP, Charge: f.Charge, Kind: f.Kind,
		Description: f.Description, Ref: f.Ref, CollectedBy: f.CollectedBy}
	var err error
	if f.CollectedAt != "" {
		if in.CollectedAt, err = time.Parse(time.DateOnly, f.CollectedAt); err != nil {
			err = &casework.FieldError{Field: "collected_at", Reason: "not a date (YYYY-MM-DD)"}
		}
	}
	if err == nil {
		_, err = s.cw.AddChargeEvidence(r.Context(), c.principal(), in)
	}
	if err == nil {
		http.Redirect(w, r, "/persons/"+id+"/dossier?done=evidence", http.StatusSeeOther)
		return nil
	}
	ref, code, err := caseworkRefusal(err, c.lang)
	if err != nil {
		return err
	}
	d, err := s.dossierData(r, c)
	if err != nil {
		return err
	}
	d.Form, d.Refused = f, ref
	return s.render(w, r, c, code, "dossier", "", msg("repat.dos.title"), d)
}

// dossierData reads the dossier of the person the path names.
func (s *Server) dossierData(r *http.Request, c *reqCtx) (*dossierData, error) {
	dos, err := s.cw.GetDossier(r.Context(), c.principal(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	d := &dossierData{D: dos, Ref: personRef(dos.Person), CanAdd: c.principal().Can(auth.ActionWriteChargeEvidence),
		Form: chargeForm{TLP: store.TLPAmberStrict}, Kinds: casework.ChargeKinds, TLPs: triageTLPs}
	d.Name, d.Latin = personLabel(dos.Person)
	if dos.Screening != nil {
		for _, ind := range dos.Screening.Indicators {
			if ind.Present {
				d.Present = append(d.Present, ind)
			}
		}
	}
	return d, nil
}
