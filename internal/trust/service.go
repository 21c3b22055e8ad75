// Package trust is counterscam's trust layer as a service: organisations
// and their partners, users and roles, sign-in with passwords, second
// factors, sessions and API tokens, and the hash-chained audit trail. The
// rules themselves (roles, TLP 2.0) are in package auth; the intelligence
// service applies them on every read.
package trust

import (
	"context"
	"crypto/rand"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/audit"
	"counterscam/internal/auth"
	"counterscam/internal/store"
)

// Errors a face turns into answers.
var (
	// ErrUnauthorized: no valid credentials. Deliberately says nothing of
	// which part was wrong.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrForbidden: valid credentials, but the role may not do this.
	ErrForbidden = errors.New("forbidden")
	// ErrThrottled: too many failed sign-ins; RetryAfter says how long.
	ErrThrottled = errors.New("too many failed sign-ins")
)

// ThrottledError carries the wait before the next sign-in attempt.
type ThrottledError struct{ RetryAfter time.Duration }

func (e *ThrottledError) Error() string { return ErrThrottled.Error() }
func (e *ThrottledError) Unwrap() error { return ErrThrottled }

// Principal is who acts: a signed-in user (with what TLP lets them read) or
// the public. Addr and Purpose go into the audit trail.
type Principal struct {
	auth.Viewer
	Email   string
	Addr    string
	Purpose string
}

// Public is the anonymous public at addr.
func Public(addr string) Principal {
	return Principal{Viewer: auth.Viewer{Role: auth.RolePublic}, Addr: addr}
}

// Operator is the person at the server's console (the CLI): every record,
// as the store's own jobs see them.
func Operator() Principal {
	return Principal{Viewer: auth.Viewer{Role: auth.RoleAdmin, UserID: "operator", Org: ""}, Addr: "console"}
}

// IsOperator says whether p is the console operator.
func (p Principal) IsOperator() bool { return p.UserID == "operator" && p.Addr == "console" }

// Scope is what p may read, for the store's queries.
func (p Principal) Scope() store.Scope {
	if p.IsOperator() {
		return store.Scope{All: true}
	}
	if p.UserID == "" || p.Role == auth.RolePublic {
		return store.Scope{}
	}
	return store.Scope{Member: true, Org: p.Org, PartnerOf: p.PartnerOf, UserID: p.UserID}
}

// Can says whether p's role allows a.
func (p Principal) Can(a auth.Action) bool { return p.IsOperator() || auth.Allowed(p.Role, a) }

// Service is the trust layer over one store.
type Service struct {
	st       store.Store
	now      func() time.Time
	params   auth.Params
	throttle auth.Throttle
	login    chan struct{} // bounds concurrent password hashing (64 MiB each)
	dummy    string        // a hash verified for unknown accounts, so timing says nothing
	ghosts   failureCounts // failed sign-ins to unknown addresses, throttled as accounts are
	sources  failureCounts // failed sign-ins by source address (auth.SourceThrottle)

	idmu    sync.Mutex
	entropy *ulid.MonotonicEntropy
}

// Options configure the service.
type Options struct {
	Now    func() time.Time
	Params auth.Params // zero: auth.DefaultParams
}

// New returns the trust service over st.
func New(st store.Store, o Options) (*Service, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Params == (auth.Params{}) {
		o.Params = auth.DefaultParams
	}
	s := &Service{st: st, now: o.Now, params: o.Params, throttle: auth.DefaultThrottle,
		login: make(chan struct{}, 2), entropy: ulid.Monotonic(rand.Reader, 0)}
	d, err := o.Params.Hash("counterscam-timing-dummy-password")
	if err != nil {
		return nil, err
	}
	s.dummy = d
	return s, nil
}

func (s *Service) newID() string {
	s.idmu.Lock()
	defer s.idmu.Unlock()
	return ulid.MustNew(ulid.Timestamp(s.now()), s.entropy).String()
}

// Record appends one audit entry for p inside w's transaction.
func Record(ctx context.Context, w store.Writer, p Principal, now time.Time, action, recordType, recordID, decision string) error {
	e := &store.AuditEntry{At: now, Actor: p.UserID, Org: p.Org, Addr: p.Addr, Action: action,
		RecordType: recordType, RecordID: recordID, Purpose: p.Purpose, Decision: decision}
	return w.AppendAudit(ctx, e, audit.SealRecord)
}

// record appends one audit entry in a transaction of its own.
func (s *Service) record(ctx context.Context, p Principal, action, recordType, recordID, decision string) error {
	return s.st.Update(ctx, func(w store.Writer) error {
		return Record(ctx, w, p, s.now(), action, recordType, recordID, decision)
	})
}

// principal builds the Principal of a stored user.
func (s *Service) principal(ctx context.Context, u *store.User, addr string) (Principal, error) {
	role, err := auth.ParseRole(u.Role)
	if err != nil {
		return Principal{}, err
	}
	partnerOf, err := s.st.PartnersOf(ctx, u.Org)
	if err != nil {
		return Principal{}, err
	}
	return Principal{Viewer: auth.Viewer{UserID: u.ID, Org: u.Org, Role: role, PartnerOf: partnerOf}, Email: u.Email, Addr: addr}, nil
}

func normEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }
