package postgres

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

// bulkLoad is the state of a bulk load: the selector totals so far.
//
// Most of what a load costs the server is keeping indexes up to date, row
// by row, in random order: the selectors' hash index, the links' index by
// selector, the reports' by origin and reference, by network, by label and
// by creator. All of them are dropped and built again, sorted, at the end
// (EndBulk), when the tables they index are written: the selectors are
// written only then, and the reports, their links, recipients and
// reporters' contacts wait until then in tables of their own without
// secondary indexes (loadTables), made in the load's transaction and
// dropped at its end, seen by no other. (The contacts and recipients wait
// too because they name their report by a foreign key.) Dropping an index
// locks its table against readers (a running server's included) until the
// load commits: from the start of EndBulk only, so that readers are held
// for the end of a load and not for the whole of it.
//
// The reports' index on (origin, external reference) is unique: built at
// the end, it still refuses a second report of the same pair (the whole
// load fails, with store.ErrConflict). The caller de-duplicates the load
// in memory and the store held no reports at its start, so it finds none.
type bulkLoad struct {
	totals   *batch.Totals
	now      time.Time
	contacts []store.Contact // put since the last batch (PutContact)
}

// The tables a bulk load's rows wait in until its end.
const (
	loadReports    = "reports_load"
	loadLinks      = "report_selectors_load"
	loadRecipients = "report_recipients_load"
	loadContacts   = "contacts_load"
)

// loadTables are those tables, each with the table its rows move to at
// the end and how it is made: unlogged (they are dropped before the load
// commits), like their table but without its indexes.
var loadTables = []struct{ name, table, like string }{
	{loadReports, "reports", "INCLUDING DEFAULTS"},
	{loadLinks, "report_selectors", ""},
	{loadRecipients, "report_recipients", ""},
	{loadContacts, "contacts", ""},
}

// lateIndexes lists the secondary indexes of the tables a load writes at
// its end (not those of their keys): their names and definitions.
const lateIndexes = `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
	WHERE i.indrelid IN ('selectors'::regclass, 'report_selectors'::regclass, 'reports'::regclass,
			'report_recipients'::regclass)
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
	ORDER BY 1`

// lateTables are the tables whose indexes a load's end drops, as LOCK
// names them.
const lateTables = "selectors, report_selectors, reports, report_recipients"

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
	for _, t := range loadTables {
		if _, err := w.tx.Exec(ctx, `CREATE UNLOGGED TABLE `+t.name+` (LIKE `+t.table+` `+t.like+`)`); err != nil {
			return false, translate(err)
		}
	}
	w.bulk = &bulkLoad{totals: batch.NewTotals(), now: time.Now()}
	return true, nil
}

// AppendReports stores new reports with their links, losses and
// recipients, all by COPY (all but the losses into the tables they wait
// in); their selectors are counted (on another core while the rows are
// sent) for EndBulk.
func (w *writer) AppendReports(ctx context.Context, reports []*store.Report) error {
	if w.bulk == nil {
		return errNoBulk
	}
	if err := batch.Check(reports); err != nil {
		return err
	}
	if err := w.copyContacts(ctx); err != nil {
		return err
	}
	counted := w.bulk.totals.AddAsync(reports)
	defer counted()
	now := w.bulk.now
	err := w.copyIn(ctx, loadReports, reportColumns, copyEach(reports, func(e *copyEncoder, r *store.Report) {
		created := r.CreatedAt
		if created.IsZero() {
			created = now
		}
		e.row(len(reportColumns))
		e.text(r.ID)
		e.text(r.Origin)
		e.text(r.ExternalRef)
		e.text(r.Channel)
		e.time(r.ReceivedAt)
		e.optTime(r.OccurredAt)
		e.text(r.ScamType)
		e.text(r.Narrative)
		e.text(r.VictimRef)
		e.text(r.VictimCountry)
		e.text(r.TLP)
		e.optText(r.NetworkID)
		e.time(created)
		e.text(r.CreatedBy)
		e.text(r.PAP)
		e.text(r.LegalBasis)
		e.text(r.Purpose)
	}))
	if err != nil {
		return err
	}
	return w.copyLinks(ctx, loadLinks, loadRecipients, reports)
}

