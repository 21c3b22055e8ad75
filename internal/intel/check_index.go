package intel

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// publicIndex holds the public answer of every listed selector in memory,
// so that a server answers the public, bulk and range checks without
// reading the store: a selector absent from it is not listed. Only a
// small share of the selectors is listed (about 9% of a million in the
// benchmark), so the index is small next to the store.
//
// It is built whole from the store (ListingCandidates, then the public
// answer of each candidate worked out as the check does), and kept right:
//
//   - on this server, a new report or an analyst's mark updates the
//     entries of the selectors it touches before the call returns, and a
//     rebuild of the networks (a "does not link" mark) rebuilds the index;
//   - changes made elsewhere (another server over the same PostgreSQL
//     database, a command over the same store) are seen by comparing the
//     store's change mark (the audit trail's head) every indexPoll: when it
//     moved, the index is rebuilt, at most once every indexRefresh or
//     indexSpacing times the last build's duration, whichever is longer
//     (so that rebuilds take at most a quarter of a core while other
//     servers keep writing); whatever the mark says, it is rebuilt after
//     indexMaxAge, since the rebuild that follows a "does not link" mark
//     appends no audit entry of its own (the mark's entry comes first, so
//     a refresh between the two can keep the network sizes of before, and
//     only those, for that long; `counterscam rebuild` is audited).
//
// A build reads every candidate's reports: about 10 s of one core for the
// benchmark's million selectors (95,623 listed), 30 s on a busy machine.
// So a change made elsewhere reaches the answers within
// max(indexRefresh, indexSpacing × build) + indexPoll + a build: about a
// minute on that store, 10 s on a small one (the check cache's bound
// before the index was 10 s). Every change made on this server is in its
// answers when the call that made it returns.
type publicIndex struct {
	mu     sync.RWMutex
	listed *entryTable  // by selector ID
	hashes []rangeEntry // the listed selectors, by hash
	// accounts: the listed bank accounts (IBANs aside) by their digits,
	// for a number checked without its bank (check_account.go). A
	// lookup keeps only those listed still.
	accounts accountDigits

	// builtAt and mark: when the index was built and the change mark read
	// before; dirty: a local update failed, rebuild at once.
	builtAt time.Time
	took    time.Duration // the last build's duration
	mark    int64
	dirty   bool

	buildMu  sync.Mutex // one build at a time
	building bool       // under mu: a build is under way
	touched  []string   // under mu: selectors updated while building

	answers atomic.Uint64
}

// rangeEntry is a listed selector's line in a range answer (no pointer:
// see entryTable).
type rangeEntry struct {
	hash  [64]byte // hex SHA-256 of the selector's key
	count int      // its public reports, at least 1
}

func newRangeEntry(hash string, count int) rangeEntry {
	e := rangeEntry{count: count}
	copy(e.hash[:], hash)
	return e
}

// compareHash orders a range entry against a hash or a hash's prefix.
func compareHash(e rangeEntry, h string) int {
	return strings.Compare(string(e.hash[:]), h)
}

// The index's refresh: how often the change mark is compared, how often
// at most the index is rebuilt for a change, and its maximum age.
const (
	indexPoll      = time.Second
	indexRefresh   = 10 * time.Second
	indexSpacing   = 4
	indexMaxAge    = 10 * time.Minute
	indexBuildStep = 4096 // candidates worked out together
)

// notListed is the answer for every selector the index does not hold.
var notListed = &publicEntry{}

// WarmChecks builds the index of listed selectors now, and keeps it up to
// date until ctx ends (see publicIndex); from then on the checks do not
// read the store. Without it the checks work answers out from the store
// through the check cache.
func (s *Service) WarmChecks(ctx context.Context) error {
	x := &publicIndex{}
	if err := s.buildIndex(ctx, x); err != nil {
		return err
	}
	s.index.Store(x)
	go func() {
		t := time.NewTicker(indexPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				// An error leaves the index as it was; the next tick tries again.
				_ = s.refreshIndex(ctx, now)
			}
		}
	}()
	return nil
}

