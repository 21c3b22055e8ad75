package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

// assignChunk is how many reports one UPDATE moves between networks.
const assignChunk = 50_000

// SetNetworks records which network each report is in ("" for none). A
// report named twice takes its last network. store.ErrNotFound if a report
// is not stored.
func (w *writer) SetNetworks(ctx context.Context, reportIDs, networkIDs []string) error {
	if len(reportIDs) != len(networkIDs) {
		return errors.New("postgres: SetNetworks: as many network IDs as report IDs needed")
	}
	last := make(map[string]int, len(reportIDs))
	for i, id := range reportIDs {
		last[id] = i
	}
	ids := make([]string, 0, len(last))
	nets := make([]string, 0, len(last))
	for i, id := range reportIDs {
		if last[id] == i {
			ids = append(ids, id)
			nets = append(nets, networkIDs[i])
		}
	}
	n, err := w.assign(ctx, ids, nets)
	if err != nil {
		return err
	}
	if n != len(ids) {
		return store.ErrNotFound
	}
	return nil
}

// assign sets the network of each report of ids (distinct) and says how
// many reports it found.
func (w *writer) assign(ctx context.Context, ids, nets []string) (int, error) {
	total := 0
	err := batch.Chunks(len(ids), assignChunk, func(lo, hi int) error {
		tag, err := w.tx.Exec(ctx, `UPDATE reports SET network_id = nullif(v.network_id, '')
			FROM unnest($1::text[], $2::text[]) AS v (id, network_id) WHERE reports.id = v.id`, ids[lo:hi], nets[lo:hi])
		total += int(tag.RowsAffected())
		return translate(err)
	})
	return total, err
}

// MergeNetworks moves every report of absorbed into survivor and leaves a
// redirect, so the absorbed ID keeps answering. Both IDs are first followed
// through earlier redirects (merging into an absorbed network lands in its
// survivor; merging networks already merged does nothing). Redirects that
// pointed at absorbed now point at survivor, so lookups stay one hop.
// Absorbed's summary goes; survivor's is stale until RefreshNetworks.
func (w *writer) MergeNetworks(ctx context.Context, absorbed, survivor string) error {
	if absorbed == "" || survivor == "" {
		return errors.New("postgres: MergeNetworks: empty network ID")
	}
	a, err := w.resolveNetwork(ctx, absorbed)
	if err != nil {
		return err
	}
	s, err := w.resolveNetwork(ctx, survivor)
	if err != nil {
		return err
	}
	if a == s {
		return nil
	}
	var b pgx.Batch
	b.Queue(`UPDATE reports SET network_id = $1 WHERE network_id = $2`, s, a)
	b.Queue(`UPDATE network_redirects SET survivor = $1 WHERE survivor = $2`, s, a)
	b.Queue(`INSERT INTO network_redirects (absorbed, survivor) VALUES ($1, $2)
		ON CONFLICT (absorbed) DO UPDATE SET survivor = excluded.survivor`, a, s)
	b.Queue(`DELETE FROM networks WHERE id = $1`, a)
	return translate(w.tx.SendBatch(ctx, &b).Close())
}

// summarise is the statement that recomputes network summaries from their
// reports ($1 is the time of the refresh); filter picks the reports.
func summarise(filter string) string {
	return `INSERT INTO networks AS nw (id, report_count, selector_count, first_seen, last_seen, updated_at)
		SELECT r.network_id, r.n, coalesce(sc.n, 0), r.first_seen, r.last_seen, $1
		FROM (
			SELECT network_id, count(*) AS n, min(received_at) AS first_seen, max(received_at) AS last_seen
			FROM reports WHERE ` + filter + ` GROUP BY network_id
		) r
		LEFT JOIN (
			SELECT d.network_id, count(*) AS n FROM (
				SELECT DISTINCT reports.network_id, rs.selector_id FROM reports
				JOIN report_selectors rs ON rs.report_id = reports.id
				JOIN selectors s ON s.id = rs.selector_id
				WHERE ` + filter + ` AND NOT s.no_link
			) d GROUP BY d.network_id
		) sc ON sc.network_id = r.network_id
		ON CONFLICT (id) DO UPDATE SET report_count = excluded.report_count,
			selector_count = excluded.selector_count, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, updated_at = excluded.updated_at`
}

