package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"counterscam/internal/store"
)

const tokenCols = `id, user_id, name, hash, created_at, expires_at, revoked_at`

func scanToken(row pgx.Row) (*store.Token, error) {
	var (
		t                store.Token
		created          time.Time
		expires, revoked pgtype.Timestamptz
	)
	if err := row.Scan(&t.ID, &t.UserID, &t.Name, &t.Hash, &created, &expires, &revoked); err != nil {
		return nil, translate(err)
	}
	t.CreatedAt, t.ExpiresAt, t.RevokedAt = created.UTC(), fromOptTime(expires), fromOptTime(revoked)
	return &t, nil
}

// TokenByHash returns a token by the hash of its secret, revoked or expired
// ones included (the caller decides).
func (r reader) TokenByHash(ctx context.Context, hash string) (*store.Token, error) {
	return scanToken(r.db.QueryRow(ctx, `SELECT `+tokenCols+` FROM tokens WHERE hash = $1`, hash))
}

// ListTokens returns a user's tokens, oldest first.
func (r reader) ListTokens(ctx context.Context, userID string) ([]*store.Token, error) {
	rows, err := r.db.Query(ctx, `SELECT `+tokenCols+` FROM tokens WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []*store.Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, translate(rows.Err())
}

// PutToken stores a new token: store.ErrConflict on a taken ID or hash,
// store.ErrNotFound when its user is not stored.
func (w *writer) PutToken(ctx context.Context, t *store.Token) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO tokens (`+tokenCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		t.ID, t.UserID, t.Name, t.Hash, pgTime(t.CreatedAt), pgOptTime(t.ExpiresAt), pgOptTime(t.RevokedAt))
	return translate(err)
}

// RevokeToken marks a token revoked at a time; a token revoked before keeps
// its first time. store.ErrNotFound when there is no such token.
func (w *writer) RevokeToken(ctx context.Context, id string, at time.Time) error {
	tag, err := w.tx.Exec(ctx, `UPDATE tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2`, pgTime(at), id)
	return affected(tag, err)
}

// SessionByHash returns a session by the hash of its ID, expired ones
// included (the caller decides).
func (r reader) SessionByHash(ctx context.Context, hash string) (*store.Session, error) {
	var s store.Session
	err := r.db.QueryRow(ctx, `SELECT hash, user_id, csrf, created_at, expires_at FROM sessions WHERE hash = $1`, hash).
		Scan(&s.Hash, &s.UserID, &s.CSRF, &s.CreatedAt, &s.ExpiresAt)
	if err != nil {
		return nil, translate(err)
	}
	s.CreatedAt, s.ExpiresAt = s.CreatedAt.UTC(), s.ExpiresAt.UTC()
	return &s, nil
}

// PutSession stores a new session: store.ErrConflict on a taken hash,
// store.ErrNotFound when its user is not stored.
func (w *writer) PutSession(ctx context.Context, s *store.Session) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO sessions (hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		s.Hash, s.UserID, s.CSRF, pgTime(s.CreatedAt), pgTime(s.ExpiresAt))
	return translate(err)
}

// DeleteSession deletes a session (signing out): store.ErrNotFound when
// there is no such session.
func (w *writer) DeleteSession(ctx context.Context, hash string) error {
	tag, err := w.tx.Exec(ctx, `DELETE FROM sessions WHERE hash = $1`, hash)
	return affected(tag, err)
}

// DeleteUserSessions deletes every session of a user.
func (w *writer) DeleteUserSessions(ctx context.Context, userID string) (int, error) {
	tag, err := w.tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	if err != nil {
		return 0, translate(err)
	}
	return int(tag.RowsAffected()), nil
}
