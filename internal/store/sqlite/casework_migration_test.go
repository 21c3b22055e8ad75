package sqlite

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

// TestUpgradeFromVersion3 makes a database as the release before casework
// left it (an organisation, a report, an audit entry, written by hand) and
// opens it with this binary: the old data is there, and the casework
// tables of migration 0004 work, their foreign keys included.
func TestUpgradeFromVersion3(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old, err := open(ctx, dir, options{upTo: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO orgs (id, name, country, kind, created_at) VALUES ('o1', 'kr-embassy-kh', 'KR', 'embassy', '2025-01-01T00:00:00.000000000Z')`,
		`INSERT INTO reports (id, origin, external_ref, channel, received_at, scam_type, victim_country, tlp, created_at, created_by)
		 VALUES ('01JH0000000000000000000001', 'kr-embassy-kh', 'OLD-1', 'web', '2025-05-01T10:00:00.000000000Z', 'job_lure', 'KR',
		 'AMBER', '2025-05-01T10:00:01.000000000Z', 'u1')`,
	} {
		if _, err := old.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.write.ExecContext(ctx, `SELECT count(*) FROM persons`); err == nil || !strings.Contains(err.Error(), "no such table") {
		t.Errorf("persons at version 3: err = %v", err)
	}
	old.Close()

	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := appliedVersions(t, dir); !reflect.DeepEqual(got, allVersions()) {
		t.Fatalf("applied %v", got)
	}
	if r, err := s.GetReport(ctx, "01JH0000000000000000000001"); err != nil || r.ScamType != "job_lure" || r.CreatedBy != "u1" {
		t.Errorf("report after upgrade = %+v, %v", r, err)
	}
	now := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	p := &store.Person{ID: "01JH0000000000000000000100", Origin: "kr-embassy-kh", ExternalRef: "EMB-1", TLP: "AMBER",
		Names: []store.PersonName{{Kind: "primary", Text: "박민호"}}, CreatedAt: now, UpdatedAt: now}
	err = s.Update(ctx, func(w store.Writer) error {
		if err := w.PutPerson(ctx, p, []string{"doc:M1"}); err != nil {
			return err
		}
		return w.InsertCase(ctx, &store.Case{ID: "01JH0000000000000000000200", PersonID: p.ID, State: "reported", UpdatedAt: now})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetPersonByRef(ctx, "kr-embassy-kh", "EMB-1"); err != nil || got.Names[0].Text != "박민호" {
		t.Errorf("person after upgrade = %+v, %v", got, err)
	}
	err = s.Update(ctx, func(w store.Writer) error {
		return w.InsertCase(ctx, &store.Case{ID: "01JH0000000000000000000201", PersonID: "nobody", State: "reported", UpdatedAt: now})
	})
	if err == nil {
		t.Error("a case of a missing person was stored: foreign keys are off")
	}
}
