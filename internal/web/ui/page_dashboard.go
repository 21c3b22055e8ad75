package ui

import (
	"net/http"
	"time"

	"counterscam/internal/intel"
)

// periods are the dashboard's windows.
var periods = []struct {
	Key string
	D   time.Duration
}{{"1d", 24 * time.Hour}, {"7d", 7 * 24 * time.Hour}, {"30d", 30 * 24 * time.Hour}, {"all", 0}}

// dashboardData is the dashboard page.
type dashboardData struct {
	Period  string
	Periods []string
	D       *intel.Dashboard
}

// dashboardPage shows what changed in the period: new reports, the
// networks they went into, and infrastructure they share with others.
func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d := &dashboardData{Period: "7d"}
	var since time.Time
	want := r.URL.Query().Get("period")
	for _, p := range periods {
		d.Periods = append(d.Periods, p.Key)
		if p.Key == want {
			d.Period = want
		}
	}
	for _, p := range periods {
		if p.Key == d.Period && p.D > 0 {
			since = now().Add(-p.D)
		}
	}
	db, err := s.svc.Dashboard(r.Context(), c.principal(), since)
	if err != nil {
		return err
	}
	d.D = db
	return s.render(w, r, c, http.StatusOK, "dashboard", "dashboard", msg("dash.title"), d)
}
