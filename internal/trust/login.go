package trust

import (
	"context"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
)

// SessionTTL is how long a web session lasts.
const SessionTTL = 12 * time.Hour

// Session is a signed-in web session as the face needs it.
type Session struct {
	ID         string // the plain session ID, for the cookie; never stored
	CSRFSecret []byte
	Principal  Principal
	ExpiresAt  time.Time
}

// Login checks an e-mail, password and (where enrolled) TOTP code, with
// back-off and lock-out after repeated failures, and opens a new session:
// a fresh ID at every sign-in, so a session ID planted before it (session
// fixation) is worth nothing. Every attempt is audited.
func (s *Service) Login(ctx context.Context, email, password, totp, addr string) (*Session, error) {
	email = normEmail(email)
	u, err := s.st.GetUserByEmail(ctx, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	now := s.now()
	// The source's attempt counts as a failure as soon as it is let
	// through (a success takes it back), so that attempts sent at once
	// cannot all pass before the first of them fails.
	source := auth.SourceKey(addr) // an IPv6 client's /64
	ok, wait := s.sources.take(auth.SourceThrottle, source, now)
	if !ok {
		_ = s.record(ctx, Principal{Addr: addr}, "login", "user", "", "throttled")
		return nil, &ThrottledError{RetryAfter: wait}
	}
	// The account's attempt, too, counts as a failure before the password
	// is checked (a success takes it back): otherwise sign-ins sent at once
	// would all read the same count and all pass, whatever the lock-out.
	if u != nil {
		ok, wait, err := s.takeAttempt(ctx, u.ID, now)
		if err != nil {
			s.sources.untake(source)
			return nil, err
		}
		if !ok {
			s.sources.untake(source)
			_ = s.record(ctx, Principal{Viewer: auth.Viewer{UserID: u.ID, Org: u.Org}, Addr: addr}, "login", "user", u.ID, "throttled")
			return nil, &ThrottledError{RetryAfter: wait}
		}
	} else if ok, wait := s.ghosts.take(s.throttle, email, now); !ok {
		// Nobody's address is throttled as an account is: a throttled
		// answer must not tell that the address has an account.
		s.sources.untake(source)
		_ = s.record(ctx, Principal{Addr: addr}, "login", "user", "", "throttled")
		return nil, &ThrottledError{RetryAfter: wait}
	}
	s.login <- struct{}{}
	hash := s.dummy
	if u != nil {
		hash = u.PasswordHash
	}
	ok, _, verr := s.params.Verify(hash, password)
	<-s.login
	if u == nil || verr != nil || !ok || u.Disabled || (u.TOTPSecret != "" && !auth.VerifyTOTP(u.TOTPSecret, totp, now)) {
		// The failure was counted when the attempt was let through.
		if u != nil {
			if err := s.record(ctx, Principal{Viewer: auth.Viewer{UserID: u.ID, Org: u.Org}, Addr: addr}, "login", "user", u.ID, "deny"); err != nil {
				return nil, err
			}
		} else {
			_ = s.record(ctx, Principal{Addr: addr}, "login", "user", "", "deny")
		}
		return nil, ErrUnauthorized
	}
	s.sources.reset(source)
	p, err := s.principal(ctx, u, addr)
	if err != nil {
		return nil, err
	}
	plain, hashID := auth.NewSessionID()
	secret := auth.NewCSRFSecret()
	sess := &store.Session{Hash: hashID, UserID: u.ID, CSRF: hex.EncodeToString(secret), CreatedAt: now.UTC(), ExpiresAt: now.Add(SessionTTL).UTC()}
	err = s.st.Update(ctx, func(w store.Writer) error {
		// Read again: the user may have been disabled while the password
		// was checked, and the copy read before must not be written back.
		cur, err := w.GetUser(ctx, u.ID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && cur.Disabled) {
			return errDisabledMeanwhile
		}
		if err != nil {
			return err
		}
		if cur.Failures != 0 {
			cur.Failures, cur.LastFailure = 0, time.Time{}
			if err := w.UpdateUser(ctx, cur); err != nil {
				return err
			}
		}
		if err := w.PutSession(ctx, sess); err != nil {
			return err
		}
		return Record(ctx, w, p, now, "login", "user", u.ID, "allow")
	})
	if errors.Is(err, errDisabledMeanwhile) {
		_ = s.record(ctx, p, "login", "user", u.ID, "deny")
		return nil, ErrUnauthorized
	}
	if err != nil {
		return nil, err
	}
	return &Session{ID: plain, CSRFSecret: secret, Principal: p, ExpiresAt: sess.ExpiresAt}, nil
}

// takeAttempt decides whether the user may try a password now and, if
// so, counts the attempt as a failure at once, in one transaction on the
// user as stored (read to be changed: a concurrent sign-in waits for it),
// so that attempts made at once are counted one after the other.
func (s *Service) takeAttempt(ctx context.Context, userID string, now time.Time) (ok bool, wait time.Duration, err error) {
	err = s.st.Update(ctx, func(w store.Writer) error {
		cur, err := w.GetUser(ctx, userID)
		if err != nil {
			return err
		}
		if ok, wait = s.throttle.Decide(cur.Failures, cur.LastFailure, now); !ok {
			return nil
		}
		cur.Failures++
		cur.LastFailure = now.UTC()
		return w.UpdateUser(ctx, cur)
	})
	return ok, wait, err
}

// errDisabledMeanwhile: the user was disabled (or removed) while their
// sign-in checked the password.
var errDisabledMeanwhile = errors.New("trust: user disabled during sign-in")

// SessionOf resolves a session cookie's value; an unknown or expired
// session, or one of a disabled user, is ErrUnauthorized.
func (s *Service) SessionOf(ctx context.Context, id, addr string) (*Session, error) {
	if !auth.LooksLikeSessionID(id) {
		return nil, ErrUnauthorized
	}
	sess, err := s.st.SessionByHash(ctx, auth.HashToken(id))
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrUnauthorized
	}
	if err != nil {
		return nil, err
	}
	if !s.now().Before(sess.ExpiresAt) {
		return nil, ErrUnauthorized
	}
	u, err := s.st.GetUser(ctx, sess.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
		return nil, ErrUnauthorized
	}
	if err != nil {
		return nil, err
	}
	p, err := s.principal(ctx, u, addr)
	if err != nil {
		return nil, err
	}
	secret, err := hex.DecodeString(sess.CSRF)
	if err != nil {
		return nil, ErrUnauthorized
	}
	return &Session{ID: id, CSRFSecret: secret, Principal: p, ExpiresAt: sess.ExpiresAt}, nil
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, id string, p Principal) error {
	if !auth.LooksLikeSessionID(id) {
		return nil
	}
	return s.st.Update(ctx, func(w store.Writer) error {
		if err := w.DeleteSession(ctx, auth.HashToken(id)); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		return Record(ctx, w, p, s.now(), "logout", "user", p.UserID, "allow")
	})
}

