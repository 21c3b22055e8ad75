package sqlite

import (
	"context"
	"database/sql"
	"time"

	"counterscam/internal/store"
)

const tokenCols = `id, user_id, name, hash, created_at, expires_at, revoked_at`

func scanToken(sc scanner) (*store.Token, error) {
	var (
		t                store.Token
		created          string
		expires, revoked sql.NullString
	)
	if err := sc.Scan(&t.ID, &t.UserID, &t.Name, &t.Hash, &created, &expires, &revoked); err != nil {
		return nil, translate(err)
	}
	var err error
	if t.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if t.ExpiresAt, err = parseOptTime(expires); err != nil {
		return nil, err
	}
	if t.RevokedAt, err = parseOptTime(revoked); err != nil {
		return nil, err
	}
	return &t, nil
}

// TokenByHash returns a token by the hash of its secret, revoked or expired
// ones included (the caller decides).
func (r reader) TokenByHash(ctx context.Context, hash string) (*store.Token, error) {
	return scanToken(r.db.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM tokens WHERE hash = ?`, hash))
}

// ListTokens returns a user's tokens, oldest first.
func (r reader) ListTokens(ctx context.Context, userID string) ([]*store.Token, error) {
	var out []*store.Token
	err := r.each(ctx, `SELECT `+tokenCols+` FROM tokens WHERE user_id = ? ORDER BY id`, []any{userID}, func(rows *sql.Rows) error {
		t, err := scanToken(rows)
		if err != nil {
			return err
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// PutToken stores a new token: store.ErrConflict on a taken ID or hash,
// store.ErrNotFound when its user is not stored.
func (w *writer) PutToken(ctx context.Context, t *store.Token) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO tokens (`+tokenCols+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.UserID, t.Name, t.Hash, fmtTime(t.CreatedAt), fmtOptTime(t.ExpiresAt), fmtOptTime(t.RevokedAt))
	return translate(err)
}

// RevokeToken marks a token revoked at a time; a token revoked before keeps
// its first time. store.ErrNotFound when there is no such token.
func (w *writer) RevokeToken(ctx context.Context, id string, at time.Time) error {
	res, err := w.tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?`, fmtTime(at), id)
	return affected(res, err)
}

// SessionByHash returns a session by the hash of its ID, expired ones
// included (the caller decides).
func (r reader) SessionByHash(ctx context.Context, hash string) (*store.Session, error) {
	var (
		out              store.Session
		created, expires string
	)
	err := r.db.QueryRowContext(ctx, `SELECT hash, user_id, csrf, created_at, expires_at FROM sessions WHERE hash = ?`, hash).
		Scan(&out.Hash, &out.UserID, &out.CSRF, &created, &expires)
	if err != nil {
		return nil, translate(err)
	}
	if out.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if out.ExpiresAt, err = parseTime(expires); err != nil {
		return nil, err
	}
	return &out, nil
}

// PutSession stores a new session: store.ErrConflict on a taken hash,
// store.ErrNotFound when its user is not stored.
func (w *writer) PutSession(ctx context.Context, s *store.Session) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO sessions (hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		s.Hash, s.UserID, s.CSRF, fmtTime(s.CreatedAt), fmtTime(s.ExpiresAt))
	return translate(err)
}

// DeleteSession deletes a session (signing out): store.ErrNotFound when
// there is no such session.
func (w *writer) DeleteSession(ctx context.Context, hash string) error {
	res, err := w.tx.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, hash)
	return affected(res, err)
}

// DeleteUserSessions deletes every session of a user.
func (w *writer) DeleteUserSessions(ctx context.Context, userID string) (int, error) {
	res, err := w.tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	if err != nil {
		return 0, translate(err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
