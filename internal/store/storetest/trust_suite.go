package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"counterscam/internal/store"
)

// tryUpdate runs fn in a transaction and returns its error.
func tryUpdate(t *testing.T, s store.Store, fn func(ctx context.Context, w store.Writer) error) error {
	t.Helper()
	return s.Update(t.Context(), func(w store.Writer) error { return fn(t.Context(), w) })
}

func wantConflict(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("%s: err = %v, want store.ErrConflict", what, err)
	}
}

func putOrgs(t *testing.T, s store.Store, orgs ...*store.Org) {
	t.Helper()
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, o := range orgs {
			if err := w.PutOrg(ctx, o); err != nil {
				return err
			}
		}
		return nil
	})
}

func testOrgs(t *testing.T, s store.Store) {
	ctx := t.Context()
	kst := time.FixedZone("KST", 9*3600)
	kh := &store.Org{ID: rid(1), Name: "kh-police", Country: "KH", Kind: "police", CreatedAt: time.Date(2025, 3, 1, 9, 0, 0, 0, kst)}
	th := &store.Org{ID: rid(2), Name: "th-dsi", Country: "TH", Kind: "police", CreatedAt: base}
	kr := &store.Org{ID: rid(3), Name: "kr-knpa", Country: "KR", Kind: "police", Partners: []string{"th-dsi", "kh-police", "th-dsi"}, CreatedAt: base}
	putOrgs(t, s, kh, th, kr)

	got, err := s.GetOrg(ctx, "kr-knpa")
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "kr-knpa", *got, store.Org{ID: rid(3), Name: "kr-knpa", Country: "KR", Kind: "police",
		Partners: []string{"kh-police", "th-dsi"}, CreatedAt: base})
	got, err = s.GetOrg(ctx, "kh-police")
	if err != nil {
		t.Fatal(err)
	}
	wantTime(t, "kh-police created", got.CreatedAt, kh.CreatedAt)
	if got.Partners != nil {
		t.Errorf("kh-police partners = %v, want none", got.Partners)
	}
	_, err = s.GetOrg(ctx, "nobody")
	wantNotFound(t, "GetOrg of a missing organisation", err)

	list, err := s.ListOrgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range list {
		names = append(names, o.Name)
		if o.Name == "kr-knpa" {
			wantEqual(t, "listed kr-knpa's partners", o.Partners, []string{"kh-police", "th-dsi"})
		}
	}
	wantEqual(t, "organisations", names, []string{"kh-police", "kr-knpa", "th-dsi"})

	partners, err := s.PartnersOf(ctx, "kh-police")
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "who shares with kh-police", partners, []string{"kr-knpa"})
	partners, err = s.PartnersOf(ctx, "kr-knpa")
	if err != nil || partners != nil {
		t.Errorf("who shares with kr-knpa: %v, %v; want nobody", partners, err)
	}

	// Partners replaced, not added; an empty list clears them.
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetPartners(ctx, "kr-knpa", []string{"th-dsi"}); err != nil {
			return err
		}
		return w.SetPartners(ctx, "th-dsi", []string{"kr-knpa", "kh-police"})
	})
	got, _ = s.GetOrg(ctx, "kr-knpa")
	wantEqual(t, "kr-knpa's partners after SetPartners", got.Partners, []string{"th-dsi"})
	partners, _ = s.PartnersOf(ctx, "kh-police")
	wantEqual(t, "who shares with kh-police after SetPartners", partners, []string{"th-dsi"})
	partners, _ = s.PartnersOf(ctx, "kr-knpa")
	wantEqual(t, "who shares with kr-knpa after SetPartners", partners, []string{"th-dsi"})
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.SetPartners(ctx, "th-dsi", nil) })
	got, _ = s.GetOrg(ctx, "th-dsi")
	if got.Partners != nil {
		t.Errorf("th-dsi's partners after clearing = %v", got.Partners)
	}

	wantConflict(t, "PutOrg of a taken name", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutOrg(ctx, &store.Org{ID: rid(9), Name: "kr-knpa", CreatedAt: base})
	}))
	wantConflict(t, "PutOrg of a taken ID", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutOrg(ctx, &store.Org{ID: rid(1), Name: "vn-police", CreatedAt: base})
	}))
	wantNotFound(t, "PutOrg naming a missing partner", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutOrg(ctx, &store.Org{ID: rid(9), Name: "vn-police", Partners: []string{"nobody"}, CreatedAt: base})
	}))
	wantNotFound(t, "SetPartners of a missing organisation", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.SetPartners(ctx, "nobody", []string{"kr-knpa"})
	}))
	wantNotFound(t, "SetPartners naming a missing partner", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.SetPartners(ctx, "kr-knpa", []string{"kh-police", "nobody"})
	}))
	// The failed calls changed nothing.
	if _, err := s.GetOrg(ctx, "vn-police"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("vn-police after a failed PutOrg: %v", err)
	}
	got, _ = s.GetOrg(ctx, "kr-knpa")
	wantEqual(t, "kr-knpa's partners after a failed SetPartners", got.Partners, []string{"th-dsi"})
}

