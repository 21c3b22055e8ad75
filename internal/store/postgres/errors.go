package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"counterscam/internal/store"
)

// retryable is a transaction that lost to another (a serialization failure
// or a deadlock): store.ErrConflict, and Update tries it again.
type retryable struct{ msg string }

func (e retryable) Error() string        { return "postgres: " + e.msg }
func (e retryable) Is(target error) bool { return target == store.ErrConflict }

// translate turns a driver error into the store's: no row becomes
// store.ErrNotFound, a unique violation store.ErrConflict, a foreign key
// violation store.ErrNotFound (what it pointed to is missing), a lost
// serialization race or deadlock a retryable store.ErrConflict.
// Cancellation stays recognisable; anything else keeps only its message
// (never the row values a server's detail may quote), so nothing above the
// store depends on pgx.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrConflict) {
		return err
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return store.ErrNotFound
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		msg := pe.Message + " (SQLSTATE " + pe.Code + ")"
		switch pe.Code {
		case "23505": // unique_violation
			return fmt.Errorf("%w: postgres: %s", store.ErrConflict, msg)
		case "23503": // foreign_key_violation
			return fmt.Errorf("%w: postgres: %s", store.ErrNotFound, msg)
		case "40001", "40P01": // serialization_failure, deadlock_detected
			return retryable{msg}
		case "57014": // query_canceled
			return context.Canceled
		}
		return fmt.Errorf("postgres: %s", msg)
	}
	return fmt.Errorf("postgres: %s", err.Error())
}
