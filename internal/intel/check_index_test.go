package intel

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"slices"
	"testing"

	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// indexFixture opens a store with two services over it: a, a server with
// the index, and b, another server that writes.
func indexFixture(t *testing.T) (a, b *Service, create func(origin, ref string, values ...string)) {
	t.Helper()
	ctx := t.Context()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if a, err = New(ctx, st, Config{}); err != nil {
		t.Fatal(err)
	}
	if b, err = New(ctx, st, Config{}); err != nil {
		t.Fatal(err)
	}
	create = func(origin, ref string, values ...string) {
		t.Helper()
		in := &ReportInput{Origin: origin, ExternalRef: ref, ScamType: "romance", TLP: "CLEAR", Narrative: "statement"}
		for _, v := range values {
			in.Selectors = append(in.Selectors, SelectorInput{Value: v})
		}
		if _, _, err := b.CreateReport(ctx, trust.Operator(), in); err != nil {
			t.Fatal(err)
		}
	}
	return a, b, create
}

// TestIndexFollowsOtherServers: changes made through another server over
// the same store reach the index when it is refreshed: once the change
// mark moved and indexRefresh passed, or after indexMaxAge whatever the
// mark (the rebuild after a "does not link" mark appends no entry of its
// own).
func TestIndexFollowsOtherServers(t *testing.T) {
	ctx := t.Context()
	a, b, create := indexFixture(t)
	const v, w = "+855 96 765 4321", "+855 97 111 2222"
	create("KNPA", "k1", v, w)
	create("CNP", "c1", v)
	if err := a.WarmChecks(ctx); err != nil {
		t.Fatal(err)
	}
	x := a.index.Load()
	check := func(value, want string, size int) {
		t.Helper()
		_, n0 := a.CheckIndexStats()
		r, err := a.Check(ctx, value, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, n1 := a.CheckIndexStats(); n1 != n0+1 {
			t.Fatalf("%s: answered without the index", value)
		}
		if r.Status != want || r.NetworkSize != size {
			t.Fatalf("%s: %s, network %d; want %s, network %d", value, r.Status, r.NetworkSize, want, size)
		}
	}
	check(v, StatusListed, 2)
	check(w, StatusNotListed, 0)
	if listed, _ := a.CheckIndexStats(); listed != 1 {
		t.Fatalf("%d listed selectors, want 1", listed)
	}

	create("CNP", "c2", w) // the other server lists w
	built := x.builtAt
	if err := a.refreshIndex(ctx, built.Add(indexRefresh/2)); err != nil {
		t.Fatal(err)
	}
	check(w, StatusNotListed, 0) // not yet due
	if err := a.refreshIndex(ctx, built.Add(indexRefresh)); err != nil {
		t.Fatal(err)
	}
	check(w, StatusListed, 3)
	check(v, StatusListed, 3) // c2 joined its network through w

	// Nothing changed: no rebuild before the maximum age.
	built = x.builtAt
	if err := a.refreshIndex(ctx, built.Add(indexRefresh)); err != nil {
		t.Fatal(err)
	}
	if x.builtAt != built {
		t.Fatal("rebuilt with the store unchanged")
	}
	// A "does not link" mark on the other server, then its rebuild of the
	// networks: the mark moves, so the index follows.
	ws, err := a.norm.Parse(w, selector.Options{})
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	if err := b.MarkSelector(ctx, trust.Operator(), ws.ID().String(), store.SelectorFlags{NoLink: &yes}); err != nil {
		t.Fatal(err)
	}
	if err := a.refreshIndex(ctx, built.Add(indexRefresh)); err != nil {
		t.Fatal(err)
	}
	check(v, StatusListed, 2)
	// A rebuild alone (a command's) moves no mark: past the maximum age.
	if err := b.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	built = x.builtAt
	if err := a.refreshIndex(ctx, built.Add(indexRefresh)); err != nil {
		t.Fatal(err)
	}
	if x.builtAt != built {
		t.Fatal("rebuilt with the mark unchanged, before the maximum age")
	}
	if err := a.refreshIndex(ctx, built.Add(indexMaxAge)); err != nil {
		t.Fatal(err)
	}
	if x.builtAt == built {
		t.Fatal("not rebuilt at the maximum age")
	}
}

// TestIndexUpdatedByThisServer: this server's own reports and marks reach
// its index at once, network sizes of the listed selectors of the
// networks a report joins or merges included, and the range check agrees
// with the one worked out from the store.
func TestIndexUpdatedByThisServer(t *testing.T) {
	ctx := t.Context()
	a, _, _ := indexFixture(t)
	if err := a.WarmChecks(ctx); err != nil {
		t.Fatal(err)
	}
	cold, err := New(ctx, a.st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	create := func(origin, ref string, values ...string) {
		t.Helper()
		in := &ReportInput{Origin: origin, ExternalRef: ref, ScamType: "romance", TLP: "CLEAR", Narrative: "statement"}
		for _, v := range values {
			in.Selectors = append(in.Selectors, SelectorInput{Value: v})
		}
		if _, _, err := a.CreateReport(ctx, trust.Operator(), in); err != nil {
			t.Fatal(err)
		}
	}
	values := []string{"+855 96 100 0001", "+855 96 100 0002", "+855 96 100 0003", "@scam_desk_one", "scam-bank.example.com"}
	same := func(stage string) {
		t.Helper()
		for _, v := range values {
			got, err := a.Check(ctx, v, "")
			if err != nil {
				t.Fatal(err)
			}
			want, err := cold.Check(ctx, v, "")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: index %+v\n store %+v", stage, v, got, want)
			}
			sel, err := selector.Parse(v, selector.Options{})
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256([]byte(sel.Key()))
			h := hex.EncodeToString(sum[:])
			listedLines := func(s *Service) []RangeLine {
				t.Helper()
				lines, err := s.Range(ctx, h[:RangePrefixLen])
				if err != nil {
					t.Fatal(err)
				}
				return slices.DeleteFunc(lines, func(l RangeLine) bool { return l.Count == 0 })
			}
			gl, wl := listedLines(a), listedLines(cold)
			if !slices.Equal(gl, wl) {
				t.Errorf("%s, %s: range lines %v from the index, %v from the store", stage, v, gl, wl)
			}
			if (got.Status == StatusListed) != (len(gl) == 1) {
				t.Errorf("%s, %s: %s, range lines %v", stage, v, got.Status, gl)
			}
		}
		cold.checks.purge()
	}
	same("empty")
	create("KNPA", "k1", values[0], values[1])
	create("CNP", "c1", values[0])
	same("one listed")
	create("KNPA", "k2", values[2], values[3])
	create("CNP", "c2", values[2])
	same("two networks")
	create("MOFA", "m1", values[1], values[3]) // merges them; values[1] now has two sources
	same("merged")
	create("KNPA", "k3", values[4])
	yes := true
	for _, i := range []int{4, 0} {
		sel, err := selector.Parse(values[i], selector.Options{})
		if err != nil {
			t.Fatal(err)
		}
		f := store.SelectorFlags{Confirmed: &yes}
		if i == 0 {
			f = store.SelectorFlags{Withdrawn: &yes}
		}
		if err := a.MarkSelector(ctx, trust.Operator(), sel.ID().String(), f); err != nil {
			t.Fatal(err)
		}
	}
	same("confirmed and withdrawn")
	if listed, _ := a.CheckIndexStats(); listed != 4 { // all but the withdrawn one
		t.Errorf("%d listed selectors, want 4", listed)
	}
}

// TestIndexKeepsUpdatesMadeDuringABuild: a selector this server changes
// while the index is being built is worked out again after the build.
func TestIndexKeepsUpdatesMadeDuringABuild(t *testing.T) {
	ctx := context.Background()
	a, _, _ := indexFixture(t)
	if err := a.WarmChecks(t.Context()); err != nil {
		t.Fatal(err)
	}
	x := a.index.Load()
	x.mu.Lock()
	x.building = true
	x.mu.Unlock()
	a.indexChanged(ctx, []string{"sel-a", "sel-b"}, nil)
	x.mu.Lock()
	touched := slices.Clone(x.touched)
	x.building = false
	x.mu.Unlock()
	if !slices.Equal(touched, []string{"sel-a", "sel-b"}) {
		t.Fatalf("touched during a build: %v", touched)
	}
}
