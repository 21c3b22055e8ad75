// Package shareddata finds the real data that nobody on this project wrote
// (../shared/data beside the checkout: scam lists, OFAC addresses, the SMS
// corpus, FEBRL, romanisation tables) for tests and benchmarks, and skips
// them with a clear message where it is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns shared/data/rel, found by walking up from the working
// directory (a package's folder under go test), or skips tb.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skipf("no working directory: %v", err)
	}
	for {
		p := filepath.Join(dir, "shared", "data", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("shared/data/%s not found above the working directory: real-data test skipped", rel)
		}
		dir = parent
	}
}
