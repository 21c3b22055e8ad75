package sqlite

import (
	"context"
	"reflect"
	"testing"
)

// linkForeignKeys counts the foreign keys left on the links and losses.
func linkForeignKeys(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	err := s.write.QueryRowContext(context.Background(), `SELECT
		(SELECT count(*) FROM pragma_foreign_key_list('report_selectors')) +
		(SELECT count(*) FROM pragma_foreign_key_list('report_losses'))`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestUpgradeFromVersion4 makes a database as the release before migration
// 0005 left it, with a report, its link and its loss, and opens it with this
// binary: the three foreign keys are gone, the rows and the index by
// selector are there, and the report reads back whole.
func TestUpgradeFromVersion4(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old, err := open(ctx, dir, options{upTo: 4})
	if err != nil {
		t.Fatal(err)
	}
	// Version 4's schema, written by hand: never through today's code.
	for _, q := range []string{
		`INSERT INTO reports (id, origin, external_ref, channel, received_at, scam_type, victim_country, tlp, network_id, created_at)
		 VALUES ('01JH0000000000000000000001', 'kr-knpa', 'OLD-1', 'web', '2024-05-01T10:00:00.000000000Z', 'romance', 'KR', 'AMBER',
			'01JH0000000000000000000001', '2024-05-01T10:00:01.000000000Z')`,
		`INSERT INTO selectors (id, kind, value, hash, first_seen, last_seen, report_count, source_count)
		 VALUES ('sel-1', 'phone', '+85512000000', x'00ff', '2024-05-01T10:00:00.000000000Z', '2024-05-01T10:00:00.000000000Z', 1, 1)`,
		`INSERT INTO report_selectors (report_id, selector_id, role, ord, source, raw)
		 VALUES ('01JH0000000000000000000001', 'sel-1', 'contacted_by', 0, 'field', '012 000 000')`,
		`INSERT INTO report_losses (report_id, ord, amount_minor, currency) VALUES ('01JH0000000000000000000001', 0, 5000, 'USD')`,
	} {
		if _, err := old.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if n := linkForeignKeys(t, old); n != 3 {
		t.Errorf("foreign keys on links and losses at version 4: %d, want 3", n)
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
	if n := linkForeignKeys(t, s); n != 0 {
		t.Errorf("foreign keys on links and losses after the upgrade: %d, want 0", n)
	}
	var index string
	if err := s.write.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = 'report_selectors_selector'`).Scan(&index); err != nil {
		t.Fatalf("index by selector after the upgrade: %v", err)
	}
	r, err := s.GetReport(ctx, "01JH0000000000000000000001")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Selectors) != 1 || r.Selectors[0].Value != "+85512000000" || r.Selectors[0].Role != "contacted_by" ||
		r.Selectors[0].Raw != "012 000 000" || len(r.Losses) != 1 || r.Losses[0].AmountMinor != 5000 || r.Losses[0].Currency != "USD" {
		t.Errorf("report after upgrade = %+v", r)
	}
}
