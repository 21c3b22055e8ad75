package intel_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

func newService(t *testing.T, cfg intel.Config) (*intel.Service, store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc, err := intel.New(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return svc, st
}

// newIndexedService is newService with the index of listed selectors
// built (as a server has it): its checks never read the store.
func newIndexedService(t *testing.T, cfg intel.Config) (*intel.Service, store.Store) {
	t.Helper()
	svc, st := newService(t, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if err := svc.WarmChecks(ctx); err != nil {
		t.Fatal(err)
	}
	return svc, st
}

// bothWays runs a test of the checks on a service without the index (the
// check cache over the store) and on one with it.
func bothWays(t *testing.T, test func(t *testing.T, newService func(*testing.T, intel.Config) (*intel.Service, store.Store))) {
	t.Run("cache", func(t *testing.T) { test(t, newService) })
	t.Run("index", func(t *testing.T) { test(t, newIndexedService) })
}

func submit(t *testing.T, svc *intel.Service, in *intel.ReportInput) *store.Report {
	t.Helper()
	r, _, err := svc.CreateReport(context.Background(), trust.Operator(), in)
	if err != nil {
		t.Fatalf("CreateReport(%s): %v", in.ExternalRef, err)
	}
	return r
}

func report(origin, ref string, sels ...string) *intel.ReportInput {
	in := &intel.ReportInput{Origin: origin, ExternalRef: ref, ScamType: "crypto_investment", VictimCountry: "KR", Narrative: "victim statement", TLP: "CLEAR"}
	for _, s := range sels {
		in.Selectors = append(in.Selectors, intel.SelectorInput{Value: s, Role: "paid_to"})
	}
	return in
}

func TestPrepareRejectsBadFields(t *testing.T) {
	svc, _ := newService(t, intel.Config{})
	cases := []struct {
		name  string
		in    intel.ReportInput
		field string
	}{
		{"no origin", intel.ReportInput{}, "origin"},
		{"scam type", intel.ReportInput{Origin: "a", ScamType: "lottery"}, "scam_type"},
		{"tlp", intel.ReportInput{Origin: "a", TLP: "PURPLE"}, "tlp"},
		{"country", intel.ReportInput{Origin: "a", VictimCountry: "Korea"}, "victim_country"},
		{"selector", intel.ReportInput{Origin: "a", Selectors: []intel.SelectorInput{{Value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"}}}, "selectors"},
		{"narrative utf8", intel.ReportInput{Origin: "a", Narrative: "\xff\xfe"}, "narrative"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.Prepare(&c.in)
			fe, ok := err.(*intel.FieldError)
			if !ok || fe.Field != c.field {
				t.Fatalf("Prepare: got %v, want a FieldError on %s", err, c.field)
			}
		})
	}
}

func TestReportsLinkThroughSharedSelectors(t *testing.T) {
	ctx := context.Background()
	svc, st := newService(t, intel.Config{})
	wallet := "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"
	a := submit(t, svc, report("KNPA", "a1", "+855 12 345 678"))
	b := submit(t, svc, report("KNPA", "a2", wallet))
	if a.NetworkID == b.NetworkID {
		t.Fatalf("unrelated reports share network %s", a.NetworkID)
	}
	// c names both: the two networks merge into the older one (a's).
	cin := report("CNP", "c1", "012 345 678", wallet)
	cin.VictimCountry = "KH" // the national number is read as Cambodian
	c := submit(t, svc, cin)
	if c.NetworkID != a.ID {
		t.Fatalf("merged network = %s, want the oldest report's ID %s", c.NetworkID, a.ID)
	}
	n, err := svc.Network(ctx, trust.Operator(), b.ID) // b's old network ID redirects
	if err != nil {
		t.Fatal(err)
	}
	if n.ID != a.ID || n.Reports != 3 {
		t.Fatalf("network via old ID: id %s reports %d, want %s and 3", n.ID, n.Reports, a.ID)
	}
	// An allow-listed selector links nothing.
	d := submit(t, svc, report("CNP", "d1", "https://t.me"))
	e := submit(t, svc, report("CNP", "e1", "https://t.me"))
	if d.NetworkID == e.NetworkID {
		t.Fatal("allow-listed t.me linked two reports")
	}
	// Importing the same (origin, external_ref) again adds nothing.
	before, _ := st.Counts(ctx, store.Scope{All: true})
	_, inserted, err := svc.CreateReport(ctx, trust.Operator(), report("KNPA", "a1", "+855 12 345 678"))
	if err != nil || inserted {
		t.Fatalf("duplicate: inserted=%v err=%v", inserted, err)
	}
	after, _ := st.Counts(ctx, store.Scope{All: true})
	if before != after {
		t.Fatalf("duplicate changed counts: %+v -> %+v", before, after)
	}
}

// TestIncrementalEqualsRebuild submits random reports one by one and checks
// that a full rebuild from storage gives exactly the same partition.
func TestIncrementalEqualsRebuild(t *testing.T) {
	ctx := context.Background()
	svc, st := newService(t, intel.Config{})
	rng := rand.New(rand.NewPCG(1, 2))
	var pool []string
	for i := range 60 {
		pool = append(pool, fmt.Sprintf("+8210%08d", 20000000+i*7919))
	}
	// Pages on allow-listed sites link nothing, incrementally or rebuilt.
	pool = append(pool, "https://www.google.com/search?q=job", "https://t.me/s/anything", "mail.naver.com")
	var batch []*store.Report
	for i := range 150 {
		in := report("org"+fmt.Sprint(i%3), fmt.Sprint("r", i))
		for range 1 + rng.IntN(2) {
			in.Selectors = append(in.Selectors, intel.SelectorInput{Value: pool[rng.IntN(len(pool))]})
		}
		r, err := svc.Prepare(in)
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, r)
		if len(batch) == 7 || i == 149 {
			if _, err := svc.Submit(ctx, trust.Operator(), batch, nil); err != nil {
				t.Fatal(err)
			}
			batch = nil
		}
	}
	incremental := partition(t, st)
	if err := svc.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	rebuilt := partition(t, st)
	if !slices.Equal(incremental, rebuilt) {
		t.Fatalf("rebuild differs from incremental:\n%v\n%v", incremental, rebuilt)
	}
	if len(incremental) < 2 {
		t.Fatalf("degenerate test: %d networks", len(incremental))
	}
}

// partition lists "network: report report ..." lines from the store.
func partition(t *testing.T, st store.Store) []string {
	t.Helper()
	ctx := context.Background()
	reps, err := st.ListReports(ctx, store.ReportFilter{Scope: store.Scope{All: true}, Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	byNet := map[string][]string{}
	for _, r := range reps {
		byNet[r.NetworkID] = append(byNet[r.NetworkID], r.ID)
	}
	var out []string
	for n, ids := range byNet {
		slices.Sort(ids)
		if n != ids[0] {
			t.Errorf("network %s is not named for its oldest report %s", n, ids[0])
		}
		net, err := st.GetNetwork(ctx, n)
		if err != nil || net.Reports != len(ids) {
			t.Errorf("network %s summary: %+v, %v; want %d reports", n, net, err, len(ids))
		}
		out = append(out, n+": "+strings.Join(ids, " "))
	}
	slices.Sort(out)
	return out
}

func TestCheckAndPublicationThreshold(t *testing.T) { bothWays(t, testCheckAndPublicationThreshold) }

func testCheckAndPublicationThreshold(t *testing.T, newService func(*testing.T, intel.Config) (*intel.Service, store.Store)) {
	ctx := context.Background()
	svc, st := newService(t, intel.Config{PublicationThreshold: 2})
	submit(t, svc, report("KNPA", "k1", "010-9876-5432"))
	res, err := svc.Check(ctx, "+82 10 9876 5432", "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != intel.StatusNotListed || res.Reports != 0 {
		t.Fatalf("one source: %+v, want not_listed with no counts", res)
	}
	submit(t, svc, report("CNP", "c1", "+82 10-9876-5432"))
	res, _ = svc.Check(ctx, "01098765432", "KR")
	if res.Status != intel.StatusListed || res.Reports != 2 || res.Sources != 2 || res.NetworkSize != 2 {
		t.Fatalf("two sources: %+v, want listed, 2 reports, 2 sources, network of 2", res)
	}
	if !slices.Equal(res.ScamTypes, []string{"crypto_investment"}) || res.Selector.Value != "+821098765432" {
		t.Fatalf("types %v value %s", res.ScamTypes, res.Selector.Value)
	}
	// An analyst withdraws it: no longer listed.
	id := res.Selector.ID().String()
	yes := true
	if err := svc.MarkSelector(ctx, trust.Operator(), id, store.SelectorFlags{Withdrawn: &yes}); err != nil {
		t.Fatal(err)
	}
	if res, _ = svc.Check(ctx, "+821098765432", ""); res.Status != intel.StatusNotListed {
		t.Fatalf("withdrawn: %s", res.Status)
	}
	if res, _ = svc.Check(ctx, "t.me", ""); res.Status != intel.StatusAllowlisted {
		t.Fatalf("t.me: %s", res.Status)
	}
	if res, _ = svc.Check(ctx, "not an identifier at all", ""); res.Status != intel.StatusInvalid || res.Reason == "" ||
		res.Code != selector.CodeUnrecognised || res.Problem == nil || res.Problem.Code != res.Code {
		t.Fatalf("garbage: %+v", res)
	}
	// A confirmed selector is listed on one source.
	submit(t, svc, report("KNPA", "k2", "0x52908400098527886e0f7030069857d2e4169ee7"))
	sel, _ := selector.Parse("0x52908400098527886E0F7030069857D2E4169EE7", selector.Options{})
	if err := svc.MarkSelector(ctx, trust.Operator(), sel.ID().String(), store.SelectorFlags{Confirmed: &yes}); err != nil {
		t.Fatal(err)
	}
	if res, _ = svc.Check(ctx, "0x52908400098527886E0F7030069857D2E4169EE7", ""); res.Status != intel.StatusListed || res.Reports != 1 {
		t.Fatalf("confirmed: %+v", res)
	}
	// The range check returns its hash suffix, padded.
	sum := sha256.Sum256([]byte(sel.Key()))
	h := hex.EncodeToString(sum[:])
	lines, err := svc.Range(ctx, h[:5])
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, l := range lines {
		if l.Suffix == h[5:] {
			found = l.Count
		} else if l.Count != 0 {
			t.Errorf("padding line with count %d", l.Count)
		}
	}
	if found != 1 || len(lines) < 64 {
		t.Fatalf("range: found count %d in %d lines", found, len(lines))
	}
	if _, err := svc.Range(ctx, "xyz12"); err != intel.ErrBadPrefix {
		t.Fatalf("bad prefix: %v", err)
	}
	_ = st
	_ = time.Now
}

// TestPublicCheckCountsOnlyWhatThePublicMaySee: reports marked for
// organisations only neither list a selector nor show in its counts.
func TestPublicCheckCountsOnlyWhatThePublicMaySee(t *testing.T) {
	bothWays(t, testPublicCheckCountsOnlyWhatThePublicMaySee)
}

func testPublicCheckCountsOnlyWhatThePublicMaySee(t *testing.T, newService func(*testing.T, intel.Config) (*intel.Service, store.Store)) {
	ctx := context.Background()
	svc, _ := newService(t, intel.Config{PublicationThreshold: 2})
	for i, org := range []string{"KNPA", "CNP", "MOFA"} {
		in := report(org, fmt.Sprint("amber", i), "+855 96 765 4321")
		in.TLP = "AMBER"
		submit(t, svc, in)
	}
	if res, _ := svc.Check(ctx, "+855 96 765 4321", ""); res.Status != intel.StatusNotListed || res.Reports != 0 {
		t.Fatalf("three AMBER sources: %+v; want not listed, no counts", res)
	}
	submit(t, svc, report("KNPA", "clear1", "+855 96 765 4321"))
	if res, _ := svc.Check(ctx, "+855 96 765 4321", ""); res.Status != intel.StatusNotListed {
		t.Fatalf("one CLEAR source: %s", res.Status)
	}
	submit(t, svc, report("CNP", "clear2", "+855 96 765 4321"))
	res, _ := svc.Check(ctx, "+855 96 765 4321", "")
	if res.Status != intel.StatusListed || res.Reports != 2 || res.Sources != 2 || res.NetworkSize != 2 {
		t.Fatalf("two CLEAR sources among AMBER ones: %+v; want listed with 2 reports, 2 sources, a public network of 2", res)
	}
}

func TestNoLinkMarkSplitsNetwork(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t, intel.Config{})
	hub := "https://help-desk-bank.example.com/"
	a := submit(t, svc, report("KNPA", "a", hub, "+855 96 123 4567"))
	b := submit(t, svc, report("KNPA", "b", hub))
	if a.NetworkID != b.NetworkID {
		t.Fatal("reports sharing a URL are not linked")
	}
	sel, err := selector.Parse(hub, selector.Options{})
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	if err := svc.MarkSelector(ctx, trust.Operator(), sel.ID().String(), store.SelectorFlags{NoLink: &yes}); err != nil {
		t.Fatal(err)
	}
	ra, _ := svc.GetReport(ctx, trust.Operator(), a.ID)
	rb, _ := svc.GetReport(ctx, trust.Operator(), b.ID)
	if ra.NetworkID == rb.NetworkID {
		t.Fatal("does-not-link mark did not split the network")
	}
	if rb.NetworkID != b.ID {
		t.Fatalf("split-off network %s, want %s", rb.NetworkID, b.ID)
	}
}
