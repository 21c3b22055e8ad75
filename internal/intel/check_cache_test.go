package intel

import (
	"context"
	"testing"

	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// TestCheckCacheRevalidates: past its time to live, a cached answer is
// served only while the store is unchanged, changes made through another
// service over the same store (another server) included; and never past
// its maximum age.
func TestCheckCacheRevalidates(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a, err := New(ctx, st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(ctx, st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	a.checks.ttl, a.checks.markEvery = 0, 0 // revalidate on every check
	create := func(origin, ref, value string) {
		t.Helper()
		in := &ReportInput{Origin: origin, ExternalRef: ref, ScamType: "romance", TLP: "CLEAR", Narrative: "statement",
			Selectors: []SelectorInput{{Value: value}}}
		if _, _, err := b.CreateReport(ctx, trust.Operator(), in); err != nil {
			t.Fatal(err)
		}
	}
	check := func(value, want string, wantHit bool) {
		t.Helper()
		h0, _ := a.CheckCacheStats()
		r, err := a.Check(ctx, value, "")
		if err != nil {
			t.Fatal(err)
		}
		h1, _ := a.CheckCacheStats()
		if r.Status != want || (h1 > h0) != wantHit {
			t.Fatalf("%s: %s, cache hit %v; want %s, hit %v", value, r.Status, h1 > h0, want, wantHit)
		}
	}
	const v = "+855 96 765 4321"
	create("KNPA", "k1", v)
	check(v, StatusNotListed, false)
	check(v, StatusNotListed, true) // nothing changed: served again
	create("CNP", "c1", v)          // the other server lists it
	check(v, StatusListed, false)
	check(v, StatusListed, true)
	create("CNP", "c2", "+855 97 111 2222") // any change moves the mark
	check(v, StatusListed, false)
	a.checks.maxAge = 0
	check(v, StatusListed, false) // too old, unchanged or not
}
