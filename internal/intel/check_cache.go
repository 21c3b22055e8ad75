package intel

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"counterscam/internal/store"
)

// publicEntry is what the public check answers for one selector.
type publicEntry struct {
	listed      bool
	stats       store.SelectorStats
	networkSize int
	at          time.Time // when it was worked out
	mark        int64     // the store's change mark read before, or -1
}

// listingCache remembers public check answers: the public asks about the
// same numbers over and over (a number in a viral scam message), and an
// answer costs a few queries. Entries are dropped when a report or an
// analyst's mark touches their selector on this server. Past ttl, an entry
// is served only while the store's change mark (the audit trail's last
// number, which every change moves) is what it was when the entry was
// worked out, so that servers sharing one PostgreSQL database see each
// other's changes; the mark is read at most once every markEvery, and no
// entry is served past maxAge whatever the mark says. (A rebuild of the
// networks appends no audit entry of its own: it purges this server's
// cache, but another server may serve an answer worked out between the
// mark that caused it and its end, with the network size of before, for
// up to maxAge.)
type listingCache struct {
	mu  sync.RWMutex
	m   map[string]*publicEntry
	max int

	ttl, markEvery, maxAge time.Duration

	markMu  sync.Mutex
	mark    int64 // last mark read, -1 for none
	markAt  time.Time
	reading bool // a goroutine is reading the mark

	hits, misses atomic.Uint64
}

func newListingCache(max int, ttl time.Duration) *listingCache {
	return &listingCache{m: make(map[string]*publicEntry), max: max, ttl: ttl,
		markEvery: checkMarkEvery, maxAge: checkCacheMaxAge, mark: -1}
}

// The check cache's revalidation: how often the change mark is read, and
// how long an entry may be served at most.
const (
	checkMarkEvery   = time.Second
	checkCacheMaxAge = time.Minute
)

// changeMark returns the store's change mark, read at most once every
// markEvery (one reader at a time: the others take the mark before), or
// -1 when it is unknown.
func (s *Service) changeMark(ctx context.Context, now time.Time) int64 {
	c := s.checks
	c.markMu.Lock()
	if c.reading || now.Sub(c.markAt) < c.markEvery {
		m := c.mark
		c.markMu.Unlock()
		return m
	}
	c.reading = true
	c.markMu.Unlock()
	m, err := s.st.LastAuditSeq(ctx)
	if err != nil {
		m = -1
	}
	c.markMu.Lock()
	c.mark, c.markAt, c.reading = m, now, false
	c.markMu.Unlock()
	return m
}

// cached returns the cache's entry for id if it may still be served.
func (s *Service) cached(ctx context.Context, id string, now time.Time) (*publicEntry, bool) {
	c := s.checks
	c.mu.RLock()
	e, ok := c.m[id]
	c.mu.RUnlock()
	if ok {
		age := now.Sub(e.at)
		ok = age <= c.ttl || (age <= c.maxAge && e.mark >= 0 && e.mark == s.changeMark(ctx, now))
	}
	if !ok {
		c.misses.Add(1)
		return nil, false
	}
	c.hits.Add(1)
	return e, true
}

// put stores entries, all computed at the same time.
func (c *listingCache) put(entries map[string]*publicEntry) {
	c.mu.Lock()
	for id, e := range entries {
		if len(c.m) >= c.max {
			// Full: start over rather than track recency; a cold entry
			// costs only its queries again.
			c.m = make(map[string]*publicEntry, c.max)
		}
		c.m[id] = e
	}
	c.mu.Unlock()
}

// purge drops every entry (after a rebuild of the networks, which may
// change any answer's network size).
func (c *listingCache) purge() {
	c.mu.Lock()
	c.m = make(map[string]*publicEntry)
	c.mu.Unlock()
}

// forget drops the entries of the given selectors.
func (c *listingCache) forget(ids ...string) {
	c.mu.Lock()
	for _, id := range ids {
		delete(c.m, id)
	}
	c.mu.Unlock()
}

// CheckCacheStats says how many public answers (one per checked selector,
// in single and bulk checks and range answers) came from the check cache,
// and how many had to be worked out, since the service started.
func (s *Service) CheckCacheStats() (hits, misses uint64) {
	return s.checks.hits.Load(), s.checks.misses.Load()
}

// publicEntry returns the public answer for a selector, from the cache
// where fresh.
func (s *Service) publicEntry(ctx context.Context, id string) (*publicEntry, error) {
	if x := s.index.Load(); x != nil {
		pe := x.lookup(id)
		return &pe, nil
	}
	now := time.Now()
	if e, ok := s.cached(ctx, id, now); ok {
		return e, nil
	}
	mark := s.changeMark(ctx, now) // before reading: a change after it moves it
	m, err := s.computePublic(ctx, []string{id}, nil)
	if err != nil {
		return nil, err
	}
	m[id].at, m[id].mark = now, mark
	s.checks.put(m)
	return m[id], nil
}

// publicEntries returns the public answers for many selectors, from the
// cache where fresh, the rest worked out together. known, if not nil,
// holds the stored selectors among ids (the caller read them already).
func (s *Service) publicEntries(ctx context.Context, ids []string, known map[string]*store.Selector) (map[string]*publicEntry, error) {
	out := make(map[string]*publicEntry, len(ids))
	if x := s.index.Load(); x != nil {
		x.lookupMany(ids, out)
		return out, nil
	}
	now := time.Now()
	var miss []string
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		e, ok := s.cached(ctx, id, now)
		out[id] = e
		if !ok {
			miss = append(miss, id)
		}
	}
	if len(miss) == 0 {
		return out, nil
	}
	mark := s.changeMark(ctx, now)
	computed, err := s.computePublic(ctx, miss, known)
	if err != nil {
		return nil, err
	}
	for id, e := range computed {
		e.at, e.mark = now, mark
		out[id] = e
	}
	s.checks.put(computed)
	return out, nil
}
