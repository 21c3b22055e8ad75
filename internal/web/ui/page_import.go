package ui

import (
	"encoding/json"
	"errors"
	"io"
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
	// Errors are the fields' own: "file" and "mapping".
	Errors map[string][]message
}

// importMappingMaxBytes bounds an uploaded mapping file: a mapping names
// columns and a few translations, far less than this.
const importMappingMaxBytes = 64 << 10

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
	fieldErr := func(field, key string, args ...any) {
		if d.Errors == nil {
			d.Errors = map[string][]message{}
		}
		d.Errors[field] = append(d.Errors[field], msg(key, args...))
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		fieldErr("file", "import.err.no_file")
	} else {
		defer file.Close()
		if hdr.Size == 0 {
			fieldErr("file", "import.err.empty")
		}
	}
	mapping, mappingName, mkey, margs := readImportMapping(r)
	if mkey != "" {
		fieldErr("mapping", mkey, margs...)
	}
	if d.Errors != nil {
		return s.render(w, r, c, http.StatusUnprocessableEntity, "import", "import", msg("import.title"), d)
	}
	format, _ := intake.ParseFormat(d.Format)
	name := uploadName(hdr.Filename)
	job, err := s.jobs.start(s.svc, p, name, file, format, mapping, mappingName, s.log)
	if errors.Is(err, errJobRunning) {
		return fail("import.err.running")
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/import/"+job.ID, http.StatusSeeOther)
	return nil
}

// uploadName is an uploaded file's base name, whichever separator the
// sender's system uses.
func uploadName(filename string) string {
	return filepath.Base(strings.ReplaceAll(filename, "\\", "/"))
}

// readImportMapping reads the optional mapping file with the same
// intake.LoadMapping as `counterscam import --mapping`. With no file it
// returns nil and no error; otherwise the file's name, and when it cannot
// be used a message key and its arguments: the name, and what is wrong
// and where in the page's language (see mappingMessage).
func readImportMapping(r *http.Request) (m *intake.Mapping, name, key string, args []any) {
	fh, hdr, err := r.FormFile("mapping")
	if errors.Is(err, http.ErrMissingFile) {
		return nil, "", "", nil
	}
	if err != nil {
		return nil, "", "import.err.mapping_unreadable", nil
	}
	defer fh.Close()
	name = uploadName(hdr.Filename)
	switch {
	case hdr.Size == 0:
		return nil, name, "import.err.mapping_empty", []any{name}
	case hdr.Size > importMappingMaxBytes:
		return nil, name, "import.err.mapping_too_big", []any{name, importMappingMaxBytes >> 10}
	}
	m, err = intake.LoadMapping(io.LimitReader(fh, importMappingMaxBytes))
	var me *intake.MappingError
	switch {
	case errors.As(err, &me):
		e := mappingMessage(name, me)
		return nil, name, e.Key, e.Args
	case err != nil:
		return nil, name, "import.err.mapping", []any{name, strings.TrimPrefix(err.Error(), "mapping: ")}
	}
	return m, name, "", nil
}

// importJobData is a job's page and its polled status.
type importJobData struct {
	ID       string       `json:"id"`
	File     string       `json:"file"`
	Mapping  string       `json:"mapping,omitempty"`
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
	d := &importJobData{ID: j.ID, File: j.File, Mapping: j.Mapping, Size: j.Size, State: st, Status: st.Status,
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
