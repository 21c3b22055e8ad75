package sqlite

import (
	"strconv"
	"strings"

	"counterscam/internal/store"
)

// params collects the arguments of a statement built piece by piece, each
// with its numbered placeholder (?1, ?2...): a piece can be written in any
// order, and a placeholder can appear more than once.
type params []any

// add appends v and returns its placeholder.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "?" + strconv.Itoa(len(*p))
}

// list appends vs and returns their placeholders, comma-separated.
func (p *params) list(vs []string) string {
	ph := make([]string, len(vs))
	for i, v := range vs {
		ph[i] = p.add(v)
	}
	return strings.Join(ph, ", ")
}

// scopeWhere returns the predicate that says whether the report row r (a
// table alias) is in sc, its arguments added to p; "" for store.Scope.All,
// which sees everything. The rules are store.Scope's.
func scopeWhere(r string, sc store.Scope, p *params) string {
	if sc.All {
		return ""
	}
	or := []string{r + `.tlp = '` + store.TLPClear + `'`}
	if sc.Member {
		or = append(or, r+`.tlp = '`+store.TLPGreen+`'`)
	}
	if sc.Org != "" {
		org := p.add(sc.Org)
		origins := org
		if len(sc.PartnerOf) > 0 {
			origins += ", " + p.list(sc.PartnerOf)
		}
		or = append(or,
			`(`+r+`.tlp = '`+store.TLPAmber+`' AND `+r+`.origin IN (`+origins+`))`,
			`(`+r+`.tlp = '`+store.TLPAmberStrict+`' AND `+r+`.origin = `+org+`)`)
	}
	if sc.UserID != "" {
		u := p.add(sc.UserID)
		or = append(or, `(`+r+`.tlp = '`+store.TLPRed+`' AND (`+r+`.created_by = `+u+
			` OR EXISTS (SELECT 1 FROM report_recipients rcp WHERE rcp.report_id = `+r+`.id AND rcp.user_id = `+u+`)))`)
	}
	return `(` + strings.Join(or, ` OR `) + `)`
}

// and joins the non-empty predicates with AND; "" when there are none.
func and(preds ...string) string {
	var out []string
	for _, p := range preds {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ` AND `)
}

// where is " WHERE " and the predicates, or "" when there are none.
func where(preds ...string) string {
	if w := and(preds...); w != "" {
		return ` WHERE ` + w
	}
	return ""
}
