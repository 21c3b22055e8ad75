package cli

import (
	"regexp"
	"strings"
	"testing"
)

// TestRebuildKeepsWhatImportBuilt imports a file, rebuilds the networks
// from scratch and finds the store as the import left it: the networks
// kept batch by batch are those a rebuild computes.
func TestRebuildKeepsWhatImportBuilt(t *testing.T) {
	smallBatches(t, 30)
	_, csv := writeCSV(t, 600)
	tg := targets(t)[0]
	flags := tg.fresh(t)
	if code, _, errs := run(t, "", importArgs(t, flags, csv)...); code != 1 {
		t.Fatalf("import: status %d, %s", code, errs)
	}
	imported := tg.state(t, flags)
	code, out, errs := run(t, "", append([]string{"rebuild"}, flags...)...)
	if code != 0 {
		t.Fatalf("rebuild: status %d, %s", code, errs)
	}
	if !regexp.MustCompile(`^rebuild: \d+ linked reports in \d+ networks of two or more, in \S+ \(links read and partitioned in \S+, networks stored in \S+\)\n$`).MatchString(out) {
		t.Errorf("rebuild said %q", out)
	}
	wantSameState(t, tg.state(t, flags), imported)
	// The rebuild is in the audit trail: that entry is the change mark a
	// server over the same store watches to refresh its check index.
	code, out, errs = run(t, "", append([]string{"audit", "--action", "rebuild", "--json"}, flags...)...)
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, `"networks"`) {
		t.Errorf("audit of the rebuild: status %d, %q %s", code, out, errs)
	}
	if code, _, _ := run(t, "", append(append([]string{"rebuild"}, flags...), "extra")...); code != 2 {
		t.Errorf("rebuild with an argument: status %d, want 2", code)
	}
}
