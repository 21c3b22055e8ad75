package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"iter"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

// bulkTables are the tables a bulk load fills: their secondary indexes are
// dropped when it begins and built again, from the schema's own
// definitions, when it ends, but for bulkKept.
const bulkTables = `'reports', 'report_selectors', 'report_losses', 'report_recipients', 'selectors', 'selector_sources'`

// bulkKept are the indexes a load keeps up to date as it goes, cheaper
// than a scan of every report to build them at the end: their keys begin
// with a value of few distinct ones (a TLP label; a creator, which an
// import leaves empty, outside the partial index), so that appended
// reports land at the end of a few runs of entries.
const bulkKept = `'reports_tlp_origin', 'reports_created_by'`

var (
	appendReports   = multiRow{head: insertReports.head, cols: insertReports.cols}
	appendSources   = multiRow{head: insertSources.head, cols: insertSources.cols}
	appendSelectors = multiRow{
		head: `INSERT INTO selectors (id, kind, value, display, region, subtype, hash, first_seen, last_seen,
			report_count, source_count) VALUES`,
		cols: 11,
	}
)

// bulkLoad is the state of a bulk load: the selector totals so far and the
// indexes to build at the end.
type bulkLoad struct {
	totals  *batch.Totals
	indexes []string // CREATE INDEX statements, as the schema holds them
	now     time.Time
}

var errNoBulk = errors.New("sqlite: no bulk load begun in this transaction")

// BeginBulk readies a bulk load into a store without reports: the indexes
// of the tables it fills go, to be built once at the end (EndBulk). Inside
// the transaction, so a load that does not commit leaves them in place.
func (w *writer) BeginBulk(ctx context.Context) (bool, error) {
	var stored bool
	if err := w.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM reports)`).Scan(&stored); err != nil {
		return false, translate(err)
	}
	if stored {
		return false, nil
	}
	b := &bulkLoad{totals: batch.NewTotals(), now: time.Now()}
	var names []string
	err := w.each(ctx, `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (`+bulkTables+`) AND name NOT IN (`+bulkKept+`) ORDER BY name`, nil,
		func(rows *sql.Rows) error {
			var name, def string
			if err := rows.Scan(&name, &def); err != nil {
				return err
			}
			names = append(names, name)
			b.indexes = append(b.indexes, def)
			return nil
		})
	if err != nil {
		return false, err
	}
	for _, n := range names {
		if _, err := w.tx.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
			return false, translate(err)
		}
	}
	w.bulk = b
	return true, nil
}

// AppendReports stores new reports, in the order given, with their links,
// losses and recipients: plain inserts into tables without secondary
// indexes, at the end of each primary key for reports given in ID order.
func (w *writer) AppendReports(ctx context.Context, reports []*store.Report) error {
	if w.bulk == nil {
		return errNoBulk
	}
	if err := batch.Check(reports); err != nil {
		return err
	}
	// The selectors are counted on another core while SQLite writes.
	counted := w.bulk.totals.AddAsync(reports)
	defer counted()
	args := make([]any, 0, maxVars)
	err := batch.Chunks(len(reports), appendReports.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, r := range reports[lo:hi] {
			args = reportArgs(args, r, w.bulk.now)
		}
		return w.execRows(ctx, appendReports, hi-lo, args)
	})
	if err != nil {
		return err
	}
	return w.writeLinksAndLosses(ctx, reports, args)
}

// EndBulk writes the selectors and their sources in key order, the
// redirects of the networks absorbed during the load, and builds the
// indexes dropped by BeginBulk.
func (w *writer) EndBulk(ctx context.Context, merges []store.NetworkMerge, assign func(reportID string) string) error {
	b := w.bulk
	if b == nil {
		return errNoBulk
	}
	w.bulk = nil
	// The selectors marked "does not link" are read before the load's own
	// are written (these have no mark), and every report's network and
	// summary counted on another goroutine while the selectors are written.
	noLink, err := w.NoLinkSelectors(ctx)
	if err != nil {
		return err
	}
	networks := b.totals.NetworksAsync(noLink, assign)
	err = execSeq(ctx, w, b.totals.Selectors(), appendSelectors, func(a []any, s batch.SelectorDelta) []any {
		return append(a, s.ID, s.Kind, s.Value, s.Display, s.Region, s.Subtype, s.Hash,
			fmtTime(s.FirstSeen), fmtTime(s.LastSeen), s.Reports, s.Sources)
	})
	if err != nil {
		return err
	}
	err = execSeq(ctx, w, b.totals.Sources(), appendSources, func(a []any, p batch.SourceDelta) []any {
		return append(a, p.SelectorID, p.Origin, p.Reports)
	})
	if err != nil {
		return err
	}
	err = execChunks(ctx, w, merges, putRedirects, make([]any, 0, maxVars), func(a []any, m store.NetworkMerge) []any {
		return append(a, m.Absorbed, m.Survivor)
	})
	if err != nil {
		return err
	}
	ids, nets, rows := networks()
	if err := w.replaceSummaries(ctx, ids, nets, rows); err != nil {
		return err
	}
	return w.buildIndexes(ctx, b.indexes)
}

// buildIndexes runs the CREATE INDEX statements defs with a page cache of
// 2 MiB. SQLite sorts an index's entries in runs the size of the page
// cache: runs of 64 MiB (the store's cache) made the index builds of a 1M
// load 1.6x slower than runs of 2 MiB (BENCHMARKS.md).
func (w *writer) buildIndexes(ctx context.Context, defs []string) (err error) {
	if _, err := w.tx.ExecContext(ctx, `PRAGMA cache_size = -2048`); err != nil {
		return translate(err)
	}
	defer func() {
		if _, e := w.tx.ExecContext(ctx, `PRAGMA cache_size = `+storeCacheSize); e != nil && err == nil {
			err = translate(e)
		}
	}()
	for _, def := range defs {
		if _, err := w.tx.ExecContext(ctx, def); err != nil {
			return translate(err)
		}
	}
	return nil
}

// execSeq runs the multi-row statement m over the rows seq yields, as
// many rows a statement as fit. The rows are drawn from seq and bound on
// another goroutine, a statement or two ahead of SQLite: a load's end is
// otherwise serial, and drawing its 1.9M selectors in key order and
// formatting their times took a quarter of writing them.
func execSeq[T any](ctx context.Context, w *writer, seq iter.Seq[T], m multiRow, bind func([]any, T) []any) error {
	type chunk struct {
		args []any
		rows int
	}
	per := m.rowsPerStmt()
	const buffers = 3
	full := make(chan chunk, buffers)
	free := make(chan []any, buffers)
	for range buffers {
		free <- make([]any, 0, per*m.cols)
	}
	stop, done := make(chan struct{}), make(chan struct{})
	defer func() {
		close(stop)
		<-done // seq is not drawn from once execSeq has returned
	}()
	go func() {
		defer close(done)
		defer close(full)
		args, n := <-free, 0
		send := func() bool {
			select {
			case full <- chunk{args, n}:
			case <-stop:
				return false
			}
			select {
			case args = <-free:
			case <-stop:
				return false
			}
			n = 0
			return true
		}
		for row := range seq {
			args = bind(args, row)
			if n++; n == per && !send() {
				return
			}
		}
		if n > 0 {
			send()
		}
	}()
	for c := range full {
		if err := w.execRows(ctx, m, c.rows, c.args); err != nil {
			return err
		}
		free <- c.args[:0]
	}
	return nil
}

var _ store.BulkWriter = (*writer)(nil)
