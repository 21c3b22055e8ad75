package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"counterscam/internal/store"
)

// maxRedirects bounds how many merges a lookup follows (merges repoint old
// redirects, so chains stay short; the bound guards against a cycle).
const maxRedirects = 64

// resolveNetwork follows the redirects of merged networks from id to the
// network that holds its reports now (id itself when it was not merged).
func (r reader) resolveNetwork(ctx context.Context, id string) (string, error) {
	var out string
	err := r.db.QueryRowContext(ctx, `WITH RECURSIVE chain (id, depth) AS (
			SELECT ?, 0
			UNION ALL
			SELECT nr.survivor, chain.depth + 1 FROM network_redirects nr JOIN chain ON nr.absorbed = chain.id
			WHERE chain.depth < ?
		)
		SELECT id FROM chain ORDER BY depth DESC LIMIT 1`, id, maxRedirects).Scan(&out)
	return out, translate(err)
}

const networkCols = `id, report_count, selector_count, first_seen, last_seen, updated_at`

func scanNetwork(sc scanner) (*store.Network, error) {
	var (
		n                    store.Network
		first, last, updated string
	)
	if err := sc.Scan(&n.ID, &n.Reports, &n.Selectors, &first, &last, &updated); err != nil {
		return nil, translate(err)
	}
	var err error
	if n.FirstSeen, err = parseTime(first); err != nil {
		return nil, err
	}
	if n.LastSeen, err = parseTime(last); err != nil {
		return nil, err
	}
	if n.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &n, nil
}

// GetNetwork returns a network's summary, following the redirects of merged
// networks: asked for an absorbed network, it returns the survivor.
func (r reader) GetNetwork(ctx context.Context, id string) (*store.Network, error) {
	live, err := r.resolveNetwork(ctx, id)
	if err != nil {
		return nil, err
	}
	return scanNetwork(r.db.QueryRowContext(ctx, `SELECT `+networkCols+` FROM networks WHERE id = ?`, live))
}

// SummariseNetwork adds up a network's reports: distinct victims, losses
// per currency, reports per scam type and per victim country, and linking
// selectors (not marked NoLink) per kind.
func (r reader) SummariseNetwork(ctx context.Context, id string) (*store.NetworkSummary, error) {
	n, err := r.GetNetwork(ctx, id)
	if err != nil {
		return nil, err
	}
	s := &store.NetworkSummary{
		Network:         *n,
		Losses:          map[string]int64{},
		ScamTypes:       map[string]int{},
		VictimCountries: map[string]int{},
		SelectorsByKind: map[string]int{},
	}
	err = r.db.QueryRowContext(ctx, `SELECT count(DISTINCT nullif(victim_ref, '')) +
			coalesce(sum(CASE WHEN victim_ref = '' THEN 1 ELSE 0 END), 0)
		FROM reports WHERE network_id = ?`, n.ID).Scan(&s.Victims)
	if err != nil {
		return nil, translate(err)
	}
	args := []any{n.ID}
	err = r.each(ctx, `SELECT scam_type, victim_country, count(*) FROM reports WHERE network_id = ?
		GROUP BY scam_type, victim_country`, args, func(rows *sql.Rows) error {
		var scamType, country string
		var c int
		if err := rows.Scan(&scamType, &country, &c); err != nil {
			return err
		}
		if scamType != "" {
			s.ScamTypes[scamType] += c
		}
		if country != "" {
			s.VictimCountries[country] += c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = r.each(ctx, `SELECT l.currency, sum(l.amount_minor) FROM reports r
		JOIN report_losses l ON l.report_id = r.id WHERE r.network_id = ? GROUP BY l.currency`, args,
		func(rows *sql.Rows) error {
			var cur string
			var sum int64
			if err := rows.Scan(&cur, &sum); err != nil {
				return err
			}
			s.Losses[cur] = sum
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = r.each(ctx, `SELECT s.kind, count(DISTINCT s.id) FROM reports r
		JOIN report_selectors rs ON rs.report_id = r.id JOIN selectors s ON s.id = rs.selector_id
		WHERE r.network_id = ? AND s.no_link = 0 GROUP BY s.kind`, args, func(rows *sql.Rows) error {
		var kind string
		var c int
		if err := rows.Scan(&kind, &c); err != nil {
			return err
		}
		s.SelectorsByKind[kind] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// ListNetworks returns networks largest first, then by ID. The report
// filters (scam type, victim country, received in [Since, Until)) hold
// together for at least one report of each network listed. After continues
// the list after that network (store.ErrNotFound if it has no summary).
func (r reader) ListNetworks(ctx context.Context, f store.NetworkFilter) ([]*store.Network, error) {
	var (
		where, inner []string
		args, inArgs []any
	)
	if f.ScamType != "" {
		inner = append(inner, `r.scam_type = ?`)
		inArgs = append(inArgs, f.ScamType)
	}
	if f.VictimCountry != "" {
		inner = append(inner, `r.victim_country = ?`)
		inArgs = append(inArgs, f.VictimCountry)
	}
	if !f.Since.IsZero() {
		inner = append(inner, `r.received_at >= ?`)
		inArgs = append(inArgs, fmtTime(f.Since))
	}
	if !f.Until.IsZero() {
		inner = append(inner, `r.received_at < ?`)
		inArgs = append(inArgs, fmtTime(f.Until))
	}
	if len(inner) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM reports r WHERE r.network_id = n.id AND `+strings.Join(inner, ` AND `)+`)`)
		args = append(args, inArgs...)
	}
	if f.MinReports > 0 {
		where = append(where, `n.report_count >= ?`)
		args = append(args, f.MinReports)
	}
	if f.After != "" {
		var size int
		err := r.db.QueryRowContext(ctx, `SELECT report_count FROM networks WHERE id = ?`, f.After).Scan(&size)
		if err != nil {
			return nil, translate(err)
		}
		where = append(where, `(n.report_count < ? OR (n.report_count = ? AND n.id > ?))`)
		args = append(args, size, size, f.After)
	}
	q := `SELECT ` + networkCols + ` FROM networks n`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY n.report_count DESC, n.id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	var out []*store.Network
	err := r.each(ctx, q, args, func(rows *sql.Rows) error {
		n, err := scanNetwork(rows)
		if err != nil {
			return err
		}
		out = append(out, n)
		return nil
	})
	return out, err
}

// NetworkSelectors returns the selectors named by a network's reports, with
// how many of its reports name each, most first (then by ID); limit 0
// returns them all.
func (r reader) NetworkSelectors(ctx context.Context, networkID string, limit int) ([]store.SelectorCount, error) {
	n, err := r.GetNetwork(ctx, networkID)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + prefixed("s.", selectorCols) + `, c.n FROM (
			SELECT rs.selector_id, count(DISTINCT rs.report_id) AS n FROM reports r
			JOIN report_selectors rs ON rs.report_id = r.id WHERE r.network_id = ? GROUP BY rs.selector_id
		) c JOIN selectors s ON s.id = c.selector_id ORDER BY c.n DESC, s.id`
	args := []any{n.ID}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	var out []store.SelectorCount
	err = r.each(ctx, q, args, func(rows *sql.Rows) error {
		var c int
		s, err := scanSelector(rows, &c)
		if err != nil {
			return err
		}
		out = append(out, store.SelectorCount{Selector: *s, Count: c})
		return nil
	})
	return out, err
}

// prefixed qualifies every column of a list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}
