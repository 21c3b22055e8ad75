package intel_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/intel"
	"counterscam/internal/intel/inteltest"
	"counterscam/internal/store"
	"counterscam/internal/store/sqlite"
	"counterscam/internal/trust"
)

// retryingStore runs a transaction again when it fails with a conflict, as
// the PostgreSQL store does after a deadlock, and makes the first bulk
// load's EndBulk fail so.
type retryingStore struct {
	store.Store
	failed bool
}

func (s *retryingStore) Update(ctx context.Context, fn func(store.Writer) error) error {
	wrapped := func(w store.Writer) error {
		if bw, ok := w.(store.BulkWriter); ok {
			return fn(&endOnceFails{BulkWriter: bw, s: s})
		}
		return fn(w)
	}
	err := s.Store.Update(ctx, wrapped)
	if errors.Is(err, store.ErrConflict) {
		err = s.Store.Update(ctx, wrapped)
	}
	return err
}

type endOnceFails struct {
	store.BulkWriter
	s *retryingStore
}

func (w *endOnceFails) EndBulk(ctx context.Context, merges []store.NetworkMerge, assign func(string) string) error {
	if !w.s.failed {
		w.s.failed = true
		return store.ErrConflict
	}
	return w.BulkWriter.EndBulk(ctx, merges, assign)
}

// TestLoadIsNotRetried: a store that runs a load's transaction again
// after a lost race gets an error, not a second load over batches already
// consumed; nothing is stored, the caller hears of it, and the same load
// afterwards lands whole.
func TestLoadIsNotRetried(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	inner, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer inner.Close()
	st := &retryingStore{Store: inner}
	svc, err := intel.New(ctx, st, intel.Config{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	reports, contacts := inteltest.Batches(t, svc, &clock)
	load := func() (int, error) {
		n := 0
		err := svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
			for i := range reports {
				ins, err := add(inteltest.Copies(reports[i]), contacts[i])
				if err != nil {
					return err
				}
				for _, ok := range ins {
					if ok {
						n++
					}
				}
			}
			return nil
		})
		return n, err
	}
	if _, err := load(); err == nil || errors.Is(err, intel.ErrNoBulk) {
		t.Fatalf("a load its store ran twice: err = %v, want a failure that is not ErrNoBulk", err)
	}
	if !st.failed {
		t.Fatal("degenerate test: EndBulk never failed")
	}
	if c, err := st.Counts(ctx, store.Scope{All: true}); err != nil || c.Reports != 0 {
		t.Fatalf("after the failed load: %+v, %v; want nothing stored", c, err)
	}
	n, err := load()
	if err != nil || n < 100 {
		t.Fatalf("the load again: %d stored, %v", n, err)
	}
	if c, err := st.Counts(ctx, store.Scope{All: true}); err != nil || c.Reports != n {
		t.Errorf("after the load: %+v, %v; want %d reports", c, err, n)
	}
}

// TestLoadFailsWhenAddFailed: a feed that drops an error of add does not
// make the load commit what it had; Load returns that error.
func TestLoadFailsWhenAddFailed(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	svc, st := newService(t, intel.Config{Now: func() time.Time { return clock }})
	reports, contacts := inteltest.Batches(t, svc, &clock)
	var addErr error
	err := svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
		if _, err := add(inteltest.Copies(reports[0]), contacts[0]); err != nil {
			t.Fatal(err)
		}
		twice := inteltest.Copies(reports[1])
		twice[0].ExternalRef = ""       // never a duplicate by reference,
		twice = append(twice, twice[0]) // but one report twice in a batch
		_, addErr = add(twice, nil)
		return nil // the error dropped
	})
	if addErr == nil || !errors.Is(err, addErr) {
		t.Fatalf("Load = %v after add failed with %v; want that failure", err, addErr)
	}
	if c, err := st.Counts(ctx, store.Scope{All: true}); err != nil || c.Reports != 0 {
		t.Errorf("after the failed load: %+v, %v; want nothing stored", c, err)
	}
}

// TestImportAuditSaysTheMarking: a batch of reports, stored by Submit or
// by a bulk Load, is audited with its most restrictive label beside the
// range of its IDs and their number.
func TestImportAuditSaysTheMarking(t *testing.T) {
	ctx := context.Background()
	n := 0
	batch := func(t *testing.T, svc *intel.Service, labels ...string) []*store.Report {
		t.Helper()
		var out []*store.Report
		for _, l := range labels {
			n++
			in := report("KNPA", fmt.Sprintf("imp-%d", n), fmt.Sprintf("+855 12 345 6%02d", n))
			in.TLP = l
			if l == store.TLPRed {
				in.Recipients = []string{"01J0000000000000000000000U"}
			}
			r, err := svc.Prepare(in)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	created := func(t *testing.T, st store.Store) []string {
		t.Helper()
		var got []string
		st.AuditEntries(ctx, store.AuditFilter{Action: "create"}, func(e *store.AuditEntry) error {
			_, what, _ := strings.Cut(e.RecordID, " ")
			got = append(got, e.RecordType+" "+what)
			return nil
		})
		return got
	}
	t.Run("load", func(t *testing.T) {
		svc, st := newService(t, intel.Config{})
		err := svc.Load(ctx, trust.Operator(), func(add intel.LoadFunc) error {
			if _, err := add(batch(t, svc, store.TLPClear, store.TLPRed), nil); err != nil {
				return err
			}
			_, err := add(batch(t, svc, store.TLPAmber), nil)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := created(t, st), []string{"report_batch (3 reports, up to TLP:RED)"}; !slices.Equal(got, want) {
			t.Errorf("audited %q; want %q", got, want)
		}
	})
	t.Run("submit", func(t *testing.T) {
		svc, st := newService(t, intel.Config{})
		for _, labels := range [][]string{{store.TLPClear, store.TLPAmberStrict, store.TLPGreen}, {store.TLPClear, store.TLPGreen}} {
			if _, err := svc.Submit(ctx, trust.Operator(), batch(t, svc, labels...), nil); err != nil {
				t.Fatal(err)
			}
		}
		want := []string{"report_batch (3 reports, up to TLP:AMBER+STRICT)", "report_batch (2 reports, up to TLP:GREEN)"}
		if got := created(t, st); !slices.Equal(got, want) {
			t.Errorf("audited %q; want %q", got, want)
		}
	})
}
