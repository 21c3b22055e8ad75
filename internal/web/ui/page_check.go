package ui

import (
	"counterscam/internal/auth"
	"errors"
	"net/http"
	"strings"

	"counterscam/internal/intel"
	"counterscam/internal/screen"
	"counterscam/internal/selector"
)

// Regions a national phone number or account may belong to, for the
// check and the report form; "" means "from the page's language".
var regions = intel.CheckRegions

// defaultRegion reads national numbers as the page's language suggests:
// a Korean page's "010-..." is Korean, a Khmer page's "012 ..." Cambodian.
func defaultRegion(lang string) string {
	switch lang {
	case "ko":
		return "KR"
	case "km":
		return "KH"
	}
	return ""
}

func knownRegion(r string) bool {
	for _, x := range regions {
		if x == r {
			return true
		}
	}
	return false
}

// checkData is the check page.
type checkData struct {
	Query   string
	Region  string // as chosen ("" for the default)
	Regions []string
	Checked bool
	Error   *message
	Results []*intel.CheckResult
	Listed  int
	Screen  *screenView
	// Readings: a lone number typed without its country code, as a
	// number of each country where it is one, to check with a click.
	Readings []selector.Selector
	// Mistyped: a lone value that is a wallet address in its format but
	// for its checksum, most likely with a character mistyped or lost in
	// copying (the check names the failed checksum, or, where the value
	// could be of another kind too, calls it no kind of value at all).
	Mistyped *selector.Error
}

// screenView is the lure screener's verdict, ready to show.
type screenView struct {
	Level    string
	Kind     string
	Score    int
	Reasons  []screen.Reason
	Segments []segmentView
	// Warnings and Good are the reasons, numbered from 1 in Reasons'
	// order: the warning signs, and the signs of a genuine offer (a
	// negative weight), which are listed apart.
	Warnings, Good []numberedReason
}

// numberedReason is a reason's number (from 1) and message.
type numberedReason struct {
	N       int
	Message string
}

// segmentView is a piece of the screened text and the numbers (from 1) of
// the reasons that cover it; Good when all of them are signs of a genuine
// offer.
type segmentView struct {
	Text    string
	Reasons []int
	Good    bool
}

// checkPage is the public check: one box for a value or a whole message.
// GET only, so /?q=VALUE links straight to an answer.
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	q := r.URL.Query()
	d := &checkData{Query: q.Get("q"), Region: strings.ToUpper(q.Get("region")), Regions: regions}
	if !knownRegion(d.Region) {
		d.Region = ""
	}
	text := strings.TrimSpace(d.Query)
	if text != "" {
		if err := s.runCheck(r, c, d, text); err != nil {
			return err
		}
	}
	return s.render(w, r, c, http.StatusOK, "check", "check", msg("check.title"), d)
}

func (s *Server) runCheck(r *http.Request, c *reqCtx, d *checkData, text string) error {
	if len(text) > intel.MaxCheckText {
		e := msg("check.too_long", fittingChars(text, intel.MaxCheckText))
		d.Error = &e
		return nil
	}
	if err := limit(s.checks, auth.SourceKey(c.addr)); err != nil {
		return err
	}
	region := d.Region
	if region == "" {
		region = defaultRegion(c.lang)
	}
	res, err := s.svc.CheckText(r.Context(), text, region)
	if err != nil {
		return err
	}
	d.Checked, d.Results = true, res
	for _, x := range res {
		if x.Status == intel.StatusListed {
			d.Listed++
		}
	}
	single := len(res) == 1 && strings.TrimSpace(res[0].Query) == text
	if single && (res[0].Status == intel.StatusInvalid || res[0].Accounts != nil) && d.Region == "" {
		// Not read in the page language's country (if any), and no
		// country chosen: offer the others where it is a number (also
		// beside the listed accounts with its digits).
		d.Readings = s.svc.NationalReadings(text)
	}
	if single && res[0].Status == intel.StatusInvalid && (res[0].Code == selector.CodeUnrecognised || res[0].Code == selector.CodeCryptoChecksum) {
		var se *selector.Error
		if _, err := selector.ParseAs(selector.Crypto, text, selector.Options{}); errors.As(err, &se) && se.Code == selector.CodeCryptoChecksum {
			d.Mistyped = se
		}
	}
	if s.screener == nil || single || len(strings.Fields(text)) < 3 {
		return nil
	}
	v, err := s.screen(r, c, text)
	if err != nil {
		return err
	}
	d.Screen = v
	return nil
}

// screen runs the lure screener on a pasted message, with its messages in
// the page's language.
func (s *Server) screen(r *http.Request, c *reqCtx, text string) (*screenView, error) {
	res, err := s.screener.Assess(r.Context(), text, screen.Options{Lang: c.lang})
	switch {
	case errors.Is(err, screen.ErrEmpty), errors.Is(err, screen.ErrNotText), errors.Is(err, screen.ErrTooLarge):
		return nil, nil
	case err != nil:
		return nil, err
	}
	v := &screenView{Level: string(res.Level), Kind: res.Kind, Score: res.Score, Reasons: res.Reasons}
	for i, r := range res.Reasons {
		if r.Weight < 0 {
			v.Good = append(v.Good, numberedReason{i + 1, r.Message})
		} else {
			v.Warnings = append(v.Warnings, numberedReason{i + 1, r.Message})
		}
	}
	for _, sg := range screen.Segments(text, res) {
		sv := segmentView{Text: sg.Text, Good: len(sg.Reasons) > 0}
		for _, i := range sg.Reasons {
			sv.Reasons = append(sv.Reasons, i+1)
			sv.Good = sv.Good && res.Reasons[i].Weight < 0
		}
		v.Segments = append(v.Segments, sv)
	}
	return v, nil
}

// safetyPage is what the agencies advise, and whom to call.
func (s *Server) safetyPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	return s.render(w, r, c, http.StatusOK, "safety", "safety", msg("safety.title"), nil)
}
