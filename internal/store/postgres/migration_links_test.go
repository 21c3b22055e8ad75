package postgres

import (
	"context"
	"reflect"
	"testing"
)

// linkForeignKeys counts the foreign keys left on the links and losses.
func linkForeignKeys(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	err := s.pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_constraint
		WHERE contype = 'f' AND conrelid IN ('report_selectors'::regclass, 'report_losses'::regclass)`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestUpgradeFromVersion4 makes a database as the release before migration
// 0005 left it, with a report, its link and its loss, and opens it with this
// binary: the three foreign keys are gone and the report reads back whole.
func TestUpgradeFromVersion4(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t)
	old, err := open(ctx, dsn, options{upTo: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO reports (id, origin, external_ref, channel, received_at, scam_type, victim_country, tlp, network_id, created_at)
		 VALUES ('01JH0000000000000000000001', 'kr-knpa', 'OLD-1', 'web', '2024-05-01T10:00:00Z', 'romance', 'KR', 'AMBER',
			'01JH0000000000000000000001', '2024-05-01T10:00:01Z')`,
		`INSERT INTO selectors (id, kind, value, hash, first_seen, last_seen, report_count, source_count)
		 VALUES ('sel-1', 'phone', '+85512000000', '\x00ff', '2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z', 1, 1)`,
		`INSERT INTO report_selectors (report_id, selector_id, role, ord) VALUES ('01JH0000000000000000000001', 'sel-1', 'contacted_by', 0)`,
		`INSERT INTO report_losses (report_id, ord, amount_minor, currency) VALUES ('01JH0000000000000000000001', 0, 5000, 'USD')`,
	} {
		if _, err := old.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if n := linkForeignKeys(t, old); n != 3 {
		t.Errorf("foreign keys on links and losses at version 4: %d, want 3", n)
	}
	old.Close()

	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := appliedVersions(t, s); !reflect.DeepEqual(got, allVersions()) {
		t.Fatalf("applied %v", got)
	}
	if n := linkForeignKeys(t, s); n != 0 {
		t.Errorf("foreign keys on links and losses after the upgrade: %d, want 0", n)
	}
	r, err := s.GetReport(ctx, "01JH0000000000000000000001")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Selectors) != 1 || r.Selectors[0].Value != "+85512000000" || r.Selectors[0].Role != "contacted_by" ||
		len(r.Losses) != 1 || r.Losses[0].AmountMinor != 5000 {
		t.Errorf("report after upgrade = %+v", r)
	}
}
