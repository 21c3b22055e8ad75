package postgres

import (
	"context"
	"testing"

	"counterscam/internal/store"
)

// TestUpgradeFromVersion5 makes a database as the release before migration
// 0006 left it, with a user, and opens it with this binary: the user reads
// back with an empty name, and a name written then reads back.
func TestUpgradeFromVersion5(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t)
	old, err := open(ctx, dsn, options{upTo: 5})
	if err != nil {
		t.Fatal(err)
	}
	// Version 5's schema, written by hand: never through today's code.
	for _, q := range []string{
		`INSERT INTO orgs (id, name, created_at) VALUES ('01JH0000000000000000000001', 'kr-mofa', '2024-05-01T10:00:00Z')`,
		`INSERT INTO users (id, org, email, role, created_at)
		 VALUES ('01JH0000000000000000000011', 'kr-mofa', 'consul@mofa.example', 'case_officer', '2024-05-01T10:00:00Z')`,
	} {
		if _, err := old.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.GetUser(ctx, "01JH0000000000000000000011")
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "" || u.Email != "consul@mofa.example" || u.Role != "case_officer" {
		t.Errorf("the old user reads back as %+v", u)
	}
	u.Name = "Yoon Seo-yeon"
	if err := s.Update(ctx, func(w store.Writer) error { return w.UpdateUser(ctx, u) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.UsersByID(ctx, []string{u.ID})
	if err != nil || len(got) != 1 || got[0].Name != "Yoon Seo-yeon" {
		t.Errorf("after naming the user: %+v, %v", got, err)
	}
}
