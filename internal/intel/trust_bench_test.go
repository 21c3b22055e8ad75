package intel

import (
	"context"
	"fmt"
	"testing"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// These benchmarks measure what the trust layer adds to the public check
// and to report creation (issue 4: at most 20%). Each runs the guarded
// path and the same path without the guard in the same loop, alternating,
// and reports both costs and the overhead in per cent, so that the noise
// of a shared machine falls on both alike.

const trustBenchReports = 3000

func trustBenchPhone(i int) string { return fmt.Sprintf("+82 10-2%03d-%04d", i/10000%1000, i%10000) }

// trustBenchService is a service over a fresh store of trustBenchReports
// CLEAR reports in communities of eight from two origins, each naming
// three of its community's twelve numbers: every read the public may make
// sees exactly what the server's own does, so scoped and unscoped reads
// return the same rows and differ only by the scope's predicate. It
// returns the phone numbers named.
func trustBenchService(b *testing.B, st store.Store) (*Service, []string) {
	b.Helper()
	ctx := context.Background()
	svc, err := New(ctx, st, Config{})
	if err != nil {
		b.Fatal(err)
	}
	var batch []*store.Report
	for i := range trustBenchReports {
		in := &ReportInput{Origin: []string{"KNPA", "CNP"}[i/3%2], ExternalRef: fmt.Sprint("T-", i),
			ScamType: "romance", VictimCountry: "KR", TLP: store.TLPClear, Narrative: "victim statement"}
		base := i / 8 * 12
		for _, k := range []int{i % 12, i * 5 % 12, (i*7 + 3) % 12} {
			in.Selectors = append(in.Selectors, SelectorInput{Value: trustBenchPhone(base + k), Role: "contacted_by"})
		}
		r, err := svc.Prepare(in)
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, r)
		if len(batch) == 500 || i == trustBenchReports-1 {
			if _, err := svc.Submit(ctx, trust.Operator(), batch, nil); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	phones := make([]string, trustBenchReports/8*12)
	for i := range phones {
		phones[i] = trustBenchPhone(i)
	}
	return svc, phones
}

func openBenchStore(b *testing.B) store.Store {
	st, err := sqlite.Open(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// paired runs guarded(i) and bare(i) b.N times each, alternating which
// goes first, and reports their costs and the guard's overhead.
func paired(b *testing.B, guarded, bare func(i int)) {
	var tg, tb time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			t0 := time.Now()
			guarded(i)
			t1 := time.Now()
			bare(i)
			tg, tb = tg+t1.Sub(t0), tb+time.Since(t1)
		} else {
			t0 := time.Now()
			bare(i)
			t1 := time.Now()
			guarded(i)
			tb, tg = tb+t1.Sub(t0), tg+time.Since(t1)
		}
	}
	b.ReportMetric(float64(tg.Nanoseconds())/float64(b.N), "guarded-ns/op")
	b.ReportMetric(float64(tb.Nanoseconds())/float64(b.N), "bare-ns/op")
	b.ReportMetric(100*(float64(tg)-float64(tb))/float64(tb), "overhead-%")
}

// BenchmarkTrustPublicCheck: the public check of a value (parse, lookup of
// the selector, its public statistics and network size) with the
// public's scope (CLEAR reports only), against the same check reading
// every report unscoped. The check cache is off, so that every check
// reads the store: with it, the scope costs nothing on a hit.
func BenchmarkTrustPublicCheck(b *testing.B) {
	st := openBenchStore(b)
	svc, phones := trustBenchService(b, st)
	open, err := New(context.Background(), st, Config{})
	if err != nil {
		b.Fatal(err)
	}
	open.publicScope = store.Scope{All: true}
	for _, s := range []*Service{svc, open} {
		s.checks = newListingCache(1, -1) // every entry stale at once
		s.checks.maxAge = -1              // and never revalidated
	}
	ctx := context.Background()
	check := func(s *Service) func(int) {
		return func(i int) {
			r, err := s.Check(ctx, phones[i*7919%len(phones)], "")
			if err != nil || r.Status == StatusInvalid {
				b.Fatalf("%+v, %v", r, err)
			}
		}
	}
	// Both must answer alike: the fixture's reports are all CLEAR.
	for _, p := range phones[:50] {
		a, _ := svc.Check(ctx, p, "")
		c, _ := open.Check(ctx, p, "")
		if a.Status != c.Status || a.Reports != c.Reports || a.NetworkSize != c.NetworkSize {
			b.Fatalf("%s: scoped %+v, unscoped %+v", p, a, c)
		}
	}
	paired(b, check(svc), check(open))
}

// BenchmarkTrustPublicCheckBatch is the same comparison for the bulk
// check's lookup: 1,000 selectors at once.
func BenchmarkTrustPublicCheckBatch(b *testing.B) {
	st := openBenchStore(b)
	svc, phones := trustBenchService(b, st)
	ctx := context.Background()
	var ids []string
	seen := map[string]bool{}
	for i := range 1000 {
		sel, err := svc.norm.Parse(phones[i*7919%len(phones)], selector.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if id := sel.ID().String(); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	look := func(sc store.Scope) func(int) {
		return func(int) {
			m, err := svc.computePublicIn(ctx, ids, nil, sc)
			if err != nil || len(m) != len(ids) {
				b.Fatal(err)
			}
		}
	}
	paired(b, look(store.Scope{}), look(store.Scope{All: true}))
	b.ReportMetric(float64(len(ids)), "selectors/op")
}

// noAuditStore is a store whose transactions append no audit entries.
type noAuditStore struct{ store.Store }

func (s noAuditStore) Update(ctx context.Context, fn func(w store.Writer) error) error {
	return s.Store.Update(ctx, func(w store.Writer) error { return fn(noAuditWriter{w}) })
}

type noAuditWriter struct{ store.Writer }

func (noAuditWriter) AppendAudit(context.Context, *store.AuditEntry, func(*store.AuditEntry)) error {
	return nil
}

// BenchmarkTrustCreateReport: creating a report (validation, selectors,
// the store's transaction, linking into networks) with its audit entry
// appended to the hash chain in the same transaction, against the same
// creation on a store that drops audit entries. Both stores start with the
// same reports and grow alike.
func BenchmarkTrustCreateReport(b *testing.B) {
	audited, _ := trustBenchService(b, openBenchStore(b))
	bare, _ := trustBenchService(b, noAuditStore{openBenchStore(b)})
	ctx := context.Background()
	analyst := trust.Principal{Viewer: auth.Viewer{UserID: "01JHUSER00000000000000000A", Org: "KNPA", Role: auth.RoleAnalyst}}
	create := func(s *Service) func(int) {
		return func(i int) {
			in := &ReportInput{ExternalRef: fmt.Sprint("N-", i), ScamType: "romance", VictimCountry: "KR",
				TLP: store.TLPAmber, Narrative: "victim statement",
				Selectors: []SelectorInput{{Value: trustBenchPhone(i % 4000)}, {Value: trustBenchPhone(5000 + i)}, {Value: fmt.Sprintf("@new_user_%d", i)}}}
			if _, ok, err := s.CreateReport(ctx, analyst, in); err != nil || !ok {
				b.Fatalf("%v %v", ok, err)
			}
		}
	}
	paired(b, create(audited), create(bare))
}

// BenchmarkTrustPermission is the permission check itself: the role rule
// and the scope of a signed-in user.
func BenchmarkTrustPermission(b *testing.B) {
	p := trust.Principal{Viewer: auth.Viewer{UserID: "u", Org: "BANK", Role: auth.RolePartner, PartnerOf: []string{"KNPA"}}}
	n := 0
	for i := 0; i < b.N; i++ {
		if p.Can(auth.ActionCheckBatch) && !p.Scope().All {
			n++
		}
	}
	if n != b.N {
		b.Fatal("partner may not check in bulk")
	}
}
