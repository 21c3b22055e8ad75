// Package ui is counterscam's web interface, served beside the JSON API:
// the public pages (check an identifier or a whole message, report a scam,
// stay safe) and the analysts' workspace (dashboard, networks with their
// graph, reports, selectors, search, import). Pages are rendered on the
// server from embedded html/template files in English, Korean and Khmer;
// the little JavaScript there is only enhances them.
//
// Handlers hold no business rule: they read a form, call the intelligence
// and trust services with the Principal of the person asking, and render.
package ui

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"counterscam/internal/casework"
	"counterscam/internal/intel"
	"counterscam/internal/screen"
	"counterscam/internal/trust"
)

// Options configure a Server.
type Options struct {
	Logger *slog.Logger
	// Screener judges pasted messages on the check page; nil leaves the
	// verdict out.
	Screener *screen.Screener
	// CheckRate is how many public checks a client address may make a
	// second (burst ten times that). Default 20.
	CheckRate float64
	// ReportsPerHour is how many public reports a client address may file
	// an hour (burst: the same number). Default 10.
	ReportsPerHour float64
	// SecureCookies marks cookies Secure even on plain HTTP requests, for
	// a server behind a proxy that ends TLS. Requests that arrive over TLS
	// always get Secure cookies.
	SecureCookies bool
	// ImportDir is where uploaded import files wait for their job; default
	// the system's temporary folder.
	ImportDir string
	// Casework is the people-and-repatriation service behind the missing
	// person form and the consular pages; nil leaves those pages out.
	Casework *casework.Service
}

// Server serves the pages.
type Server struct {
	svc      *intel.Service
	trust    *trust.Service
	cw       *casework.Service
	screener *screen.Screener
	log      *slog.Logger
	opts     Options
	cat      *catalog
	views    *views
	assets   *assets
	checks   *rateLimiter
	reports  *rateLimiter
	jobs     *importJobs
	lists    *partnerLists // uploaded partner lists under review
	mux      *http.ServeMux
}

// New builds the web interface over the services. It parses and checks
// every template and message catalogue, and fails if one is broken.
func New(svc *intel.Service, ts *trust.Service, o Options) (*Server, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.CheckRate <= 0 {
		o.CheckRate = 20
	}
	if o.ReportsPerHour <= 0 {
		o.ReportsPerHour = 10
	}
	cat, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	as, err := loadAssets()
	if err != nil {
		return nil, err
	}
	vs, err := parseViews(cat, as)
	if err != nil {
		return nil, err
	}
	s := &Server{
		svc: svc, trust: ts, cw: o.Casework, screener: o.Screener, log: o.Logger, opts: o,
		cat: cat, views: vs, assets: as,
		checks:  newRateLimiter(o.CheckRate, o.CheckRate*10),
		reports: newRateLimiter(o.ReportsPerHour/3600, o.ReportsPerHour),
		jobs:    newImportJobs(o.ImportDir),
		lists:   &partnerLists{lists: map[string]*partnerList{}},
		mux:     http.NewServeMux(),
	}
	for _, rt := range s.routes() {
		h := rt.h
		if rt.member {
			h = s.member(h)
		}
		s.mux.Handle(rt.pattern, s.wrap(h))
	}
	s.mux.Handle("GET /static/{file...}", http.HandlerFunc(s.assets.serve))
	s.mux.Handle("/", s.wrap(func(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
		return errNotFound
	}))
	return s, nil
}

// route is one entry of the route table.
type route struct {
	pattern string
	h       handler
	member  bool // signed-in members only
}

func (s *Server) routes() []route {
	rs := s.intelRoutes()
	if s.cw != nil {
		rs = append(rs, s.intakeRoutes()...)
		rs = append(rs, s.repatriationRoutes()...)
		rs = append(rs, s.referralRoutes()...)
		rs = append(rs, s.placesRoutes()...)
	}
	return rs
}

// intelRoutes are the public pages and the intelligence workspace.
func (s *Server) intelRoutes() []route {
	return []route{
		{"GET /{$}", s.checkPage, false},
		{"GET /report", s.reportForm, false},
		{"POST /report", s.reportSubmit, false},
		{"GET /report/sent", s.reportSent, false},
		{"GET /safety", s.safetyPage, false},
		{"GET /login", s.loginForm, false},
		{"POST /login", s.loginSubmit, false},
		{"POST /logout", s.logout, true},
		{"GET /dashboard", s.dashboardPage, true},
		{"GET /networks", s.networksPage, true},
		{"GET /networks/{id}", s.networkPage, true},
		{"GET /networks/{id}/graph.json", s.networkGraphJSON, true},
		{"GET /networks/{id}/stix.json", s.networkSTIX, true},
		{"GET /networks/{id}/misp.json", s.networkMISP, true},
		{"GET /reports/{id}", s.reportPage, true},
		{"GET /selectors/{id}", s.selectorPage, true},
		{"POST /selectors/{id}/marks", s.selectorMarks, true},
		{"GET /search", s.searchPage, true},
		{"GET /import", s.importForm, true},
		{"POST /import", s.importSubmit, true},
		{"GET /import/{job}", s.importPage, true},
		{"GET /import/{job}/status.json", s.importStatus, true},
	}
}

// ServeHTTP serves the pages.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Close stops the import jobs still running and waits for them (each
// stores the batch in flight first), at most until ctx ends.
func (s *Server) Close(ctx context.Context) error { return s.jobs.close(ctx) }

// now is the server's clock.
func now() time.Time { return time.Now() }
