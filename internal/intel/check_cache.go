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
	at          time.Time
}

// listingCache remembers public check answers for a short while: the
// public asks about the same numbers over and over (a number in a viral
// scam message), and an answer costs a few queries. Entries are dropped
// when a report or an analyst's mark touches their selector on this
// server, and expire after ttl so that servers sharing one PostgreSQL
// database see each other's changes within it.
type listingCache struct {
	mu  sync.RWMutex
	m   map[string]*publicEntry
	max int
	ttl time.Duration

	hits, misses atomic.Uint64
}

func newListingCache(max int, ttl time.Duration) *listingCache {
	return &listingCache{m: make(map[string]*publicEntry), max: max, ttl: ttl}
}

func (c *listingCache) get(id string, now time.Time) (*publicEntry, bool) {
	c.mu.RLock()
	e, ok := c.m[id]
	c.mu.RUnlock()
	if !ok || now.Sub(e.at) > c.ttl {
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
	now := time.Now()
	if e, ok := s.checks.get(id, now); ok {
		return e, nil
	}
	m, err := s.computePublic(ctx, []string{id}, nil)
	if err != nil {
		return nil, err
	}
	m[id].at = now
	s.checks.put(m)
	return m[id], nil
}

// publicEntries returns the public answers for many selectors, from the
// cache where fresh, the rest worked out together. known, if not nil,
// holds the stored selectors among ids (the caller read them already).
func (s *Service) publicEntries(ctx context.Context, ids []string, known map[string]*store.Selector) (map[string]*publicEntry, error) {
	now := time.Now()
	out := make(map[string]*publicEntry, len(ids))
	var miss []string
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		e, ok := s.checks.get(id, now)
		out[id] = e
		if !ok {
			miss = append(miss, id)
		}
	}
	if len(miss) == 0 {
		return out, nil
	}
	computed, err := s.computePublic(ctx, miss, known)
	if err != nil {
		return nil, err
	}
	for id, e := range computed {
		e.at = now
		out[id] = e
	}
	s.checks.put(computed)
	return out, nil
}
