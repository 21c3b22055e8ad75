package sqlite

import (
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/store/storetest"
)

// TestBuildStore: a store being built (journal in memory, no syncs) keeps
// every promise of the storage suite, rollbacks included.
func TestBuildStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		b, err := NewBuild(t.Context(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.lock.unlock() })
		return b.Store
	})
}

// TestBuildAppearsWhole: a store built aside is invisible, and no other
// store can be made in its directory, until it is published; then it is the
// directory's store, in WAL mode, with what was committed.
func TestBuildAppearsWhole(t *testing.T) {
	dir := t.TempDir()
	b, err := NewBuild(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.write.Exec(`CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (42)`); err != nil {
		t.Fatal(err)
	}
	if exists(t, filepath.Join(dir, FileName)) || !exists(t, filepath.Join(dir, BuildName)) {
		t.Fatalf("while building: want only %s in %s", BuildName, dir)
	}
	if _, err := Open(t.Context(), dir); !errors.Is(err, ErrBuilding) {
		t.Fatalf("Open while building: %v, want ErrBuilding", err)
	}
	if _, err := NewBuild(t.Context(), dir); !errors.Is(err, ErrBuilding) {
		t.Fatalf("a second build: %v, want ErrBuilding", err)
	}
	if err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	if exists(t, filepath.Join(dir, BuildName)) || exists(t, filepath.Join(dir, FileName+"-wal")) {
		t.Errorf("after publishing: the build's file or a log left in %s", dir)
	}
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var mode string
	var x int
	if err := s.write.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
	if err := s.write.QueryRow(`SELECT x FROM probe`).Scan(&x); err != nil || x != 42 {
		t.Errorf("committed row: %d (%v), want 42", x, err)
	}
	if _, err := NewBuild(t.Context(), dir); !errors.Is(err, ErrStoreExists) {
		t.Errorf("building over a store: %v, want ErrStoreExists", err)
	}
}

// TestBuildDiscardedOrLeft: a discarded build leaves no store, and the file
// of a build whose process died (garbage here, without its lock) neither
// stops a new build nor Open, which remove it.
func TestBuildDiscardedOrLeft(t *testing.T) {
	dir := t.TempDir()
	b, err := NewBuild(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Discard(); err != nil {
		t.Fatal(err)
	}
	if exists(t, filepath.Join(dir, FileName)) || exists(t, filepath.Join(dir, BuildName)) {
		t.Fatalf("after a discarded build: a store left in %s", dir)
	}
	left := filepath.Join(dir, BuildName)
	if err := os.WriteFile(left, []byte("not a database: a build killed halfway"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err = NewBuild(t.Context(), dir)
	if err != nil {
		t.Fatalf("building over a dead build's file: %v", err)
	}
	if err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	left = filepath.Join(other, BuildName)
	if err := os.WriteFile(left, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), other)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if exists(t, left) {
		t.Errorf("Open left a dead build's file: %s", left)
	}
}

func exists(t *testing.T, path string) bool {
	t.Helper()
	_, err := os.Stat(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return err == nil
}

// TestBuildLeavesAStoreThatAppeared: a store made meanwhile by something
// that ignores the directory's lock (an older binary, the sqlite3 shell,
// another host) is neither replaced nor touched: its log, holding its
// last commit, stays, and the build fails.
func TestBuildLeavesAStoreThatAppeared(t *testing.T) {
	dir := t.TempDir()
	b, err := NewBuild(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", dsn(filepath.Join(dir, FileName), pragmas, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	if _, err := other.Exec(`CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (7)`); err != nil {
		t.Fatal(err)
	}
	if !exists(t, filepath.Join(dir, FileName+"-wal")) {
		t.Fatal("degenerate test: the other store has no log")
	}
	if err := b.Publish(); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("publishing over a store that appeared: %v, want ErrExist", err)
	}
	if !exists(t, filepath.Join(dir, FileName+"-wal")) {
		t.Error("the other store's log was removed")
	}
	var x int
	if err := other.QueryRow(`SELECT x FROM kept`).Scan(&x); err != nil || x != 7 {
		t.Errorf("the other store's row: %d (%v), want 7", x, err)
	}
}

// TestLockDirWithoutLocks: a directory that cannot be locked is not an
// error of its own: Open goes on without the lock, NewBuild says ErrNoBuild.
func TestLockDirWithoutLocks(t *testing.T) {
	if _, err := lockDir(filepath.Join(t.TempDir(), "absent"), true); !errors.Is(err, errNoLocks) {
		t.Errorf("lockDir of a directory that cannot be opened: %v, want errNoLocks", err)
	}
}
