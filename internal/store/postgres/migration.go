package postgres

import (
	"context"
	"embed"
	"fmt"
	"hash/fnv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

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

// migrateUp applies, in one transaction, the migrations the schema lacks
// (up to version upTo, 0 meaning all), recording each in
// schema_migrations. A transaction-scoped advisory lock on the schema's name
// makes servers starting together migrate one after the other; it is the
// only advisory lock counterscam takes.
func migrateUp(ctx context.Context, pool *pgxpool.Pool, upTo int) error {
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var schema *string
		if err := tx.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
			return err
		}
		if schema == nil {
			return fmt.Errorf("no schema to create tables in: does the schema in search_path exist?")
		}
		h := fnv.New64a()
		h.Write([]byte("counterscam migrate " + *schema))
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(h.Sum64())); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
			return err
		}
		var applied int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&applied); err != nil {
			return err
		}
		if applied > len(migrations) {
			return fmt.Errorf("the database is at schema version %d, newer than this binary's %d: use a newer counterscam", applied, len(migrations))
		}
		for _, m := range migrate.Pending(migrations, applied, upTo) {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		return nil
	})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The message only: a pgx error does not leave the driver.
		return fmt.Errorf("postgres: migrate: %s", err)
	}
	return nil
}
