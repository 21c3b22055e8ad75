package ui

import (
	"sync"
	"time"
)

// rateLimiter is a token bucket per client address: rate tokens a second
// up to burst. Buckets idle long enough to be full again are dropped, so
// memory stays bounded by the clients active lately.
type rateLimiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(rate, burst float64) *rateLimiter {
	return &rateLimiter{rate: rate, burst: max(burst, 1), buckets: map[string]*bucket{}}
}

// allow takes a token for key at now, or says how long until there is one.
func (l *rateLimiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	refill := time.Duration(l.burst / l.rate * float64(time.Second))
	if now.Sub(l.swept) > refill {
		for k, b := range l.buckets {
			if now.Sub(b.last) > refill {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// limit answers 429 (with Retry-After) when key has no token left.
func limit(l *rateLimiter, key string) error {
	ok, wait := l.allow(key, now())
	if ok {
		return nil
	}
	secs := int(wait/time.Second) + 1
	return &pageError{Code: 429, Key: "error.rate", Args: []any{secs}}
}
