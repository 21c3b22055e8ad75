package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress draws a one-line progress bar on a terminal; elsewhere (a pipe,
// a log file, CI) it draws nothing.
type progress struct {
	w     io.Writer
	name  string
	size  int64
	on    bool
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, name string, size int64, quiet bool) *progress {
	p := &progress{w: w, name: name, size: size, start: time.Now()}
	if f, ok := w.(*os.File); ok && !quiet {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) update(off int64, records int) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(records) / time.Since(p.start).Seconds()
	if p.size > 0 {
		pct := float64(off) / float64(p.size)
		const width = 30
		n := int(pct * width)
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = ' '
			if i < n {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(p.w, "\r%s [%s] %3.0f%% %d records %.0f/s ", p.name, bar, pct*100, records, rate)
		return
	}
	fmt.Fprintf(p.w, "\r%s %d records %.0f/s ", p.name, records, rate)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintln(p.w)
	}
}

// finishing says that the store is finishing a bulk load of the records
// read so far (selectors, indexes, networks), which takes a while on a
// large one.
func (p *progress) finishing(records int) {
	if p.on {
		fmt.Fprintf(p.w, "\r%s: %d records in; writing their selectors, indexes and networks ", p.name, records)
	}
}
