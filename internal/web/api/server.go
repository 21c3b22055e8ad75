// Package api is counterscam's JSON API under /api/v1: reports, networks,
// selectors, the public check, the partners' bulk check and the private
// range check. Handlers hold no business rule: they decode, call the
// intelligence service and encode.
package api

import (
	"counterscam/internal/auth"
	_ "embed"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/screen"
	"counterscam/internal/trust"
)

// Body limits.
const (
	maxCheckBody  = 16 << 10
	maxBatchBody  = 4 << 20
	maxReportBody = 256 << 10
	MaxBatch      = 1000
)

//go:embed openapi.json
var openapiDoc []byte

// Server serves the API.
type Server struct {
	svc      *intel.Service
	trust    *trust.Service
	screener *screen.Screener
	log      *slog.Logger
	limiter  *rateLimiter
	mux      *http.ServeMux
	started  time.Time

	// paths matches a request's path alone against the routes' patterns,
	// and allow holds each pattern's methods: a served path asked with
	// another method answers 405 with them.
	paths *http.ServeMux
	allow map[string][]string
}

// Options configure a Server.
type Options struct {
	// CheckRate is how many public checks a client address may make a
	// second (burst: ten times that). Default 20.
	CheckRate float64
	Logger    *slog.Logger
	// Screener serves POST /api/v1/screen; nil answers 404 there.
	Screener *screen.Screener
}

// route is one entry of the route table; the OpenAPI document is tested
// against it.
type route struct {
	method, pattern string
	h               handler
	access          access
}

// access is who may call a route.
type access int

const (
	open     access = iota // anyone; a token, if sent, must be valid
	limited                // anyone, rate-limited per client address
	signedIn               // a valid bearer token (401 without)
)

func (s *Server) routes() []route {
	return []route{
		{"GET", "/api/v1/health", s.health, open},
		{"GET", "/api/v1/openapi.json", s.openapi, open},
		{"POST", "/api/v1/reports", s.createReport, signedIn},
		{"GET", "/api/v1/reports", s.searchReports, signedIn},
		{"GET", "/api/v1/reports/{id}", s.getReport, signedIn},
		{"GET", "/api/v1/export/reports", s.exportReports, signedIn},
		{"GET", "/api/v1/export/stix", s.exportSTIX, signedIn},
		{"GET", "/api/v1/export/misp", s.exportMISP, signedIn},
		{"GET", "/api/v1/networks", s.listNetworks, signedIn},
		{"GET", "/api/v1/networks/{id}", s.getNetwork, signedIn},
		{"GET", "/api/v1/selectors/{id}", s.getSelector, signedIn},
		{"POST", "/api/v1/selectors/{id}/marks", s.markSelector, signedIn},
		{"POST", "/api/v1/check", s.check, limited},
		{"POST", "/api/v1/check/batch", s.checkBatch, signedIn},
		{"GET", "/api/v1/range/{prefix}", s.rangeCheck, limited},
		{"GET", "/api/v1/stats", s.stats, open},
		{"POST", "/api/v1/screen", s.screenText, limited},
	}
}

// New builds the API server over the intelligence and trust services.
func New(svc *intel.Service, ts *trust.Service, o Options) *Server {
	if o.CheckRate <= 0 {
		o.CheckRate = 20
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	s := &Server{svc: svc, trust: ts, screener: o.Screener, log: o.Logger, limiter: newRateLimiter(o.CheckRate, int(o.CheckRate*10)), mux: http.NewServeMux(), started: time.Now(),
		paths: http.NewServeMux(), allow: map[string][]string{}}
	for _, rt := range s.routes() {
		if s.allow[rt.pattern] == nil {
			s.paths.Handle(rt.pattern, http.NotFoundHandler())
		}
		s.allow[rt.pattern] = append(s.allow[rt.pattern], rt.method)
		if rt.method == http.MethodGet {
			s.allow[rt.pattern] = append(s.allow[rt.pattern], http.MethodHead)
		}
		slices.Sort(s.allow[rt.pattern])
	}
	for _, rt := range s.routes() {
		h := rt.h
		if rt.access == limited {
			h = s.limited(h)
		}
		s.mux.Handle(rt.method+" "+rt.pattern, s.wrap(s.authenticated(rt.access, h)))
	}
	s.mux.Handle("/api/", s.wrap(s.noRoute))
	return s
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) wrap(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v)
				writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
			}
		}()
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// limited rate-limits h per client address, answering 429 with Retry-After.
func (s *Server) limited(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if ok, wait := s.limiter.allow(auth.SourceKey(clientAddr(r)), time.Now()); !ok {
			secs := int(wait/time.Second) + 1
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			return errorf(http.StatusTooManyRequests, "too many requests from your address: try again in "+strconv.Itoa(secs)+" s")
		}
		return h(w, r)
	}
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.svc.Stats(r.Context(), trust.Public(clientAddr(r))); err != nil {
		return &httpError{Code: http.StatusServiceUnavailable, Msg: "store unavailable", Err: err}
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "uptime_seconds": int(time.Since(s.started).Seconds())})
	return nil
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openapiDoc)
	return err
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	c, err := s.svc.Stats(r.Context(), principal(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]int{"reports": c.Reports, "selectors": c.Selectors, "networks": c.Networks})
	return nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// noRoute answers a request no route takes: 405 with the methods in Allow
// when its path is served with another method, else 404.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) error {
	_, pattern := s.paths.Handler(r)
	methods := s.allow[pattern]
	if len(methods) == 0 {
		return errorf(http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	use := slices.DeleteFunc(slices.Clone(methods), func(m string) bool { return m == http.MethodHead })
	return errorf(http.StatusMethodNotAllowed, r.Method+" "+r.URL.Path+": not allowed; use "+strings.Join(use, " or "))
}
