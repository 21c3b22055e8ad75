package postgres

import (
	"strings"

	"counterscam/internal/store"
)

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
		amber := r + `.origin = ` + org
		if len(sc.PartnerOf) > 0 {
			amber = `(` + amber + ` OR ` + r + `.origin = ANY(` + p.add(sc.PartnerOf) + `::text[]))`
		}
		or = append(or,
			`(`+r+`.tlp = '`+store.TLPAmber+`' AND `+amber+`)`,
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

// andPred is " AND " and pred, or "" when pred is "".
func andPred(pred string) string {
	if pred == "" {
		return ""
	}
	return ` AND ` + pred
}
