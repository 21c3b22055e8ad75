package trust

import (
	"context"
	"errors"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
)

// MaxTokenTTL bounds a token's life: machines rotate their tokens.
const MaxTokenTTL = 366 * 24 * time.Hour

// CreateToken makes a personal API token for the user with email. The
// plain token is returned once and never stored.
func (s *Service) CreateToken(ctx context.Context, p Principal, email, name string, ttl time.Duration) (string, *store.Token, error) {
	u, err := s.st.GetUserByEmail(ctx, normEmail(email))
	if errors.Is(err, store.ErrNotFound) {
		return "", nil, &InputError{"user", "no user " + normEmail(email)}
	}
	if err != nil {
		return "", nil, err
	}
	// A user makes their own tokens; an administrator of their organisation or the operator anyone's.
	if !p.IsOperator() && !(p.UserID == u.ID && p.Can(auth.ActionCreateToken)) && !(p.Role == auth.RoleAdmin && p.Org == u.Org) {
		return "", nil, ErrForbidden
	}
	if ttl <= 0 || ttl > MaxTokenTTL {
		return "", nil, &InputError{"expires", "a token lives between 1 second and 366 days"}
	}
	plain, hash := auth.NewToken()
	now := s.now().UTC()
	t := &store.Token{ID: s.newID(), UserID: u.ID, Name: name, Hash: hash, CreatedAt: now, ExpiresAt: now.Add(ttl)}
	err = s.st.Update(ctx, func(w store.Writer) error {
		if err := w.PutToken(ctx, t); err != nil {
			return err
		}
		return Record(ctx, w, p, now, "create", "token", t.ID, "allow")
	})
	if err != nil {
		return "", nil, err
	}
	return plain, t, nil
}

// ListTokens lists the API tokens of the user with email (never the
// tokens themselves: their IDs, names and times), oldest first, so that
// the one on a lost laptop can be found and revoked. A user lists their
// own; an administrator of their organisation or the operator anyone's.
func (s *Service) ListTokens(ctx context.Context, p Principal, email string) ([]*store.Token, error) {
	u, err := s.st.GetUserByEmail(ctx, normEmail(email))
	if errors.Is(err, store.ErrNotFound) {
		return nil, &InputError{"user", "no user " + normEmail(email)}
	}
	if err != nil {
		return nil, err
	}
	if !p.IsOperator() && p.UserID != u.ID && !(p.Role == auth.RoleAdmin && p.Org == u.Org) {
		return nil, ErrForbidden
	}
	return s.st.ListTokens(ctx, u.ID)
}

// RevokeToken revokes a token by its ID.
func (s *Service) RevokeToken(ctx context.Context, p Principal, id string) error {
	return s.st.Update(ctx, func(w store.Writer) error {
		if err := w.RevokeToken(ctx, id, s.now().UTC()); err != nil {
			return err
		}
		return Record(ctx, w, p, s.now(), "revoke", "token", id, "allow")
	})
}

// Authenticate resolves a bearer token to its user. Missing, malformed,
// unknown, expired and revoked tokens, and tokens of disabled users, all
// fail with ErrUnauthorized.
func (s *Service) Authenticate(ctx context.Context, token, addr string) (Principal, error) {
	if !auth.LooksLikeToken(token) {
		return Principal{}, ErrUnauthorized
	}
	t, err := s.st.TokenByHash(ctx, auth.HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return Principal{}, ErrUnauthorized
	}
	if err != nil {
		return Principal{}, err
	}
	now := s.now()
	if !t.RevokedAt.IsZero() || (!t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt)) {
		return Principal{}, ErrUnauthorized
	}
	u, err := s.st.GetUser(ctx, t.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
		return Principal{}, ErrUnauthorized
	}
	if err != nil {
		return Principal{}, err
	}
	return s.principal(ctx, u, addr)
}
