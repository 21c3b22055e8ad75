package sqlite

import (
	"context"
	"database/sql"

	"counterscam/internal/store"
)

// visibleSelectorStats is a query of, per selector that pick (a predicate
// on alias rs, report_selectors) keeps, the reports in scope (a predicate
// on alias r, or "") naming it, their distinct origins and their first and
// last ReceivedAt.
func visibleSelectorStats(pick, scope string) string {
	return `SELECT rs.selector_id, count(DISTINCT r.id) AS reports, count(DISTINCT r.origin) AS sources,
			min(r.received_at) AS first_seen, max(r.received_at) AS last_seen
		FROM report_selectors rs JOIN reports r ON r.id = rs.report_id
		WHERE ` + pick + andPred(scope) + ` GROUP BY rs.selector_id`
}

// SelectorStats aggregates the reports in sc that name a selector: how
// many, from how many origins, first and last received, their scam types
// and networks. store.ErrNotFound when no report in scope names it.
func (r reader) SelectorStats(ctx context.Context, selectorID string, sc store.Scope) (*store.SelectorStats, error) {
	var p params
	scope := scopeWhere("r", sc, &p)
	pick := `rs.selector_id = ` + p.add(selectorID)
	var (
		st          store.SelectorStats
		id          string
		first, last string
	)
	err := r.db.QueryRowContext(ctx, visibleSelectorStats(pick, scope), p...).Scan(&id, &st.Reports, &st.Sources, &first, &last)
	if err != nil {
		return nil, translate(err)
	}
	if st.FirstSeen, err = parseTime(first); err != nil {
		return nil, err
	}
	if st.LastSeen, err = parseTime(last); err != nil {
		return nil, err
	}
	from := ` FROM report_selectors rs JOIN reports r ON r.id = rs.report_id WHERE ` + pick + andPred(scope)
	err = r.each(ctx, `SELECT DISTINCT r.scam_type`+from+` AND r.scam_type <> '' ORDER BY 1`, p, func(rows *sql.Rows) error {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		st.ScamTypes = append(st.ScamTypes, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = r.each(ctx, `SELECT DISTINCT r.network_id`+from+` AND r.network_id IS NOT NULL ORDER BY 1`, p, func(rows *sql.Rows) error {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		st.Networks = append(st.Networks, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &st, nil
}
