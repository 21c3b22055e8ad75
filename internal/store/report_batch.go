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
