package ui

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/google/uuid"
	"github.com/oklog/ulid/v2"

	"counterscam/internal/auth"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
)

// reportPage shows one report the member may read. A report the member
// may not read answers exactly as one that does not exist.
func (s *Server) reportPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := ulid.ParseStrict(id); err != nil {
		return errNotFound
	}
	rep, err := s.svc.GetReport(r.Context(), c.principal(), id)
	if err != nil {
		return err
	}
	readers, err := s.svc.REDReaders(r.Context(), c.principal(), rep)
	if err != nil {
		return err
	}
	return s.render(w, r, c, http.StatusOK, "report_view", "", msg("rep.title", rep.ID), reportViewData{Report: rep, Readers: readers})
}

// reportViewData is one report's page: the report, and for TLP:RED who may
// read it.
type reportViewData struct {
	*store.Report
	Readers []string
}

// selectorData is one selector's page.
type selectorData struct {
	V       *intel.SelectorView
	CanMark bool
	Done    string // the mark just made, for the notice
	More    int    // reports naming it beyond those listed
	MoreURL string // the search listing them
}

// selectorReportsShown is how many of a selector's reports its page
// lists, oldest first; the search pages on from there.
var selectorReportsShown = 100

func (s *Server) selectorPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := uuid.Parse(id); err != nil {
		return errNotFound
	}
	v, err := s.svc.Selector(r.Context(), c.principal(), id, selectorReportsShown)
	if err != nil {
		return err
	}
	d := &selectorData{V: v, CanMark: c.principal().Can(auth.ActionMarkSelector)}
	if more := v.Stats.Reports - len(v.Reports); more > 0 && len(v.Reports) > 0 {
		d.More = more
		d.MoreURL = searchURL(v.Value, v.Reports[len(v.Reports)-1].ID)
	}
	if done := r.URL.Query().Get("done"); markFlags[done] != nil {
		d.Done = done
	}
	return s.render(w, r, c, http.StatusOK, "selector", "", msg("sel.title", v.Display), d)
}

// markFlags are the marks an analyst can make on a selector.
var markFlags = map[string]func() store.SelectorFlags{
	"confirm":   func() store.SelectorFlags { return store.SelectorFlags{Confirmed: ptr(true), Withdrawn: ptr(false)} },
	"unconfirm": func() store.SelectorFlags { return store.SelectorFlags{Confirmed: ptr(false)} },
	"withdraw":  func() store.SelectorFlags { return store.SelectorFlags{Withdrawn: ptr(true), Confirmed: ptr(false)} },
	"restore":   func() store.SelectorFlags { return store.SelectorFlags{Withdrawn: ptr(false)} },
	"nolink":    func() store.SelectorFlags { return store.SelectorFlags{NoLink: ptr(true)} },
	"link":      func() store.SelectorFlags { return store.SelectorFlags{NoLink: ptr(false)} },
}

func ptr[T any](v T) *T { return &v }

// selectorMarks confirms a selector for public listing, withdraws it, or
// marks it "does not link" (which can split networks).
func (s *Server) selectorMarks(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id := r.PathValue("id")
	if _, err := uuid.Parse(id); err != nil {
		return errNotFound
	}
	act := r.PostFormValue("mark")
	flags, ok := markFlags[act]
	if !ok {
		return &pageError{Code: http.StatusBadRequest, Key: "error.bad_request"}
	}
	if err := s.svc.MarkSelector(r.Context(), c.principal(), id, flags()); err != nil {
		return err
	}
	http.Redirect(w, r, "/selectors/"+id+"?done="+act, http.StatusSeeOther)
	return nil
}

// searchData is the search page.
type searchData struct {
	Q       string
	Reports []*store.Report
	Done    bool
	Error   *message
	Limit   int
	After   string // the page lists the reports after this one
	NextURL string
	// Readings: a number typed without its country code, as a number of
	// each country where it is one, each to search with a click (read as
	// typed, it was searched as text, or as a number of the searcher's
	// country).
	Readings []selector.Selector
}

// searchLimit is how many reports a search page lists.
var searchLimit = 100

// searchURL is the search for q, listing the reports after the one with
// ID after ("" for the first page).
func searchURL(q, after string) string {
	v := url.Values{"q": {q}}
	if after != "" {
		v.Set("after", after)
	}
	return "/search?" + v.Encode()
}

// searchPage finds reports by text or identifier (intel.Service.Search).
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d := &searchData{Q: strings.TrimSpace(r.URL.Query().Get("q")), Limit: searchLimit}
	if after := r.URL.Query().Get("after"); after != "" {
		if _, err := ulid.ParseStrict(after); err == nil {
			d.After = after
		}
	}
	if d.Q != "" {
		if len(d.Q) > intel.MaxSearchText {
			e := msg("search.err.long", fittingChars(d.Q, intel.MaxSearchText))
			d.Error = &e
		} else {
			reps, err := s.svc.Search(r.Context(), c.principal(), d.Q, store.ReportFilter{Limit: searchLimit, After: d.After})
			if err != nil {
				return err
			}
			d.Reports, d.Done = reps, true
			if len(reps) == searchLimit {
				d.NextURL = searchURL(d.Q, reps[len(reps)-1].ID)
			}
			if _, err := selector.Parse(d.Q, selector.Options{}); err != nil && d.After == "" {
				d.Readings = s.svc.NationalReadings(d.Q)
			}
		}
	}
	return s.render(w, r, c, http.StatusOK, "search", "search", msg("search.title"), d)
}
