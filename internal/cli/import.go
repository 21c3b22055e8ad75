package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
)

func init() {
	register(&command{name: "import", summary: "import scam reports from CSV or JSON Lines files", run: runImport})
}

type importStats struct {
	read, inserted, duplicates, rejected int
}

func runImport(e *env) error {
	fs := newFlags(e, "import", "import [--data DIR | --db DSN] [--mapping FILE] [--rejects FILE] [--batched] FILE...")
	var sf storeFlags
	sf.register(fs)
	mappingFile := fs.String("mapping", "", "column mapping for another layout (JSON; see README)")
	rejectsFile := fs.String("rejects", "", "where rejected rows go (default: FIRST-FILE.rejects.tsv)")
	format := fs.String("format", "", "csv or jsonl (default: from the file name, else the content)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	batched := fs.Bool("batched", false, "commit batch by batch even into an empty store (slower; a kill keeps the batches stored)")
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
	// Into a data directory without a store, the first file is loaded
	// into a new store built aside, which appears when the file is done.
	var build *sqlite.Build
	if !*batched {
		if build, err = sf.build(e.ctx); err != nil {
			return err
		}
	}
	var svc *intel.Service
	var st store.Store
	if build != nil {
		st = build.Store
		svc, err = sf.serviceOn(e.ctx, st)
	} else {
		svc, st, err = sf.service(e.ctx)
	}
	if err != nil {
		if build != nil {
			build.Discard()
		}
		return err
	}
	defer func() {
		if build != nil {
			build.Discard()
		} else if st != nil {
			st.Close()
		}
	}()

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
	for i, name := range files {
		s, err := importFile(e, svc, name, fmtv, mapping, rej, *quiet, *batched)
		total.read += s.read
		total.inserted += s.inserted
		total.duplicates += s.duplicates
		total.rejected += s.rejected
		if build != nil {
			// What the load committed appears, even after an error or an
			// interrupt, as it would have in a store opened for it.
			b := build
			build, st = nil, nil
			if perr := b.Publish(); perr != nil {
				total.inserted, total.duplicates = 0, 0
				err = errors.Join(err, perr)
			} else if err == nil && i+1 < len(files) {
				svc, st, err = sf.service(e.ctx)
			}
		}
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
