package postgres

import (
	"context"

	"counterscam/internal/store"
)

// ListNetworks returns the networks with reports in f.Scope, largest first,
// then by ID. The report filters (scam type, victim country, received in
// [Since, Until)) hold together for at least one report in scope of each
// network listed. After continues the list after that network
// (store.ErrNotFound if it has no summary, or no report in scope).
//
// With Scope.All the stored summaries answer. Otherwise each network is
// counted over its reports in scope, in one statement: reports, first and
// last seen grouped by network, ordered and cut to the page, and then the
// linking selectors of the page's networks only. UpdatedAt is then the
// latest CreatedAt of the network's reports in scope, so that reports out
// of scope change nothing a viewer sees.
func (r reader) ListNetworks(ctx context.Context, f store.NetworkFilter) ([]*store.Network, error) {
	var (
		p       params
		scope   = scopeWhere("r", f.Scope, &p)
		filters []string
		preds   []string
	)
	if f.ScamType != "" {
		filters = append(filters, `r.scam_type = `+p.add(f.ScamType))
	}
	if f.VictimCountry != "" {
		filters = append(filters, `r.victim_country = `+p.add(f.VictimCountry))
	}
	if !f.Since.IsZero() {
		filters = append(filters, `r.received_at >= `+p.add(f.Since))
	}
	if !f.Until.IsZero() {
		filters = append(filters, `r.received_at < `+p.add(f.Until))
	}
	if f.Scope.All {
		if len(filters) > 0 {
			preds = append(preds, `EXISTS (SELECT 1 FROM reports r WHERE r.network_id = n.id AND `+and(filters...)+`)`)
		}
		if f.MinReports > 0 {
			preds = append(preds, `n.report_count >= `+p.add(f.MinReports))
		}
		if f.After != "" {
			var size int
			err := r.db.QueryRow(ctx, `SELECT report_count FROM networks WHERE id = $1`, f.After).Scan(&size)
			if err != nil {
				return nil, translate(err)
			}
			s := p.add(size)
			preds = append(preds, `(n.report_count < `+s+` OR (n.report_count = `+s+` AND n.id > `+p.add(f.After)+`))`)
		}
		q := `SELECT ` + prefixed("n.", networkCols) + ` FROM networks n` + where(preds...) + ` ORDER BY n.report_count DESC, n.id`
		if f.Limit > 0 {
			q += ` LIMIT ` + p.add(f.Limit)
		}
		return r.networks(ctx, q, p)
	}

	hits := ""
	if len(filters) > 0 {
		hits = `, sum(CASE WHEN ` + and(filters...) + ` THEN 1 ELSE 0 END) AS hits`
		preds = append(preds, `v.hits > 0`)
	}
	if f.MinReports > 0 {
		preds = append(preds, `v.n >= `+p.add(f.MinReports))
	}
	if f.After != "" {
		var (
			size int
			ap   params
		)
		as := scopeWhere("r", f.Scope, &ap)
		err := r.db.QueryRow(ctx, `SELECT count(*) FROM reports r JOIN networks nw ON nw.id = r.network_id
			WHERE r.network_id = `+ap.add(f.After)+` AND `+as, ap...).Scan(&size)
		if err != nil {
			return nil, translate(err)
		}
		if size == 0 {
			return nil, store.ErrNotFound
		}
		s := p.add(size)
		preds = append(preds, `(v.n < `+s+` OR (v.n = `+s+` AND v.network_id > `+p.add(f.After)+`))`)
	}
	page := `SELECT v.network_id, v.n, v.first_seen, v.last_seen, v.updated_at FROM (
			SELECT r.network_id, count(*) AS n, min(r.received_at) AS first_seen, max(r.received_at) AS last_seen,
				max(r.created_at) AS updated_at` + hits + `
			FROM reports r WHERE r.network_id IS NOT NULL AND ` + scope + ` GROUP BY r.network_id
		) v JOIN networks nw ON nw.id = v.network_id` + where(preds...) + ` ORDER BY v.n DESC, v.network_id`
	if f.Limit > 0 {
		page += ` LIMIT ` + p.add(f.Limit)
	}
	q := `SELECT pg.network_id, pg.n, (` + visibleSelectorCount("pg.network_id", scope) + `),
			pg.first_seen, pg.last_seen, pg.updated_at
		FROM (` + page + `) pg ORDER BY pg.n DESC, pg.network_id`
	return r.networks(ctx, q, p)
}

// networks runs a query of network rows.
func (r reader) networks(ctx context.Context, q string, args []any) ([]*store.Network, error) {
	rows, err := r.db.Query(ctx, q, args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []*store.Network
	for rows.Next() {
		n, err := scanNetwork(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, translate(rows.Err())
}
