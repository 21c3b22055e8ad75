package casework

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"

	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// benchSet is 100,000 synthetic persons in an embedded store, built once
// per test binary, and a 1,000-row partner list: 900 rows naming persons
// in the store as a partner writes them, 100 naming persons who are not.
var benchSet struct {
	once     sync.Once
	dir      string
	rows     []PartnerRow
	truth    map[string]string // row_ref -> the person's external_ref ("" for none)
	persons  []genPerson
	loadTime time.Duration
	err      error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchSet.dir != "" {
		os.RemoveAll(benchSet.dir)
	}
	dropPostgresBench()
	os.Exit(code)
}

// putOrg adds an organisation (persons are imported under one) unless
// the store holds it already.
func putOrg(ctx context.Context, st store.Store, name string) error {
	return st.Update(ctx, func(w store.Writer) error {
		if _, err := w.GetOrg(ctx, name); !errors.Is(err, store.ErrNotFound) {
			return err
		}
		return w.PutOrg(ctx, &store.Org{ID: ulid.Make().String(), Name: name, Country: "KR", Kind: "embassy"})
	})
}

// importBench stores the benchmark's persons through the service, in
// batches of 5,000.
func importBench(ctx context.Context, st store.Store, persons []genPerson) error {
	svc := New(st, nil, Config{})
	if err := putOrg(ctx, st, orgEmbassy); err != nil {
		return err
	}
	const batch = 5000
	for lo := 0; lo < len(persons); lo += batch {
		var recs []*PersonRecord
		for i := lo; i < min(lo+batch, len(persons)); i++ {
			recs = append(recs, &PersonRecord{File: "bench", Line: i + 2, Input: *persons[i].input(fmt.Sprintf("EMB-%06d", i))})
		}
		res, err := svc.ImportPersons(ctx, trust.Operator(), recs, ImportOptions{Origin: orgEmbassy, LegalBasis: "x", Purpose: "y"})
		if err != nil {
			return err
		}
		if len(res.Rejects) > 0 {
			return res.Rejects[0]
		}
	}
	return nil
}

const (
	benchPersons = 100_000
	benchRows    = 1_000
)

func loadBenchSet(b *testing.B) {
	benchSet.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "casework-bench-")
		if err != nil {
			benchSet.err = err
			return
		}
		benchSet.dir = dir
		st, err := sqlite.Open(ctx, dir)
		if err != nil {
			benchSet.err = err
			return
		}
		defer st.Close()
		persons := genPersons(benchPersons, 1)
		benchSet.persons = persons
		start := time.Now()
		if benchSet.err = importBench(ctx, st, persons); benchSet.err != nil {
			return
		}
		benchSet.loadTime = time.Since(start)
		rng := rand.New(rand.NewPCG(5, 5))
		benchSet.truth = map[string]string{}
		for i, k := range rng.Perm(benchPersons)[:benchRows*9/10] {
			ref := fmt.Sprintf("KH-%04d", i)
			benchSet.rows = append(benchSet.rows, persons[k].partnerRow(ref, rng))
			benchSet.truth[ref] = fmt.Sprintf("EMB-%06d", k)
		}
		for i, g := range genPersons(benchRows/10, 2) {
			g.passport = ""
			ref := fmt.Sprintf("KH-X%03d", i)
			benchSet.rows = append(benchSet.rows, g.partnerRow(ref, rng))
			benchSet.truth[ref] = ""
		}
	})
	if benchSet.err != nil {
		b.Fatal(benchSet.err)
	}
}

func openBenchStore(b *testing.B) store.Store {
	loadBenchSet(b)
	st, err := sqlite.Open(b.Context(), benchSet.dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// reportQuality reports the share of the list's persons matched to the
// right person (recall) and of the matches that are right (precision).
func reportQuality(b *testing.B, rec *Reconciliation) {
	right, matched, want := 0, 0, 0
	for _, r := range rec.Rows {
		truth := benchSet.truth[r.RowRef]
		if truth != "" {
			want++
		}
		if r.Status == StatusMatched {
			matched++
			if r.Person.PersonRef == truth {
				right++
			}
		}
	}
	b.ReportMetric(float64(right)/float64(want), "recall")
	b.ReportMetric(float64(right)/float64(max(matched, 1)), "precision")
	b.ReportMetric(float64(rec.Counts[StatusConflict]), "conflicts")
}

// BenchmarkReconcile1kWarm reconciles 1,000 rows against 100,000 persons
// through the service with its index built (as a running server has it):
// document lookups in the store, the engine's search with explanations,
// and the audit of every person named, in one transaction.
func BenchmarkReconcile1kWarm(b *testing.B) {
	st := openBenchStore(b)
	b.Logf("loading %d persons through ImportPersons took %s", benchPersons, benchSet.loadTime.Round(time.Millisecond))
	svc := New(st, nil, Config{})
	if _, err := svc.Reconcile(b.Context(), trust.Operator(), "kh-gdi", benchSet.rows); err != nil {
		b.Fatal(err)
	}
	var rec *Reconciliation
	for b.Loop() {
		var err error
		if rec, err = svc.Reconcile(b.Context(), trust.Operator(), "kh-gdi", benchSet.rows); err != nil {
			b.Fatal(err)
		}
	}
	reportQuality(b, rec)
}

// BenchmarkReconcile1kCold is the same from a cold start (as the CLI runs
// it): every person read from the store and indexed, then reconciled.
func BenchmarkReconcile1kCold(b *testing.B) {
	st := openBenchStore(b)
	var rec *Reconciliation
	for b.Loop() {
		svc := New(st, nil, Config{})
		var err error
		if rec, err = svc.Reconcile(b.Context(), trust.Operator(), "kh-gdi", benchSet.rows); err != nil {
			b.Fatal(err)
		}
	}
	reportQuality(b, rec)
}

// BenchmarkIndexLoad100k is the cold start's first part alone: reading
// 100,000 persons from the store and indexing them.
func BenchmarkIndexLoad100k(b *testing.B) {
	st := openBenchStore(b)
	for b.Loop() {
		svc := New(st, nil, Config{})
		stamp, err := st.PersonStamp(b.Context())
		if err != nil {
			b.Fatal(err)
		}
		if err := svc.rebuildIndex(b.Context(), stamp); err != nil {
			b.Fatal(err)
		}
	}
}