// EnrolTOTP gives a user a second factor: it returns the secret and the
// otpauth:// URI to show as a QR code.
func (s *Service) EnrolTOTP(ctx context.Context, p Principal, email string) (secret, uri string, err error) {
	u, err := s.st.GetUserByEmail(ctx, normEmail(email))
	if err != nil {
		return "", "", err
	}
	if !p.IsOperator() && p.UserID != u.ID && !(p.Role == auth.RoleAdmin && p.Org == u.Org) {
		return "", "", ErrForbidden
	}
	secret = auth.NewTOTPSecret()
	uri, err = auth.TOTPURI("counterscam", u.Email, secret)
	if err != nil {
		return "", "", err
	}
	err = s.st.Update(ctx, func(w store.Writer) error {
		// The secret goes on the user as stored now: the copy read above
		// would undo what changed since (a "user disable").
		cur, err := w.GetUser(ctx, u.ID)
		if err != nil {
			return err
		}
		cur.TOTPSecret = secret
		if err := w.UpdateUser(ctx, cur); err != nil {
			return err
		}
		return Record(ctx, w, p, s.now(), "update", "user", u.ID, "allow")
	})
	return secret, uri, err
}

// failureCounts counts failed sign-ins by a key, as the store counts an
// account's: by the address typed where it is no account here (so that
// Login throttles both alike), and by source address (auth.SourceThrottle).
// It is bounded: when full, the oldest entries go. The counts are each
// server's own: servers behind one load balancer do not share them.
type failureCounts struct {
	mu sync.Mutex
	m  map[string]failureCount
}

type failureCount struct {
	failures int
	last     time.Time
}

// maxFailureKeys bounds the keys remembered.
const maxFailureKeys = 1 << 14

func (g *failureCounts) failLocked(key string, now time.Time) {
	if g.m == nil {
		g.m = map[string]failureCount{}
	}
	if _, ok := g.m[key]; !ok && len(g.m) >= maxFailureKeys {
		oldest, at := "", now
		for e, f := range g.m {
			if !f.last.After(at) {
				oldest, at = e, f.last
			}
		}
		delete(g.m, oldest)
	}
	f := g.m[key]
	g.m[key] = failureCount{failures: f.failures + 1, last: now.UTC()}
}

// take decides as decide does and, when the attempt may be made, counts
// it as a failure at once (reset or untake take it back).
func (g *failureCounts) take(th auth.Throttle, key string, now time.Time) (bool, time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f := g.m[key]
	ok, wait := th.Decide(f.failures, f.last, now)
	if ok {
		g.failLocked(key, now)
	}
	return ok, wait
}

// untake takes back the failure take counted for an attempt that was
// not made after all (the account's own throttle refused it).
func (g *failureCounts) untake(key string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f, ok := g.m[key]
	switch {
	case !ok:
	case f.failures <= 1:
		delete(g.m, key)
	default:
		f.failures--
		g.m[key] = f
	}
}

// reset forgets the failures of key.
func (g *failureCounts) reset(key string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.m, key)
}
