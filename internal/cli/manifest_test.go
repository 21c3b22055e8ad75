package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/auth"
	"counterscam/internal/casework"
	"counterscam/internal/demo"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/store/postgres"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// consularEnd is when the test's consular scene ends.
var consularEnd = time.Date(2025, 11, 5, 10, 0, 0, 0, time.UTC)

// consularData builds the demo's consular scene in an embedded store and
// returns its data directory, for the commands to open with --data.
func consularData(t *testing.T) (string, *demo.ConsularScene) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, loadConsular(t, st)
}

// loadConsular loads the consular scene into st, and closes it.
func loadConsular(t *testing.T, st store.Store) *demo.ConsularScene {
	t.Helper()
	ctx := context.Background()
	defer st.Close()
	svc, err := intel.New(ctx, st, intel.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := trust.New(st, trust.Options{Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := demo.LoadConsular(ctx, st, svc, ts, 2025, demo.ConsularOptions{Password: demoPassword, Now: consularEnd})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestManifestAndTriageOnPostgres runs both commands with --db.
func TestManifestAndTriageOnPostgres(t *testing.T) {
	dsn := os.Getenv("COUNTERSCAM_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("set COUNTERSCAM_TEST_POSTGRES to run the commands on PostgreSQL")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("cli_repatriation_%d", time.Now().UnixNano())
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(context.Background())
		conn.Exec(context.Background(), `DROP SCHEMA IF EXISTS `+schema+` CASCADE`)
	})
	st, err := postgres.Open(context.Background(), u.String())
	if err != nil {
		t.Fatal(err)
	}
	loadConsular(t, st)
	code, out, stderr := run(t, "", "manifest", "--db", u.String(), "KE9680")
	if code != 0 || !strings.Contains(out, "Legal status: warrant_to_execute 3, red_notice 1, victim 4, voluntary 1\n") {
		t.Errorf("manifest on PostgreSQL: %d %s\n%s", code, stderr, out)
	}
	code, out, stderr = run(t, "", "triage", "--json", "--now", consularEnd.Format(time.RFC3339), "--db", u.String())
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.HasPrefix(out, `{"intake_id":`) || !strings.Contains(strings.Split(out, "\n")[0], `"danger_now":true`) {
		t.Errorf("triage on PostgreSQL: %d %s\n%s", code, stderr, out)
	}
}

func TestManifestOfTheCharter(t *testing.T) {
	data, sc := consularData(t)
	code, out, stderr := run(t, "", "manifest", "--data", data, sc.CharterID)
	if code != 0 {
		t.Fatalf("manifest: exit %d, %s", code, stderr)
	}
	for _, want := range []string{
		"Flight KE9680  Korean Air, charter  PNH -> ICN  TLP:AMBER\n",
		"status planned\n",
		"\nPassengers: 9\n",
		"Legal status: warrant_to_execute 3, red_notice 1, victim 4, voluntary 1\n",
		"Fit to fly: fit 8, pending 1\n",
		"Outcome: pending 9\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the manifest lacks %q:\n%s", want, out)
		}
	}
	lines := strings.Split(out, "\n")
	var rows []string
	for i, l := range lines {
		if strings.HasPrefix(l, "SEAT ") {
			rows = lines[i+1 : i+10]
		}
	}
	if len(rows) != 9 || !strings.HasPrefix(rows[0], "20A ") || !strings.HasPrefix(rows[8], "22C ") || !strings.Contains(rows[0], "ETD-KH-") {
		t.Errorf("passenger lines: %q", rows)
	}
	// By number, the same manifest.
	if _, byNumber, _ := run(t, "", "manifest", "--data", data, "KE9680"); byNumber != out {
		t.Error("the manifest by flight number differs from the one by ID")
	}
	code, csvOut, _ := run(t, "", "manifest", "--csv", "--data", data, "ke9680")
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if code != 0 || err != nil || len(recs) != 10 {
		t.Fatalf("CSV: exit %d, %d records, %v", code, len(recs), err)
	}
	legal := map[string]int{}
	for _, r := range recs[1:] {
		if r[0] != "KE9680" || !strings.HasPrefix(r[10], "ETD-KH-") {
			t.Errorf("CSV row %v", r)
		}
		legal[r[11]]++
	}
	if legal["victim"] != 4 || legal["warrant_to_execute"] != 3 || legal["red_notice"] != 1 || legal["voluntary"] != 1 {
		t.Errorf("CSV legal statuses %v", legal)
	}
	if code, _, stderr := run(t, "", "manifest", "--data", data, "XX1"); code != 1 || !strings.Contains(stderr, `no flight "XX1"`) {
		t.Errorf("an unknown flight: exit %d, %s", code, stderr)
	}
	if code, _, _ := run(t, "", "manifest", "--data", data); code != 2 {
		t.Errorf("no flight: exit %d, want 2", code)
	}
	if code, _, stderr := run(t, "", "manifest", "-h"); code != 0 || !strings.Contains(stderr, "computed from the rows") {
		t.Errorf("help: exit %d, %s", code, stderr)
	}
}

// TestManifestListsTheFlightsMoves: a charter moved to a new time lists
// the move, from what departure to what and why, under its own line.
func TestManifestListsTheFlightsMoves(t *testing.T) {
	data, sc := consularData(t)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	svc := casework.New(st, nil, casework.Config{Now: func() time.Time { return consularEnd }})
	fl, err := st.GetFlight(ctx, sc.CharterID)
	if err != nil {
		t.Fatal(err)
	}
	to := fl.DepartAt.Add(26 * time.Hour)
	if _, err := svc.RescheduleFlight(ctx, trust.Operator(), fl.ID, to, time.Time{}, "delayed by the airline"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, stderr := run(t, "", "manifest", "--data", data, sc.CharterID)
	want := "Moved 2025-11-05 10:00 UTC (operator): departure " + fl.DepartAt.UTC().Format("2006-01-02 15:04 UTC") + " -> " +
		to.UTC().Format("2006-01-02 15:04 UTC") + ": delayed by the airline\n"
	if code != 0 || !strings.Contains(out, want) || !strings.Contains(out, "Departs "+to.UTC().Format("2006-01-02 15:04 UTC")) {
		t.Errorf("manifest of the moved charter: exit %d, %s; want %q in\n%s", code, stderr, want, out)
	}
}

// TestManifestAddReady: --add-ready puts everyone ready to board on a
// flight still to leave, in one change, says who on standard error and
// who is not ready and why; run again it finds nobody; a word that is no
// legal status is a usage error.
func TestManifestAddReady(t *testing.T) {
	data, _ := consularData(t)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	svc := casework.New(st, nil, casework.Config{})
	fl, err := svc.CreateFlight(ctx, trust.Operator(), &casework.FlightInput{Number: "ZE5371", Carrier: "Eastar Jet", From: "pnh", To: "icn",
		DepartAt: time.Now().Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	bs, err := svc.Boarders(ctx, trust.Operator(), fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ready, held []string
	for _, b := range bs {
		ref := personRef(b.Person)
		if b.Refusal == nil {
			ready = append(ready, ref)
		} else {
			held = append(held, ref)
		}
	}
	st.Close()
	if len(ready) == 0 || len(held) == 0 {
		t.Fatalf("the scene has %d ready, %d not: the test needs some of each", len(ready), len(held))
	}
	code, out, stderr := run(t, "", "manifest", "--data", data, "--add-ready", "victim", "ZE5371")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("\nPassengers: %d\n", len(ready))) || !strings.Contains(out, fmt.Sprintf("Legal status: victim %d\n", len(ready))) {
		t.Fatalf("--add-ready: exit %d, %s\n%s", code, stderr, out)
	}
	if !strings.Contains(stderr, fmt.Sprintf("added %d: %s\n", len(ready), strings.Join(ready, ", "))) || strings.Count(stderr, "not ready: ") != len(held) {
		t.Errorf("--add-ready says %q; want %v added, %d not ready", stderr, ready, len(held))
	}
	for _, ref := range held {
		if !strings.Contains(stderr, "not ready: "+ref+": ") || strings.Contains(out, ref) {
			t.Errorf("%s: not said to be not ready, or on the manifest", ref)
		}
	}
	if code, out, stderr := run(t, "", "manifest", "--data", data, "--add-ready", "victim", "ZE5371"); code != 0 ||
		!strings.Contains(stderr, "nobody is ready to board\n") || !strings.Contains(out, fmt.Sprintf("\nPassengers: %d\n", len(ready))) {
		t.Errorf("--add-ready again: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "", "manifest", "--data", data, "--add-ready", "deported", "ZE5371"); code != 2 || !strings.Contains(stderr, "victim") {
		t.Errorf("--add-ready deported: exit %d, %s", code, stderr)
	}
}
