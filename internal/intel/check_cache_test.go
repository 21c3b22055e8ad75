package intel

import (
	"context"
	"strings"
	"testing"

	"counterscam/internal/selector"
	"counterscam/internal/store"
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

// TestRangePadding: an answer with nothing listed under its prefix is
// 64 to 96 padding lines of count 0, sorted, without repeats, each a
// 59-digit hex suffix; their number varies from answer to answer.
func TestRangePadding(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc, err := New(ctx, st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[int]bool{}
	for range 40 {
		lines, err := svc.Range(ctx, "0a1b2")
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) < rangePadMin || len(lines) > rangePadMax {
			t.Fatalf("%d lines", len(lines))
		}
		sizes[len(lines)] = true
		for i, l := range lines {
			if l.Count != 0 || len(l.Suffix) != 64-RangePrefixLen || strings.Trim(l.Suffix, "0123456789abcdef") != "" {
				t.Fatalf("line %d: %+v", i, l)
			}
			if i > 0 && lines[i-1].Suffix >= l.Suffix {
				t.Fatalf("lines %d and %d out of order or repeated", i-1, i)
			}
		}
	}
	if len(sizes) < 5 {
		t.Errorf("40 answers came in only %d sizes", len(sizes))
	}
}

// TestCheckCachePurgedByRebuild: a "does not link" mark rebuilds the
// networks, which may change any listed selector's network size; the
// cached answers go with it.
func TestCheckCachePurgedByRebuild(t *testing.T) {
	for _, indexed := range []bool{false, true} {
		t.Run(map[bool]string{false: "cache", true: "index"}[indexed], func(t *testing.T) { testCheckPurgedByRebuild(t, indexed) })
	}
}

func testCheckPurgedByRebuild(t *testing.T, indexed bool) {
	ctx := t.Context()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc, err := New(ctx, st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if indexed {
		if err := svc.WarmChecks(ctx); err != nil {
			t.Fatal(err)
		}
	}
	const p, q = "+855 96 111 1111", "+855 96 222 2222"
	for i, r := range []struct {
		origin string
		sels   []string
	}{{"KNPA", []string{p, q}}, {"CNP", []string{p, q}}, {"CNP", []string{q}}} {
		in := &ReportInput{Origin: r.origin, ExternalRef: string(rune('a' + i)), TLP: "CLEAR", Narrative: "statement"}
		for _, v := range r.sels {
			in.Selectors = append(in.Selectors, SelectorInput{Value: v})
		}
		if _, _, err := svc.CreateReport(ctx, trust.Operator(), in); err != nil {
			t.Fatal(err)
		}
	}
	size := func() int {
		t.Helper()
		r, err := svc.Check(ctx, p, "")
		if err != nil || r.Status != StatusListed {
			t.Fatalf("%+v, %v", r, err)
		}
		return r.NetworkSize
	}
	if n := size(); n != 3 {
		t.Fatalf("network of %d before the mark, want 3", n)
	}
	qs, err := svc.norm.Parse(q, selector.Options{})
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	if err := svc.MarkSelector(ctx, trust.Operator(), qs.ID().String(), store.SelectorFlags{NoLink: &yes}); err != nil {
		t.Fatal(err)
	}
	if n := size(); n != 2 {
		t.Fatalf("network of %d after the mark, want 2", n)
	}
}
