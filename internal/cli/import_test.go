package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite" // to watch the child's database

	"counterscam/internal/demo"
	"counterscam/internal/intake"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/store/postgres"
	"counterscam/internal/store/sqlite"
)

// target is a kind of store an import writes to.
type target struct {
	name string
	// fresh returns the flags naming a new, empty store.
	fresh func(t *testing.T) []string
	// open opens the store the flags name.
	open func(t *testing.T, flags []string) store.Store
	// count counts the reports stored, without disturbing a running import.
	count func(flags []string) (int, error)
}

// targets are the embedded store and, when COUNTERSCAM_TEST_POSTGRES names
// a server, PostgreSQL (a new schema for each store).
func targets(t *testing.T) []target {
	ts := []target{{
		name:  "sqlite",
		fresh: func(t *testing.T) []string { return []string{"--data", t.TempDir()} },
		open: func(t *testing.T, flags []string) store.Store {
			st, err := sqlite.Open(context.Background(), flags[1])
			if err != nil {
				t.Fatal(err)
			}
			return st
		},
		count: func(flags []string) (int, error) {
			// Read-only and without migrating, so as not to take the lock.
			db, err := sql.Open("sqlite", "file:"+filepath.Join(flags[1], sqlite.FileName)+"?mode=ro&_pragma=busy_timeout(1000)")
			if err != nil {
				return 0, err
			}
			defer db.Close()
			var c int
			err = db.QueryRow(`SELECT count(*) FROM reports`).Scan(&c)
			return c, err
		},
	}}
	dsn := os.Getenv("COUNTERSCAM_TEST_POSTGRES")
	if dsn == "" {
		return ts
	}
	return append(ts, target{
		name:  "postgres",
		fresh: func(t *testing.T) []string { return []string{"--db", freshSchema(t, dsn)} },
		open: func(t *testing.T, flags []string) store.Store {
			st, err := postgres.Open(context.Background(), flags[1])
			if err != nil {
				t.Fatal(err)
			}
			return st
		},
		count: func(flags []string) (int, error) {
			conn, err := pgx.Connect(context.Background(), flags[1])
			if err != nil {
				return 0, err
			}
			defer conn.Close(context.Background())
			var c int
			err = conn.QueryRow(context.Background(), `SELECT count(*) FROM reports`).Scan(&c)
			return c, err
		},
	})
}

