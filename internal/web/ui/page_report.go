package ui

import (
	"counterscam/internal/auth"
	"net/http"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/intel"
	"counterscam/internal/trust"
)

// reportData is the public report form's page.
type reportData struct {
	Form       *reportForm
	ScamTypes  []string
	Regions    []string
	Currencies []string
}

func (s *Server) reportData(f *reportForm) *reportData {
	return &reportData{Form: f, ScamTypes: intel.ScamTypes, Regions: regions, Currencies: formCurrencies}
}

func (s *Server) reportForm(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := &reportForm{Country: defaultRegion(c.lang), Currency: defaultCurrency(c.lang)}
	return s.render(w, r, c, http.StatusOK, "report", "report", msg("report.title"), s.reportData(f))
}

func defaultCurrency(lang string) string {
	switch lang {
	case "ko":
		return "KRW"
	case "km":
		return "USD"
	}
	return "USD"
}

// reportSubmit files the public's report: GREEN, from the public origin,
// through the same service call as every other report; a form with
// mistakes comes back as typed, with what to fix next to each field.
func (s *Server) reportSubmit(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := readReportForm(r.PostForm)
	in := f.input(now())
	if len(f.Errors) > 0 {
		return s.render(w, r, c, http.StatusUnprocessableEntity, "report", "report", msg("report.title_fix"), s.reportData(f))
	}
	if err := limit(s.reports, auth.SourceKey(c.addr)); err != nil {
		return err
	}
	rep, _, err := s.svc.CreateReport(r.Context(), trust.Public(c.addr), in)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/report/sent?ref="+rep.ID, http.StatusSeeOther)
	return nil
}

// reportSent confirms a report with its reference.
func (s *Server) reportSent(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	ref := r.URL.Query().Get("ref")
	if _, err := ulid.ParseStrict(ref); err != nil {
		return errNotFound
	}
	return s.render(w, r, c, http.StatusOK, "report_sent", "report", msg("sent.title"), ref)
}
