package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/store"
)

func appliedVersions(t *testing.T, s *Store) []int {
	t.Helper()
	rows, err := s.pool.Query(t.Context(), `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestMigrationsOneByOne applies the migrations one at a time, as a
// database living through every release would get them.
func TestMigrationsOneByOne(t *testing.T) {
	dsn := freshSchema(t)
	for v := 1; v <= len(migrations); v++ {
		s, err := open(t.Context(), dsn, options{upTo: v})
		if err != nil {
			t.Fatalf("migrating to %d: %v", v, err)
		}
		var want []int
		for i := 1; i <= v; i++ {
			want = append(want, i)
		}
		if got := appliedVersions(t, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("after migrating to %d: applied %v", v, got)
		}
		s.Close()
	}
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := appliedVersions(t, s); len(got) != len(migrations) {
		t.Fatalf("applied %v", got)
	}
}

// TestUpgradeFromVersion1 makes a database as the first release left it,
// with data written in that release's schema, and opens it with this
// binary: the data is still there and the network redirects of migration
// 0002 work.
func TestUpgradeFromVersion1(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t)
	old, err := open(ctx, dsn, options{upTo: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Version 1's schema, written by hand: never through today's code.
	for _, q := range []string{
		`INSERT INTO reports (id, origin, external_ref, channel, received_at, scam_type, victim_country, tlp, network_id, created_at)
		 VALUES ('01JH0000000000000000000001', 'kr-knpa', 'OLD-1', 'web', '2024-05-01T10:00:00Z', 'romance', 'KR', 'AMBER', '01JH0000000000000000000001', '2024-05-01T10:00:01Z'),
		        ('01JH0000000000000000000002', 'kr-knpa', 'OLD-2', 'web', '2024-05-02T10:00:00Z', 'romance', 'KR', 'AMBER', '01JH0000000000000000000002', '2024-05-02T10:00:01Z')`,
		`INSERT INTO selectors (id, kind, value, hash, first_seen, last_seen, report_count, source_count)
		 VALUES ('sel-1', 'phone', '+85512000000', '\x00ff', '2024-05-01T10:00:00Z', '2024-05-02T10:00:00Z', 2, 1)`,
		`INSERT INTO selector_sources (selector_id, origin, reports) VALUES ('sel-1', 'kr-knpa', 2)`,
		`INSERT INTO report_selectors (report_id, selector_id, role, ord) VALUES
		 ('01JH0000000000000000000001', 'sel-1', 'contacted_by', 0), ('01JH0000000000000000000002', 'sel-1', 'contacted_by', 0)`,
		`INSERT INTO report_losses (report_id, ord, amount_minor, currency) VALUES ('01JH0000000000000000000001', 0, 5000, 'USD')`,
		`INSERT INTO networks (id, report_count, selector_count, first_seen, last_seen, updated_at) VALUES
		 ('01JH0000000000000000000001', 1, 1, '2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z', '2024-05-03T00:00:00Z'),
		 ('01JH0000000000000000000002', 1, 1, '2024-05-02T10:00:00Z', '2024-05-02T10:00:00Z', '2024-05-03T00:00:00Z')`,
	} {
		if _, err := old.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.pool.Exec(ctx, `SELECT count(*) FROM network_redirects`); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("network_redirects at version 1: err = %v", err)
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
	r, err := s.GetReport(ctx, "01JH0000000000000000000001")
	if err != nil {
		t.Fatal(err)
	}
	if r.ExternalRef != "OLD-1" || len(r.Losses) != 1 || r.Losses[0].AmountMinor != 5000 ||
		len(r.Selectors) != 1 || r.Selectors[0].Value != "+85512000000" || r.ReceivedAt.Year() != 2024 {
		t.Errorf("report after upgrade = %+v", r)
	}
	err = s.Update(ctx, func(w store.Writer) error {
		if err := w.MergeNetworks(ctx, "01JH0000000000000000000002", "01JH0000000000000000000001"); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{"01JH0000000000000000000001"})
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.GetNetwork(ctx, "01JH0000000000000000000002")
	if err != nil {
		t.Fatal(err)
	}
	if n.ID != "01JH0000000000000000000001" || n.Reports != 2 || n.Selectors != 1 {
		t.Errorf("merged network = %+v", n)
	}
	var inserted []bool
	err = s.Update(ctx, func(w store.Writer) error {
		var err error
		inserted, err = w.InsertReports(ctx, []*store.Report{{ID: "01JH0000000000000000000009", Origin: "kr-knpa", ExternalRef: "OLD-2"}})
		return err
	})
	if err != nil || inserted[0] {
		t.Errorf("re-import of an old report: inserted %v, err %v", inserted, err)
	}
}

// TestUpgradeFromVersion2 makes a database as the release before the trust
// layer left it and opens it with this binary: the reports from before keep
// their data, get empty values in the columns of migration 0003 and are
// scoped by their label, and the new tables work.
func TestUpgradeFromVersion2(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t)
	old, err := open(ctx, dsn, options{upTo: 2})
	if err != nil {
		t.Fatal(err)
	}
	// Version 2's schema, written by hand: never through today's code.
	_, err = old.pool.Exec(ctx, `INSERT INTO reports (id, origin, external_ref, channel, received_at, scam_type,
			victim_country, tlp, network_id, created_at)
		VALUES ('01JH0000000000000000000001', 'kr-knpa', 'OLD-1', 'web', '2024-05-01T10:00:00Z', 'romance', 'KR',
			'AMBER', '01JH0000000000000000000001', '2024-05-01T10:00:01Z'),
		       ('01JH0000000000000000000002', 'kr-knpa', 'OLD-2', 'web', '2024-05-02T10:00:00Z', 'romance', 'KR',
			'RED', '01JH0000000000000000000001', '2024-05-02T10:00:01Z')`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.pool.Exec(ctx, `SELECT count(*) FROM audit_head`); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("audit_head at version 2: err = %v", err)
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
	r, err := s.GetReport(ctx, "01JH0000000000000000000001")
	if err != nil {
		t.Fatal(err)
	}
	if r.ExternalRef != "OLD-1" || r.TLP != store.TLPAmber || r.ScamType != "romance" || r.ReceivedAt.Year() != 2024 {
		t.Errorf("report after upgrade = %+v", r)
	}
	if r.CreatedBy != "" || r.PAP != "" || r.LegalBasis != "" || r.Purpose != "" || r.Recipients != nil {
		t.Errorf("new fields of an old report = %q %q %q %q %v, want empty", r.CreatedBy, r.PAP, r.LegalBasis, r.Purpose, r.Recipients)
	}
	// The old AMBER report is its origin's; the old RED one, created by
	// nobody, is in no user's scope.
	for _, tt := range []struct {
		sc   store.Scope
		want int
	}{
		{store.Scope{}, 0},
		{store.Scope{Member: true, Org: "kh-police"}, 0},
		{store.Scope{Member: true, Org: "kr-knpa", UserID: "u1"}, 1},
		{store.Scope{All: true}, 2},
	} {
		rs, err := s.ListReports(ctx, store.ReportFilter{Scope: tt.sc})
		if err != nil || len(rs) != tt.want {
			t.Errorf("ListReports in %+v: %d reports, %v; want %d", tt.sc, len(rs), err, tt.want)
		}
	}
	// The trust tables work, and the audit chain starts at 1.
	err = s.Update(ctx, func(w store.Writer) error {
		if err := w.PutOrg(ctx, &store.Org{ID: "o1", Name: "kr-knpa", Country: "KR"}); err != nil {
			return err
		}
		return w.AppendAudit(ctx, &store.AuditEntry{Action: "upgrade"}, func(e *store.AuditEntry) { e.Hash = "h1" })
	})
	if err != nil {
		t.Fatal(err)
	}
	var seqs []int64
	err = s.AuditEntries(ctx, store.AuditFilter{}, func(e *store.AuditEntry) error { seqs = append(seqs, e.Seq); return nil })
	if err != nil || !reflect.DeepEqual(seqs, []int64{1}) {
		t.Errorf("audit after upgrade: %v, %v", seqs, err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dsn := freshSchema(t)
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(t.Context(), `INSERT INTO schema_migrations (version, name) VALUES (99, '0099_future')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(t.Context(), dsn); err == nil || !strings.Contains(err.Error(), "newer than this binary") {
		t.Fatalf("Open of a newer database: err = %v", err)
	}
}

// TestOpenCreatesSchema opens a DSN whose search_path names a schema that
// does not exist yet.
func TestOpenCreatesSchema(t *testing.T) {
	dsn := freshSchema(t)
	b := make([]byte, 8)
	rand.Read(b)
	name := "counterscam_test_new_" + hex.EncodeToString(b)
	s, err := Open(t.Context(), withSearchPath(t, dsn, name))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		s.pool.Exec(context.Background(), `DROP SCHEMA `+name+` CASCADE`)
		s.Close()
	}()
	var schema string
	if err := s.pool.QueryRow(t.Context(), `SELECT current_schema()`).Scan(&schema); err != nil || schema != name {
		t.Fatalf("current_schema = %q, %v", schema, err)
	}
	if c, err := s.Counts(t.Context(), store.Scope{All: true}); err != nil || c != (store.Counts{}) {
		t.Fatalf("counts = %+v, %v", c, err)
	}
}

func TestFirstSchema(t *testing.T) {
	tests := map[string]string{
		"":                   "",
		"intel":              "intel",
		"Intel, public":      "intel",
		`"Intel", public`:    "Intel",
		`"a""b"`:             `a"b`,
		"$user, public":      "",
		"  counterscam  ,x ": "counterscam",
	}
	for in, want := range tests {
		if got := firstSchema(in); got != want {
			t.Errorf("firstSchema(%q) = %q, want %q", in, got, want)
		}
	}
}

// allVersions lists every migration's version: what an upgraded database
// has applied.
func allVersions() []int {
	vs := make([]int, len(migrations))
	for i := range vs {
		vs[i] = i + 1
	}
	return vs
}
