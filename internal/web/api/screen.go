package api

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"counterscam/internal/screen"
)

type screenRequest struct {
	Text string `json:"text"`
	Lang string `json:"lang,omitempty"` // language of the messages; default the text's
}

// screenBodyLimit leaves room for JSON escaping around the text limit.
func (s *Server) screenBodyLimit() int64 { return int64(s.screener.MaxBytes())*6 + 1024 }

func (s *Server) screenText(w http.ResponseWriter, r *http.Request) error {
	if s.screener == nil {
		return errorf(http.StatusNotFound, "the screener is not enabled on this server")
	}
	var req screenRequest
	if err := readJSON(w, r, s.screenBodyLimit(), &req); err != nil {
		return err
	}
	if langs := s.screenLangs(); req.Lang != "" && !slices.Contains(langs, req.Lang) {
		return errorf(http.StatusBadRequest, "lang: one of "+strings.Join(langs, ", ")+" (the languages of the screener's messages), or none for the text's own")
	}
	res, err := s.screener.Assess(r.Context(), req.Text, screen.Options{Lang: req.Lang})
	switch {
	case errors.Is(err, screen.ErrEmpty):
		return errorf(http.StatusBadRequest, "text: empty; send the job ad or message to screen")
	case errors.Is(err, screen.ErrNotText):
		return errorf(http.StatusBadRequest, "text: not text (binary data)")
	case errors.Is(err, screen.ErrTooLarge):
		return errorf(http.StatusRequestEntityTooLarge, "text: longer than "+strconv.Itoa(s.screener.MaxBytes()/1024)+" KiB; send the ad or message itself")
	case err != nil:
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// screenLangs are the languages the screener's rule files are written in
// (those for every language, "*", aside), sorted: those its messages can
// be asked in.
func (s *Server) screenLangs() []string {
	var langs []string
	for _, f := range s.screener.Ruleset().Files {
		if f.Lang != "" && f.Lang != "*" && !slices.Contains(langs, f.Lang) {
			langs = append(langs, f.Lang)
		}
	}
	slices.Sort(langs)
	return langs
}
