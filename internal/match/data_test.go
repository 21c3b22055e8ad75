package match

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedData finds the project's shared/data folder by walking up from the
// test's working directory, and skips the test when there is none.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "data", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("shared/data/%s not found above the working directory; skipping", rel)
		}
		dir = parent
	}
}
