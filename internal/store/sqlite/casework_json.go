package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"counterscam/internal/store"
)

// Casework records are kept whole as JSON (the detail column) beside typed
// columns for queries; see store/casework_person.go.

// detailOf is the stored JSON of a record.
func detailOf(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("sqlite: encoding %T: %w", v, err)
	}
	return string(b), nil
}

// decode reads a detail column into dst.
func decode(detail string, dst any) error {
	if err := json.Unmarshal([]byte(detail), dst); err != nil {
		return fmt.Errorf("sqlite: decoding %T: %w", dst, err)
	}
	return nil
}

// getDetail reads one record whose detail the query selects.
func getDetail[T any](ctx context.Context, db dbtx, q string, args ...any) (*T, error) {
	var s string
	if err := db.QueryRowContext(ctx, q, args...).Scan(&s); err != nil {
		return nil, translate(err)
	}
	v := new(T)
	if err := decode(s, v); err != nil {
		return nil, err
	}
	return v, nil
}

// eachDetail streams the records whose detail the query selects (first
// column); more columns, if any, are passed to extra with the record.
func eachDetail[T any](ctx context.Context, db dbtx, q string, args []any, fn func(*T, *sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		v := new(T)
		if err := fn(v, rows); err != nil {
			return err
		}
	}
	return translate(rows.Err())
}

// listDetail returns the records whose detail the query selects.
func listDetail[T any](ctx context.Context, db dbtx, q string, args ...any) ([]*T, error) {
	var out []*T
	err := eachDetail(ctx, db, q, args, func(v *T, rows *sql.Rows) error {
		var s string
		if err := rows.Scan(&s); err != nil {
			return translate(err)
		}
		if err := decode(s, v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// streamDetail calls fn with each record whose detail the query selects;
// an error from fn stops it and is returned as it is.
func streamDetail[T any](ctx context.Context, db dbtx, q string, args []any, fn func(*T) error) error {
	return eachDetail(ctx, db, q, args, func(v *T, rows *sql.Rows) error {
		var s string
		if err := rows.Scan(&s); err != nil {
			return translate(err)
		}
		if err := decode(s, v); err != nil {
			return err
		}
		return fn(v)
	})
}

// limitClause is " LIMIT n", or nothing for n <= 0.
func limitClause(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" LIMIT %d", n)
}

// mustAffect turns "no row changed" into store.ErrNotFound.
func mustAffect(res sql.Result, err error) error {
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
