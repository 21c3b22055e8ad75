package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// TestAuditNamesUsers: the trail is read by e-mail address, as people know
// each other: --actor takes one, the table and the JSON show it; the
// default shows the latest entries, not the oldest; --json keys are
// snake_case like every other --json.
func TestAuditNamesUsers(t *testing.T) {
	dir := t.TempDir()
	data := "--data=" + dir
	run(t, "", "org", "add", data, "--name", "KNPA", "--country", "KR", "--kind", "police")
	for _, u := range []string{"a@knpa.test", "b@knpa.test"} {
		if code, _, errs := run(t, "correct horse battery staple\n", "user", "add", data, "--org", "KNPA", "--email", u, "--role", "analyst", "--password-stdin"); code != 0 {
			t.Fatalf("user add: %s", errs)
		}
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := trust.New(st, trust.Options{Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := ts.Login(ctx, "A@knpa.test", "correct horse battery staple", "", "10.0.0.7"); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	code, out, errs := run(t, "", "audit", data, "--actor", "a@KNPA.test")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 4 || !strings.Contains(lines[1], "a@knpa.test") || !strings.Contains(lines[1], "login") {
		t.Fatalf("audit --actor a@KNPA.test: %d %q %s; want a header and three sign-ins by a@knpa.test", code, out, errs)
	}
	if code, _, errs := run(t, "", "audit", data, "--actor", "nobody@knpa.test"); code != 2 || !strings.Contains(errs, "nobody@knpa.test") {
		t.Errorf("audit --actor of an unknown address: %d %s", code, errs)
	}
	code, out, errs = run(t, "", "audit", data, "--limit", "2", "--json")
	var got []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("--json line %q: %v", l, err)
		}
		got = append(got, m)
	}
	if code != 0 || len(got) != 2 || got[1]["action"] != "login" || got[1]["actor_email"] != "a@knpa.test" || got[1]["from"] != "10.0.0.7" || got[0]["seq"].(float64)+1 != got[1]["seq"].(float64) {
		t.Fatalf("audit --limit 2 --json: %d %q", code, out)
	}
	if !strings.Contains(errs, "the last 2 of") {
		t.Errorf("a cut list does not say so: %q", errs)
	}
	if code, out, _ := run(t, "", "audit", data, "--since", "2000-01-01", "--action", "login"); code != 0 || strings.Count(out, "login") != 3 {
		t.Errorf("audit --since DATE: %d %s", code, out)
	}
}
