package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite" // to watch the child's database

	"counterscam/internal/demo"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
)

// importCSV is a synthetic import file of n reports, followed by rows the
// import must reject or skip: a bad scam type and references taken
// earlier in the file.
func importCSV(t *testing.T, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := demo.Synthetic(3, n, &b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	b.WriteString(strings.Replace(lines[1], ","+strings.Split(lines[1], ",")[3]+",", ",lottery,", 1) + "\n")
	b.WriteString(lines[2] + "\n")
	b.WriteString(lines[n/2] + "\n")
	return b.Bytes()
}

// smallBatches makes the import commit often, so that an interruption
// lands between and inside many transactions.
func smallBatches(t *testing.T, n int) {
	old := importBatch
	importBatch = n
	t.Cleanup(func() { importBatch = old })
}

// storeState is what an import leaves, independent of the ULIDs minted:
// each report (by its reference) with the reference of its network's
// oldest report, the network summaries and the totals.
type storeState struct {
	NetworkOf map[string]string
	Networks  []string
	Counts    store.Counts
	Selectors string
}

func readState(t *testing.T, st store.Store) storeState {
	t.Helper()
	ctx := context.Background()
	reps, err := st.ListReports(ctx, store.ReportFilter{Scope: store.Scope{All: true}, Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	s := storeState{NetworkOf: map[string]string{}}
	refOf := map[string]string{}
	for _, r := range reps {
		if _, dup := refOf[r.ID]; dup {
			t.Fatalf("report %s listed twice", r.ID)
		}
		refOf[r.ID] = r.Origin + "/" + r.ExternalRef
	}
	seen := map[string]bool{}
	for _, r := range reps {
		ref := r.Origin + "/" + r.ExternalRef
		if seen[ref] {
			t.Fatalf("reference %s stored twice", ref)
		}
		seen[ref] = true
		s.NetworkOf[ref] = refOf[r.NetworkID]
	}
	ns, err := st.ListNetworks(ctx, store.NetworkFilter{Scope: store.Scope{All: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ns {
		s.Networks = append(s.Networks, fmt.Sprintf("%s %d %d %s %s", refOf[n.ID], n.Reports, n.Selectors,
			n.FirstSeen.Format(time.RFC3339), n.LastSeen.Format(time.RFC3339)))
	}
	slices.Sort(s.Networks)
	if s.Counts, err = st.Counts(ctx, store.Scope{All: true}); err != nil {
		t.Fatal(err)
	}
	// Every selector's counts, by its value.
	var sels []string
	seenSel := map[string]bool{}
	for _, r := range reps {
		full, err := st.GetReport(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range full.Selectors {
			if seenSel[l.SelectorID] {
				continue
			}
			seenSel[l.SelectorID] = true
			x, err := st.GetSelector(ctx, l.SelectorID)
			if err != nil {
				t.Fatal(err)
			}
			sels = append(sels, fmt.Sprintf("%s %d %d %s %s", x.Value, x.Reports, x.Sources,
				x.FirstSeen.Format(time.RFC3339), x.LastSeen.Format(time.RFC3339)))
		}
	}
	slices.Sort(sels)
	s.Selectors = strings.Join(sels, "\n")
	return s
}

func openState(t *testing.T, dir string) storeState {
	t.Helper()
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return readState(t, st)
}

func wantSameState(t *testing.T, got, want storeState) {
	t.Helper()
	if got.Counts != want.Counts {
		t.Errorf("counts %+v, want %+v", got.Counts, want.Counts)
	}
	for ref, n := range want.NetworkOf {
		if got.NetworkOf[ref] != n {
			t.Errorf("report %s in the network of %s, want %s", ref, got.NetworkOf[ref], n)
		}
	}
	if len(got.NetworkOf) != len(want.NetworkOf) {
		t.Errorf("%d reports, want %d", len(got.NetworkOf), len(want.NetworkOf))
	}
	if !slices.Equal(got.Networks, want.Networks) {
		t.Errorf("network summaries differ: %d vs %d", len(got.Networks), len(want.Networks))
	}
	if got.Selectors != want.Selectors {
		t.Error("selector counts differ")
	}
}

// importOnce imports csv into dir in one go and returns the state.
func importOnce(t *testing.T, dir, csv string) storeState {
	t.Helper()
	code, _, errs := run(t, "", "import", "--quiet", "--data", dir, "--rejects", filepath.Join(dir, "rejects.tsv"), csv)
	if code != 1 || !strings.Contains(errs, "1 rejected") {
		t.Fatalf("import: status %d, %s", code, errs)
	}
	return openState(t, dir)
}

// TestImportInterruptedThenRerun interrupts an import as Ctrl-C does, in
// the middle of the file, then runs it again: every row is stored exactly
// once and the store is as one uninterrupted import leaves it.
func TestImportInterruptedThenRerun(t *testing.T) {
	smallBatches(t, 40)
	const n = 1500
	data := importCSV(t, n)
	csv := filepath.Join(t.TempDir(), "reports.csv")
	if err := os.WriteFile(csv, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want := importOnce(t, t.TempDir(), csv)
	if want.Counts.Reports != n {
		t.Fatalf("uninterrupted import stored %d reports, want %d", want.Counts.Reports, n)
	}

	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- runImport(&env{ctx: ctx, args: []string{"--quiet", "--data", dir, "--rejects", filepath.Join(dir, "r.tsv"), "-"},
			stdin: pr, stdout: io.Discard, stderr: &errb})
	}()
	// Half the file, then the interrupt once some of it is stored; one more
	// row wakes the reader if it waits for input.
	half := bytes.Index(data[len(data)/2:], []byte("\n")) + len(data)/2 + 1
	nl := bytes.Index(data[half:], []byte("\n")) + half + 1
	go func() {
		pw.Write(data[:half])
		waitForReports(dir, 100) // on a timeout, the checks below fail
		cancel()
		pw.Write(data[half:nl])
		pw.Close()
	}()
	err := <-done
	pr.Close() // the reader stopped: unblock a write it did not read
	if err == nil || !strings.Contains(err.Error(), "interrupted after line") {
		t.Fatalf("interrupted import: err = %v, want the interruption", err)
	}
	part := openState(t, dir)
	if part.Counts.Reports == 0 || part.Counts.Reports >= n {
		t.Fatalf("interrupted import stored %d reports, want some of %d", part.Counts.Reports, n)
	}
	code, _, errs := run(t, "", "import", "--quiet", "--data", dir, "--rejects", filepath.Join(dir, "rejects.tsv"), csv)
	if code != 1 || !strings.Contains(errs, fmt.Sprintf("%d already stored", part.Counts.Reports+2)) {
		t.Fatalf("rerun: status %d, %s; want %d already stored", code, errs, part.Counts.Reports+2)
	}
	wantSameState(t, openState(t, dir), want)
}

// TestImportKilledThenRerun kills an importing process (SIGKILL, so in the
// middle of whatever it does: a transaction, a commit, a checkpoint), then
// runs the import again: every row is stored exactly once and the store is
// as one uninterrupted import leaves it.
func TestImportKilledThenRerun(t *testing.T) {
	const n = 3000
	data := importCSV(t, n)
	csv := filepath.Join(t.TempDir(), "reports.csv")
	if err := os.WriteFile(csv, data, 0o600); err != nil {
		t.Fatal(err)
	}
	smallBatches(t, 25)
	want := importOnce(t, t.TempDir(), csv)

	dir := t.TempDir()
	for kill := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$")
		cmd.Env = append(os.Environ(), "COUNTERSCAM_IMPORT_CHILD="+strings.Join([]string{
			"import", "--quiet", "--data", dir, "--rejects", filepath.Join(dir, "child.tsv"), csv}, "\x1f"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		stored, err := waitForReports(dir, (kill+1)*n/4)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if err != nil {
			t.Fatal(err)
		}
		if stored >= n {
			t.Fatalf("kill %d: the child finished before it was killed", kill)
		}
	}
	part := openState(t, dir)
	code, _, errs := run(t, "", "import", "--quiet", "--data", dir, "--rejects", filepath.Join(dir, "rejects.tsv"), csv)
	if code != 1 || !strings.Contains(errs, fmt.Sprintf("%d already stored", part.Counts.Reports+2)) {
		t.Fatalf("rerun: status %d, %s; want %d already stored", code, errs, part.Counts.Reports+2)
	}
	wantSameState(t, openState(t, dir), want)
}

// TestImportChild is the killed child's body: it runs the import that
// COUNTERSCAM_IMPORT_CHILD spells out, in small batches.
func TestImportChild(t *testing.T) {
	args := os.Getenv("COUNTERSCAM_IMPORT_CHILD")
	if args == "" {
		t.Skip("the child of TestImportKilledThenRerun")
	}
	importBatch = 25
	Main(strings.Split(args, "\x1f"), strings.NewReader(""), io.Discard, io.Discard)
}

// waitForReports polls the database an import writes until it holds at
// least n reports, and returns how many it saw.
func waitForReports(dir string, n int) (int, error) {
	path := filepath.Join(dir, sqlite.FileName)
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
			if err == nil {
				var c int
				err = db.QueryRow(`SELECT count(*) FROM reports`).Scan(&c)
				db.Close()
				if err == nil && c >= n {
					return c, nil
				}
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, fmt.Errorf("the import stored fewer than %d reports in two minutes", n)
}
