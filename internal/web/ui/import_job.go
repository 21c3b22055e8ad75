package ui

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// Import job limits.
const (
	importBatch      = 1000 // reports a transaction: small enough for smooth progress
	maxRejectsShown  = 1000 // reject rows a job keeps to show; the count goes on
	importJobsKept   = 24 * time.Hour
	importJobsPerUse = 1 // running jobs a member may have at once
)

// importJobs runs uploaded imports in the background, one goroutine each,
// through the same pipeline as `counterscam import`: intake.NewReader
// (with the uploaded mapping, if any), rec.Input(), Prepare, Submit in
// batches, with the member's Principal.
type importJobs struct {
	dir    string
	mu     sync.Mutex
	jobs   map[string]*importJob
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newImportJobs(dir string) *importJobs {
	ctx, cancel := context.WithCancel(context.Background())
	return &importJobs{dir: dir, jobs: map[string]*importJob{}, ctx: ctx, cancel: cancel}
}

// importJob is one import and its progress; the page polls a snapshot.
type importJob struct {
	ID, Owner, File string
	Mapping         string // the mapping file's name, "" when none
	Size            int64
	Started         time.Time

	mu    sync.Mutex
	state importState
}

// importState is a job's progress, copied out for the page.
type importState struct {
	Status     string // running, done, failed, stopped
	Offset     int64
	Read       int
	Inserted   int
	Duplicates int
	Rejected   int
	Rejects    []importReject
	Header     *importReject // what is wrong with a CSV file's header, when it is
	Failure    string        // a message key, when failed
	Finished   time.Time
}

func (j *importJob) snapshot() importState {
	j.mu.Lock()
	defer j.mu.Unlock()
	st := j.state
	st.Rejects = append([]importReject(nil), j.state.Rejects...)
	return st
}

func (j *importJob) update(fn func(*importState)) {
	j.mu.Lock()
	fn(&j.state)
	j.mu.Unlock()
}

// errJobRunning: the member already has an import running.
var errJobRunning = errors.New("an import of yours is still running")

// start copies the upload to a file of its own and starts the job over it.
func (js *importJobs) start(svc *intel.Service, p trust.Principal, name string, src io.Reader, format intake.Format, mapping *intake.Mapping, mappingName string, log *slog.Logger) (*importJob, error) {
	js.mu.Lock()
	running := 0
	for id, j := range js.jobs {
		st := j.snapshot()
		if st.Status != "running" && time.Since(st.Finished) > importJobsKept {
			delete(js.jobs, id)
		} else if j.Owner == p.UserID && st.Status == "running" {
			running++
		}
	}
	js.mu.Unlock()
	if running >= importJobsPerUse {
		return nil, errJobRunning
	}
	f, err := os.CreateTemp(js.dir, "counterscam-import-*")
	if err != nil {
		return nil, err
	}
	size, err := io.Copy(f, src)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	b := make([]byte, 12)
	rand.Read(b)
	j := &importJob{ID: hex.EncodeToString(b), Owner: p.UserID, File: name, Mapping: mappingName, Size: size, Started: now(), state: importState{Status: "running"}}
	js.mu.Lock()
	js.jobs[j.ID] = j
	js.mu.Unlock()
	js.wg.Add(1)
	go func() {
		defer js.wg.Done()
		defer os.Remove(f.Name())
		defer f.Close()
		err := j.run(js.ctx, svc, p, f, format, mapping)
		j.update(func(st *importState) {
			st.Finished = now()
			switch {
			case err == nil:
				st.Status = "done"
			case errors.Is(err, context.Canceled):
				st.Status, st.Failure = "stopped", "import.err.stopped"
			default:
				st.Status = "failed"
				st.Failure = "import.err.failed"
				var be *badFileError
				if errors.As(err, &be) {
					st.Failure = "import.err.format"
				}
				log.Error("import job failed", "job", j.ID, "err", err)
			}
		})
	}()
	return j, nil
}

// get returns the job if it is the member's.
func (js *importJobs) get(id string, p trust.Principal) (*importJob, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.jobs[id]
	if !ok || j.Owner != p.UserID {
		return nil, false
	}
	return j, true
}

func (js *importJobs) close(ctx context.Context) error {
	js.cancel()
	done := make(chan struct{})
	go func() { js.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// badFileError: the file is not one the reader can take at all.
type badFileError struct{ err error }

func (e *badFileError) Error() string { return e.err.Error() }
func (e *badFileError) Unwrap() error { return e.err }

// run streams the file into the store. A member imports only their own
// organisation's reports: a row naming another origin is rejected.
func (j *importJob) run(ctx context.Context, svc *intel.Service, p trust.Principal, f io.Reader, format intake.Format, mapping *intake.Mapping) error {
	rd, err := intake.NewReader(j.File, bufio.NewReaderSize(f, 1<<20), format, mapping)
	if err != nil {
		var re *intake.RowError
		if errors.As(err, &re) {
			j.update(func(st *importState) { st.Header = &importReject{RowError: *re} })
		}
		return &badFileError{err}
	}
	var (
		batch    []*store.Report
		contacts []*store.Contact
	)
	reject := func(re importReject) {
		j.update(func(st *importState) {
			st.Rejected++
			if len(st.Rejects) < maxRejectsShown {
				st.Rejects = append(st.Rejects, re)
			}
		})
	}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		// A batch read is stored even when the server is stopping.
		res, err := svc.Submit(context.WithoutCancel(ctx), p, batch, contacts)
		if err != nil {
			return err
		}
		j.update(func(st *importState) {
			for _, ok := range res.Inserted {
				if ok {
					st.Inserted++
				} else {
					st.Duplicates++
				}
			}
			st.Offset = rd.Offset()
		})
		batch, contacts = batch[:0], contacts[:0]
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			if ferr := flush(); ferr != nil {
				return ferr
			}
			return err
		}
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *intake.RowError
		if errors.As(err, &re) {
			j.update(func(st *importState) { st.Read++; st.Offset = rd.Offset() })
			reject(importReject{RowError: *re})
			continue
		}
		if err != nil {
			return &badFileError{err}
		}
		j.update(func(st *importState) { st.Read++; st.Offset = rd.Offset() })
		in := rec.Input()
		if !p.IsOperator() {
			if in.Origin != p.Org {
				reject(fieldReject(rec.File, rec.Line, &intel.FieldError{Field: "origin",
					Reason: fmt.Sprintf("%q is not your organisation (%s): import only your own reports", in.Origin, p.Org),
					Code:   intel.FieldNotOwnOrigin, Value: in.Origin, Accepted: p.Org}))
				continue
			}
			in.CreatedBy = p.UserID
		}
		r, err := svc.Prepare(in)
		if err != nil {
			var fe *intel.FieldError
			if !errors.As(err, &fe) {
				fe = &intel.FieldError{Reason: err.Error()}
			}
			reject(fieldReject(rec.File, rec.Line, fe))
			continue
		}
		batch = append(batch, r)
		contacts = append(contacts, rec.Contact)
		if len(batch) >= importBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	j.update(func(st *importState) { st.Offset = j.Size })
	return nil
}