// CheckIndexStats says how many selectors the index lists and how many
// answers it gave (0, 0 without an index).
func (s *Service) CheckIndexStats() (listed int, answers uint64) {
	x := s.index.Load()
	if x == nil {
		return 0, 0
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.listed.Len(), x.answers.Load()
}

// lookup returns the public answer of a selector from the index.
func (x *publicIndex) lookup(id string) publicEntry {
	var pe publicEntry
	x.mu.RLock()
	if e := x.listed.get(id); e != nil {
		pe = x.listed.answer(e)
	}
	x.mu.RUnlock()
	x.answers.Add(1)
	return pe
}

// lookupMany puts the public answer of each selector of ids in out, under
// one lock.
func (x *publicIndex) lookupMany(ids []string, out map[string]*publicEntry) {
	var found []publicEntry
	x.mu.RLock()
	for _, id := range ids {
		e := x.listed.get(id)
		if e == nil {
			out[id] = notListed
			continue
		}
		if found == nil {
			found = make([]publicEntry, 0, len(ids))
		}
		found = append(found, x.listed.answer(e))
		out[id] = &found[len(found)-1]
	}
	x.mu.RUnlock()
	x.answers.Add(uint64(len(ids)))
}

// byPrefix returns the range lines of the listed selectors whose hash
// starts with prefix (lower-case hex), the prefix cut off.
func (x *publicIndex) byPrefix(prefix string, out []RangeLine) []RangeLine {
	x.mu.RLock()
	defer x.mu.RUnlock()
	x.answers.Add(1)
	i, _ := slices.BinarySearchFunc(x.hashes, prefix, compareHash)
	for ; i < len(x.hashes) && strings.HasPrefix(string(x.hashes[i].hash[:]), prefix); i++ {
		out = append(out, RangeLine{Suffix: string(x.hashes[i].hash[len(prefix):]), Count: x.hashes[i].count})
	}
	return out
}

// refreshIndex rebuilds the index if it is due at now: the store changed
// since it was built and indexRefresh has passed, or indexMaxAge has, or a
// local update failed.
func (s *Service) refreshIndex(ctx context.Context, now time.Time) error {
	x := s.index.Load()
	if x == nil {
		return nil
	}
	x.mu.RLock()
	age, mark, dirty, took := now.Sub(x.builtAt), x.mark, x.dirty, x.took
	x.mu.RUnlock()
	if !dirty && age < indexMaxAge {
		if age < max(indexRefresh, indexSpacing*took) {
			return nil
		}
		m, err := s.st.LastAuditSeq(ctx)
		if err != nil {
			return err
		}
		if m == mark {
			return nil
		}
	}
	return s.buildIndex(ctx, x)
}

// buildIndex works out the whole index from the store and puts it in x.
// Updates of this server made during the build are worked out again after
// it, so that none is lost.
func (s *Service) buildIndex(ctx context.Context, x *publicIndex) error {
	x.buildMu.Lock()
	defer x.buildMu.Unlock()
	x.mu.Lock()
	x.building, x.touched = true, nil
	x.mu.Unlock()
	listed, hashes, accounts, mark, at, err := s.computeIndex(ctx)
	x.mu.Lock()
	touched := x.touched
	x.building, x.touched = false, nil
	if err == nil {
		x.listed, x.hashes, x.accounts, x.mark, x.builtAt, x.dirty, x.took = listed, hashes, accounts, mark, at, false, time.Since(at)
	}
	x.mu.Unlock()
	if err != nil {
		return err
	}
	return s.updateIndex(ctx, x, touched)
}

// computeIndex works out every listed selector's answer as computePublic
// does, in steps of indexBuildStep candidates, each network counted once
// however many steps name it.
func (s *Service) computeIndex(ctx context.Context) (*entryTable, []rangeEntry, accountDigits, int64, time.Time, error) {
	at := time.Now()
	mark, err := s.st.LastAuditSeq(ctx) // before reading: a change after it moves it
	if err != nil {
		return nil, nil, nil, 0, at, err
	}
	cands, err := s.st.ListingCandidates(ctx, s.cfg.PublicationThreshold)
	if err != nil {
		return nil, nil, nil, 0, at, err
	}
	listed := make(map[string]*publicEntry)
	var hashes []rangeEntry
	accounts := accountDigits{}
	nets := map[string]int{}
	ids := make([]string, 0, indexBuildStep)
	for start := 0; start < len(cands); start += indexBuildStep {
		part := cands[start:min(start+indexBuildStep, len(cands))]
		ids = ids[:0]
		for _, sel := range part {
			if !sel.Withdrawn && !s.isAllowID(sel.ID) {
				ids = append(ids, sel.ID)
			}
		}
		stats, err := s.st.SelectorStatsMany(ctx, ids, s.publicScope)
		if err != nil {
			return nil, nil, nil, 0, at, err
		}
		for _, sel := range part {
			st := stats[sel.ID]
			if !s.listed(sel, st) {
				continue
			}
			pe := &publicEntry{listed: true}
			if st != nil {
				pe.stats = *st
				for _, n := range st.Networks {
					nets[n] = 0
				}
			}
			listed[sel.ID] = pe
			hashes = append(hashes, newRangeEntry(sel.Hash, max(pe.stats.Reports, 1)))
			accounts.add(sel)
		}
	}
	all := make([]string, 0, len(nets))
	for n := range nets {
		all = append(all, n)
	}
	for start := 0; start < len(all); start += indexBuildStep {
		sizes, err := s.st.NetworkReports(ctx, all[start:min(start+indexBuildStep, len(all))], s.publicScope)
		if err != nil {
			return nil, nil, nil, 0, at, err
		}
		for n, size := range sizes {
			nets[n] = size
		}
	}
	table := newEntryTable(len(listed))
	for id, pe := range listed {
		for _, n := range pe.stats.Networks {
			pe.networkSize = max(pe.networkSize, nets[n])
		}
		table.put(id, pe)
	}
	slices.SortFunc(hashes, func(a, b rangeEntry) int { return compareHash(a, string(b.hash[:])) })
	return table, hashes, accounts, mark, at, nil
}

// updateIndex works out again the answers of the given selectors (after a
// change of this server to them) and puts them in x. If that fails, the
// index is rebuilt at the next refresh.
func (s *Service) updateIndex(ctx context.Context, x *publicIndex, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	sels, err := s.st.GetSelectors(ctx, ids)
	var entries map[string]*publicEntry
	if err == nil {
		entries, err = s.computePublic(ctx, ids, sels)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.building {
		x.touched = append(x.touched, ids...)
	}
	if err != nil {
		x.dirty = true
		return err
	}
	for _, id := range ids {
		sel, pe := sels[id], entries[id]
		x.listed.remove(id)
		if sel == nil {
			continue
		}
		x.accounts.remove(sel)
		i, found := slices.BinarySearchFunc(x.hashes, sel.Hash, compareHash)
		if found {
			x.hashes = slices.Delete(x.hashes, i, i+1)
		}
		if pe.listed {
			x.listed.put(id, pe)
			x.hashes = slices.Insert(x.hashes, i, newRangeEntry(sel.Hash, max(pe.stats.Reports, 1)))
			x.accounts.add(sel)
		}
	}
	return nil
}

// indexChanged updates the index, if there is one, after this server
// changed the given selectors, and the given networks (new reports joined
// them, or they merged into others): the listed selectors of those
// networks are worked out again too, for their network sizes. The change
// is stored already: an error here leaves the index to be rebuilt at its
// next refresh.
func (s *Service) indexChanged(ctx context.Context, ids, nets []string) {
	x := s.index.Load()
	if x == nil {
		return
	}
	if len(nets) > 0 {
		in := make(map[string]bool, len(nets))
		for _, n := range nets {
			in[n] = true
		}
		x.mu.RLock()
		for i := range x.listed.entries {
			if e := &x.listed.entries[i]; x.listed.inAny(e, in) {
				ids = append(ids, x.listed.id(e))
			}
		}
		x.mu.RUnlock()
	}
	_ = s.updateIndex(ctx, x, ids)
}

// indexRebuilt rebuilds the index, if there is one, after this server
// rebuilt the networks (any listed selector's network size may change).
func (s *Service) indexRebuilt(ctx context.Context) error {
	if x := s.index.Load(); x != nil {
		return s.buildIndex(ctx, x)
	}
	return nil
}
