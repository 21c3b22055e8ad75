// Package graph finds the networks behind scam reports.
//
// Two reports are linked when they contain the same linking selector (a phone
// number, account, wallet, handle or site). A network is a connected
// component of reports and the selectors that link them: every report is in
// exactly one network, and a report that shares nothing is a network of one.
//
// The package is pure: no I/O, no storage, no globals. It offers two ways in:
//
//   - [Components] labels a whole graph given as dense integer indexes. The
//     store's rebuild feeds it directly; it runs in O(reports + selectors +
//     edges) time and allocates three int32 slices.
//   - [Partition] is keyed by the IDs the rest of counterscam uses (report
//     ULIDs, selector UUIDs) and grows one report at a time for the live
//     server ([Partition.AddReport]), reporting the networks each new report
//     merges so that the store can keep redirects.
//
// # Network IDs
//
// A network's ID is the ID of its oldest report: the smallest report ID in
// the network. Report IDs are ULIDs, whose lexical order is their order of
// creation, so:
//
//   - the ID stays the same as the network grows (new reports have larger
//     IDs);
//   - when two networks merge, the survivor is the one with the older root
//     report, and the other ID is reported as a [Redirect];
//   - a full rebuild from the same reports and selectors gives exactly the
//     same networks and IDs, whatever the order of the input;
//   - any network ID ever handed out is also a report ID, so
//     [Partition.NetworkOf] of an old ID finds the network it belongs to now,
//     for as long as that report exists.
//
// The ID is the bare ULID (no prefix), so it fits the same column type as
// report IDs; callers keep the two apart by context (/networks/{id} versus
// /reports/{id}).
//
// # Linking selectors and splits
//
// Callers pass only linking selectors: a selector that is allow-listed or
// that an analyst marked "does not link" must be left out of the selector
// lists. Union-find can join networks but never split them, so when the set
// of linking selectors shrinks (a "does not link" mark) or a report is
// deleted, the caller builds a new Partition from the store with [Build] and
// calls [Redirects] to learn which old network IDs disappeared and where
// their reports went. Marking a selector linking again may merge networks;
// the same rebuild handles it.
//
// # Concurrency
//
// A Partition is not safe for concurrent writes. Read methods never modify
// it, so any number of readers may run at once provided no AddReport runs at
// the same time: guard it with a sync.RWMutex.
package graph
