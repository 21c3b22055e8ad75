package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"counterscam/internal/store"
)

const userCols = `id, org, email, name, role, password_hash, totp_secret, failures, last_failure, disabled, created_at`

func scanUser(row pgx.Row) (*store.User, error) {
	var (
		u       store.User
		last    pgtype.Timestamptz
		created time.Time
	)
	if err := row.Scan(&u.ID, &u.Org, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.TOTPSecret, &u.Failures, &last,
		&u.Disabled, &created); err != nil {
		return nil, translate(err)
	}
	u.LastFailure, u.CreatedAt = fromOptTime(last), created.UTC()
	return &u, nil
}

// GetUser returns a user by ID.
func (r reader) GetUser(ctx context.Context, id string) (*store.User, error) {
	return scanUser(r.db.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = $1`, id))
}

// GetUser in a transaction reads a user to change it: FOR UPDATE, so
// that a concurrent transaction doing the same (a failed sign-in counted,
// a user disabled) waits for this one and reads what it wrote, instead of
// both reading the same row and the last to commit undoing the other
// (READ COMMITTED would let both read it). SQLite's one writer has no
// such race.
func (w *writer) GetUser(ctx context.Context, id string) (*store.User, error) {
	return scanUser(w.tx.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = $1 FOR UPDATE`, id))
}

// GetUserByEmail in a transaction reads a user to change it, as GetUser.
func (w *writer) GetUserByEmail(ctx context.Context, email string) (*store.User, error) {
	return scanUser(w.tx.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE email = $1 FOR UPDATE`, strings.ToLower(email)))
}

// GetUserByEmail returns a user by e-mail address, whatever its case.
func (r reader) GetUserByEmail(ctx context.Context, email string) (*store.User, error) {
	return scanUser(r.db.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE email = $1`, strings.ToLower(email)))
}

// ListUsers returns the users of an organisation ("" for every
// organisation), by e-mail address.
func (r reader) ListUsers(ctx context.Context, org string) ([]*store.User, error) {
	q, args := `SELECT `+userCols+` FROM users ORDER BY email`, []any(nil)
	if org != "" {
		q, args = `SELECT `+userCols+` FROM users WHERE org = $1 ORDER BY email`, []any{org}
	}
	rows, err := r.db.Query(ctx, q, args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []*store.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, translate(rows.Err())
}

// UsersByID returns the stored users among ids, in ID order, each once.
func (r reader) UsersByID(ctx context.Context, ids []string) ([]*store.User, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := r.db.Query(ctx, `SELECT `+userCols+` FROM users WHERE id = ANY($1) ORDER BY id`, ids)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []*store.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, translate(rows.Err())
}

// PutUser stores a new user, its e-mail address in lower case:
// store.ErrConflict on a taken ID or address, store.ErrNotFound when its
// organisation is not stored.
func (w *writer) PutUser(ctx context.Context, u *store.User) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO users (`+userCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		u.ID, u.Org, strings.ToLower(u.Email), u.Name, u.Role, u.PasswordHash, u.TOTPSecret, u.Failures,
		pgOptTime(u.LastFailure), u.Disabled, pgTime(u.CreatedAt))
	return translate(err)
}

// UpdateUser writes every field of a stored user but its ID and creation
// time: store.ErrNotFound when there is no such user, store.ErrConflict
// when its new e-mail address is taken.
func (w *writer) UpdateUser(ctx context.Context, u *store.User) error {
	tag, err := w.tx.Exec(ctx, `UPDATE users SET org = $1, email = $2, name = $3, role = $4, password_hash = $5,
		totp_secret = $6, failures = $7, last_failure = $8, disabled = $9 WHERE id = $10`,
		u.Org, strings.ToLower(u.Email), u.Name, u.Role, u.PasswordHash, u.TOTPSecret, u.Failures,
		pgOptTime(u.LastFailure), u.Disabled, u.ID)
	return affected(tag, err)
}

// affected translates err, or store.ErrNotFound when the statement changed
// no row.
func affected(tag pgconn.CommandTag, err error) error {
	if err != nil {
		return translate(err)
	}
	if tag.RowsAffected() == 0 {
		return store.ErrNotFound
	}
	return nil
}