// EndBulk moves the reports and what waited with them into their tables
// and writes the selectors and their sources in key order, by COPY, all
// without the secondary indexes of their tables, then the redirects of
// the networks absorbed during the load and every summary, and builds
// those indexes.
func (w *writer) EndBulk(ctx context.Context, merges []store.NetworkMerge, assign func(reportID string) string) error {
	b := w.bulk
	if b == nil {
		return errNoBulk
	}
	if err := w.copyContacts(ctx); err != nil {
		return err
	}
	w.bulk = nil
	indexes, err := w.dropLateIndexes(ctx)
	if err != nil {
		return err
	}
	// The reports first: their contacts and recipients name them.
	for _, t := range []string{loadReports, loadContacts, loadRecipients} {
		if err := w.moveLoaded(ctx, t); err != nil {
			return err
		}
	}
	// The selectors marked "does not link" are read before the load's own
	// are written (these have no mark), and every report's network and
	// summary counted on another goroutine while the selectors are written.
	noLink, err := w.NoLinkSelectors(ctx)
	if err != nil {
		return err
	}
	networks := b.totals.NetworksAsync(noLink, assign)
	next, stop := iter.Pull(b.totals.Selectors())
	defer stop()
	err = w.copyIn(ctx, "selectors", []string{"id", "kind", "value", "display", "region",
		"subtype", "hash", "first_seen", "last_seen", "report_count", "source_count"}, func(e *copyEncoder) bool {
		s, ok := next()
		if !ok {
			return false
		}
		e.row(11)
		e.text(s.ID)
		e.text(s.Kind)
		e.text(s.Value)
		e.text(s.Display)
		e.text(s.Region)
		e.text(s.Subtype)
		e.bytea(s.Hash)
		e.time(s.FirstSeen)
		e.time(s.LastSeen)
		e.int4(int32(s.Reports))
		e.int4(int32(s.Sources))
		return true
	})
	if err != nil {
		return err
	}
	nextSource, stopSources := iter.Pull(b.totals.Sources())
	defer stopSources()
	err = w.copyIn(ctx, "selector_sources", []string{"selector_id", "origin", "reports"}, func(e *copyEncoder) bool {
		p, ok := nextSource()
		if !ok {
			return false
		}
		e.row(3)
		e.text(p.SelectorID)
		e.text(p.Origin)
		e.int4(int32(p.Reports))
		return true
	})
	if err != nil {
		return err
	}
	if err := w.moveLoaded(ctx, loadLinks); err != nil {
		return err
	}
	if len(merges) > 0 {
		absorbed, survivors := mergeColumns(merges)
		if _, err := w.tx.Exec(ctx, putRedirects, absorbed, survivors); err != nil {
			return translate(err)
		}
	}
	ids, nets, rows := networks()
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

// copyContacts copies the contacts put since the last batch into the
// table they wait in.
func (w *writer) copyContacts(ctx context.Context) error {
	cs := w.bulk.contacts
	if len(cs) == 0 {
		return nil
	}
	w.bulk.contacts = cs[:0]
	return w.copyIn(ctx, loadContacts, []string{"report_id", "name", "email", "phone", "consent"},
		copyEach(cs, func(e *copyEncoder, c store.Contact) {
			e.row(5)
			e.text(c.ReportID)
			e.text(c.Name)
			e.text(c.Email)
			e.text(c.Phone)
			e.boolean(c.Consent)
		}))
}

// moveLoaded moves the rows waiting in name (one of loadTables) into their
// table and drops name.
func (w *writer) moveLoaded(ctx context.Context, name string) error {
	for _, t := range loadTables {
		if t.name != name {
			continue
		}
		// LIKE made the columns in the table's order.
		if _, err := w.tx.Exec(ctx, `INSERT INTO `+t.table+` SELECT * FROM `+t.name); err != nil {
			return translate(err)
		}
		_, err := w.tx.Exec(ctx, `DROP TABLE `+t.name)
		return translate(err)
	}
	return fmt.Errorf("postgres: %s is no table a bulk load fills", name)
}

// dropLateIndexes drops the secondary indexes of the reports, their
// recipients, the selectors and their links, and returns their
// definitions. It first locks those four tables, waiting at most lockWait
// at a time so as never to hold one while a reader holding another waits
// for it (a deadlock, which PostgreSQL would settle by aborting the load
// or the reader): on a timeout it lets go of all and tries again.
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

// lockLate takes the tables of lateTables for the rest of the load.
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
	if _, err := sp.Exec(ctx, `LOCK TABLE `+lateTables+` IN ACCESS EXCLUSIVE MODE`); err != nil {
		return err
	}
	// The lock_timeout goes back to what it was; the locks stay.
	if _, err := sp.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, was); err != nil {
		return err
	}
	return sp.Commit(ctx)
}

var _ store.BulkWriter = (*writer)(nil)
