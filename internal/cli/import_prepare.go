package cli

import (
	"context"
	"errors"
	"io"
	"runtime"

	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/store"
)

// prepareChunk is how many records a worker prepares at a time: enough to
// make the hand-over cheap, few enough that the first batch starts soon.
const prepareChunk = 256

// readItem is one thing the reader met, in the order of the file: a
// record (prepared, or refused by the preparation), a rejected row, the
// end of reading on an error, or an interrupt.
type readItem struct {
	rec         *intake.Record
	rowErr      *intake.RowError // the row could not be read as a record
	err         error            // reading failed: nothing follows
	interrupted bool             // the import was interrupted: nothing follows
	offset      int64            // how far into the file the reader was after it

	report  *store.Report // the record prepared, without its ID
	prepErr error         // the preparation refused the record
}

// readChunk is a run of items, prepared once done is closed.
type readChunk struct {
	items []readItem
	done  chan struct{}
}

// prepareAhead reads rd on its own goroutine and prepares what it reads
// (svc.PrepareUnnumbered: normalising the selectors is most of an import's
// work outside the store) on one goroutine per core, and hands the chunks
// on in the order of the file, each to be waited for (done) before use.
// Reading stops at the end of the file, after a read error, and when ctx
// is done: then the last chunk's last item says so (interrupted), and
// every record read before it is still prepared and handed on. The channel
// closes after the last chunk, or when quit closes (the caller gone).
func prepareAhead(ctx context.Context, quit <-chan struct{}, svc *intel.Service, rd *intake.Reader) <-chan *readChunk {
	workers := runtime.GOMAXPROCS(0)
	ordered := make(chan *readChunk, 2*workers)
	work := make(chan *readChunk, 2*workers)
	for range workers {
		go func() {
			for c := range work {
				for i := range c.items {
					if it := &c.items[i]; it.rec != nil {
						it.report, it.prepErr = svc.PrepareUnnumbered(it.rec.Input())
					}
				}
				close(c.done)
			}
		}()
	}
	go func() {
		defer close(ordered)
		defer close(work)
		// hand passes c on to the caller and to the workers; false when
		// the caller has gone.
		hand := func(c *readChunk) bool {
			select {
			case ordered <- c:
				work <- c
				return true
			case <-quit:
				return false
			}
		}
		c := &readChunk{done: make(chan struct{})}
		for {
			select {
			case <-quit: // the caller has gone: read no further
				return
			default:
			}
			var it readItem
			if ctx.Err() != nil {
				it.interrupted = true
			} else if rec, err := rd.Next(); errors.Is(err, io.EOF) {
				break
			} else if re := (*intake.RowError)(nil); errors.As(err, &re) {
				it.rowErr = re
			} else if err != nil {
				it.err = err
			} else {
				it.rec = rec
			}
			it.offset = rd.Offset()
			c.items = append(c.items, it)
			if it.interrupted || it.err != nil {
				hand(c)
				return
			}
			if len(c.items) == prepareChunk {
				if !hand(c) {
					return
				}
				c = &readChunk{done: make(chan struct{})}
			}
		}
		if len(c.items) > 0 {
			hand(c)
		}
	}()
	return ordered
}