func testUsers(t *testing.T, s store.Store) {
	ctx := t.Context()
	putOrgs(t, s, &store.Org{ID: rid(1), Name: "kr-knpa", CreatedAt: base}, &store.Org{ID: rid(2), Name: "kh-police", CreatedAt: base})
	analyst := &store.User{ID: rid(11), Org: "kr-knpa", Email: "Analyst@Police.example", Name: "Han Jiwoo", Role: "analyst",
		PasswordHash: "$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$aGFzaA", CreatedAt: base}
	officer := &store.User{ID: rid(12), Org: "kh-police", Email: "officer@police.example", Role: "case_officer",
		TOTPSecret: "JBSWY3DPEHPK3PXP", CreatedAt: day(1, 0)}
	admin := &store.User{ID: rid(13), Org: "kr-knpa", Email: "admin@police.example", Role: "admin", CreatedAt: day(2, 0)}
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, u := range []*store.User{analyst, officer, admin} {
			if err := w.PutUser(ctx, u); err != nil {
				return err
			}
		}
		return nil
	})
	got, err := s.GetUser(ctx, rid(11))
	if err != nil {
		t.Fatal(err)
	}
	want := *analyst
	want.Email = "analyst@police.example"
	wantEqual(t, "analyst", *got, want)
	for _, email := range []string{"analyst@police.example", "ANALYST@police.EXAMPLE"} {
		got, err := s.GetUserByEmail(ctx, email)
		if err != nil || got.ID != rid(11) {
			t.Errorf("GetUserByEmail(%s) = %+v, %v", email, got, err)
		}
	}
	_, err = s.GetUser(ctx, rid(99))
	wantNotFound(t, "GetUser of a missing user", err)
	_, err = s.GetUserByEmail(ctx, "nobody@police.example")
	wantNotFound(t, "GetUserByEmail of a missing address", err)

	byID, err := s.UsersByID(ctx, []string{rid(13), rid(99), rid(11), rid(13)})
	if err != nil {
		t.Fatal(err)
	}
	if len(byID) != 2 || byID[0].ID != rid(11) || byID[0].Name != "Han Jiwoo" || byID[1].ID != rid(13) || byID[1].Name != "" {
		t.Errorf("UsersByID of admin, a missing ID, analyst, admin again = %+v, want analyst then admin", byID)
	}
	if none, err := s.UsersByID(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("UsersByID of no IDs = %v, %v", none, err)
	}

	list, err := s.ListUsers(ctx, "kr-knpa")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != rid(13) || list[1].ID != rid(11) {
		t.Errorf("kr-knpa's users = %+v, want admin then analyst", list)
	}
	list, _ = s.ListUsers(ctx, "")
	if len(list) != 3 {
		t.Errorf("every user: %d, want 3", len(list))
	}

	wantConflict(t, "PutUser of a taken address in another case", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutUser(ctx, &store.User{ID: rid(14), Org: "kr-knpa", Email: "OFFICER@police.example", CreatedAt: base})
	}))
	wantConflict(t, "PutUser of a taken ID", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutUser(ctx, &store.User{ID: rid(11), Org: "kr-knpa", Email: "new@police.example", CreatedAt: base})
	}))
	wantNotFound(t, "PutUser of a missing organisation", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutUser(ctx, &store.User{ID: rid(14), Org: "nobody", Email: "new@police.example", CreatedAt: base})
	}))

	// Failed logins, a second factor, a new address, then disabled.
	changed := want
	changed.Failures, changed.LastFailure = 3, day(5, 7)
	changed.TOTPSecret, changed.Email, changed.Disabled = "KRUGS4ZANFZSAYJA", "Analyst2@police.example", true
	changed.Role, changed.PasswordHash, changed.Org = "prosecutor", "$argon2id$new", "kh-police"
	changed.Name = "Han Ji-woo"
	changed.CreatedAt = day(9, 0) // not written
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.UpdateUser(ctx, &changed) })
	got, _ = s.GetUser(ctx, rid(11))
	want = changed
	want.Email, want.CreatedAt = "analyst2@police.example", base
	wantEqual(t, "updated analyst", *got, want)
	wantTime(t, "last failure", got.LastFailure, day(5, 7))
	// A successful login clears the failures.
	changed.Failures, changed.LastFailure = 0, time.Time{}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.UpdateUser(ctx, &changed) })
	if got, _ = s.GetUser(ctx, rid(11)); got.Failures != 0 || !got.LastFailure.IsZero() {
		t.Errorf("after clearing failures: %d, %v", got.Failures, got.LastFailure)
	}
	changed.Email = "admin@police.example"
	wantConflict(t, "UpdateUser to a taken address", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.UpdateUser(ctx, &changed)
	}))
	wantNotFound(t, "UpdateUser of a missing user", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.UpdateUser(ctx, &store.User{ID: rid(99), Org: "kr-knpa", Email: "x@police.example"})
	}))
	wantNotFound(t, "UpdateUser into a missing organisation", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		u := want
		u.Org = "nobody"
		return w.UpdateUser(ctx, &u)
	}))
}

