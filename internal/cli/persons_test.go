package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

const cliPersons = `external_ref,name,name_latin,date_of_birth,sex,nationality,passport_number
EMB-1,박민호,PARK MINHO,1998-03-07,M,KR,M12345678
EMB-2,이서연,LEE SEOYEON,1995-11,F,KR,
EMB-3,최준영,CHOI JUNYOUNG,1990,M,KR,M22223333
EMB-4,김지훈,KIM JIHUN,2000-02-31,M,KR,
EMB-5,정하늘,,1999,X,Koreana,
`

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPersonsImport(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	file := writeFile(t, dir, "persons.csv", cliPersons)
	code, _, stderr := run(t, "", "persons", "import", "--data", data, "--origin", "kr-embassy-kh", file)
	if want := `counterscam persons: origin: no organisation named "kr-embassy-kh" (add it with counterscam org add)`; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("an origin that is no organisation: %d %q, want 1 and %q", code, stderr, want)
	}
	if code, _, stderr := run(t, "", "org", "add", "--data", data, "--name", "kr-embassy-kh", "--country", "KR", "--kind", "embassy"); code != 0 {
		t.Fatalf("org add: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "", "persons", "import", "--data", data, "--origin", "kr-embassy-kh", file)
	if code != 1 {
		t.Errorf("exit status %d with rejected rows, want 1", code)
	}
	for _, want := range []string{
		file + ":5: date_of_birth: day out of range for the month",
		file + `:6: nationality: "Koreana" is not a country: write an ISO 3166-1 code (KR, KOR) or the country's name in English, Korean or Khmer`,
		"persons: 5 rows read, 3 new, 0 updated, 0 already stored, 2 rejected",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// Idempotent: a second run stores nothing new.
	_, _, stderr = run(t, "", "persons", "import", "--data", data, "--origin", "kr-embassy-kh", file)
	if !strings.Contains(stderr, "3 already stored") || !strings.Contains(stderr, "0 new") {
		t.Errorf("second import: %s", stderr)
	}
	code, stdout, _ := run(t, "", "persons", "find", "--data", data, "PAK MIN HO")
	if code != 0 || !strings.Contains(stdout, "EMB-1") || strings.Contains(stdout, "EMB-2") {
		t.Errorf("find: %d\n%s", code, stdout)
	}
	code, _, stderr = run(t, "", "persons", "import", "--data", data, filepath.Join(dir, "missing.csv"))
	if code != 1 || !strings.Contains(stderr, "missing.csv") {
		t.Errorf("a missing file: %d %s", code, stderr)
	}
	bad := writeFile(t, dir, "bad.csv", "ref,name\nA,B\n")
	code, _, stderr = run(t, "", "persons", "import", "--data", data, bad)
	if code != 1 || !strings.Contains(stderr, bad+":1: ref: unknown column") {
		t.Errorf("a bad header: %d %s", code, stderr)
	}
	if code, _, _ := run(t, "", "persons", "import", "--data", data); code != 2 {
		t.Errorf("no file: exit status %d, want 2", code)
	}
	code, stdout, _ = run(t, "", "persons", "export", "--htcds", "--data", data)
	var recs []map[string]any
	if code != 0 || json.Unmarshal([]byte(stdout), &recs) != nil || len(recs) != 0 {
		t.Errorf("export without screenings: %d %q", code, stdout)
	}
}

const cliPartner = `row_ref,name_latin,date_of_birth,nationality,passport_number,place_of_arrest
KH-1,PAK MIN HO,07/03/1998,KR,,Kampot
KH-2,HAN SEUNG WOO,1993-02-02,KR,M22223333,Poipet
KH-3,SOK DARA,1992,KH,,Phnom Penh
KH-4,LEE SEO YEON,1995-11-20,KR,,Bavet
KH-5,,1990,KR,,
`

func TestReconcileJSON(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	run(t, "", "persons", "import", "--data", data, writeFile(t, dir, "persons.csv", cliPersons))
	list := writeFile(t, dir, "kh.csv", cliPartner)
	code, stdout, stderr := run(t, "", "reconcile", "--json", "--partner", "kh-gdi", "--data", data, list)
	if code != 1 || !strings.Contains(stderr, list+":6: name_latin: missing") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	var got []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		got = append(got, m)
	}
	if len(got) != 4 {
		t.Fatalf("%d lines for 4 rows:\n%s", len(got), stdout)
	}
	want := []struct{ row, status, person string }{
		{"KH-1", "matched", "EMB-1"}, {"KH-2", "conflict", ""}, {"KH-3", "unmatched", ""}, {"KH-4", "conflict", ""}, // a partial date of birth here: an officer looks
	}
	for i, w := range want {
		g := got[i]
		person, _ := g["person"].(string)
		if g["row_ref"] != w.row || g["status"] != w.status || person != w.person {
			t.Errorf("line %d = %v, want %+v", i, g, w)
		}
		if _, ok := g["person"]; !ok {
			t.Errorf("line %d has no person key", i)
		}
	}
	if c := got[3]["candidates"].([]any); got[3]["reason"] != "possible" || len(c) != 1 || c[0].(map[string]any)["person"] != "EMB-2" {
		t.Errorf("the possible match: %v", got[3])
	}
	if got[0]["score"].(float64) < 0.9 || len(got[0]["features"].([]any)) == 0 {
		t.Errorf("the match is not scored and explained: %v", got[0])
	}
	if got[1]["reason"] != "document_name_differs" || len(got[1]["candidates"].([]any)) != 1 {
		t.Errorf("the conflict: %v", got[1])
	}
	if _, ok := got[2]["score"]; ok || got[2]["person"] != nil {
		t.Errorf("the unmatched row: %v", got[2])
	}
	code, stdout, _ = run(t, "", "reconcile", "--data", data, list)
	if !strings.Contains(stdout, "KH-1  ") || !strings.Contains(stdout, "EMB-1") || code != 1 {
		t.Errorf("table output (%d):\n%s", code, stdout)
	}
}

// TestPersonsAndReconcileOnPostgres runs the same commands with --db.
func TestPersonsAndReconcileOnPostgres(t *testing.T) {
	dsn := os.Getenv("COUNTERSCAM_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("set COUNTERSCAM_TEST_POSTGRES to run the commands on PostgreSQL")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("cli_casework_%d", time.Now().UnixNano())
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
	dir := t.TempDir()
	file := writeFile(t, dir, "persons.csv", cliPersons)
	run(t, "", "org", "add", "--db", u.String(), "--name", "kr-embassy-kh", "--country", "KR", "--kind", "embassy")
	_, _, stderr := run(t, "", "persons", "import", "--db", u.String(), "--origin", "kr-embassy-kh", file)
	if !strings.Contains(stderr, "3 new") {
		t.Fatalf("import on PostgreSQL: %s", stderr)
	}
	_, _, stderr = run(t, "", "persons", "import", "--db", u.String(), "--origin", "kr-embassy-kh", file)
	if !strings.Contains(stderr, "3 already stored") {
		t.Errorf("second import on PostgreSQL: %s", stderr)
	}
	_, stdout, _ := run(t, "", "reconcile", "--json", "--db", u.String(), writeFile(t, dir, "kh.csv", cliPartner))
	if !strings.Contains(stdout, `"row_ref":"KH-1","status":"matched","reason":"name_and_birth","person":"EMB-1"`) {
		t.Errorf("reconcile on PostgreSQL:\n%s", stdout)
	}
}
