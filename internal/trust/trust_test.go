package trust_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func setUp(t *testing.T) (*trust.Service, store.Store, *clock, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &clock{t: time.Date(2025, 10, 18, 9, 0, 0, 0, time.UTC)}
	ts, err := trust.New(st, trust.Options{Now: c.Now, Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := ts.AddOrg(ctx, trust.Operator(), "KNPA", "KR", "police", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.AddUser(ctx, trust.Operator(), "KNPA", "Analyst@KNPA.test", "analyst", "a long enough password"); err != nil {
		t.Fatal(err)
	}
	return ts, st, c, dir
}

func TestSetupRefusesBadInput(t *testing.T) {
	ts, _, _, _ := setUp(t)
	ctx := context.Background()
	op := trust.Operator()
	for _, c := range []struct {
		name  string
		err   error
		field string
	}{
		{"duplicate org", func() error { _, err := ts.AddOrg(ctx, op, "KNPA", "KR", "police", nil); return err }(), "name"},
		{"bad country", func() error { _, err := ts.AddOrg(ctx, op, "X", "Korea", "police", nil); return err }(), "country"},
		{"unknown partner", func() error { _, err := ts.AddOrg(ctx, op, "CNP", "KH", "police", []string{"nobody"}); return err }(), "partners"},
		{"duplicate user", func() error {
			_, err := ts.AddUser(ctx, op, "KNPA", "analyst@knpa.test", "analyst", "a long enough password")
			return err
		}(), "email"},
		{"short password", func() error { _, err := ts.AddUser(ctx, op, "KNPA", "b@knpa.test", "analyst", "short"); return err }(), "password"},
		{"bad role", func() error {
			_, err := ts.AddUser(ctx, op, "KNPA", "c@knpa.test", "superuser", "a long enough password")
			return err
		}(), "role"},
		{"no org", func() error {
			_, err := ts.AddUser(ctx, op, "NOPE", "d@knpa.test", "analyst", "a long enough password")
			return err
		}(), "org"},
	} {
		var ie *trust.InputError
		if !errors.As(c.err, &ie) || ie.Field != c.field {
			t.Errorf("%s: %v, want an input error on %s", c.name, c.err, c.field)
		}
	}
	// A role without manage_users cannot add users.
	p := trust.Principal{Viewer: auth.Viewer{UserID: "u", Org: "KNPA", Role: auth.RoleAnalyst}}
	if _, err := ts.AddUser(ctx, p, "KNPA", "e@knpa.test", "admin", "a long enough password"); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("analyst adding a user: %v", err)
	}
}

// TestSetUserName: a user's name is set by e-mail address, in any case,
// with its spaces folded; a name on two lines, a missing user and a role
// without manage_users are refused and change nothing.
func TestSetUserName(t *testing.T) {
	ts, st, _, _ := setUp(t)
	ctx := context.Background()
	op := trust.Operator()
	u, err := ts.SetUserName(ctx, op, "ANALYST@knpa.test", "  Han   Jiwoo ")
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.GetUser(ctx, u.ID)
	if err != nil || got.Name != "Han Jiwoo" || got.Email != "analyst@knpa.test" {
		t.Fatalf("after naming: %+v, %v", got, err)
	}
	var ie *trust.InputError
	if _, err := ts.SetUserName(ctx, op, "analyst@knpa.test", "Han\nJiwoo"); !errors.As(err, &ie) || ie.Field != "name" {
		t.Errorf("a name on two lines: %v", err)
	}
	if _, err := ts.SetUserName(ctx, op, "nobody@knpa.test", "Nobody"); !errors.As(err, &ie) || ie.Field != "email" {
		t.Errorf("naming a missing user: %v", err)
	}
	p := trust.Principal{Viewer: auth.Viewer{UserID: "u", Org: "KNPA", Role: auth.RoleAnalyst}}
	if _, err := ts.SetUserName(ctx, p, "analyst@knpa.test", "Someone Else"); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("an analyst naming a user: %v", err)
	}
	if got, _ := st.GetUser(ctx, u.ID); got.Name != "Han Jiwoo" {
		t.Errorf("after the refusals the name is %q", got.Name)
	}
}

// TestDisableUser: a disabled user's sessions end, and their sign-in and
// API tokens are refused at once; enabled again, they sign in and their
// token works, but the old session stays gone. Each change is audited; a
// role without manage_users and an unknown address are refused.
func TestDisableUser(t *testing.T) {
	ts, st, _, _ := setUp(t)
	ctx := context.Background()
	op := trust.Operator()
	const pw = "a long enough password"
	sess, err := ts.Login(ctx, "analyst@knpa.test", pw, "", "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := ts.CreateToken(ctx, op, "analyst@knpa.test", "script", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	p := trust.Principal{Viewer: auth.Viewer{UserID: "u", Org: "KNPA", Role: auth.RoleAnalyst}}
	if _, _, err := ts.SetUserDisabled(ctx, p, "analyst@knpa.test", true); !errors.Is(err, trust.ErrForbidden) {
		t.Fatalf("an analyst disabling a user: %v", err)
	}
	var ie *trust.InputError
	if _, _, err := ts.SetUserDisabled(ctx, op, "nobody@knpa.test", true); !errors.As(err, &ie) || ie.Field != "email" {
		t.Fatalf("disabling a missing user: %v", err)
	}
	if _, err := ts.SessionOf(ctx, sess.ID, "x"); err != nil {
		t.Fatalf("the session before disabling: %v", err)
	}
	u, ended, err := ts.SetUserDisabled(ctx, op, "ANALYST@knpa.test", true)
	if err != nil || !u.Disabled || ended != 1 {
		t.Fatalf("disable: %+v, %d sessions ended, %v", u, ended, err)
	}
	if _, err := ts.SessionOf(ctx, sess.ID, "x"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Errorf("the session of a disabled user: %v", err)
	}
	if _, err := ts.Authenticate(ctx, token, "x"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Errorf("the token of a disabled user: %v", err)
	}
	if _, err := ts.Login(ctx, "analyst@knpa.test", pw, "", "10.0.0.1"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Errorf("a disabled user signing in: %v", err)
	}
	if u, ended, err = ts.SetUserDisabled(ctx, op, "analyst@knpa.test", false); err != nil || u.Disabled || ended != 0 {
		t.Fatalf("enable: %+v, %d, %v", u, ended, err)
	}
	if _, err := ts.SessionOf(ctx, sess.ID, "x"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Errorf("the session ended by disabling, after enabling: %v", err)
	}
	if pr, err := ts.Authenticate(ctx, token, "x"); err != nil || pr.UserID != u.ID {
		t.Errorf("the token after enabling: %+v, %v", pr, err)
	}
	if _, err := ts.Login(ctx, "analyst@knpa.test", pw, "", "10.0.0.1"); err != nil {
		t.Errorf("signing in after enabling: %v", err)
	}
	var actions []string
	err = st.AuditEntries(ctx, store.AuditFilter{RecordID: u.ID}, func(e *store.AuditEntry) error {
		if e.RecordType == "user" && (e.Action == "disable" || e.Action == "enable") {
			actions = append(actions, e.Action)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(actions, ",") != "disable,enable" {
		t.Errorf("audited user changes %v, want disable then enable", actions)
	}
}

// TestLoginSessionsAndLockout: a fresh session ID at every sign-in (so a
// planted one is worthless), sessions end at logout and expiry, and
// repeated failures back off, then lock the account.
func TestLoginSessionsAndLockout(t *testing.T) {
	ts, _, c, _ := setUp(t)
	ctx := context.Background()
	s1, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", "", "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	s2, err := ts.Login(ctx, "ANALYST@knpa.test", "a long enough password", "", "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if s1.ID == s2.ID || s1.Principal.Org != "KNPA" {
		t.Fatalf("two sign-ins gave session %q and %q", s1.ID, s2.ID)
	}
	planted, _ := auth.NewSessionID()
	if _, err := ts.SessionOf(ctx, planted, "x"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Fatalf("a session ID never issued: %v", err)
	}
	if _, err := ts.SessionOf(ctx, s1.ID, "x"); err != nil {
		t.Fatalf("a live session: %v", err)
	}
	if err := ts.Logout(ctx, s1.ID, s1.Principal); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.SessionOf(ctx, s1.ID, "x"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Fatalf("after logout: %v", err)
	}
	c.Advance(trust.SessionTTL + time.Second)
	if _, err := ts.SessionOf(ctx, s2.ID, "x"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Fatalf("after expiry: %v", err)
	}
	// Wrong passwords: refused, then throttled, then locked.
	var throttled *trust.ThrottledError
	locked := false
	for i := 0; i < 40 && !locked; i++ {
		_, err := ts.Login(ctx, "analyst@knpa.test", "wrong password!!", "", "10.0.0.2")
		if errors.As(err, &throttled) {
			if throttled.RetryAfter >= 10*time.Minute {
				locked = true
				break
			}
			c.Advance(throttled.RetryAfter)
			continue
		}
		if !errors.Is(err, trust.ErrUnauthorized) {
			t.Fatalf("attempt %d: %v", i, err)
		}
	}
	if !locked {
		t.Fatal("forty attempts with a wrong password did not lock the account")
	}
	// The right password during the lock is refused too.
	if _, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", "", "10.0.0.2"); !errors.As(err, &throttled) {
		t.Fatalf("right password while locked: %v", err)
	}
	// Unknown accounts get the same answer as wrong passwords.
	if _, err := ts.Login(ctx, "nobody@knpa.test", "whatever password", "", "10.0.0.3"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Fatalf("unknown account: %v", err)
	}
}

func TestTOTPSecondFactor(t *testing.T) {
	ts, _, c, _ := setUp(t)
	ctx := context.Background()
	secret, uri, err := ts.EnrolTOTP(ctx, trust.Operator(), "analyst@knpa.test")
	if err != nil || uri == "" {
		t.Fatal(err)
	}
	if _, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", "", "x"); !errors.Is(err, trust.ErrUnauthorized) {
		t.Fatalf("no code: %v", err)
	}
	code, _ := auth.TOTPCode(secret, c.Now())
	if _, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", code, "x"); err != nil {
		t.Fatalf("right code: %v", err)
	}
}

// TestAuditVerifyNamesTheFirstBrokenEntry edits one stored entry behind the
// service's back, and verification names it.
func TestAuditVerifyNamesTheFirstBrokenEntry(t *testing.T) {
	ts, st, _, dir := setUp(t)
	ctx := context.Background()
	for i := range 5 {
		if _, err := ts.Login(ctx, "analyst@knpa.test", "a long enough password", "", "10.0.0."+string(rune('1'+i))); err != nil {
			t.Fatal(err)
		}
	}
	n, broken, err := ts.VerifyAudit(ctx)
	if err != nil || broken != nil || n < 7 {
		t.Fatalf("intact chain: %d entries, %v, %v", n, broken, err)
	}
	st.Close()
	db, err := sql.Open("sqlite", filepath.Join(dir, sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE audit SET addr = '192.0.2.66' WHERE seq = 4`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st2, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	ts2, _ := trust.New(st2, trust.Options{Params: auth.TestParams})
	_, broken, err = ts2.VerifyAudit(ctx)
	if err != nil || broken == nil || broken.Seq != 4 {
		t.Fatalf("after editing entry 4: broken %+v, %v", broken, err)
	}
}

// TestAuditIsInTheSameTransaction: when the change fails, its audit entry
// is not written either.
func TestAuditIsInTheSameTransaction(t *testing.T) {
	ts, st, _, _ := setUp(t)
	ctx := context.Background()
	before, _, _ := ts.VerifyAudit(ctx)
	boom := errors.New("crash after the audit entry")
	err := st.Update(ctx, func(w store.Writer) error {
		if err := trust.Record(ctx, w, trust.Operator(), time.Now(), "create", "report", "r1", "allow"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	after, broken, err := ts.VerifyAudit(ctx)
	if err != nil || broken != nil || after != before {
		t.Fatalf("entries %d -> %d (%v, %v): a rolled-back change left its audit entry", before, after, broken, err)
	}
}

// TestListTokens: a user lists their own tokens, an administrator of their
// organisation or the operator anyone's; another user is refused.
func TestListTokens(t *testing.T) {
	ts, _, _, _ := setUp(t)
	ctx := context.Background()
	op := trust.Operator()
	if _, err := ts.AddUser(ctx, op, "KNPA", "other@knpa.test", "analyst", "a long enough password"); err != nil {
		t.Fatal(err)
	}
	_, tok, err := ts.CreateToken(ctx, op, "analyst@knpa.test", "laptop", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	list, err := ts.ListTokens(ctx, op, "ANALYST@knpa.test")
	if err != nil || len(list) != 1 || list[0].ID != tok.ID || list[0].Name != "laptop" {
		t.Fatalf("the operator's list: %+v, %v", list, err)
	}
	own := trust.Principal{Viewer: auth.Viewer{UserID: tok.UserID, Org: "KNPA", Role: auth.RoleAnalyst}}
	if list, err := ts.ListTokens(ctx, own, "analyst@knpa.test"); err != nil || len(list) != 1 {
		t.Errorf("a user's own list: %v, %v", list, err)
	}
	other := trust.Principal{Viewer: auth.Viewer{UserID: "someone-else", Org: "KNPA", Role: auth.RoleAnalyst}}
	if _, err := ts.ListTokens(ctx, other, "analyst@knpa.test"); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("another analyst listing the user's tokens: %v", err)
	}
	admin := trust.Principal{Viewer: auth.Viewer{UserID: "admin", Org: "KNPA", Role: auth.RoleAdmin}}
	if list, err := ts.ListTokens(ctx, admin, "analyst@knpa.test"); err != nil || len(list) != 1 {
		t.Errorf("an administrator of the organisation: %v, %v", list, err)
	}
	foreign := trust.Principal{Viewer: auth.Viewer{UserID: "admin2", Org: "CNP", Role: auth.RoleAdmin}}
	if _, err := ts.ListTokens(ctx, foreign, "analyst@knpa.test"); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("another organisation's administrator: %v", err)
	}
}