// RefreshNetworks recomputes the summaries of the given networks in one
// statement and deletes those left without reports.
func (w *writer) RefreshNetworks(ctx context.Context, ids []string) error {
	seen := make(map[string]bool, len(ids))
	var list []string
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			list = append(list, id)
		}
	}
	if len(list) == 0 {
		return nil
	}
	var b pgx.Batch
	b.Queue(summarise(`network_id = ANY($2)`), pgTime(time.Now()), list)
	b.Queue(`DELETE FROM networks WHERE id = ANY($1)
		AND NOT EXISTS (SELECT 1 FROM reports WHERE reports.network_id = networks.id)`, list)
	// A network that has reports again is no longer merged away.
	b.Queue(`DELETE FROM network_redirects WHERE absorbed = ANY($1) AND absorbed IN (SELECT id FROM networks)`, list)
	return translate(w.tx.SendBatch(ctx, &b).Close())
}

// ReplaceNetworks sets every report's network at once, as assign says,
// writing only the reports whose network changed (whole columns per
// statement), then replaces every summary (COPY). The summaries are
// counted here from two sequential scans (the reports, then the links in
// selector order; see batch.AllSummaries) rather than by the summary
// statement, which joins every link with its report and its selector and
// sorts all the (network, selector) pairs.
func (w *writer) ReplaceNetworks(ctx context.Context, assign func(reportID string) string) error {
	noLink, err := w.NoLinkSelectors(ctx)
	if err != nil {
		return err
	}
	sums := batch.NewAllSummaries(noLink)
	rows, err := w.tx.Query(ctx, `SELECT id, coalesce(network_id, ''), received_at FROM reports`)
	if err != nil {
		return translate(err)
	}
	var ids, nets []string
	var id, cur string
	var at time.Time
	if _, err := pgx.ForEachRow(rows, []any{&id, &cur, &at}, func() error {
		n := assign(id)
		if n != cur {
			ids = append(ids, id)
			nets = append(nets, n)
		}
		sums.Report(id, n, at)
		return nil
	}); err != nil {
		return translate(err)
	}
	rows, err = w.tx.Query(ctx, `SELECT selector_id, report_id FROM report_selectors ORDER BY selector_id`)
	if err != nil {
		return translate(err)
	}
	var sel, rep string
	if _, err := pgx.ForEachRow(rows, []any{&sel, &rep}, func() error {
		sums.Link(sel, rep)
		return nil
	}); err != nil {
		return translate(err)
	}
	return w.replaceSummaries(ctx, ids, nets, sums.Rows())
}

// replaceSummaries moves the reports ids[i] to the networks nets[i] and
// replaces every summary with all (COPY).
func (w *writer) replaceSummaries(ctx context.Context, ids, nets []string, all []batch.NetworkRow) error {
	if _, err := w.assign(ctx, ids, nets); err != nil {
		return err
	}
	if _, err := w.tx.Exec(ctx, `DELETE FROM networks`); err != nil {
		return translate(err)
	}
	now := time.Now()
	err := w.copyIn(ctx, "networks", []string{"id", "report_count", "selector_count", "first_seen", "last_seen", "updated_at"},
		copyEach(all, func(e *copyEncoder, n batch.NetworkRow) {
			e.row(6)
			e.text(n.ID)
			e.int4(int32(n.Reports))
			e.int4(int32(n.Selectors))
			e.time(n.FirstSeen)
			e.time(n.LastSeen)
			e.time(now)
		}))
	if err != nil {
		return err
	}
	_, err = w.tx.Exec(ctx, `DELETE FROM network_redirects WHERE absorbed IN (SELECT id FROM networks)`)
	return translate(err)
}
