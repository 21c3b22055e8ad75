package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

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
		first, last time.Time
	)
	err := r.db.QueryRow(ctx, visibleSelectorStats(pick, scope), p...).Scan(&id, &st.Reports, &st.Sources, &first, &last)
	if err != nil {
		return nil, translate(err)
	}
	st.FirstSeen, st.LastSeen = first.UTC(), last.UTC()
	from := ` FROM report_selectors rs JOIN reports r ON r.id = rs.report_id WHERE ` + pick + andPred(scope)
	rows, err := r.db.Query(ctx, `SELECT DISTINCT r.scam_type`+from+` AND r.scam_type <> '' ORDER BY 1`, p...)
	if err != nil {
		return nil, translate(err)
	}
	if st.ScamTypes, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		return nil, translate(err)
	}
	rows, err = r.db.Query(ctx, `SELECT DISTINCT r.network_id`+from+` AND r.network_id IS NOT NULL ORDER BY 1`, p...)
	if err != nil {
		return nil, translate(err)
	}
	if st.Networks, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		return nil, translate(err)
	}
	if len(st.ScamTypes) == 0 {
		st.ScamTypes = nil
	}
	if len(st.Networks) == 0 {
		st.Networks = nil
	}
	return &st, nil
}
