package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"counterscam/internal/store"
)

// translate turns a driver error into the store's: no row becomes
// store.ErrNotFound, a unique or primary key violation store.ErrConflict, a
// foreign key violation store.ErrNotFound (what it pointed to is missing).
// Cancellation stays recognisable; anything else keeps only its message, so
// nothing above the store depends on SQLite.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrConflict) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return store.ErrNotFound
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("%w: %s", store.ErrConflict, se.Error())
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return fmt.Errorf("%w: %s", store.ErrNotFound, se.Error())
		case sqlite3.SQLITE_INTERRUPT:
			return context.Canceled
		}
		return fmt.Errorf("sqlite: %s", se.Error())
	}
	return fmt.Errorf("sqlite: %s", err.Error())
}
