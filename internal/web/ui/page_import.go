package ui

import (
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/intake"
)

// importFormData is the upload form.
type importFormData struct {
	Format string
	Error  *message
}

var importFormats = []string{"auto", "csv", "jsonl"}

func (s *Server) importForm(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if !c.principal().Can(auth.ActionImport) {
		return errForbidden
	}
	return s.render(w, r, c, http.StatusOK, "import", "import", msg("import.title"), &importFormData{Format: "auto"})
}

var errForbidden = &pageError{Code: http.StatusForbidden, Key: "error.forbidden"}

// importSubmit takes the uploaded file and starts its import job.
func (s *Server) importSubmit(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	p := c.principal()
	if !p.Can(auth.ActionImport) {
		return errForbidden
	}
	d := &importFormData{Format: r.PostFormValue("format")}
	if !oneOfStr(d.Format, importFormats) {
		d.Format = "auto"
	}
	fail := func(key string) error {
		e := msg(key)
		d.Error = &e
		return s.render(w, r, c, http.StatusUnprocessableEntity, "import", "import", msg("import.title"), d)
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return fail("import.err.no_file")
	}
	defer file.Close()
	if hdr.Size == 0 {
		return fail("import.err.empty")
	}
	format, _ := intake.ParseFormat(d.Format)
	name := filepath.Base(strings.ReplaceAll(hdr.Filename, "\\", "/"))
	job, err := s.jobs.start(s.svc, p, name, file, format, s.log)
	if errors.Is(err, errJobRunning) {
		return fail("import.err.running")
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/import/"+job.ID, http.StatusSeeOther)
	return nil
}

// importJobData is a job's page and its polled status.
type importJobData struct {
	ID       string       `json:"id"`
	File     string       `json:"file"`
	Size     int64        `json:"size"`
	Percent  int          `json:"percent"`
	State    importState  `json:"-"`
	Status   string       `json:"status"`
	Counts   importCounts `json:"counts"`
	Failure  string       `json:"failure,omitempty"`
	Finished bool         `json:"finished"`
}

type importCounts struct {
	Read       int `json:"read"`
	Inserted   int `json:"inserted"`
	Duplicates int `json:"duplicates"`
	Rejected   int `json:"rejected"`
}

func (s *Server) importJobData(r *http.Request, c *reqCtx) (*importJobData, error) {
	j, ok := s.jobs.get(r.PathValue("job"), c.principal())
	if !ok {
		return nil, errNotFound
	}
	st := j.snapshot()
	d := &importJobData{ID: j.ID, File: j.File, Size: j.Size, State: st, Status: st.Status,
		Counts:   importCounts{Read: st.Read, Inserted: st.Inserted, Duplicates: st.Duplicates, Rejected: st.Rejected},
		Finished: st.Status != "running"}
	if j.Size > 0 {
		d.Percent = int(min(100, st.Offset*100/j.Size))
	}
	if st.Failure != "" {
		d.Failure, _ = s.cat.T(c.lang, st.Failure)
	}
	return d, nil
}

func (s *Server) importPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.importJobData(r, c)
	if err != nil {
		return err
	}
	return s.render(w, r, c, http.StatusOK, "import_job", "import", msg("job.title", d.File), d)
}

// importStatus is the job's progress for the page's script to poll.
func (s *Server) importStatus(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	d, err := s.importJobData(r, c)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	return json.NewEncoder(w).Encode(d)
}
