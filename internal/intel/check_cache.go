package intel

import (
	"context"
	"sync"
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
}

func newListingCache(max int, ttl time.Duration) *listingCache {
	return &listingCache{m: make(map[string]*publicEntry), max: max, ttl: ttl}
}

func (c *listingCache) get(id string, now time.Time) (*publicEntry, bool) {
	c.mu.RLock()
	e, ok := c.m[id]
	c.mu.RUnlock()
	if !ok || now.Sub(e.at) > c.ttl {
		return nil, false
	}
	return e, true
}

func (c *listingCache) put(id string, e *publicEntry) {
	c.mu.Lock()
	if len(c.m) >= c.max {
		// Full: start over rather than track recency; a cold entry costs
		// only its queries again.
		c.m = make(map[string]*publicEntry, c.max)
	}
	c.m[id] = e
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

// publicEntry returns the public answer for a selector, from the cache
// where fresh.
func (s *Service) publicEntry(ctx context.Context, id string) (*publicEntry, error) {
	now := time.Now()
	if e, ok := s.checks.get(id, now); ok {
		return e, nil
	}
	e, err := s.computePublic(ctx, id)
	if err != nil {
		return nil, err
	}
	e.at = now
	s.checks.put(id, e)
	return e, nil
}
