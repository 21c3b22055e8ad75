package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"time"

	"counterscam/internal/store/migrate"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are this driver's schema changes, checked when the package
// loads: a misnumbered file fails every test at once.
var migrations = func() []migrate.Migration {
	ms, err := migrate.Load(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	return ms
}()

// migrateUp applies, in one transaction, the migrations the database lacks
// (up to version upTo, 0 meaning all), recording each in schema_migrations.
// The transaction begins IMMEDIATE, so two processes opening the same new
// file do not both migrate it.
func migrateUp(ctx context.Context, db *sql.DB, upTo int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", translate(err))
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	) STRICT`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", translate(err))
	}
	var applied int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&applied); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", translate(err))
	}
	if applied > len(migrations) {
		return fmt.Errorf("sqlite: the database is at schema version %d, newer than this binary's %d: use a newer counterscam", applied, len(migrations))
	}
	for _, m := range migrate.Pending(migrations, applied, upTo) {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("sqlite: migration %s: %w", m.Name, translate(err))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.Version, m.Name, fmtTime(time.Now())); err != nil {
			return fmt.Errorf("sqlite: migration %s: %w", m.Name, translate(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", translate(err))
	}
	return nil
}
