package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func init() {
	register(&command{name: "import", summary: "import scam reports from CSV or JSON Lines files", run: runImport})
}

// importBatch is how many reports go into one transaction: large enough to
// amortise the commit, small enough that a kill loses little work (and
// nothing accepted: a batch lands whole or not at all).
const importBatch = 5000

type importStats struct {
	read, inserted, duplicates, rejected int
}

func runImport(e *env) error {
	fs := newFlags(e, "import", "import [--data DIR | --db DSN] [--mapping FILE] [--rejects FILE] FILE...")
	var sf storeFlags
	sf.register(fs)
	mappingFile := fs.String("mapping", "", "column mapping for another layout (JSON; see README)")
	rejectsFile := fs.String("rejects", "", "where rejected rows go (default: FIRST-FILE.rejects.tsv)")
	format := fs.String("format", "", "csv or jsonl (default: from the file name, else the content)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the import to this file")
	files, err := parseFlags(fs, e.args)
	if err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if len(files) == 0 {
		return usageError{"name at least one file to import (- for standard input)"}
	}
	fmtv, err := intake.ParseFormat(*format)
	if err != nil {
		return usageError{err.Error()}
	}
	var mapping *intake.Mapping
	if *mappingFile != "" {
		fh, err := os.Open(*mappingFile)
		if err != nil {
			return err
		}
		mapping, err = intake.LoadMapping(fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *mappingFile, err)
		}
	}
	svc, st, err := sf.service(e.ctx)
	if err != nil {
		return err
	}
	defer st.Close()

	rejPath := *rejectsFile
	if rejPath == "" {
		base := files[0]
		if base == "-" {
			base = "stdin"
		}
		rejPath = base + ".rejects.tsv"
	}
	rej := &rejectFile{path: rejPath}
	defer rej.close()

	var total importStats
	start := time.Now()
	for _, name := range files {
		s, err := importFile(e, svc, name, fmtv, mapping, rej, *quiet)
		total.read += s.read
		total.inserted += s.inserted
		total.duplicates += s.duplicates
		total.rejected += s.rejected
		if err != nil {
			printImportSummary(e, total, rej, time.Since(start))
			return err
		}
	}
	printImportSummary(e, total, rej, time.Since(start))
	if total.rejected > 0 {
		return exitError{1}
	}
	return nil
}

func printImportSummary(e *env, s importStats, rej *rejectFile, d time.Duration) {
	fmt.Fprintf(e.stderr, "import: %d records read, %d new reports stored, %d already stored, %d rejected in %s\n",
		s.read, s.inserted, s.duplicates, s.rejected, d.Round(time.Millisecond))
	if s.rejected > 0 {
		fmt.Fprintf(e.stderr, "import: rejected rows are listed in %s (file, line, field, reason)\n", rej.path)
	}
}

// importFile streams one file into the store in batches. Every batch that
// Submit accepted is committed; a kill loses at most the batch in flight,
// and running the import again stores only what is missing.
func importFile(e *env, svc *intel.Service, name string, f intake.Format, m *intake.Mapping, rej *rejectFile, quiet bool) (importStats, error) {
	var st importStats
	var in io.Reader = e.stdin
	var size int64
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return st, err
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil {
			size = fi.Size()
		}
		in = fh
	}
	rd, err := intake.NewReader(name, bufio.NewReaderSize(in, 1<<20), f, m)
	if err != nil {
		return st, err
	}
	bar := newProgress(e.stderr, name, size, quiet)
	defer bar.done()

	var (
		batch    []*store.Report
		contacts []*store.Contact
		lastLine int // the line of the last record read
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		// A batch that was read is stored even when an interrupt arrives
		// meanwhile: stopping loses nothing that was accepted.
		res, err := svc.Submit(context.WithoutCancel(e.ctx), trust.Operator(), batch, contacts)
		if err != nil {
			return fmt.Errorf("storing records up to line %d of %s: %w", lastLine, name, err)
		}
		for _, ok := range res.Inserted {
			if ok {
				st.inserted++
			} else {
				st.duplicates++
			}
		}
		batch, contacts = batch[:0], contacts[:0]
		return nil
	}
	for {
		if e.ctx.Err() != nil {
			if err := flush(); err != nil {
				return st, err
			}
			return st, fmt.Errorf("interrupted after line %d of %s: everything read so far is stored; run the same import again to finish", lastLine, name)
		}
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *intake.RowError
		if errors.As(err, &re) {
			lastLine = re.Line
			st.read++
			st.rejected++
			if err := rej.write(re); err != nil {
				return st, err
			}
			continue
		}
		if err != nil {
			return st, err
		}
		st.read++
		lastLine = rec.Line
		r, err := svc.Prepare(rec.Input())
		if err != nil {
			st.rejected++
			var fe *intel.FieldError
			re := &intake.RowError{File: rec.File, Line: rec.Line, Reason: err.Error()}
			if errors.As(err, &fe) {
				re.Field, re.Reason = fe.Field, fe.Reason
			}
			if err := rej.write(re); err != nil {
				return st, err
			}
			continue
		}
		batch = append(batch, r)
		contacts = append(contacts, rec.Contact)
		if len(batch) >= importBatch {
			if err := flush(); err != nil {
				return st, err
			}
			bar.update(rd.Offset(), st.read)
		}
	}
	if err := flush(); err != nil {
		return st, err
	}
	bar.update(rd.Offset(), st.read)
	return st, nil
}

// rejectFile is created on the first rejected row.
type rejectFile struct {
	path string
	f    *os.File
	w    *bufio.Writer
}

func (r *rejectFile) write(e *intake.RowError) error {
	if r.f == nil {
		f, err := os.Create(r.path)
		if err != nil {
			return err
		}
		r.f, r.w = f, bufio.NewWriter(f)
		if _, err := r.w.WriteString(intake.RejectHeader); err != nil {
			return err
		}
	}
	return intake.WriteReject(r.w, e)
}

func (r *rejectFile) close() {
	if r.f != nil {
		r.w.Flush()
		r.f.Close()
	}
}
