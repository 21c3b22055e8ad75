package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"counterscam/internal/store"
)

// idsIn returns the predicate "col is one of ids", its argument added to
// p. Many IDs go as one JSON array parameter through json_each: the
// statement has the same text (and plan) whatever their number, and never
// reaches SQLite's limit on parameters. One ID, as the public check asks,
// is a plain comparison: json_each costs more than the search itself.
func idsIn(col string, ids []string, p *params) (string, error) {
	if len(ids) == 1 {
		return col + ` = ` + p.add(ids[0]), nil
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return "", err
	}
	return col + ` IN (SELECT value FROM json_each(` + p.add(string(b)) + `))`, nil
}

// GetSelectors returns the stored selectors among ids: one search of the
// primary key per ID.
func (r reader) GetSelectors(ctx context.Context, ids []string) (map[string]*store.Selector, error) {
	out := make(map[string]*store.Selector, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var p params
	pick, err := idsIn("id", ids, &p)
	if err != nil {
		return nil, err
	}
	err = r.each(ctx, `SELECT `+selectorCols+` FROM selectors WHERE `+pick, p, func(rows *sql.Rows) error {
		s, err := scanSelector(rows)
		if err != nil {
			return err
		}
		out[s.ID] = s
		return nil
	})
	return out, err
}

// SelectorStatsMany aggregates, per selector among ids, the reports in sc
// naming it, in one grouped query: the scam types and networks come as
// comma-separated lists (neither a scam type nor a network ID holds a
// comma), sorted here. CROSS JOIN keeps SQLite from starting at the
// reports (through the scope's label index) instead of at the IDs.
func (r reader) SelectorStatsMany(ctx context.Context, ids []string, sc store.Scope) (map[string]*store.SelectorStats, error) {
	out := make(map[string]*store.SelectorStats, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var p params
	pick, err := idsIn("rs.selector_id", ids, &p)
	if err != nil {
		return nil, err
	}
	scope := scopeWhere("r", sc, &p)
	q := `SELECT rs.selector_id, count(DISTINCT r.id), count(DISTINCT r.origin), min(r.received_at), max(r.received_at),
			coalesce(group_concat(DISTINCT nullif(r.scam_type, '')), ''), coalesce(group_concat(DISTINCT r.network_id), '')
		FROM report_selectors rs CROSS JOIN reports r ON r.id = rs.report_id
		WHERE ` + pick + andPred(scope) + ` GROUP BY rs.selector_id`
	err = r.each(ctx, q, p, func(rows *sql.Rows) error {
		var (
			st                 store.SelectorStats
			id, first, last    string
			scamTypes, network string
		)
		if err := rows.Scan(&id, &st.Reports, &st.Sources, &first, &last, &scamTypes, &network); err != nil {
			return err
		}
		var err error
		if st.FirstSeen, err = parseTime(first); err != nil {
			return err
		}
		if st.LastSeen, err = parseTime(last); err != nil {
			return err
		}
		st.ScamTypes, st.Networks = splitSorted(scamTypes), splitSorted(network)
		out[id] = &st
		return nil
	})
	return out, err
}

// splitSorted splits a comma-separated list and sorts it; nil when empty.
func splitSorted(s string) []string {
	if s == "" {
		return nil
	}
	out := strings.Split(s, ",")
	sort.Strings(out)
	return out
}

// NetworkReports counts the reports in sc of each network among ids: a
// search of the network index per ID.
func (r reader) NetworkReports(ctx context.Context, ids []string, sc store.Scope) (map[string]int, error) {
	out := make(map[string]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var p params
	pick, err := idsIn("r.network_id", ids, &p)
	if err != nil {
		return nil, err
	}
	scope := scopeWhere("r", sc, &p)
	// INDEXED BY: the planner, misled by statistics gathered while most
	// reports had no network yet, would rather scan every report of the
	// scope's labels through reports_tlp_origin.
	err = r.each(ctx, `SELECT r.network_id, count(*) FROM reports r INDEXED BY reports_network WHERE `+pick+andPred(scope)+` GROUP BY r.network_id`,
		p, func(rows *sql.Rows) error {
			var (
				id string
				n  int
			)
			if err := rows.Scan(&id, &n); err != nil {
				return err
			}
			out[id] = n
			return nil
		})
	return out, err
}

// LastAuditSeq reads the audit trail's head.
func (r reader) LastAuditSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := r.db.QueryRowContext(ctx, `SELECT seq FROM audit_head WHERE id = 1`).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return seq, translate(err)
}

// ListingCandidates reads the confirmed selectors and those with at least
// minSources origins: one scan of the selectors table.
func (r reader) ListingCandidates(ctx context.Context, minSources int) ([]*store.Selector, error) {
	var out []*store.Selector
	err := r.each(ctx, `SELECT `+selectorCols+` FROM selectors WHERE confirmed <> 0 OR source_count >= ?`,
		[]any{minSources}, func(rows *sql.Rows) error {
			s, err := scanSelector(rows)
			if err != nil {
				return err
			}
			out = append(out, s)
			return nil
		})
	return out, err
}