// freshSchema creates a schema with a random name, drops it when the test
// ends, and returns the DSN that puts it first in search_path.
func freshSchema(t *testing.T, dsn string) string {
	t.Helper()
	b := make([]byte, 8)
	rand.Read(b)
	schema := "counterscam_cli_" + hex.EncodeToString(b)
	exec := func(q string) error {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			return err
		}
		defer conn.Close(context.Background())
		_, err = conn.Exec(context.Background(), q)
		return err
	}
	if err := exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("COUNTERSCAM_TEST_POSTGRES must be a URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

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

func (tg target) state(t *testing.T, flags []string) storeState {
	t.Helper()
	st := tg.open(t, flags)
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

// importArgs are the arguments of an import of csv into the store flags
// name.
func importArgs(t *testing.T, flags []string, csv string) []string {
	return append(append([]string{"import", "--quiet", "--rejects", filepath.Join(t.TempDir(), "rejects.tsv")}, flags...), csv)
}

// importOnce imports csv into a new store in one go and returns the state.
func (tg target) importOnce(t *testing.T, csv string) storeState {
	t.Helper()
	flags := tg.fresh(t)
	code, _, errs := run(t, "", importArgs(t, flags, csv)...)
	if code != 1 || !strings.Contains(errs, "1 rejected") {
		t.Fatalf("import: status %d, %s", code, errs)
	}
	return tg.state(t, flags)
}

// rerun imports csv again into the store flags name, where part of it is
// stored, and checks that it stores the rest and leaves the store as want.
func (tg target) rerun(t *testing.T, flags []string, csv string, want storeState) {
	t.Helper()
	part := tg.state(t, flags)
	if part.Counts.Reports == 0 || part.Counts.Reports >= want.Counts.Reports {
		t.Fatalf("the interrupted import stored %d reports, want some of %d", part.Counts.Reports, want.Counts.Reports)
	}
	tg.rerunFrom(t, flags, csv, want, part)
}

// rerunFrom is rerun where the interrupted import may have stored
// anything from none of the file to all of it (part).
func (tg target) rerunFrom(t *testing.T, flags []string, csv string, want, part storeState) {
	t.Helper()
	// The two repeated rows at the end count as already stored.
	code, _, errs := run(t, "", importArgs(t, flags, csv)...)
	if code != 1 || !strings.Contains(errs, fmt.Sprintf("%d already stored", part.Counts.Reports+2)) {
		t.Fatalf("rerun: status %d, %s; want %d already stored", code, errs, part.Counts.Reports+2)
	}
	wantSameState(t, tg.state(t, flags), want)
}

// writeCSV writes importCSV(n) to a file and returns its data and name.
func writeCSV(t *testing.T, n int) ([]byte, string) {
	t.Helper()
	data := importCSV(t, n)
	name := filepath.Join(t.TempDir(), "reports.csv")
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return data, name
}

// TestImportInterruptedThenRerun interrupts an import as Ctrl-C does, in
// the middle of the file, then runs it again: every row is stored exactly
// once and the store is as one uninterrupted import leaves it. Batch by
// batch, the interrupt comes once some of the file is stored; in one bulk
// load (the embedded store, empty), once half the file is sent: what was
// read by then is stored when the load ends.
func TestImportInterruptedThenRerun(t *testing.T) {
	smallBatches(t, 40)
	data, csv := writeCSV(t, 1500)
	for _, tg := range targets(t) {
		for _, bulk := range []bool{false, true} {
			if bulk && tg.name != "sqlite" {
				continue
			}
			t.Run(fmt.Sprintf("%s/bulk=%v", tg.name, bulk), func(t *testing.T) {
				want := tg.importOnce(t, csv)
				flags := tg.fresh(t)
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				pr, pw := io.Pipe()
				done := make(chan error, 1)
				go func() {
					args := append([]string{"--quiet", "--rejects", filepath.Join(t.TempDir(), "r.tsv")}, flags...)
					if !bulk {
						args = append(args, "--batched")
					}
					done <- runImport(&env{ctx: ctx, args: append(args, "-"), stdin: pr, stdout: io.Discard, stderr: io.Discard})
				}()
				// Half the file, then the interrupt; one more row wakes the
				// reader if it waits for input.
				half := bytes.Index(data[len(data)/2:], []byte("\n")) + len(data)/2 + 1
				nl := bytes.Index(data[half:], []byte("\n")) + half + 1
				go func() {
					pw.Write(data[:half])
					if !bulk {
						waitForReports(tg, flags, 100) // on a timeout, the checks below fail
					}
					cancel()
					pw.Write(data[half:nl])
					pw.Close()
				}()
				err := <-done
				pr.Close() // the reader stopped: unblock a write it did not read
				if err == nil || !strings.Contains(err.Error(), "interrupted after line") {
					t.Fatalf("interrupted import: err = %v, want the interruption", err)
				}
				if !bulk {
					tg.rerun(t, flags, csv, want)
					return
				}
				part := tg.state(t, flags)
				if part.Counts.Reports >= want.Counts.Reports {
					t.Fatalf("after the interrupt: %d reports stored, want fewer than the file's %d", part.Counts.Reports, want.Counts.Reports)
				}
				tg.rerunFrom(t, flags, csv, want, part)
			})
		}
	}
}

// TestImportKilledThenRerun kills an importing process twice (SIGKILL, so
// in the middle of whatever it does: a transaction, a commit, a
// checkpoint), then runs the import again: every row is stored exactly once
// and the store is as one uninterrupted import leaves it.
func TestImportKilledThenRerun(t *testing.T) {
	const n = 3000
	_, csv := writeCSV(t, n)
	smallBatches(t, 25)
	for _, tg := range targets(t) {
		t.Run(tg.name, func(t *testing.T) {
			want := tg.importOnce(t, csv)
			flags := tg.fresh(t)
			for kill := range 2 {
				cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$")
				args := importArgs(t, append([]string{"--batched"}, flags...), csv)
				cmd.Env = append(os.Environ(), "COUNTERSCAM_IMPORT_CHILD="+strings.Join(args, "\x1f"))
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				stored, err := waitForReports(tg, flags, (kill+1)*n/4)
				cmd.Process.Signal(syscall.SIGKILL)
				cmd.Wait()
				if err != nil {
					t.Fatal(err)
				}
				if stored >= n {
					t.Fatalf("kill %d: the child finished before it was killed", kill)
				}
			}
			tg.rerun(t, flags, csv, want)
		})
	}
}

// TestImportBulkThenBatches: a file larger than one bulk load may take is
// loaded in bulk up to the bound, then batch by batch, and the store ends
// as a batch-by-batch import of the whole file leaves it, on both drivers.
func TestImportBulkThenBatches(t *testing.T) {
	smallBatches(t, 40)
	old := bulkMax
	bulkMax = 200
	t.Cleanup(func() { bulkMax = old })
	_, csv := writeCSV(t, 700)
	for _, tg := range targets(t) {
		t.Run(tg.name, func(t *testing.T) {
			batched := tg.fresh(t)
			if code, _, errs := run(t, "", importArgs(t, append([]string{"--batched"}, batched...), csv)...); code != 1 {
				t.Fatalf("batched import: status %d, %s", code, errs)
			}
			want := tg.state(t, batched)
			flags := tg.fresh(t)
			code, _, errs := run(t, "", importArgs(t, flags, csv)...)
			if code != 1 || !strings.Contains(errs, fmt.Sprintf("%d new reports stored", want.Counts.Reports)) {
				t.Fatalf("import: status %d, %s; want %d new", code, errs, want.Counts.Reports)
			}
			wantSameState(t, tg.state(t, flags), want)
			// The audit trail shows the split: one entry for the bulk
			// load's 200 reports, then one a batch.
			st := tg.open(t, flags)
			defer st.Close()
			var loads []string
			err := st.AuditEntries(context.Background(), store.AuditFilter{}, func(e *store.AuditEntry) error {
				if e.Action == "create" {
					loads = append(loads, e.RecordID)
				}
				return nil
			})
			if err != nil || len(loads) < 2 || !strings.HasSuffix(loads[0], "(200 reports, up to TLP:AMBER)") {
				t.Errorf("audited loads: %v (%v), want the bulk load's 200 reports first, then batches", loads, err)
			}
			if want.Counts.Reports <= bulkMax {
				t.Fatalf("degenerate test: %d reports fit in one bulk load of %d", want.Counts.Reports, bulkMax)
			}
		})
	}
}

// TestImportBulkKilledThenRerun kills a process making one bulk load into
// an empty embedded store at moments spread over its run (before, while and
// after it writes; committing included): each time the store holds either
// nothing or the whole file, never part of it, and the import run again
// leaves the store as one uninterrupted import does.
func TestImportBulkKilledThenRerun(t *testing.T) {
	const n = 3000
	_, csv := writeCSV(t, n)
	smallBatches(t, 25)
	tg := targets(t)[0]
	want := tg.importOnce(t, csv)
	var sawNone, sawAll, sawBuilding bool
	for kill := range 8 {
		flags := tg.fresh(t)
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$")
		cmd.Env = append(os.Environ(), "COUNTERSCAM_IMPORT_CHILD="+strings.Join(importArgs(t, flags, csv), "\x1f"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The child builds the new store in a file of its own, which
		// appears when it opens the store; the kill comes a growing while
		// after that.
		db := filepath.Join(flags[1], sqlite.FileName)
		building := filepath.Join(flags[1], sqlite.BuildName)
		for i := 0; i < 20000; i++ {
			if exists(building) || exists(db) {
				break
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(time.Duration(kill*kill) * 25 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		// Killed before its store appeared, the import left the directory
		// without one, and the run again builds it anew.
		var part storeState
		if exists(db) {
			part = tg.state(t, flags)
		} else {
			sawBuilding = true
		}
		switch stored := part.Counts.Reports; stored {
		case 0:
			sawNone = true
		case want.Counts.Reports:
			sawAll = true
		default:
			t.Fatalf("kill %d: %d reports stored, want none or all %d", kill, stored, want.Counts.Reports)
		}
		tg.rerunFrom(t, flags, csv, want, part)
		if exists(building) {
			t.Errorf("kill %d: %s left after the run again", kill, building)
		}
	}
	t.Logf("kills that found nothing stored: %v (no store yet: %v); the whole file: %v", sawNone, sawBuilding, sawAll)
	if !sawBuilding {
		t.Error("degenerate test: no kill found the store still being built")
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
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

// waitForReports polls the store an import writes until it holds at least
// n reports, and returns how many it saw.
func waitForReports(tg target, flags []string, n int) (int, error) {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if c, err := tg.count(flags); err == nil && c >= n {
			return c, nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, fmt.Errorf("the import stored fewer than %d reports in two minutes", n)
}

// TestImportKeepsFileOrder: records are prepared on several cores at once,
// yet the reports are numbered in the order of the file (the stores append
// them at the end of their trees in that order) and the reject file lists
// the refused rows in the order of their lines, those the reader refuses
// (a row of two fields) among those the preparation refuses (an unknown
// scam type); one bulk load and batch by batch alike.
func TestImportKeepsFileOrder(t *testing.T) {
	smallBatches(t, 100)
	var b bytes.Buffer
	if err := demo.Synthetic(5, 1500, &b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	var refs []string // the stored rows' references, in file order
	var rejected []string
	for i := 1; i < len(lines); i++ {
		line := i + 1
		fields := strings.Split(lines[i], ",")
		switch {
		case i%97 == 0:
			lines[i] = strings.Replace(lines[i], ","+fields[3]+",", ",lottery,", 1)
			rejected = append(rejected, fmt.Sprint(line))
		case i%211 == 0:
			lines[i] = "bad,row"
			rejected = append(rejected, fmt.Sprint(line))
		default:
			refs = append(refs, fields[0])
		}
	}
	csv := filepath.Join(t.TempDir(), "reports.csv")
	if err := os.WriteFile(csv, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, batched := range []bool{false, true} {
		t.Run(fmt.Sprintf("batched=%v", batched), func(t *testing.T) {
			dir, rej := t.TempDir(), filepath.Join(t.TempDir(), "rejects.tsv")
			args := []string{"--quiet", "--data", dir, "--rejects", rej}
			if batched {
				args = append(args, "--batched")
			}
			var stderr bytes.Buffer
			// Rejected rows make the import exit non-zero.
			runImport(&env{ctx: context.Background(), args: append(args, csv), stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr})
			if want := fmt.Sprintf("%d new reports stored, 0 already stored, %d rejected", len(refs), len(rejected)); !strings.Contains(stderr.String(), want) {
				t.Fatalf("import said %q, want %q", stderr.String(), want)
			}
			db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName)+"?mode=ro")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			rows, err := db.Query(`SELECT external_ref FROM reports ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for rows.Next() {
				var ref string
				if err := rows.Scan(&ref); err != nil {
					t.Fatal(err)
				}
				got = append(got, ref)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, refs) {
				t.Errorf("%d reports in ID order, not in file order (want %d)", len(got), len(refs))
				for i := range min(len(got), len(refs)) {
					if got[i] != refs[i] {
						t.Fatalf("first difference at %d: %s, want %s", i, got[i], refs[i])
					}
				}
			}
			data, err := os.ReadFile(rej)
			if err != nil {
				t.Fatal(err)
			}
			var gotLines []string
			for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				if f := strings.Split(l, "\t"); len(f) > 1 && f[0] == csv {
					gotLines = append(gotLines, f[1])
				}
			}
			if !slices.Equal(gotLines, rejected) {
				t.Errorf("rejected lines %v, want %v", gotLines, rejected)
			}
		})
	}
}

// TestReadRecordsLeavesNothingRunning: when the reject file cannot be
// written, readRecords returns at the first rejected row, and the
// goroutines that read ahead and prepare records end too, though the file
// has thousands of records left and nobody takes the chunks they read.
func TestReadRecordsLeavesNothingRunning(t *testing.T) {
	ctx := context.Background()
	_, svc := newService(t)
	var b bytes.Buffer
	if err := demo.Synthetic(7, 5000, &b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	lines[3] = strings.Replace(lines[3], ","+strings.Split(lines[3], ",")[3]+",", ",lottery,", 1)
	rd, err := intake.NewReader("reports.csv", strings.NewReader(strings.Join(lines, "\n")+"\n"), intake.CSV, nil)
	if err != nil {
		t.Fatal(err)
	}
	rej := &rejectFile{path: filepath.Join(t.TempDir(), "no such directory", "rejects.tsv")}
	before := runtime.NumGoroutine()
	out := make(chan *readBatch, 1000)
	rs := readRecords(ctx, svc, rd, rej, out)
	if rs.err == nil || rs.read != 3 || rs.rejected != 1 {
		t.Fatalf("readRecords = %+v, want the reject file's error at the third record", rs)
	}
	if len(out) != 0 {
		t.Errorf("%d batches sent before the error, want none", len(out))
	}
	// The readers ahead see that the caller has gone; wait for them (a
	// leak keeps them forever).
	for wait := 0; runtime.NumGoroutine() > before; wait++ {
		if wait == 500 {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left running, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// newService opens a new embedded store, closed at the test's end, and the
// intelligence service over it.
func newService(t testing.TB) (*sqlite.Store, *intel.Service) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc, err := intel.New(context.Background(), st, intel.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return st, svc
}
