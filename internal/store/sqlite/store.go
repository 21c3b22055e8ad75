// Package sqlite is counterscam's embedded storage: one SQLite file, through
// a pure-Go driver (modernc.org/sqlite, no cgo), so the binary cross-compiles
// and runs anywhere without a database server.
//
// Writes go through one connection (Store.Update), reads through a small
// pool of read-only connections; in WAL mode readers never wait for the
// writer. A selector's first and last seen are the earliest and latest
// ReceivedAt of the reports naming it.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"counterscam/internal/store"
)

// FileName is the database file Open creates in its directory.
const FileName = "counterscam.db"

// storeCacheSize is the page cache of each connection (cache_size).
const storeCacheSize = "-65536"

// Every connection's settings, in one place. modernc.org/sqlite runs
// busy_timeout before the other pragmas, whatever their order here.
//
//   - busy_timeout(10000): first, so that every later statement, even the
//     pragmas below, waits up to 10 s for another process's lock instead of
//     failing at once with "database is locked".
//   - journal_mode(WAL): readers never block the writer nor the writer the
//     readers; a commit appends to the log instead of rewriting pages.
//   - synchronous(NORMAL): in WAL mode a commit is still atomic and the
//     database never corrupts; a power cut may lose the last commits, not
//     the file. FULL would fsync on every commit and halve import speed.
//   - foreign_keys(1): SQLite leaves foreign keys off unless asked, per
//     connection.
//   - temp_store(MEMORY): sorts and temporary B-trees of big GROUP BYs stay
//     in memory.
//   - cache_size(-65536): 64 MiB of page cache per connection (the default
//     is 2 MiB), so the indexes an import touches stay cached.
//   - mmap_size(2147418112): reads map up to 2 GiB of the file (SQLite's
//     largest by default) instead of copying pages through read(): the
//     checks search a 1M-selector store at random, and a mapped page that
//     the OS has cached costs nothing to read again.
var pragmas = []string{
	"busy_timeout(10000)",
	"journal_mode(WAL)",
	"synchronous(NORMAL)",
	"foreign_keys(1)",
	"temp_store(MEMORY)",
	"cache_size(" + storeCacheSize + ")",
	"mmap_size(2147418112)",
}

// Store is a counterscam database in one SQLite file.
type Store struct {
	reader           // reads outside transactions, on the read pool
	write  *sql.DB   // exactly one connection: SQLite allows one writer
	read   *stmtPool // read-only connections, statements compiled once
}

// options are for tests: upTo stops the migrations at a version (0: all).
type options struct {
	upTo int
}

// Open opens (creating them where missing) the directory dir and the
// database file counterscam.db in it, and brings its schema up to date: a
// database made by an older binary is upgraded. It refuses (ErrBuilding)
// to create a store where an import is building one (NewBuild).
func Open(ctx context.Context, dir string) (*Store, error) {
	return open(ctx, dir, options{})
}

func open(ctx context.Context, dir string, o options) (*Store, error) {
	if dir == "" {
		return nil, errors.New("sqlite: no directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	path := filepath.Join(dir, FileName)
	_, err := os.Stat(path)
	missing := errors.Is(err, fs.ErrNotExist)
	if _, berr := os.Stat(filepath.Join(dir, BuildName)); missing || berr == nil {
		// A new store: not while an import builds one here, which holds
		// the directory's lock until its store appears. A build's file
		// without its lock was left by an import killed while it built.
		l, err := lockDir(dir, false)
		switch {
		case errors.Is(err, errLocked):
			if missing {
				return nil, fmt.Errorf("%w in %s: it appears when that import ends", ErrBuilding, dir)
			}
		case err == nil:
			defer l.unlock()
			removeBuild(dir)
		case !errors.Is(err, errNoLocks):
			return nil, fmt.Errorf("sqlite: %w", err)
		}
	}
	return openFile(ctx, path, pragmas, o)
}

// openFile opens the database file at path with the connection settings
// given and brings its schema up to date.
func openFile(ctx context.Context, path string, settings []string, o options) (*Store, error) {
	// The writer takes the write lock when its transaction begins
	// (BEGIN IMMEDIATE), so a transaction never fails halfway because
	// another process wrote first.
	write, err := sql.Open("sqlite", dsn(path, settings, "_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	if err := migrateUp(ctx, write, o.upTo); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite", dsn(path, settings, "_query_only=1"))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	n := max(4, runtime.NumCPU())
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	pool := newStmtPool(read)
	return &Store{reader: reader{db: pool}, write: write, read: pool}, nil
}

func dsn(path string, settings []string, extra string) string {
	q := url.Values{}
	for _, p := range settings {
		q.Add("_pragma", p)
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode() + "&" + extra
}

// Update runs fn in one write transaction: all of its writes land or none.
// Update must not be called again from inside fn (there is one writer).
func (s *Store) Update(ctx context.Context, fn func(w store.Writer) error) (err error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return translate(err)
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback()
		}
	}()
	w := &writer{reader: reader{db: tx}, tx: tx, stmts: map[stmtKey]*sql.Stmt{}}
	if err := fn(w); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return translate(err)
	}
	committed = true
	return nil
}

// Close lets SQLite refresh its query planner's statistics and closes the
// database.
func (s *Store) Close() error {
	_, _ = s.write.ExecContext(context.Background(), "PRAGMA optimize")
	return errors.Join(s.read.Close(), s.write.Close())
}

var _ store.Store = (*Store)(nil)
