// Package postgres is counterscam's production storage: PostgreSQL through
// pgx's connection pool. Any number of stateless counterscam servers share
// one database; it uses only SQL that distributed PostgreSQL-compatible
// engines also accept (no LISTEN, no advisory locks beyond the migration
// lock, no temporary tables), and its bulk writes pass whole columns as
// arrays (INSERT ... SELECT FROM unnest(...)), one statement per table per
// batch, or go by COPY. A bulk load makes one table of its own, in its
// transaction and gone at its end (report_bulk.go).
//
// A selector's first and last seen are the earliest and latest ReceivedAt
// of the reports naming it. Times are kept to the microsecond (timestamptz);
// finer parts are cut off, never rounded up.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"counterscam/internal/store"
)

// Store is a counterscam database in PostgreSQL.
type Store struct {
	reader
	pool *pgxpool.Pool
}

// querier is what reads need: the pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// reader implements store.Reader on the pool or inside a transaction.
type reader struct {
	db querier
}

// writer implements store.Writer inside one transaction.
type writer struct {
	reader
	tx   pgx.Tx
	bulk *bulkLoad // a bulk load under way (BeginBulk)
}

// options are for tests: upTo stops the migrations at a version (0: all).
type options struct {
	upTo int
}

// Open connects to the database dsn names (a URL or key=value string, as
// libpq takes them) and brings its schema up to date: a database made by an
// older binary is upgraded. A search_path parameter picks the schema that
// holds counterscam's tables; Open creates that schema where missing.
//
//	postgres://counterscam@db.example:5432/counterscam?sslmode=verify-full&search_path=intel
func Open(ctx context.Context, dsn string) (*Store, error) {
	return open(ctx, dsn, options{})
}

func open(ctx context.Context, dsn string, o options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's message may quote the DSN, password included: keep it out.
		return nil, errors.New("postgres: the DSN cannot be parsed")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, translate(err)
	}
	if schema := firstSchema(cfg.ConnConfig.RuntimeParams["search_path"]); schema != "" {
		if _, err := pool.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize()); err != nil {
			pool.Close()
			return nil, fmt.Errorf("postgres: creating schema %s: %w", schema, translate(err))
		}
	}
	if err := migrateUp(ctx, pool, o.upTo); err != nil {
		pool.Close()
		return nil, err
	}
	return &Store{reader: reader{db: pool}, pool: pool}, nil
}

// firstSchema is the first schema named in a search_path, or "".
func firstSchema(searchPath string) string {
	first, _, _ := strings.Cut(searchPath, ",")
	first = strings.TrimSpace(first)
	if strings.HasPrefix(first, `"`) && strings.HasSuffix(first, `"`) && len(first) >= 2 {
		return strings.ReplaceAll(first[1:len(first)-1], `""`, `"`)
	}
	if first == "$user" {
		return ""
	}
	return strings.ToLower(first)
}

// maxAttempts bounds how often Update runs a transaction that lost a race
// with another (serialization failure or deadlock).
const maxAttempts = 3

// Update runs fn in one transaction: all of its writes land or none. When
// the transaction loses a race with another server's (a serialization
// failure or a deadlock, which PostgreSQL resolves by aborting one), Update
// runs fn again from the start, up to three times in all: fn must not have
// effects outside the transaction that cannot be repeated.
func (s *Store) Update(ctx context.Context, fn func(w store.Writer) error) error {
	var err error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		err = s.update(ctx, fn)
		var r retryable
		if !errors.As(err, &r) || ctx.Err() != nil {
			return err
		}
	}
	return err
}

func (s *Store) update(ctx context.Context, fn func(w store.Writer) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return translate(err)
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if err := fn(&writer{reader: reader{db: tx}, tx: tx}); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return translate(err)
	}
	committed = true
	return nil
}

// Close closes every connection of the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

var _ store.Store = (*Store)(nil)