func trustUsers(t *testing.T, s store.Store) {
	t.Helper()
	putOrgs(t, s, &store.Org{ID: rid(1), Name: "kr-knpa", CreatedAt: base})
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, id := range []string{rid(11), rid(12)} {
			if err := w.PutUser(ctx, &store.User{ID: id, Org: "kr-knpa", Email: id + "@police.example", CreatedAt: base}); err != nil {
				return err
			}
		}
		return nil
	})
}

func testTokens(t *testing.T, s store.Store) {
	ctx := t.Context()
	trustUsers(t, s)
	ci := &store.Token{ID: rid(21), UserID: rid(11), Name: "nightly import", Hash: "aa01", CreatedAt: base}
	bank := &store.Token{ID: rid(22), UserID: rid(11), Name: "bank feed", Hash: "aa02", CreatedAt: day(1, 0), ExpiresAt: day(90, 0)}
	other := &store.Token{ID: rid(23), UserID: rid(12), Name: "x", Hash: "aa03", CreatedAt: base}
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, tk := range []*store.Token{bank, ci, other} {
			if err := w.PutToken(ctx, tk); err != nil {
				return err
			}
		}
		return nil
	})
	got, err := s.TokenByHash(ctx, "aa02")
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "bank token", *got, *bank)
	wantTime(t, "expires", got.ExpiresAt, day(90, 0))
	_, err = s.TokenByHash(ctx, "ffff")
	wantNotFound(t, "TokenByHash of an unknown hash", err)
	list, err := s.ListTokens(ctx, rid(11))
	if err != nil || len(list) != 2 || list[0].ID != rid(21) || list[1].ID != rid(22) {
		t.Errorf("user 11's tokens = %+v, %v; want 21 then 22", list, err)
	}

	update(t, s, func(ctx context.Context, w store.Writer) error { return w.RevokeToken(ctx, rid(21), day(3, 0)) })
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.RevokeToken(ctx, rid(21), day(4, 0)) })
	got, _ = s.TokenByHash(ctx, "aa01")
	wantTime(t, "revoked (the first time kept)", got.RevokedAt, day(3, 0))
	if got, _ = s.TokenByHash(ctx, "aa02"); !got.RevokedAt.IsZero() {
		t.Errorf("another token revoked: %v", got.RevokedAt)
	}

	wantConflict(t, "PutToken of a taken hash", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutToken(ctx, &store.Token{ID: rid(24), UserID: rid(12), Hash: "aa01", CreatedAt: base})
	}))
	wantNotFound(t, "PutToken of a missing user", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutToken(ctx, &store.Token{ID: rid(24), UserID: rid(99), Hash: "aa09", CreatedAt: base})
	}))
	wantNotFound(t, "RevokeToken of a missing token", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.RevokeToken(ctx, rid(99), base)
	}))
}

