package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"counterscam/internal/intel/inteltest"
	"counterscam/internal/store"
)

// dump lists every row a load writes, but the times of writing, and the
// indexes, by the names of inteltest.Tables.
func dump(t *testing.T, dsn string) map[string][]string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	out := map[string][]string{}
	for name, q := range map[string]string{
		"reports": `SELECT id, origin, external_ref, channel, received_at, coalesce(occurred_at::text, ''), scam_type, narrative,
			victim_ref, victim_country, tlp, coalesce(network_id, ''), created_by, pap, legal_basis, purpose FROM reports`,
		"links":      `SELECT report_id, selector_id, role, ord, source, raw FROM report_selectors`,
		"losses":     `SELECT report_id, ord, amount_minor, currency FROM report_losses`,
		"recipients": `SELECT report_id, user_id FROM report_recipients`,
		"selectors": `SELECT id, kind, value, display, region, subtype, encode(hash, 'hex'), first_seen, last_seen, report_count,
			source_count, no_link, confirmed, withdrawn FROM selectors`,
		"sources":   `SELECT selector_id, origin, reports FROM selector_sources`,
		"networks":  `SELECT id, report_count, selector_count, first_seen, last_seen FROM networks`,
		"redirects": `SELECT absorbed, survivor FROM network_redirects`,
		"contacts":  `SELECT report_id, name, email, phone, consent FROM contacts`,
		"indexes":   `SELECT indexname, replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE schemaname = current_schema()`,
	} {
		rows, err := conn.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], fmt.Sprint(vals...))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return out
}

// TestBulkLoadEqualsBatches: a bulk load writes exactly the rows that
// storing batch by batch does.
func TestBulkLoadEqualsBatches(t *testing.T) {
	inteltest.LoadEqualsSubmit(t, func(t *testing.T) (store.Store, func() map[string][]string) {
		dsn := freshSchema(t)
		st, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st, func() map[string][]string { return dump(t, dsn) }
	})
}
