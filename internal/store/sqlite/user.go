package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"counterscam/internal/store"
)

const userCols = `id, org, email, name, role, password_hash, totp_secret, failures, last_failure, disabled, created_at`

func scanUser(sc scanner) (*store.User, error) {
	var (
		u       store.User
		last    sql.NullString
		created string
	)
	if err := sc.Scan(&u.ID, &u.Org, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.TOTPSecret, &u.Failures, &last,
		&u.Disabled, &created); err != nil {
		return nil, translate(err)
	}
	var err error
	if u.LastFailure, err = parseOptTime(last); err != nil {
		return nil, err
	}
	if u.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	return &u, nil
}

// GetUser returns a user by ID.
func (r reader) GetUser(ctx context.Context, id string) (*store.User, error) {
	return scanUser(r.db.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
}

// GetUserByEmail returns a user by e-mail address, whatever its case.
func (r reader) GetUserByEmail(ctx context.Context, email string) (*store.User, error) {
	return scanUser(r.db.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, strings.ToLower(email)))
}

// ListUsers returns the users of an organisation ("" for every
// organisation), by e-mail address.
func (r reader) ListUsers(ctx context.Context, org string) ([]*store.User, error) {
	q, args := `SELECT `+userCols+` FROM users ORDER BY email`, []any(nil)
	if org != "" {
		q, args = `SELECT `+userCols+` FROM users WHERE org = ? ORDER BY email`, []any{org}
	}
	var out []*store.User
	err := r.each(ctx, q, args, func(rows *sql.Rows) error {
		u, err := scanUser(rows)
		if err != nil {
			return err
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

// UsersByID returns the stored users among ids, in ID order, each once;
// the IDs are looked up stmtRows at a time.
func (r reader) UsersByID(ctx context.Context, ids []string) ([]*store.User, error) {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	var out []*store.User
	for len(ids) > 0 {
		n := min(len(ids), stmtRows)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		q := `SELECT ` + userCols + ` FROM users WHERE id IN (?` + strings.Repeat(", ?", n-1) + `) ORDER BY id`
		err := r.each(ctx, q, args, func(rows *sql.Rows) error {
			u, err := scanUser(rows)
			if err != nil {
				return err
			}
			out = append(out, u)
			return nil
		})
		if err != nil {
			return nil, err
		}
		ids = ids[n:]
	}
	return out, nil
}

// PutUser stores a new user, its e-mail address in lower case:
// store.ErrConflict on a taken ID or address, store.ErrNotFound when its
// organisation is not stored.
func (w *writer) PutUser(ctx context.Context, u *store.User) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO users (`+userCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.Org, strings.ToLower(u.Email), u.Name, u.Role, u.PasswordHash, u.TOTPSecret, u.Failures,
		fmtOptTime(u.LastFailure), u.Disabled, fmtTime(u.CreatedAt))
	return translate(err)
}

// UpdateUser writes every field of a stored user but its ID and creation
// time: store.ErrNotFound when there is no such user, store.ErrConflict
// when its new e-mail address is taken.
func (w *writer) UpdateUser(ctx context.Context, u *store.User) error {
	res, err := w.tx.ExecContext(ctx, `UPDATE users SET org = ?, email = ?, name = ?, role = ?, password_hash = ?,
		totp_secret = ?, failures = ?, last_failure = ?, disabled = ? WHERE id = ?`,
		u.Org, strings.ToLower(u.Email), u.Name, u.Role, u.PasswordHash, u.TOTPSecret, u.Failures,
		fmtOptTime(u.LastFailure), u.Disabled, u.ID)
	return affected(res, err)
}

// affected translates err, or store.ErrNotFound when the statement changed
// no row.
func affected(res sql.Result, err error) error {
	if err != nil {
		return translate(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return translate(err)
	}
	if n == 0 {
		return store.ErrNotFound
	}
	return nil
}
