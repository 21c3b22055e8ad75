package postgres

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
)

// GetSelectors returns the stored selectors among ids: one search of the
// primary key per ID, the IDs sent as one array.
func (r reader) GetSelectors(ctx context.Context, ids []string) (map[string]*store.Selector, error) {
	out := make(map[string]*store.Selector, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := r.db.Query(ctx, `SELECT `+selectorCols+` FROM selectors WHERE id = ANY($1::text[])`, ids)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		s, err := scanSelector(rows)
		if err != nil {
			return nil, err
		}
		out[s.ID] = s
	}
	return out, translate(rows.Err())
}

// SelectorStatsMany aggregates, per selector among ids, the reports in sc
// naming it, in one grouped query; the scam types and networks come as
// arrays, sorted here in byte order (as SelectorStats's are under the C
// collation of the ID columns).
func (r reader) SelectorStatsMany(ctx context.Context, ids []string, sc store.Scope) (map[string]*store.SelectorStats, error) {
	out := make(map[string]*store.SelectorStats, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var p params
	pick := `rs.selector_id = ANY(` + p.add(ids) + `::text[])`
	scope := scopeWhere("r", sc, &p)
	q := `SELECT rs.selector_id, count(DISTINCT r.id), count(DISTINCT r.origin), min(r.received_at), max(r.received_at),
			coalesce(array_agg(DISTINCT r.scam_type) FILTER (WHERE r.scam_type <> ''), '{}'),
			coalesce(array_agg(DISTINCT r.network_id) FILTER (WHERE r.network_id IS NOT NULL), '{}')
		FROM report_selectors rs JOIN reports r ON r.id = rs.report_id
		WHERE ` + pick + andPred(scope) + ` GROUP BY rs.selector_id`
	rows, err := r.db.Query(ctx, q, p...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			st          store.SelectorStats
			id          string
			first, last time.Time
		)
		if err := rows.Scan(&id, &st.Reports, &st.Sources, &first, &last, &st.ScamTypes, &st.Networks); err != nil {
			return nil, translate(err)
		}
		st.FirstSeen, st.LastSeen = first.UTC(), last.UTC()
		st.ScamTypes, st.Networks = sorted(st.ScamTypes), sorted(st.Networks)
		out[id] = &st
	}
	return out, translate(rows.Err())
}

// sorted sorts s in place; nil when empty.
func sorted(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	sort.Strings(s)
	return s
}

// NetworkReports counts the reports in sc of each network among ids.
func (r reader) NetworkReports(ctx context.Context, ids []string, sc store.Scope) (map[string]int, error) {
	out := make(map[string]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var p params
	pick := `r.network_id = ANY(` + p.add(ids) + `::text[])`
	scope := scopeWhere("r", sc, &p)
	rows, err := r.db.Query(ctx, `SELECT r.network_id, count(*) FROM reports r WHERE `+pick+andPred(scope)+` GROUP BY r.network_id`, p...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id string
			n  int
		)
		if err := rows.Scan(&id, &n); err != nil {
			return nil, translate(err)
		}
		out[id] = n
	}
	return out, translate(rows.Err())
}

// LastAuditSeq reads the audit trail's head.
func (r reader) LastAuditSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := r.db.QueryRow(ctx, `SELECT seq FROM audit_head WHERE id = 1`).Scan(&seq)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return seq, translate(err)
}

// ListingCandidates reads the confirmed selectors and those with at least
// minSources origins: one scan of the selectors table.
func (r reader) ListingCandidates(ctx context.Context, minSources int) ([]*store.Selector, error) {
	rows, err := r.db.Query(ctx, `SELECT `+selectorCols+` FROM selectors WHERE confirmed OR source_count >= $1`, minSources)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []*store.Selector
	for rows.Next() {
		s, err := scanSelector(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, translate(rows.Err())
}
