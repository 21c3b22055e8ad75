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

// visibleNetwork returns a network (after redirects) as the reports in sc
// make it up: with Scope.All its stored summary, otherwise counted over the
// reports in scope (UpdatedAt the latest CreatedAt among them, so that
// reports out of scope change nothing), store.ErrNotFound when it has none.
func (r reader) visibleNetwork(ctx context.Context, id string, sc store.Scope) (*store.Network, error) {
	if sc.All {
		return r.GetNetwork(ctx, id)
	}
	live, err := r.resolveNetwork(ctx, id)
	if err != nil {
		return nil, err
	}
	var p params
	scope := scopeWhere("r", sc, &p)
	q := `SELECT nw.id, v.n, (` + visibleSelectorCount("nw.id", scope) + `), v.first_seen, v.last_seen, v.updated_at
		FROM networks nw JOIN (
			SELECT r.network_id, count(*) AS n, min(r.received_at) AS first_seen, max(r.received_at) AS last_seen,
				max(r.created_at) AS updated_at
			FROM reports r WHERE r.network_id = ` + p.add(live) + ` AND ` + scope + ` GROUP BY r.network_id
		) v ON v.network_id = nw.id`
	return scanNetwork(r.db.QueryRowContext(ctx, q, p...))
}

// visibleSelectorCount is a subquery counting the distinct linking
// selectors named by the reports in scope (a predicate on alias r) of the
// network network (an SQL expression).
func visibleSelectorCount(network, scope string) string {
	return `SELECT count(DISTINCT rs.selector_id) FROM reports r
		JOIN report_selectors rs ON rs.report_id = r.id JOIN selectors s ON s.id = rs.selector_id
		WHERE r.network_id = ` + network + ` AND s.no_link = 0` + andPred(scope)
}

// andPred is " AND " and pred, or "" when pred is "".
func andPred(pred string) string {
	if pred == "" {
		return ""
	}
	return ` AND ` + pred
}

// SummariseNetwork adds up a network's reports in sc: distinct victims,
// losses per currency, reports per scam type and per victim country, and
// linking selectors (not marked NoLink) per kind.
func (r reader) SummariseNetwork(ctx context.Context, id string, sc store.Scope) (*store.NetworkSummary, error) {
	n, err := r.visibleNetwork(ctx, id, sc)
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
	var p params
	in := `r.network_id = ` + p.add(n.ID) + andPred(scopeWhere("r", sc, &p))
	err = r.db.QueryRowContext(ctx, `SELECT count(DISTINCT nullif(r.victim_ref, '')) +
			coalesce(sum(CASE WHEN r.victim_ref = '' THEN 1 ELSE 0 END), 0)
		FROM reports r WHERE `+in, p...).Scan(&s.Victims)
	if err != nil {
		return nil, translate(err)
	}
	err = r.each(ctx, `SELECT r.scam_type, r.victim_country, count(*) FROM reports r WHERE `+in+`
		GROUP BY r.scam_type, r.victim_country`, p, func(rows *sql.Rows) error {
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
		JOIN report_losses l ON l.report_id = r.id WHERE `+in+` GROUP BY l.currency`, p,
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
		WHERE `+in+` AND s.no_link = 0 GROUP BY s.kind`, p, func(rows *sql.Rows) error {
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

// NetworkSelectors returns the selectors named by a network's reports in
// sc, with how many of those reports name each, most first (then by ID);
// limit 0 returns them all. Outside Scope.All, each selector's reports,
// sources and first and last seen are counted over the reports in scope.
func (r reader) NetworkSelectors(ctx context.Context, networkID string, limit int, sc store.Scope) ([]store.SelectorCount, error) {
	n, err := r.visibleNetwork(ctx, networkID, sc)
	if err != nil {
		return nil, err
	}
	var (
		p     params
		q     string
		scope = scopeWhere("r", sc, &p)
		lim   string
	)
	nid := p.add(n.ID)
	if limit > 0 {
		lim = ` LIMIT ` + p.add(limit)
	}
	if sc.All {
		q = `SELECT ` + prefixed("s.", selectorCols) + `, c.n FROM (
				SELECT rs.selector_id, count(DISTINCT rs.report_id) AS n FROM reports r
				JOIN report_selectors rs ON rs.report_id = r.id WHERE r.network_id = ` + nid + ` GROUP BY rs.selector_id
			) c JOIN selectors s ON s.id = c.selector_id ORDER BY c.n DESC, s.id` + lim
	} else {
		q = `WITH c AS (
				SELECT rs.selector_id, count(DISTINCT rs.report_id) AS n FROM reports r
				JOIN report_selectors rs ON rs.report_id = r.id
				WHERE r.network_id = ` + nid + ` AND ` + scope + `
				GROUP BY rs.selector_id ORDER BY n DESC, rs.selector_id` + lim + `
			), g AS (` + visibleSelectorStats(`rs.selector_id IN (SELECT selector_id FROM c)`, scope) + `)
			SELECT s.id, s.kind, s.value, s.display, s.region, s.subtype, s.hash, g.first_seen, g.last_seen,
				g.reports, g.sources, s.no_link, s.confirmed, s.withdrawn, c.n
			FROM c JOIN selectors s ON s.id = c.selector_id JOIN g ON g.selector_id = c.selector_id
			ORDER BY c.n DESC, s.id`
	}
	var out []store.SelectorCount
	err = r.each(ctx, q, p, func(rows *sql.Rows) error {
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
