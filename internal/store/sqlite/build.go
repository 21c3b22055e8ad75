package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// BuildName is the file a new store is built in (NewBuild), beside the
// counterscam.db it becomes.
const BuildName = FileName + ".building"

var (
	// ErrBuilding: another process is building a new store in the directory.
	ErrBuilding = errors.New("sqlite: an import is building a new store")
	// ErrStoreExists: NewBuild was given a directory that holds a store.
	ErrStoreExists = errors.New("sqlite: the directory already holds a store")
	// ErrNoBuild: this system cannot lock a directory, so a store cannot
	// be built aside safely; open one instead.
	ErrNoBuild = errors.New("sqlite: a store cannot be built aside on this system")
)

// buildPragmas are the connection settings of a store being built: the
// rest as in pragmas, but
//
//   - journal_mode(MEMORY): the rollback journal in memory, not the WAL,
//     so that each page is written once, into the file (the WAL writes it
//     twice, to the log and at the checkpoint), and a transaction still
//     rolls back. A crash may leave the file broken, which is why it is
//     built under another name and appears only when complete.
//   - synchronous(OFF): no fsync per transaction; Publish syncs the file
//     once before it appears.
//   - temp_store(FILE): SQLite sorts the entries of the indexes a load
//     builds at its end in runs kept in temporary files (which the OS keeps
//     in its cache); kept in memory, the same builds took 2-3x as long
//     (BENCHMARKS.md). temp_store cannot change inside the load's
//     transaction, hence here.
//
// A bulk load of a million reports into a new store took 27-30% less time
// so (BENCHMARKS.md, "Bulk import").
var buildPragmas = func() []string {
	out := make([]string, 0, len(pragmas))
	for _, p := range pragmas {
		switch {
		case strings.HasPrefix(p, "journal_mode("):
			p = "journal_mode(MEMORY)"
		case strings.HasPrefix(p, "synchronous("):
			p = "synchronous(OFF)"
		case strings.HasPrefix(p, "temp_store("):
			p = "temp_store(FILE)"
		}
		out = append(out, p)
	}
	return out
}()

// A Build is a new store made in a file of its own (BuildName) in its data
// directory, which no other process opens: it becomes the directory's
// counterscam.db, whole, when Publish is called, and a crash or kill before
// leaves the directory without a store, as it was. Meanwhile the directory
// is locked: Open refuses to create a store in it (ErrBuilding).
type Build struct {
	*Store
	dir  string
	lock dirLock
}

// NewBuild begins a new store in dir, which must hold none
// (ErrStoreExists). ErrBuilding if another process is building one there.
func NewBuild(ctx context.Context, dir string) (*Build, error) {
	if dir == "" {
		return nil, errors.New("sqlite: no directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	l, err := lockDir(dir, true)
	switch {
	case errors.Is(err, errLocked):
		return nil, fmt.Errorf("%w in %s", ErrBuilding, dir)
	case errors.Is(err, errNoLocks):
		return nil, ErrNoBuild
	case err != nil:
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !errors.Is(err, fs.ErrNotExist) {
		l.unlock()
		if err == nil {
			return nil, fmt.Errorf("%w: %s", ErrStoreExists, dir)
		}
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	removeBuild(dir)
	st, err := openFile(ctx, filepath.Join(dir, BuildName), buildPragmas, options{})
	if err != nil {
		removeBuild(dir)
		l.unlock()
		return nil, err
	}
	return &Build{Store: st, dir: dir, lock: l}, nil
}

// Publish closes the store and makes it the directory's counterscam.db:
// in WAL mode, as Open makes them, synced to disk first. What the store's
// transactions committed is what appears.
func (b *Build) Publish() error {
	defer b.lock.unlock()
	err := b.Store.Close()
	if err == nil {
		err = b.publish()
	}
	if err != nil {
		removeBuild(b.dir)
		return fmt.Errorf("sqlite: making the new store %s: %w", filepath.Join(b.dir, FileName), err)
	}
	return nil
}

func (b *Build) publish() error {
	from, to := filepath.Join(b.dir, BuildName), filepath.Join(b.dir, FileName)
	// One connection with the usual settings switches the file to WAL
	// (a setting kept in the file); closing it leaves no log behind.
	db, err := sql.Open("sqlite", dsn(from, pragmas, ""))
	if err != nil {
		return err
	}
	var mode string
	err = db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if mode != "wal" {
		return fmt.Errorf("journal mode %q, not wal", mode)
	}
	if err := syncPath(from); err != nil {
		return err
	}
	// A store that appeared meanwhile (made by something that ignores the
	// lock: another host on a network file system, an older binary, the
	// sqlite3 shell) is left alone, its log included.
	if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) {
		if err == nil {
			err = fs.ErrExist
		}
		return err
	}
	// A log or shared-memory file without its database is left from a
	// store removed by hand: SQLite would read it as the new file's.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(to + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	// A link, not a rename: it fails rather than replace a store that
	// appeared in between.
	if err := os.Link(from, to); err != nil {
		return err
	}
	// The store is in place and whole. The build's name for it goes; a
	// failure to remove it or to sync the directory loses nothing (Open
	// removes a build's file it finds without its lock).
	os.Remove(from)
	syncPath(b.dir)
	return nil
}

// Discard closes the store and removes its file: the directory is left
// without a store, as it was.
func (b *Build) Discard() error {
	defer b.lock.unlock()
	err := b.Store.Close()
	removeBuild(b.dir)
	return err
}

// removeBuild removes what a build in dir left.
func removeBuild(dir string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(filepath.Join(dir, BuildName+suffix))
	}
}

// syncPath flushes a file or a directory's entries to disk.
func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
