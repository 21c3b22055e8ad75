package casework

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// Config steers the service; zero values take the defaults.
type Config struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Deadlines are the duties a state change starts; DefaultDeadlines
	// when nil.
	Deadlines []DeadlineRule
	// IndexTTL is how long the reconciliation index is trusted before it
	// is rebuilt from the store even when nothing seems to have changed
	// (changes made by another server with a slower clock are caught
	// then). Default 10 minutes.
	IndexTTL time.Duration
}

// Service is the people-and-repatriation service over one store: persons
// and their roles, intakes, consular cases, screenings, flights,
// reconciliation and referrals. Every method takes the Principal who
// acts; reads of personal data are audited, changes are audited in their
// own transaction.
type Service struct {
	st    store.Store
	intel *intel.Service
	cfg   Config
	norm  *selector.Normalizer

	index personIndex

	idmu    sync.Mutex
	entropy *ulid.MonotonicEntropy
}

// New returns the service over st. in is the intelligence service that
// intakes report their selectors to (it must be over the same store).
func New(st store.Store, in *intel.Service, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Deadlines == nil {
		cfg.Deadlines = DefaultDeadlines
	}
	if cfg.IndexTTL <= 0 {
		cfg.IndexTTL = 10 * time.Minute
	}
	return &Service{st: st, intel: in, cfg: cfg, norm: selector.NewNormalizer(1 << 12),
		entropy: ulid.Monotonic(rand.Reader, 0)}
}

// Store is the store under the service.
func (s *Service) Store() store.Store { return s.st }

// now is the service's clock in UTC, to the microsecond (what both
// storage drivers keep).
func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

// newID mints a ULID.
func (s *Service) newID() string {
	s.idmu.Lock()
	defer s.idmu.Unlock()
	return ulid.MustNew(ulid.Timestamp(s.cfg.Now()), s.entropy).String()
}

// FieldError says which field of an input is wrong and why.
type FieldError struct {
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// ErrConflict: the record changed under the caller (another officer moved
// the case, a screening was added meanwhile); read it again and retry.
var ErrConflict = errors.New("changed meanwhile: read it again")

// update runs fn in one transaction and audits the change (action on
// recordType/recordID) in the same one. Driver conflicts come back as
// ErrConflict (wrapping store.ErrConflict).
func (s *Service) update(ctx context.Context, p trust.Principal, action, recordType, recordID string, fn func(w store.Writer) error) error {
	err := s.st.Update(ctx, func(w store.Writer) error {
		if err := fn(w); err != nil {
			return err
		}
		return trust.Record(ctx, w, p, s.now(), action, recordType, recordID, "allow")
	})
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("%w (%w)", ErrConflict, err)
	}
	return err
}

// audit records a read (or a refusal) in a transaction of its own.
func (s *Service) audit(ctx context.Context, p trust.Principal, action, recordType, id, decision string) error {
	return s.st.Update(ctx, func(w store.Writer) error {
		return trust.Record(ctx, w, p, s.now(), action, recordType, id, decision)
	})
}

// originOf is the organisation p writes as: its own, or for the console
// operator the one named (default "console").
func originOf(p trust.Principal, named string) string {
	if p.IsOperator() || p.Org == "" {
		if named == "" {
			return ConsoleOrigin
		}
		return named
	}
	return p.Org
}

// ConsoleOrigin is the origin of records the console operator creates
// without naming one.
const ConsoleOrigin = "console"
