package ui

import (
	"counterscam/internal/auth"
	"errors"
	"net/http"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/casework"
	"counterscam/internal/trust"
)

// missingData is the public missing person form's page.
type missingData struct {
	Form       *missingForm
	Regions    []string
	Currencies []string
	Relations  []string
	Sexes      []string
	Numbers    []callNumber
}

// callNumber is a number to call now, as its agency publishes it.
type callNumber struct {
	Shown string // as printed
	Tel   string // for a tel: link; "" when it is dialled only locally
	Key   string // whose number it is (a message)
}

// callNumbers are the numbers the missing person pages print: only those
// the agencies themselves published (MOFA's 0404.go.kr advice on
// Cambodia, and the safety page's sources).
var callNumbers = []callNumber{
	{"112", "112", "missing.num.kr_police"},
	{"+82-2-3210-0404", "+82232100404", "missing.num.mofa"},
	{"117", "", "missing.num.kh_police"},
	{"+855 97 911 7117", "+855979117117", "missing.num.kh_telegram"},
}

func (s *Server) missingData(f *missingForm) *missingData {
	return &missingData{Form: f, Regions: regions, Currencies: formCurrencies, Relations: reporterRelations,
		Sexes: []string{"F", "M", "X"}, Numbers: callNumbers}
}

// missingFormPage shows the form a family fills in when a relative is missing
// or held abroad.
func (s *Server) missingFormPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := &missingForm{Nationality: defaultRegion(c.lang), Currency: defaultCurrency(c.lang)}
	return s.render(w, r, c, http.StatusOK, "missing", "missing", msg("missing.title"), s.missingData(f))
}

// missingSubmit files the report as the public's intake: GREEN, from the
// public origin, through casework.CreateIntake. A form with mistakes comes
// back as typed; filings count against the client's hourly budget of
// public reports (a bucket of their own).
func (s *Server) missingSubmit(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := readMissingForm(r.PostForm)
	in := f.input(now(), c.lang)
	if len(f.Errors) > 0 {
		return s.render(w, r, c, http.StatusUnprocessableEntity, "missing", "missing", msg("missing.title_fix"), s.missingData(f))
	}
	if err := limit(s.reports, "missing:"+auth.SourceKey(c.addr)); err != nil {
		return err
	}
	rec, err := s.cw.CreateIntake(r.Context(), trust.Public(c.addr), in)
	var fe *casework.FieldError
	switch {
	case errors.As(err, &fe) && rec == nil:
		f.fail(missingField(fe.Field), "people.err.field", fe.Reason)
		return s.render(w, r, c, http.StatusUnprocessableEntity, "missing", "missing", msg("missing.title_fix"), s.missingData(f))
	case err != nil && rec == nil:
		return err
	case err != nil:
		// Stored, but its selectors did not reach the intelligence graph:
		// the family still gets the reference; the cause is logged.
		s.log.Error("missing person intake stored without its report", "intake", rec.ID, "err", err)
	}
	http.Redirect(w, r, "/missing/sent?ref="+rec.ID, http.StatusSeeOther)
	return nil
}

// missingField is the form field of a casework input field.
func missingField(f string) string {
	switch f {
	case "name", "name_latin":
		return "name"
	case "date_of_birth":
		return "dob"
	case "passport_number":
		return "passport"
	case "last_location":
		return "location"
	case "recruiter_handle":
		return "recruiter"
	case "job_ad", "narrative":
		return f
	case "ransom", "ransom_account":
		return "amount"
	case "reporter_name":
		return "rep_name"
	case "reporter_phone":
		return "rep_phone"
	case "reporter_email":
		return "rep_email"
	}
	return "name"
}

// missingSent confirms the intake with its reference and says what
// happens next.
func (s *Server) missingSent(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	ref := r.URL.Query().Get("ref")
	if _, err := ulid.ParseStrict(ref); err != nil {
		return errNotFound
	}
	d := struct {
		Ref     string
		Numbers []callNumber
	}{ref, callNumbers}
	return s.render(w, r, c, http.StatusOK, "missing_sent", "missing", msg("missing.sent_title"), d)
}
