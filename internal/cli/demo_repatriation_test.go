package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterscam/internal/casework"
)

// TestDemoWritesTheArrestList: counterscam demo leaves the partner's
// arrest list beside its store, readable as a partner list, and names the
// repatriation pages and commands.
func TestDemoWritesTheArrestList(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	code, out, stderr := run(t, "", "demo", "--no-serve", "--data", dir)
	if code != 0 {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	list := filepath.Join(dir, demoArrestList)
	fh, err := os.Open(list)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	rows, rejects, err := casework.ReadPartnerList(list, fh)
	if err != nil || len(rejects) != 0 || len(rows) != 13 {
		t.Errorf("the arrest list reads as %d rows, %v, %v", len(rows), rejects, err)
	}
	for _, want := range []string{"/reconcile   upload " + list, "/flights/", "counterscam triage --data " + dir} {
		if !strings.Contains(out, want) {
			t.Errorf("the demo does not say %q", want)
		}
	}
	code, out, _ = run(t, "", "manifest", "--data", dir, "KE9680")
	if code != 0 || !strings.Contains(out, "Passengers: 9\n") {
		t.Errorf("manifest of the demo's charter: %d\n%s", code, out)
	}
}
