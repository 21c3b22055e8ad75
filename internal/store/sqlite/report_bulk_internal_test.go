package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"counterscam/internal/store"
)

// pragmaInt reads an integer setting of the writer's connection.
func pragmaInt(t *testing.T, ctx context.Context, w *writer, name string) int {
	t.Helper()
	var v int
	if err := w.tx.QueryRowContext(ctx, `PRAGMA `+name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBuildIndexesSettings: the indexes of a load are built with a small
// page cache, which is set back to the store's afterwards, also when a
// build fails; a store being built keeps its temporary files on disk
// (temp_store 1, FILE), a store opened as usual in memory (2).
func TestBuildIndexesSettings(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b, err := NewBuild(ctx, filepath.Join(dir, "build"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	st, err := Open(ctx, filepath.Join(dir, "open"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, c := range []struct {
		name string
		st   *Store
		temp int
	}{{"built", b.Store, 1}, {"opened", st, 2}} {
		err := c.st.Update(ctx, func(sw store.Writer) error {
			w := sw.(*writer)
			if got := pragmaInt(t, ctx, w, "temp_store"); got != c.temp {
				t.Errorf("%s: temp_store = %d, want %d", c.name, got, c.temp)
			}
			want := pragmaInt(t, ctx, w, "cache_size")
			if want != -65536 {
				t.Errorf("%s: cache_size = %d, want -65536", c.name, want)
			}
			if err := w.buildIndexes(ctx, []string{`CREATE INDEX probe_origin ON reports (origin)`}); err != nil {
				return err
			}
			if got := pragmaInt(t, ctx, w, "cache_size"); got != want {
				t.Errorf("%s: cache_size after the builds = %d, want %d", c.name, got, want)
			}
			err := w.buildIndexes(ctx, []string{`CREATE INDEX probe_bad ON no_such_table (x)`})
			if err == nil || !strings.Contains(err.Error(), "no_such_table") {
				t.Errorf("%s: a failing build returned %v", c.name, err)
			}
			if got := pragmaInt(t, ctx, w, "cache_size"); got != want {
				t.Errorf("%s: cache_size after a failed build = %d, want %d", c.name, got, want)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
	}
}
