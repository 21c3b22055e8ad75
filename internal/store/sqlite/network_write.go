package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"counterscam/internal/store"
	"counterscam/internal/store/internal/batch"
)

var setNetworks = multiRow{
	head: `UPDATE reports SET network_id = v.column2 FROM (VALUES`,
	cols: 2,
	tail: `) AS v WHERE reports.id = v.column1`,
}

// SetNetworks records which network each report is in ("" for none). A
// report named twice takes its last network. store.ErrNotFound if a report
// is not stored.
func (w *writer) SetNetworks(ctx context.Context, reportIDs, networkIDs []string) error {
	if len(reportIDs) != len(networkIDs) {
		return errors.New("sqlite: SetNetworks: as many network IDs as report IDs needed")
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
	args := make([]any, 0, maxVars)
	err := batch.Chunks(len(ids), setNetworks.rowsPerStmt(), func(lo, hi int) error {
		args = args[:0]
		for i := lo; i < hi; i++ {
			args = append(args, ids[i], nullStr(nets[i]))
		}
		st, err := w.stmt(ctx, setNetworks, hi-lo)
		if err != nil {
			return err
		}
		res, err := st.ExecContext(ctx, args...)
		if err != nil {
			return translate(err)
		}
		n, err := res.RowsAffected()
		total += int(n)
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
		return errors.New("sqlite: MergeNetworks: empty network ID")
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
	for _, st := range []struct {
		q    string
		args []any
	}{
		{`UPDATE reports SET network_id = ? WHERE network_id = ?`, []any{s, a}},
		{`UPDATE network_redirects SET survivor = ? WHERE survivor = ?`, []any{s, a}},
		{`INSERT INTO network_redirects (absorbed, survivor) VALUES (?, ?)
			ON CONFLICT (absorbed) DO UPDATE SET survivor = excluded.survivor`, []any{a, s}},
		{`DELETE FROM networks WHERE id = ?`, []any{a}},
	} {
		if _, err := w.tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return translate(err)
		}
	}
	return nil
}

// summarise is the statement that recomputes network summaries from their
// reports; filter picks the reports (its parameters are needed twice).
func summarise(filter string) string {
	return `INSERT INTO networks (id, report_count, selector_count, first_seen, last_seen, updated_at)
		SELECT r.network_id, r.n, coalesce(sc.n, 0), r.first_seen, r.last_seen, ?
		FROM (
			SELECT network_id, count(*) AS n, min(received_at) AS first_seen, max(received_at) AS last_seen
			FROM reports WHERE ` + filter + ` GROUP BY network_id
		) r
		LEFT JOIN (
			SELECT network_id, count(*) AS n FROM (
				SELECT DISTINCT reports.network_id, rs.selector_id FROM reports
				JOIN report_selectors rs ON rs.report_id = reports.id
				JOIN selectors s ON s.id = rs.selector_id
				WHERE ` + filter + ` AND s.no_link = 0
			) GROUP BY network_id
		) sc ON sc.network_id = r.network_id
		WHERE true
		ON CONFLICT (id) DO UPDATE SET report_count = excluded.report_count,
			selector_count = excluded.selector_count, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, updated_at = excluded.updated_at`
}

// RefreshNetworks recomputes the summaries of the given networks, a few
// hundred networks per statement, and deletes those left without reports.
func (w *writer) RefreshNetworks(ctx context.Context, ids []string) error {
	seen := make(map[string]bool, len(ids))
	var list []any
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			list = append(list, id)
		}
	}
	now := fmtTime(time.Now())
	return batch.Chunks(len(list), 500, func(lo, hi int) error {
		part := list[lo:hi]
		in := `network_id IN (` + placeholders(len(part)) + `)`
		args := append(append([]any{now}, part...), part...)
		if _, err := w.tx.ExecContext(ctx, summarise(in), args...); err != nil {
			return translate(err)
		}
		idIn := `(` + placeholders(len(part)) + `)`
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM networks WHERE id IN `+idIn+`
			AND NOT EXISTS (SELECT 1 FROM reports WHERE reports.network_id = networks.id)`, part...); err != nil {
			return translate(err)
		}
		// A network that has reports again is no longer merged away.
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM network_redirects WHERE absorbed IN `+idIn+`
			AND absorbed IN (SELECT id FROM networks)`, part...); err != nil {
			return translate(err)
		}
		return nil
	})
}

// ReplaceNetworks sets every report's network at once, as assign says,
// writing only the reports whose network changed, then replaces every
// summary. The summaries are counted here from two sequential scans (the
// reports, then the links in selector order; see batch.AllSummaries): the
// summary statement would join every link with its report and its selector
// at random places and sort all the (network, selector) pairs.
func (w *writer) ReplaceNetworks(ctx context.Context, assign func(reportID string) string) error {
	noLink, err := w.NoLinkSelectors(ctx)
	if err != nil {
		return err
	}
	sums := batch.NewAllSummaries(noLink)
	var ids, nets []string
	err = w.each(ctx, `SELECT id, coalesce(network_id, ''), received_at FROM reports`, nil, func(rows *sql.Rows) error {
		var id, cur, received string
		if err := rows.Scan(&id, &cur, &received); err != nil {
			return err
		}
		at, err := parseTime(received)
		if err != nil {
			return err
		}
		n := assign(id)
		if n != cur {
			ids = append(ids, id)
			nets = append(nets, n)
		}
		sums.Report(id, n, at)
		return nil
	})
	if err != nil {
		return err
	}
	err = w.each(ctx, `SELECT selector_id, report_id FROM report_selectors INDEXED BY report_selectors_selector
		ORDER BY selector_id`, nil, func(rows *sql.Rows) error {
		var sel, rep string
		if err := rows.Scan(&sel, &rep); err != nil {
			return err
		}
		sums.Link(sel, rep)
		return nil
	})
	if err != nil {
		return err
	}
	return w.replaceSummaries(ctx, ids, nets, sums.Rows())
}

// replaceSummaries moves the reports ids[i] to the networks nets[i] and
// replaces every summary with rows.
func (w *writer) replaceSummaries(ctx context.Context, ids, nets []string, rows []batch.NetworkRow) error {
	if _, err := w.assign(ctx, ids, nets); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, `DELETE FROM networks`); err != nil {
		return translate(err)
	}
	now := fmtTime(time.Now())
	err := execChunks(ctx, w, rows, putSummaries, make([]any, 0, maxVars), func(a []any, n batch.NetworkRow) []any {
		return append(a, n.ID, n.Reports, n.Selectors, fmtTime(n.FirstSeen), fmtTime(n.LastSeen), now)
	})
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `DELETE FROM network_redirects WHERE absorbed IN (SELECT id FROM networks)`)
	return translate(err)
}
