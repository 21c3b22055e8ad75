// Package intel is counterscam's intelligence core: it takes in scam
// reports, normalises the selectors they name, links reports that share a
// selector into networks, and answers the public's check.
package intel

import (
	"context"
	"crypto/rand"
	"sync"
	"sync/atomic"
	"time"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// Config steers the service.
type Config struct {
	// PublicationThreshold is how many independent sources (distinct origin
	// organisations) must name a selector before the public check lists it
	// without an analyst's confirmation. Default 2.
	PublicationThreshold int
	// Allowlist holds shared infrastructure that never links reports;
	// DefaultAllowlist() when nil.
	Allowlist *Allowlist
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Service is the intelligence core over one store.
type Service struct {
	st     store.Store
	cfg    Config
	allow  *Allowlist
	norm   *selector.Normalizer        // memoises selector parsing: report streams repeat values
	checks *listingCache               // recent public check answers
	index  atomic.Pointer[publicIndex] // every listed selector's answer, once WarmChecks built it
	// publicScope is the public's, CLEAR reports only (the zero Scope),
	// always: the public check counts and lists over it, so that it never
	// reveals a report (or its existence) that its marking keeps from the
	// public; an analyst's confirmation is the deliberate act that publishes
	// a selector named only in marked reports. It is a field only so that
	// benchmarks can measure what scoping costs.
	publicScope store.Scope

	// mu serialises changes to the network partition and the store's
	// network assignment (one writer, as the embedded store has).
	mu   sync.Mutex
	nets *networks

	idmu    sync.Mutex
	entropy *ulid.MonotonicEntropy
}

// normalizerSize is how many parsed selectors the service remembers.
const normalizerSize = 1 << 17

// The public check's cache: how many answers, for how long.
const (
	checkCacheSize = 1 << 18
	checkCacheTTL  = 10 * time.Second
)

// New opens the service over st. The network partition is built from the
// store on first use (Warm builds it at once), since commands that only
// read use the assignment the store keeps.
func New(ctx context.Context, st store.Store, cfg Config) (*Service, error) {
	if cfg.PublicationThreshold <= 0 {
		cfg.PublicationThreshold = 2
	}
	if cfg.Allowlist == nil {
		cfg.Allowlist = DefaultAllowlist()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Service{st: st, cfg: cfg, allow: cfg.Allowlist, norm: selector.NewNormalizer(normalizerSize),
		checks: newListingCache(checkCacheSize, checkCacheTTL), entropy: ulid.Monotonic(rand.Reader, 0)}
	return s, nil
}

// Store is the store under the service (for commands that read it directly).
func (s *Service) Store() store.Store { return s.st }

// newID mints a report ULID: monotonic, so that a report taken in later
// always sorts after earlier ones (network IDs rely on it).
func (s *Service) newID() string {
	s.idmu.Lock()
	defer s.idmu.Unlock()
	return ulid.MustNew(ulid.Timestamp(s.cfg.Now()), s.entropy).String()
}

// Stats returns the totals p may see: a record p may not read changes none
// of them.
func (s *Service) Stats(ctx context.Context, p trust.Principal) (store.Counts, error) {
	return s.st.Counts(ctx, p.Scope())
}
