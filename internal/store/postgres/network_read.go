package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
)

// maxRedirects bounds how many merges a lookup follows (merges repoint old
// redirects, so chains stay short; the bound guards against a cycle).
const maxRedirects = 64

// resolveNetwork follows the redirects of merged networks from id to the
// network that holds its reports now (id itself when it was not merged).
func (r reader) resolveNetwork(ctx context.Context, id string) (string, error) {
	var out string
	err := r.db.QueryRow(ctx, `WITH RECURSIVE chain (id, depth) AS (
			SELECT $1::text COLLATE "C", 0
			UNION ALL
			SELECT nr.survivor, chain.depth + 1 FROM network_redirects nr JOIN chain ON nr.absorbed = chain.id
			WHERE chain.depth < $2
		)
		SELECT id FROM chain ORDER BY depth DESC LIMIT 1`, id, maxRedirects).Scan(&out)
	return out, translate(err)
}

const networkCols = `id, report_count, selector_count, first_seen, last_seen, updated_at`

func scanNetwork(row pgx.Row) (*store.Network, error) {
	var (
		n                    store.Network
		first, last, updated time.Time
	)
	if err := row.Scan(&n.ID, &n.Reports, &n.Selectors, &first, &last, &updated); err != nil {
		return nil, translate(err)
	}
	n.FirstSeen, n.LastSeen, n.UpdatedAt = first.UTC(), last.UTC(), updated.UTC()
	return &n, nil
}

// GetNetwork returns a network's summary, following the redirects of merged
// networks: asked for an absorbed network, it returns the survivor.
func (r reader) GetNetwork(ctx context.Context, id string) (*store.Network, error) {
	live, err := r.resolveNetwork(ctx, id)
	if err != nil {
		return nil, err
	}
	return scanNetwork(r.db.QueryRow(ctx, `SELECT `+networkCols+` FROM networks WHERE id = $1`, live))
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
	err = r.db.QueryRow(ctx, `SELECT count(DISTINCT nullif(victim_ref, '')) + count(*) FILTER (WHERE victim_ref = '')
		FROM reports WHERE network_id = $1`, n.ID).Scan(&s.Victims)
	if err != nil {
		return nil, translate(err)
	}
	var (
		k, k2 string
		c     int
		sum   int64
	)
	rows, err := r.db.Query(ctx, `SELECT scam_type, victim_country, count(*) FROM reports WHERE network_id = $1
		GROUP BY scam_type, victim_country`, n.ID)
	if err != nil {
		return nil, translate(err)
	}
	if _, err := pgx.ForEachRow(rows, []any{&k, &k2, &c}, func() error {
		if k != "" {
			s.ScamTypes[k] += c
		}
		if k2 != "" {
			s.VictimCountries[k2] += c
		}
		return nil
	}); err != nil {
		return nil, translate(err)
	}
	rows, err = r.db.Query(ctx, `SELECT l.currency, sum(l.amount_minor)::bigint FROM reports r
		JOIN report_losses l ON l.report_id = r.id WHERE r.network_id = $1 GROUP BY l.currency`, n.ID)
	if err != nil {
		return nil, translate(err)
	}
	if _, err := pgx.ForEachRow(rows, []any{&k, &sum}, func() error {
		s.Losses[k] = sum
		return nil
	}); err != nil {
		return nil, translate(err)
	}
	rows, err = r.db.Query(ctx, `SELECT s.kind, count(DISTINCT s.id) FROM reports r
		JOIN report_selectors rs ON rs.report_id = r.id JOIN selectors s ON s.id = rs.selector_id
		WHERE r.network_id = $1 AND NOT s.no_link GROUP BY s.kind`, n.ID)
	if err != nil {
		return nil, translate(err)
	}
	if _, err := pgx.ForEachRow(rows, []any{&k, &c}, func() error {
		s.SelectorsByKind[k] = c
		return nil
	}); err != nil {
		return nil, translate(err)
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
		p            params
	)
	if f.ScamType != "" {
		inner = append(inner, `r.scam_type = `+p.add(f.ScamType))
	}
	if f.VictimCountry != "" {
		inner = append(inner, `r.victim_country = `+p.add(f.VictimCountry))
	}
	if !f.Since.IsZero() {
		inner = append(inner, `r.received_at >= `+p.add(f.Since))
	}
	if !f.Until.IsZero() {
		inner = append(inner, `r.received_at < `+p.add(f.Until))
	}
	if len(inner) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM reports r WHERE r.network_id = n.id AND `+strings.Join(inner, ` AND `)+`)`)
	}
	if f.MinReports > 0 {
		where = append(where, `n.report_count >= `+p.add(f.MinReports))
	}
	if f.After != "" {
		var size int
		err := r.db.QueryRow(ctx, `SELECT report_count FROM networks WHERE id = $1`, f.After).Scan(&size)
		if err != nil {
			return nil, translate(err)
		}
		s := p.add(size)
		where = append(where, `(n.report_count < `+s+` OR (n.report_count = `+s+` AND n.id > `+p.add(f.After)+`))`)
	}
	q := `SELECT ` + networkCols + ` FROM networks n`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY n.report_count DESC, n.id`
	if f.Limit > 0 {
		q += ` LIMIT ` + p.add(f.Limit)
	}
	rows, err := r.db.Query(ctx, q, p...)
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

// NetworkSelectors returns the selectors named by a network's reports, with
// how many of its reports name each, most first (then by ID); limit 0
// returns them all.
func (r reader) NetworkSelectors(ctx context.Context, networkID string, limit int) ([]store.SelectorCount, error) {
	n, err := r.GetNetwork(ctx, networkID)
	if err != nil {
		return nil, err
	}
	var p params
	q := `SELECT ` + prefixed("s.", selectorCols) + `, c.n FROM (
			SELECT rs.selector_id, count(DISTINCT rs.report_id) AS n FROM reports r
			JOIN report_selectors rs ON rs.report_id = r.id WHERE r.network_id = ` + p.add(n.ID) + `
			GROUP BY rs.selector_id
		) c JOIN selectors s ON s.id = c.selector_id ORDER BY c.n DESC, s.id`
	if limit > 0 {
		q += ` LIMIT ` + p.add(limit)
	}
	rows, err := r.db.Query(ctx, q, p...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []store.SelectorCount
	for rows.Next() {
		var c int
		s, err := scanSelector(rows, &c)
		if err != nil {
			return nil, err
		}
		out = append(out, store.SelectorCount{Selector: *s, Count: c})
	}
	return out, translate(rows.Err())
}

// prefixed qualifies every column of a list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, part := range parts {
		parts[i] = alias + strings.TrimSpace(part)
	}
	return strings.Join(parts, ", ")
}
