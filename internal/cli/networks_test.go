package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterscam/internal/store/sqlite"
)

// TestNetworksFilters: the command filters as the networks page and the
// API do: by scam type, victims' country and the period the reports were
// received in (a date as --until takes in that whole day).
func TestNetworksFilters(t *testing.T) {
	data := importedStore(t, `external_ref,origin,received_at,scam_type,narrative,victim_country,selectors
r1,KNPA,2025-03-01T10:00:00Z,romance,a,KR,+855 12 345 678
r2,KNPA,2025-03-02T10:00:00Z,romance,b,KR,+855 12 345 678
r3,CNP,2025-06-30T23:00:00Z,loan,c,KH,ABA 012 345 678
r4,CNP,2025-07-01T09:00:00Z,loan,d,KH,+855 96 123 4567
`)
	for _, c := range []struct {
		args []string
		want int // networks listed
	}{
		{nil, 3},
		{[]string{"--scam-type", "romance"}, 1},
		{[]string{"--country", "kh"}, 2},
		{[]string{"--since", "2025-06-01", "--until", "2025-06-30"}, 1},
		{[]string{"--since", "2025-07-01T00:00:00Z"}, 1},
		{[]string{"--scam-type", "loan", "--min", "2"}, 0},
	} {
		code, out, errs := run(t, "", append([]string{"networks", data, "--json"}, c.args...)...)
		if got := strings.Count(out, "\n"); code != 0 || got != c.want {
			t.Errorf("networks %v: status %d, %d networks; want %d\n%s%s", c.args, code, got, c.want, out, errs)
		}
	}
	for _, bad := range [][]string{{"--scam-type", "lottery"}, {"--country", "Korea"}, {"--since", "01/03/2025"}} {
		if code, _, errs := run(t, "", append([]string{"networks", data}, bad...)...); code != 2 || !strings.Contains(errs, bad[0]) {
			t.Errorf("networks %v: status %d, %q; want 2 naming the flag", bad, code, errs)
		}
	}
}

// importedStore imports a CSV of reports into a new embedded store and
// returns its --data flag.
func importedStore(t *testing.T, csv string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "reports.csv")
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	data := "--data=" + filepath.Join(dir, "store")
	if code, _, errs := run(t, "", "import", data, file); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	return data
}

// TestReadingCommandsNeedAStore: networks, stats and audit over a data
// directory holding no store say so, instead of creating an empty store
// there and printing zeros.
func TestReadingCommandsNeedAStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "counterscam-dat")
	for _, cmd := range []string{"networks", "stats", "audit"} {
		code, out, errs := run(t, "", cmd, "--data", dir)
		if code != 1 || out != "" || !strings.Contains(errs, "no counterscam store in "+dir) {
			t.Errorf("%s --data %s: status %d, %q %q", cmd, dir, code, out, errs)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("reading left a store behind: %v", err)
	}
	// While an import builds the directory's first store, they say that.
	b, err := sqlite.NewBuild(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Discard()
	code, _, errs := run(t, "", "stats", "--data", dir)
	if code != 1 || !strings.Contains(errs, "an import may be building one there") {
		t.Errorf("stats while an import builds: status %d, %q", code, errs)
	}
	code, _, errs = run(t, "", "serve", "--data", dir, "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errs, "an import is building a new store in "+dir) {
		t.Errorf("serve while an import builds: status %d, %q", code, errs)
	}
}
