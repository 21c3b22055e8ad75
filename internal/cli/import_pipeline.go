package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// importBatch is how many reports go into one transaction: large enough to
// amortise the statements and the commit, small enough that a kill loses
// little work (and nothing accepted: a batch lands whole or not at all).
// 50,000 was tried: 8% less CPU on 300,000 reports, but on 1,000,000 no
// less CPU (428 CPU-s against 388 before, on a busier machine) and twice
// the peak RSS (3.2 GiB against 1.7).
var importBatch = 20000

// bulkMax bounds a bulk load: what it keeps to its end (every selector's
// totals, every report's ID and network, the partition) grows with the
// reports it takes, about 1.7 GB of heap at the peak for a million. The
// rest of a larger file is stored batch by batch after it.
var bulkMax = 2_000_000

// readBatch is one batch of prepared reports, handed from the reader to
// the writer.
type readBatch struct {
	reports  []*store.Report
	contacts []*store.Contact
	lastLine int   // the line of the batch's last record
	offset   int64 // how far into the file the reader was
	read     int   // records read so far, the batch's included
}

// importFile streams one file into the store in batches, in two stages
// that overlap: a reader goroutine parses, validates and normalises the
// records (svc.Prepare) while the writer stores the batch before. Every
// batch that was read is stored, even after an interrupt, and running the
// import again stores only what is missing.
//
// Into a store without reports (unless batched), the writer makes one
// bulk load of the file (svc.Load): one transaction, so a kill loses the
// whole file's work, and the run again stores it all, but it costs a
// fraction of storing batch by batch. Otherwise each batch is its own
// transaction (svc.Submit): a kill loses at most the batches in flight.
func importFile(e *env, svc *intel.Service, name string, f intake.Format, m *intake.Mapping, rej *rejectFile, quiet, batched bool) (importStats, error) {
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

	// The reader stops when the import is interrupted (e.ctx) or when the
	// writer fails (stop).
	readCtx, stop := context.WithCancel(e.ctx)
	defer stop()
	batches := make(chan *readBatch, 1)
	var rs readerStats
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		defer close(batches)
		rs = readRecords(readCtx, svc, rd, rej, batches)
	}()

	var werr error
	lastLine := 0
	// stored counts a batch the store took.
	stored := func(b *readBatch, inserted []bool) {
		for _, ok := range inserted {
			if ok {
				st.inserted++
			} else {
				st.duplicates++
			}
		}
		lastLine = b.lastLine
		bar.update(b.offset, b.read)
	}
	if !batched {
		// Into an empty store, one bulk load of up to bulkMax reports:
		// every batch it takes lands at its end, together, or (killed
		// before) none does. The rest of the file, if any, goes batch by
		// batch below.
		err := svc.Load(context.WithoutCancel(e.ctx), trust.Operator(), func(add intel.LoadFunc) error {
			loaded := 0
			for b := range batches {
				ins, err := add(b.reports, b.contacts)
				if err != nil {
					stop()
					for range batches {
					}
					return fmt.Errorf("storing records up to line %d of %s: %w", b.lastLine, name, err)
				}
				stored(b, ins)
				if loaded += len(b.reports); loaded >= bulkMax {
					break
				}
			}
			bar.finishing(loaded)
			return nil
		})
		if err != nil && !errors.Is(err, intel.ErrNoBulk) {
			st.inserted, st.duplicates = 0, 0
			werr = err
			stop() // the rest of the file would be read for nothing
		}
	}
	for b := range batches {
		if werr != nil {
			continue // drain, so that the reader can finish
		}
		// A batch that was read is stored even when an interrupt arrives
		// meanwhile: stopping loses nothing that was accepted.
		res, err := svc.Submit(context.WithoutCancel(e.ctx), trust.Operator(), b.reports, b.contacts)
		if err != nil {
			werr = fmt.Errorf("storing records up to line %d of %s: %w", b.lastLine, name, err)
			stop()
			continue
		}
		stored(b, res.Inserted)
	}
	<-readDone
	st.read, st.rejected = rs.read, rs.rejected
	switch {
	case werr != nil:
		return st, werr
	case rs.err != nil:
		return st, rs.err
	case rs.interrupted:
		return st, fmt.Errorf("interrupted after line %d of %s: everything read so far is stored; run the same import again to finish", max(lastLine, rs.lastLine), name)
	}
	return st, nil
}

// readerStats is what the reader saw.
type readerStats struct {
	read, rejected int
	lastLine       int
	interrupted    bool  // ctx was cancelled: the batches sent hold all that was read
	err            error // reading or writing a rejected row failed
}

// readRecords reads, validates and prepares records into batches of
// importBatch reports and sends them on out, which the writer drains to
// the end. Rejected rows go to rej. It stops at the end of the input, on an
// error, or when ctx is done; a batch begun when ctx ends is sent, one begun
// before an error is not. The records are prepared on every core
// (prepareAhead) and numbered here, in the order of the file.
func readRecords(ctx context.Context, svc *intel.Service, rd *intake.Reader, rej *rejectFile, out chan<- *readBatch) readerStats {
	var st readerStats
	b := &readBatch{}
	offset := int64(0)
	send := func() {
		if len(b.reports) > 0 {
			b.read, b.offset = st.read, offset
			out <- b
			b = &readBatch{}
		}
	}
	quit := make(chan struct{})
	defer close(quit)
	for c := range prepareAhead(ctx, quit, svc, rd) {
		<-c.done
		for i := range c.items {
			it := &c.items[i]
			switch {
			case it.interrupted:
				st.interrupted = true
				send()
				return st
			case it.err != nil:
				st.err = it.err
				return st
			}
			st.read++
			offset = it.offset
			re := it.rowErr
			if re == nil && it.prepErr != nil {
				var fe *intel.FieldError
				re = &intake.RowError{File: it.rec.File, Line: it.rec.Line, Reason: it.prepErr.Error()}
				if errors.As(it.prepErr, &fe) {
					re.Field, re.Reason = fe.Field, fe.Reason
				}
			}
			if re != nil {
				st.lastLine = re.Line
				st.rejected++
				if err := rej.write(re); err != nil {
					st.err = err
					return st
				}
				continue
			}
			st.lastLine = it.rec.Line
			svc.Number(it.report)
			b.reports = append(b.reports, it.report)
			b.contacts = append(b.contacts, it.rec.Contact)
			b.lastLine = it.rec.Line
			if len(b.reports) >= importBatch {
				send()
			}
		}
	}
	send()
	return st
}