func testSessions(t *testing.T, s store.Store) {
	ctx := t.Context()
	trustUsers(t, s)
	sess := &store.Session{Hash: "bb01", UserID: rid(11), CSRF: "csrf-1", CreatedAt: base, ExpiresAt: base.Add(12 * time.Hour)}
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.PutSession(ctx, sess); err != nil {
			return err
		}
		return w.PutSession(ctx, &store.Session{Hash: "bb02", UserID: rid(12), CSRF: "csrf-2", CreatedAt: base, ExpiresAt: base})
	})
	got, err := s.SessionByHash(ctx, "bb01")
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "session", *got, *sess)
	wantConflict(t, "PutSession of a taken hash", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutSession(ctx, &store.Session{Hash: "bb01", UserID: rid(12), CSRF: "x", CreatedAt: base, ExpiresAt: base})
	}))
	wantNotFound(t, "PutSession of a missing user", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.PutSession(ctx, &store.Session{Hash: "bb09", UserID: rid(99), CSRF: "x", CreatedAt: base, ExpiresAt: base})
	}))
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.DeleteSession(ctx, "bb01") })
	_, err = s.SessionByHash(ctx, "bb01")
	wantNotFound(t, "SessionByHash after DeleteSession", err)
	if _, err := s.SessionByHash(ctx, "bb02"); err != nil {
		t.Errorf("another session after DeleteSession: %v", err)
	}
	wantNotFound(t, "DeleteSession of a missing session", tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		return w.DeleteSession(ctx, "bb01")
	}))
	// Every session of one user goes; another user's stays.
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, h := range []string{"bb03", "bb04"} {
			if err := w.PutSession(ctx, &store.Session{Hash: h, UserID: rid(12), CSRF: "x", CreatedAt: base, ExpiresAt: base}); err != nil {
				return err
			}
		}
		return w.PutSession(ctx, &store.Session{Hash: "bb05", UserID: rid(11), CSRF: "x", CreatedAt: base, ExpiresAt: base})
	})
	var n int
	update(t, s, func(ctx context.Context, w store.Writer) (err error) {
		n, err = w.DeleteUserSessions(ctx, rid(12))
		return err
	})
	if n != 3 {
		t.Errorf("DeleteUserSessions = %d, want 3 (bb02, bb03, bb04)", n)
	}
	for _, h := range []string{"bb02", "bb03", "bb04"} {
		_, err := s.SessionByHash(ctx, h)
		wantNotFound(t, "SessionByHash "+h+" after DeleteUserSessions", err)
	}
	if _, err := s.SessionByHash(ctx, "bb05"); err != nil {
		t.Errorf("another user's session after DeleteUserSessions: %v", err)
	}
	update(t, s, func(ctx context.Context, w store.Writer) (err error) {
		n, err = w.DeleteUserSessions(ctx, rid(12))
		return err
	})
	if n != 0 {
		t.Errorf("DeleteUserSessions of a user without sessions = %d, want 0", n)
	}
}
