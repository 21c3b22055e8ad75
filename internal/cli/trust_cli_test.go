package cli

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"counterscam/internal/store/sqlite"
)

// TestTrustCommands walks the contract partner agencies script against:
// org add, user add --password-stdin, token create (printed once), and
// audit verify exiting non-zero, naming the entry, once an entry is edited.
func TestTrustCommands(t *testing.T) {
	dir := t.TempDir()
	data := "--data=" + dir
	if code, out, errs := run(t, "", "org", "add", data, "--name", "KNPA", "--country", "KR", "--kind", "police"); code != 0 || !strings.Contains(out, "KNPA") {
		t.Fatalf("org add: %d %s %s", code, out, errs)
	}
	if code, _, errs := run(t, "", "org", "add", data, "--name", "CNP", "--country", "Cambodia"); code != 1 || !strings.Contains(errs, "country") {
		t.Fatalf("org add with a bad country: %d %s", code, errs)
	}
	if code, out, errs := run(t, "correct horse battery staple\n", "user", "add", data, "--org", "KNPA", "--email", "a@knpa.test", "--role", "analyst", "--password-stdin"); code != 0 || !strings.Contains(out, "a@knpa.test") {
		t.Fatalf("user add: %d %s %s", code, out, errs)
	}
	if code, _, errs := run(t, "", "user", "add", data, "--org", "KNPA", "--email", "b@knpa.test", "--role", "analyst"); code != 2 || !strings.Contains(errs, "password-stdin") {
		t.Fatalf("user add without --password-stdin: %d %s", code, errs)
	}
	code, out, errs := run(t, "", "token", "create", data, "--user", "a@knpa.test")
	token := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(token, "cst_") || strings.Count(out, "\n") != 1 || !strings.Contains(errs, "shown once") {
		t.Fatalf("token create: %d %q %s", code, out, errs)
	}
	if code, out, _ := run(t, "", "audit", "verify", data); code != 0 || !strings.Contains(out, "intact") {
		t.Fatalf("audit verify: %d %s", code, out)
	}
	if code, out, _ := run(t, "", "audit", data, "--action", "create"); code != 0 || strings.Count(out, "create") < 3 {
		t.Fatalf("audit --action create: %d %s", code, out)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE audit SET action = 'read' WHERE seq = 2`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if code, _, errs := run(t, "", "audit", "verify", data); code == 0 || !strings.Contains(errs, "entry 2") {
		t.Fatalf("audit verify after tampering: %d %s", code, errs)
	}
}

func TestTOTPCommand(t *testing.T) {
	data := "--data=" + t.TempDir()
	run(t, "", "org", "add", data, "--name", "KNPA", "--country", "KR")
	run(t, "a long pass phrase\n", "user", "add", data, "--org", "KNPA", "--email", "a@knpa.test", "--role", "analyst", "--password-stdin")
	code, out, errs := run(t, "", "totp", data, "--user", "a@knpa.test")
	if code != 0 || !strings.HasPrefix(out, "secret ") || !strings.Contains(out, "otpauth://totp/") {
		t.Fatalf("totp: %d %q %s", code, out, errs)
	}
	if code, out, _ := run(t, "", "user", "list", data, "--org", "KNPA"); code != 0 || !strings.Contains(out, "true") {
		t.Fatalf("user list after totp: %d %s", code, out)
	}
	if code, out, errs := run(t, "", "user", "name", data, "--email", "A@knpa.test", "--name", "Han Jiwoo"); code != 0 || !strings.Contains(out, `"Han Jiwoo"`) {
		t.Fatalf("user name: %d %s %s", code, out, errs)
	}
	if code, out, _ := run(t, "", "user", "list", data, "--org", "KNPA"); code != 0 || !strings.Contains(out, "a@knpa.test  Han Jiwoo  KNPA") {
		t.Fatalf("user list after naming: %d %s", code, out)
	}
	run(t, "a long pass phrase\n", "user", "add", data, "--org", "KNPA", "--email", "b@knpa.test", "--role", "analyst", "--name", "Sok Dara", "--password-stdin")
	if code, out, _ := run(t, "", "user", "list", data, "--org", "KNPA"); code != 0 || !strings.Contains(out, "Sok Dara") {
		t.Fatalf("user list after adding a named user: %d %s", code, out)
	}
}

// TestUserDisableCommand: user disable ends the user's access and says so;
// user list shows it; user enable gives it back; an unknown address is an
// error naming it.
func TestUserDisableCommand(t *testing.T) {
	data := "--data=" + t.TempDir()
	run(t, "", "org", "add", data, "--name", "KNPA", "--country", "KR")
	run(t, "a long pass phrase\n", "user", "add", data, "--org", "KNPA", "--email", "a@knpa.test", "--role", "analyst", "--password-stdin")
	if code, out, errs := run(t, "", "user", "disable", data, "--email", "A@knpa.test"); code != 0 || !strings.Contains(out, "user a@knpa.test disabled") || !strings.Contains(out, "0 session(s) ended") {
		t.Fatalf("user disable: %d %s %s", code, out, errs)
	}
	if code, out, _ := run(t, "", "user", "list", data, "--org", "KNPA"); code != 0 || !strings.Contains(out, "DISABLED") || !strings.HasSuffix(strings.Join(strings.Fields(out), " "), "a@knpa.test KNPA analyst false true") {
		t.Fatalf("user list after disable: %d %q", code, out)
	}
	if code, out, errs := run(t, "", "user", "enable", data, "--email", "a@knpa.test"); code != 0 || !strings.Contains(out, "user a@knpa.test enabled") {
		t.Fatalf("user enable: %d %s %s", code, out, errs)
	}
	if code, out, _ := run(t, "", "user", "list", data, "--org", "KNPA"); code != 0 || !strings.HasSuffix(strings.Join(strings.Fields(out), " "), "a@knpa.test KNPA analyst false false") {
		t.Fatalf("user list after enable: %d %q", code, out)
	}
	if code, _, errs := run(t, "", "user", "disable", data, "--email", "nobody@knpa.test"); code == 0 || !strings.Contains(errs, "nobody@knpa.test") {
		t.Fatalf("user disable of an unknown address: %d %s", code, errs)
	}
	if code, out, _ := run(t, "", "audit", data, "--action", "disable"); code != 0 || !strings.Contains(out, "disable") {
		t.Fatalf("audit --action disable: %d %s", code, out)
	}
}

// TestServeRefusesABadTrustedProxy: a trusted proxy that is no address or
// prefix stops serve before it serves, naming it.
func TestServeRefusesABadTrustedProxy(t *testing.T) {
	data := "--data=" + t.TempDir()
	if code, _, errs := run(t, "", "serve", data, "--addr", "127.0.0.1:0", "--trusted-proxies", "10.0.0.0/8, proxy.example"); code != 2 || !strings.Contains(errs, `"proxy.example"`) {
		t.Fatalf("serve with a bad trusted proxy: %d %s", code, errs)
	}
}

// TestTokenListCommand: token list shows a user's tokens by ID and name,
// never the token, with revoked ones marked; revoking by a listed ID works.
func TestTokenListCommand(t *testing.T) {
	data := "--data=" + t.TempDir()
	run(t, "", "org", "add", data, "--name", "KNPA", "--country", "KR")
	run(t, "a long pass phrase\n", "user", "add", data, "--org", "KNPA", "--email", "a@knpa.test", "--role", "analyst", "--password-stdin")
	_, laptop, _ := run(t, "", "token", "create", data, "--user", "a@knpa.test", "--name", "laptop")
	_, script, _ := run(t, "", "token", "create", data, "--user", "a@knpa.test", "--name", "script")
	code, out, errs := run(t, "", "token", "list", data, "--user", "A@knpa.test")
	if code != 0 || !strings.Contains(out, "laptop") || !strings.Contains(out, "script") || strings.Count(out, "active") != 2 {
		t.Fatalf("token list: %d %s %s", code, out, errs)
	}
	if strings.Contains(out, strings.TrimSpace(laptop)) || strings.Contains(out, strings.TrimSpace(script)) {
		t.Fatalf("token list shows a token itself: %s", out)
	}
	var id string
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == "laptop" {
			id = f[0]
		}
	}
	if code, _, errs := run(t, "", "token", "revoke", data, "--id", id); code != 0 {
		t.Fatalf("token revoke --id %s: %d %s", id, code, errs)
	}
	if _, out, _ := run(t, "", "token", "list", data, "--user", "a@knpa.test"); strings.Count(out, "active") != 1 || !strings.Contains(out, "revoked") {
		t.Fatalf("token list after revoking the laptop's: %s", out)
	}
	if code, _, errs := run(t, "", "token", "list", data, "--user", "nobody@knpa.test"); code == 0 || !strings.Contains(errs, "nobody@knpa.test") {
		t.Fatalf("token list of an unknown user: %d %s", code, errs)
	}
}
