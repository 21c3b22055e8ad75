package sqlite

import (
	"context"
	"database/sql"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

var (
	insertReports = multiRow{
		head: `INSERT INTO reports (id, origin, external_ref, channel, received_at, occurred_at, scam_type,
			narrative, victim_ref, victim_country, tlp, network_id, created_at, created_by, pap, legal_basis,
			purpose) VALUES`,
		cols: 17,
		tail: `ON CONFLICT (origin, external_ref) WHERE external_ref <> '' DO NOTHING RETURNING id`,
	}
	// New (selector, origin) pairs come back; the others are counted by
	// upsertSources.
	insertSources = multiRow{
		head: `INSERT INTO selector_sources (selector_id, origin, reports) VALUES`,
		cols: 3,
		tail: `ON CONFLICT (selector_id, origin) DO NOTHING RETURNING selector_id, origin`,
	}
	upsertSources = multiRow{
		head: `INSERT INTO selector_sources (selector_id, origin, reports) VALUES`,
		cols: 3,
		tail: `ON CONFLICT (selector_id, origin) DO UPDATE SET reports = reports + excluded.reports`,
	}
	// A selector's kind and value never change (its ID is made of them);
	// display, region and subtype are filled in when first known.
	upsertSelectors = multiRow{
		head: `INSERT INTO selectors (id, kind, value, display, region, subtype, hash, first_seen, last_seen,
			report_count, source_count) VALUES`,
		cols: 11,
		tail: `ON CONFLICT (id) DO UPDATE SET
			report_count = report_count + excluded.report_count,
			source_count = source_count + excluded.source_count,
			first_seen = min(first_seen, excluded.first_seen),
			last_seen = max(last_seen, excluded.last_seen),
			display = CASE WHEN display = '' THEN excluded.display ELSE display END,
			region = CASE WHEN region = '' THEN excluded.region ELSE region END,
			subtype = CASE WHEN subtype = '' THEN excluded.subtype ELSE subtype END`,
	}
	insertLinks = multiRow{
		head: `INSERT INTO report_selectors (report_id, selector_id, role, ord, source, raw) VALUES`,
		cols: 6,
	}
	insertLosses = multiRow{
		head: `INSERT INTO report_losses (report_id, ord, amount_minor, currency) VALUES`,
		cols: 4,
	}
	insertRecipients = multiRow{
		head: `INSERT INTO report_recipients (report_id, user_id) VALUES`,
		cols: 2,
	}
)

// InsertReports stores the reports not stored yet, in multi-row statements
// prepared once per transaction: the reports first (those whose (origin,
// external_ref) is taken are skipped by the unique index and do not come
// back from RETURNING), then, for the new ones only, what they add to each
// selector and each (selector, origin) pair, aggregated per batch, then
// their selector links and losses.
func (w *writer) InsertReports(ctx context.Context, reports []*store.Report) ([]bool, error) {
	if err := batch.Check(reports); err != nil {
		return nil, err
	}
	inserted := make([]bool, len(reports))
	if len(reports) == 0 {
		return inserted, nil
	}
	now := time.Now()
	at := make(map[string]int, len(reports))
	for i, r := range reports {
		at[r.ID] = i
	}
	args := make([]any, 0, maxVars)
	err := batch.Chunks(len(reports), insertReports.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, r := range reports[lo:hi] {
			args = reportArgs(args, r, now)
		}
		return w.queryEach(ctx, insertReports, hi-lo, args, func(rows *sql.Rows) error {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			inserted[at[id]] = true
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	fresh := make([]*store.Report, 0, len(reports))
	for i, r := range reports {
		if inserted[i] {
			fresh = append(fresh, r)
		}
	}
	if len(fresh) == 0 {
		return inserted, nil
	}
	if err := w.writeSelectors(ctx, fresh, args); err != nil {
		return nil, err
	}
	if err := w.writeLinksAndLosses(ctx, fresh, args); err != nil {
		return nil, err
	}
	return inserted, nil
}

// reportArgs appends the columns of insertReports for r; now is its
// creation time if it has none.
func reportArgs(args []any, r *store.Report, now time.Time) []any {
	created := r.CreatedAt
	if created.IsZero() {
		created = now
	}
	return append(args, r.ID, r.Origin, r.ExternalRef, r.Channel, fmtTime(r.ReceivedAt),
		fmtOptTime(r.OccurredAt), r.ScamType, r.Narrative, r.VictimRef, r.VictimCountry, r.TLP,
		nullStr(r.NetworkID), fmtTime(created), r.CreatedBy, r.PAP, r.LegalBasis, r.Purpose)
}

// writeSelectors counts the new reports into selector_sources and selectors.
func (w *writer) writeSelectors(ctx context.Context, fresh []*store.Report, args []any) error {
	sels, pairs := batch.Aggregate(fresh)
	if len(sels) == 0 {
		return nil
	}
	type pair struct{ id, origin string }
	var newPairs map[pair]bool
	var newPairSels []string
	err := batch.Chunks(len(pairs), insertSources.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, p := range pairs[lo:hi] {
			args = append(args, p.SelectorID, p.Origin, p.Reports)
		}
		return w.queryEach(ctx, insertSources, hi-lo, args, func(rows *sql.Rows) error {
			var p pair
			if err := rows.Scan(&p.id, &p.origin); err != nil {
				return err
			}
			newPairSels = append(newPairSels, p.id)
			if newPairs == nil {
				newPairs = make(map[pair]bool, len(pairs))
			}
			newPairs[p] = true
			return nil
		})
	})
	if err != nil {
		return err
	}
	if len(newPairSels) < len(pairs) {
		// Pairs already stored: add the new reports to their count.
		var old []batch.SourceDelta
		for _, p := range pairs {
			if !newPairs[pair{p.SelectorID, p.Origin}] {
				old = append(old, p)
			}
		}
		err := batch.Chunks(len(old), upsertSources.rowsPerStmt(), func(lo, hi int) error {
			args = args[:0]
			for _, p := range old[lo:hi] {
				args = append(args, p.SelectorID, p.Origin, p.Reports)
			}
			return w.execRows(ctx, upsertSources, hi-lo, args)
		})
		if err != nil {
			return err
		}
	}
	batch.AddSources(sels, newPairSels)
	return batch.Chunks(len(sels), upsertSelectors.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, s := range sels[lo:hi] {
			args = append(args, s.ID, s.Kind, s.Value, s.Display, s.Region, s.Subtype, s.Hash,
				fmtTime(s.FirstSeen), fmtTime(s.LastSeen), s.Reports, s.Sources)
		}
		return w.execRows(ctx, upsertSelectors, hi-lo, args)
	})
}

// writeLinksAndLosses stores the new reports' selector links, losses and
// recipients.
func (w *writer) writeLinksAndLosses(ctx context.Context, fresh []*store.Report, args []any) error {
	type link struct {
		report string
		ord    int
		l      *store.ReportSelector
	}
	type loss struct {
		report string
		ord    int
		l      store.Loss
	}
	nl, nloss := 0, 0
	for _, r := range fresh {
		nl, nloss = nl+len(r.Selectors), nloss+len(r.Losses)
	}
	links, losses := make([]link, 0, nl), make([]loss, 0, nloss)
	var recipients [][2]string
	for _, r := range fresh {
		for _, u := range batch.Recipients(r) {
			recipients = append(recipients, [2]string{r.ID, u})
		}
		ls := batch.Links(r)
		for i := range ls {
			links = append(links, link{r.ID, i, &ls[i]})
		}
		for i, l := range r.Losses {
			losses = append(losses, loss{r.ID, i, l})
		}
	}
	err := batch.Chunks(len(links), insertLinks.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, k := range links[lo:hi] {
			args = append(args, k.report, k.l.SelectorID, k.l.Role, k.ord, k.l.Source, k.l.Raw)
		}
		return w.execRows(ctx, insertLinks, hi-lo, args)
	})
	if err != nil {
		return err
	}
	err = batch.Chunks(len(losses), insertLosses.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, k := range losses[lo:hi] {
			args = append(args, k.report, k.ord, k.l.AmountMinor, k.l.Currency)
		}
		return w.execRows(ctx, insertLosses, hi-lo, args)
	})
	if err != nil {
		return err
	}
	return batch.Chunks(len(recipients), insertRecipients.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for _, k := range recipients[lo:hi] {
			args = append(args, k[0], k[1])
		}
		return w.execRows(ctx, insertRecipients, hi-lo, args)
	})
}

// execRows runs m for rows rows with args.
func (w *writer) execRows(ctx context.Context, m multiRow, rows int, args []any) error {
	st, err := w.stmt(ctx, m, rows)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		return translate(err)
	}
	return nil
}

// queryEach runs m for rows rows with args and calls fn on each row it
// returns.
func (w *writer) queryEach(ctx context.Context, m multiRow, rows int, args []any, fn func(*sql.Rows) error) error {
	st, err := w.stmt(ctx, m, rows)
	if err != nil {
		return err
	}
	rs, err := st.QueryContext(ctx, args...)
	if err != nil {
		return translate(err)
	}
	defer rs.Close()
	for rs.Next() {
		if err := fn(rs); err != nil {
			return translate(err)
		}
	}
	return translate(rs.Err())
}

// PutContact stores (or replaces) the contact details of a stored report.
func (w *writer) PutContact(ctx context.Context, c *store.Contact) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO contacts (report_id, name, email, phone, consent) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (report_id) DO UPDATE SET name = excluded.name, email = excluded.email,
			phone = excluded.phone, consent = excluded.consent`,
		c.ReportID, c.Name, c.Email, c.Phone, c.Consent)
	return translate(err)
}
