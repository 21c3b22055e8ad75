package store

import "context"

// CheckReader reads what the public and partners' checks need: for many
// selectors at once, one query per method whatever the number of IDs, so
// that a check of a thousand values costs a few queries, not thousands
// (each method answers for the IDs it is given only, in a map keyed by
// ID; an ID with nothing to answer is absent from it; repeated IDs are
// allowed), and whether anything changed since an answer was worked out.
type CheckReader interface {
	// GetSelectors is GetSelector for many IDs: the stored selectors among ids.
	GetSelectors(ctx context.Context, ids []string) (map[string]*Selector, error)
	// SelectorStatsMany is SelectorStats for many selectors: the
	// selectors among ids that reports in sc name, with the same
	// aggregates (ScamTypes and Networks sorted, nil when empty).
	SelectorStatsMany(ctx context.Context, ids []string, sc Scope) (map[string]*SelectorStats, error)
	// NetworkReports counts the reports in sc of each network among ids,
	// as SummariseNetwork's Reports does. ids are networks as reports name
	// them now (SelectorStats.Networks): redirects of merged networks are
	// not followed, and a network with no report in sc is absent.
	NetworkReports(ctx context.Context, ids []string, sc Scope) (map[string]int, error)
	// LastAuditSeq is the sequence number of the audit trail's last entry
	// (0 while it is empty), as committed. Every change appends an entry in
	// its own transaction, and entries are appended one at a time in
	// commit order, so an unchanged number means nothing changed.
	LastAuditSeq(ctx context.Context) (int64, error)
	// ListingCandidates returns every stored selector that an analyst
	// confirmed or that reports from at least minSources distinct origins
	// name (Selector.Sources, over all reports): a superset of those the
	// public check may list, from which a server builds its index of
	// listed selectors. In no particular order.
	ListingCandidates(ctx context.Context, minSources int) ([]*Selector, error)
}
