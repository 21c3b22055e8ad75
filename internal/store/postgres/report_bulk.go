package postgres

import (
	"context"
	"errors"
	"iter"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

// bulkLoad is the state of a bulk load: the selector totals so far.
//
// Most of what a load costs the server is keeping indexes up to date, row
// by row, in random order: the selectors' hash index and the links' index
// by selector above all. Those two are dropped and built again, sorted,
// at the end (EndBulk), when the tables they index are written: the
// selectors are written only then, and the links wait until then in a
// table of their own without indexes (loadLinks), made in the load's
// transaction and dropped at its end, seen by no other. Dropping an index
// locks its table against readers (a running server's included) until the
// load commits: from the start of EndBulk only, so that readers are held
// for the end of a load and not for the whole of it. The reports keep
// their indexes: a reporter's contact names its report (a foreign key)
// as the load goes.
type bulkLoad struct {
	totals *batch.Totals
	now    time.Time
}

// loadLinks is the table a bulk load's selector links wait in.
const loadLinks = "report_selectors_load"

// lateIndexes lists the secondary indexes of the tables a load writes at
// its end (not those of their keys): their names and definitions.
const lateIndexes = `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
	WHERE i.indrelid IN ('selectors'::regclass, 'report_selectors'::regclass)
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
	ORDER BY 1`

// indexMemory is the sort memory of the index builds at a load's end: a
// million reports' links by selector sort in memory.
const indexMemory = "512MB"

var errNoBulk = errors.New("postgres: no bulk load begun in this transaction")

var reportColumns = []string{"id", "origin", "external_ref", "channel", "received_at", "occurred_at", "scam_type",
	"narrative", "victim_ref", "victim_country", "tlp", "network_id", "created_at", "created_by", "pap", "legal_basis", "purpose"}

// BeginBulk readies a bulk load into a store without reports. Other
// writers of reports wait for the load to commit (readers do not): one
// filing a report meanwhile would otherwise collide with the selectors
// written at the end, and its network's summary be replaced by the
// load's.
func (w *writer) BeginBulk(ctx context.Context) (bool, error) {
	if _, err := w.tx.Exec(ctx, `LOCK TABLE reports IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return false, translate(err)
	}
	var stored bool
	if err := w.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM reports)`).Scan(&stored); err != nil {
		return false, translate(err)
	}
	if stored {
		return false, nil
	}
	if _, err := w.tx.Exec(ctx, `CREATE UNLOGGED TABLE `+loadLinks+` (LIKE report_selectors)`); err != nil {
		return false, translate(err)
	}
	w.bulk = &bulkLoad{totals: batch.NewTotals(), now: time.Now()}
	return true, nil
}

// AppendReports stores new reports with their links, losses and
// recipients, all by COPY; their selectors are counted (on another core
// while the rows are sent) for EndBulk.
func (w *writer) AppendReports(ctx context.Context, reports []*store.Report) error {
	if w.bulk == nil {
		return errNoBulk
	}
	if err := batch.Check(reports); err != nil {
		return err
	}
	counted := w.bulk.totals.AddAsync(reports)
	defer counted()
	rows := make([][]any, len(reports))
	for i, r := range reports {
		created := r.CreatedAt
		if created.IsZero() {
			created = w.bulk.now
		}
		rows[i] = []any{r.ID, r.Origin, r.ExternalRef, r.Channel, pgTime(r.ReceivedAt), pgOptTime(r.OccurredAt),
			r.ScamType, r.Narrative, r.VictimRef, r.VictimCountry, r.TLP, pgText(r.NetworkID), pgTime(created),
			r.CreatedBy, r.PAP, r.LegalBasis, r.Purpose}
	}
	if _, err := w.tx.CopyFrom(ctx, pgx.Identifier{"reports"}, reportColumns, pgx.CopyFromRows(rows)); err != nil {
		return translate(err)
	}
	return w.copyLinks(ctx, loadLinks, reports)
}

// EndBulk writes the selectors and their sources in key order, by COPY,
// and the links, without the secondary indexes of their tables, then the
// redirects of the networks absorbed during the load and every summary,
// and builds those indexes.
func (w *writer) EndBulk(ctx context.Context, merges []store.NetworkMerge, assign func(reportID string) string) error {
	b := w.bulk
	if b == nil {
		return errNoBulk
	}
	w.bulk = nil
	indexes, err := w.dropLateIndexes(ctx)
	if err != nil {
		return err
	}
	next, stop := iter.Pull(b.totals.Selectors())
	defer stop()
	_, err = w.tx.CopyFrom(ctx, pgx.Identifier{"selectors"}, []string{"id", "kind", "value", "display", "region",
		"subtype", "hash", "first_seen", "last_seen", "report_count", "source_count"}, pgx.CopyFromFunc(func() ([]any, error) {
		s, ok := next()
		if !ok {
			return nil, nil
		}
		return []any{s.ID, s.Kind, s.Value, s.Display, s.Region, s.Subtype, s.Hash,
			pgTime(s.FirstSeen), pgTime(s.LastSeen), int32(s.Reports), int32(s.Sources)}, nil
	}))
	if err != nil {
		return translate(err)
	}
	nextSource, stopSources := iter.Pull(b.totals.Sources())
	defer stopSources()
	_, err = w.tx.CopyFrom(ctx, pgx.Identifier{"selector_sources"}, []string{"selector_id", "origin", "reports"},
		pgx.CopyFromFunc(func() ([]any, error) {
			p, ok := nextSource()
			if !ok {
				return nil, nil
			}
			return []any{p.SelectorID, p.Origin, int32(p.Reports)}, nil
		}))
	if err != nil {
		return translate(err)
	}
	cols := strings.Join(linkColumns, ", ")
	if _, err := w.tx.Exec(ctx, `INSERT INTO report_selectors (`+cols+`) SELECT `+cols+` FROM `+loadLinks); err != nil {
		return translate(err)
	}
	if _, err := w.tx.Exec(ctx, `DROP TABLE `+loadLinks); err != nil {
		return translate(err)
	}
	if len(merges) > 0 {
		absorbed, survivors := mergeColumns(merges)
		if _, err := w.tx.Exec(ctx, putRedirects, absorbed, survivors); err != nil {
			return translate(err)
		}
	}
	noLink, err := w.NoLinkSelectors(ctx)
	if err != nil {
		return err
	}
	ids, nets, rows := b.totals.Networks(noLink, assign)
	if err := w.replaceSummaries(ctx, ids, nets, rows); err != nil {
		return err
	}
	if _, err := w.tx.Exec(ctx, `SELECT set_config('maintenance_work_mem', $1, true)`, indexMemory); err != nil {
		return translate(err)
	}
	for _, def := range indexes {
		if _, err := w.tx.Exec(ctx, def); err != nil {
			return translate(err)
		}
	}
	return nil
}

// dropLateIndexes drops the secondary indexes of the selectors and their
// links and returns their definitions. It first locks both tables, waiting
// at most lockWait at a time so as never to hold one while a reader
// holding the other waits for it (a deadlock, which PostgreSQL would
// settle by aborting the load or the reader): on a timeout it lets go of
// both and tries again.
func (w *writer) dropLateIndexes(ctx context.Context) ([]string, error) {
	if err := w.lockLate(ctx); err != nil {
		return nil, err
	}
	rows, err := w.tx.Query(ctx, lateIndexes)
	if err != nil {
		return nil, translate(err)
	}
	var names, defs []string
	var name, def string
	if _, err := pgx.ForEachRow(rows, []any{&name, &def}, func() error {
		names, defs = append(names, name), append(defs, def)
		return nil
	}); err != nil {
		return nil, translate(err)
	}
	for _, n := range names {
		if _, err := w.tx.Exec(ctx, `DROP INDEX `+n); err != nil {
			return nil, translate(err)
		}
	}
	return defs, nil
}

// lockWait is how long one attempt to lock the tables of a load's end
// waits; shorter than the server's deadlock_timeout (1 s by default).
const lockWait = "200ms"

// lockLate takes the selectors and their links for the rest of the load.
func (w *writer) lockLate(ctx context.Context) error {
	for pause := 10 * time.Millisecond; ; pause = min(2*pause, time.Second) {
		err := w.tryLock(ctx)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "55P03" {
			return translate(err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
	}
}

// tryLock makes one attempt, in a savepoint, under lockWait.
func (w *writer) tryLock(ctx context.Context) error {
	sp, err := w.tx.Begin(ctx)
	if err != nil {
		return err
	}
	defer sp.Rollback(ctx)
	var was string
	if err := sp.QueryRow(ctx, `SELECT current_setting('lock_timeout')`).Scan(&was); err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, lockWait); err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, `LOCK TABLE selectors, report_selectors IN ACCESS EXCLUSIVE MODE`); err != nil {
		return err
	}
	// The lock_timeout goes back to what it was; the locks stay.
	if _, err := sp.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, was); err != nil {
		return err
	}
	return sp.Commit(ctx)
}

var _ store.BulkWriter = (*writer)(nil)
