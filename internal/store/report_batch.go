package store

import "context"

// NetworkMerge says that network Absorbed is now part of network Survivor.
type NetworkMerge struct {
	Absorbed, Survivor string
}

// BatchWriter is the import's path: a batch of new reports, linked into
// their networks by the caller beforehand, stored with every network change
// in a few set-based statements.
type BatchWriter interface {
	// NewReports says which reports InsertReports would store: those whose
	// (Origin, ExternalRef) is neither stored nor taken by an earlier report
	// of the batch (an empty ExternalRef never is). It only reads.
	NewReports(ctx context.Context, reports []*Report) ([]bool, error)
	// AddReports stores new reports like InsertReports, each already in its
	// network (NetworkID, "" for none), and applies the merges that linking
	// them caused, as MergeNetworks would: an absorbed network's reports move
	// to its survivor and its ID redirects there. Survivors must be final
	// (absorbed by no merge of the list); an absorbed ID that names no stored
	// network (one that came and went within the batch) only gets its
	// redirect. The summaries of the networks the reports land in are then
	// what RefreshNetworks would compute, but derived from the stored
	// summaries of their parts and what the batch adds, so that a batch
	// costs what it changes rather than the size of the networks it joins.
	// store.ErrConflict, with nothing stored, if a report is not new (see
	// NewReports).
	AddReports(ctx context.Context, reports []*Report, merges []NetworkMerge) error
}

// BulkWriter is a Writer that can take a bulk load: the reports of a large
// import into a store that holds none yet, all in the transaction of one
// Update. The reports are appended as they come; the selectors are counted
// in memory and written once, in key order, at the end; the secondary
// indexes of the tables a load fills are dropped at the start and built
// once, sorted, at the end. A load that does not reach its commit leaves
// the store as it was, indexes included. A driver that has no such path
// does not implement it (the caller then stores batch by batch).
type BulkWriter interface {
	Writer
	// BeginBulk readies the load. It reports false, having changed
	// nothing, when the store already holds reports.
	BeginBulk(ctx context.Context) (bool, error)
	// AppendReports stores reports with their losses, selector links and
	// recipients, each already in its network as it stands (NetworkID).
	// None may be stored yet: the caller de-duplicates. Their selectors are
	// counted for EndBulk.
	AppendReports(ctx context.Context, reports []*Report) error
	// EndBulk writes the selectors the appended reports named and the
	// redirects of the networks absorbed during the load (survivors
	// final), sets every report's network as assign says and every
	// summary (as ReplaceNetworks would, but counted from what was
	// appended rather than read back), and builds the indexes.
	EndBulk(ctx context.Context, merges []NetworkMerge, assign func(reportID string) string) error
}
