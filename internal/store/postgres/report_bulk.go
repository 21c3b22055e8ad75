package postgres

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

// bulkLoad is the state of a bulk load: the selector totals so far.
//
// Unlike the embedded store's, a load here keeps the indexes: dropping one
// takes a lock on its table that would stop every reader (a running
// server's included) until the load commits, and PostgreSQL keeps random
// inserts into an index cheaper than SQLite does. What the load saves is
// the statements: every row goes by COPY, each selector once, at the end.
type bulkLoad struct {
	totals *batch.Totals
	now    time.Time
}

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
	return w.copyLinks(ctx, reports)
}

// EndBulk writes the selectors and their sources in key order, by COPY,
// and the redirects of the networks absorbed during the load.
func (w *writer) EndBulk(ctx context.Context, merges []store.NetworkMerge, assign func(reportID string) string) error {
	b := w.bulk
	if b == nil {
		return errNoBulk
	}
	w.bulk = nil
	next, stop := iter.Pull(b.totals.Selectors())
	defer stop()
	_, err := w.tx.CopyFrom(ctx, pgx.Identifier{"selectors"}, []string{"id", "kind", "value", "display", "region",
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
	return w.replaceSummaries(ctx, ids, nets, rows)
}

var _ store.BulkWriter = (*writer)(nil)
