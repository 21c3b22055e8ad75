package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"counterscam/internal/store"
)

// testSeal hashes an entry's fields and its predecessor's hash, as the
// service's seal does (its exact encoding is the service's business).
func testSeal(e *store.AuditEntry) {
	h := sha256.New()
	for _, f := range []string{strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Org, e.Addr,
		e.Action, e.RecordType, e.RecordID, e.Purpose, e.Decision, e.Prev} {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	e.Hash = hex.EncodeToString(h.Sum(nil))
}

func appendAudit(t *testing.T, s store.Store, entries ...*store.AuditEntry) {
	t.Helper()
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, e := range entries {
			if err := w.AppendAudit(ctx, e, testSeal); err != nil {
				return err
			}
		}
		return nil
	})
}

func auditEntries(t *testing.T, s store.Reader, f store.AuditFilter) []*store.AuditEntry {
	t.Helper()
	var out []*store.AuditEntry
	if err := s.AuditEntries(t.Context(), f, func(e *store.AuditEntry) error { out = append(out, e); return nil }); err != nil {
		t.Fatalf("AuditEntries(%+v): %v", f, err)
	}
	return out
}

func seqs(es []*store.AuditEntry) []int64 {
	var out []int64
	for _, e := range es {
		out = append(out, e.Seq)
	}
	return out
}

// checkChain says whether es is the whole chain: 1, 2, 3... each pointing
// at its predecessor's hash and sealed over what was read back.
func checkChain(t *testing.T, es []*store.AuditEntry) {
	t.Helper()
	prev := ""
	for i, e := range es {
		if e.Seq != int64(i+1) {
			t.Fatalf("entry %d has seq %d", i, e.Seq)
		}
		if e.Prev != prev {
			t.Fatalf("entry %d: prev %q, want %q", e.Seq, e.Prev, prev)
		}
		again := *e
		testSeal(&again)
		if again.Hash != e.Hash {
			t.Fatalf("entry %d: hash does not verify against what was read back", e.Seq)
		}
		prev = e.Hash
	}
}

func testAudit(t *testing.T, s store.Store) {
	ctx := t.Context()
	if es := auditEntries(t, s, store.AuditFilter{}); es != nil {
		t.Fatalf("a new store has audit entries: %+v", es)
	}
	kst := time.FixedZone("KST", 9*3600)
	first := &store.AuditEntry{At: time.Date(2025, 1, 10, 18, 0, 0, 123456789, kst), Actor: "u1", Org: "kr-knpa", Addr: "192.0.2.1",
		Action: "login", Decision: "allow"}
	var sealed store.AuditEntry
	update(t, s, func(ctx context.Context, w store.Writer) error {
		return w.AppendAudit(ctx, first, func(e *store.AuditEntry) { sealed = *e; testSeal(e) })
	})
	if sealed.Seq != 1 || sealed.Prev != "" || sealed.Hash != "" {
		t.Errorf("seal was given %+v, want seq 1, no prev, no hash yet", sealed)
	}
	// At is in UTC and cut to the microsecond before seal sees it.
	wantTime(t, "first entry's time", sealed.At, time.Date(2025, 1, 10, 9, 0, 0, 123456000, time.UTC))
	if sealed.At.Nanosecond()%1000 != 0 {
		t.Errorf("seal saw %v, finer than a microsecond", sealed.At)
	}
	if first.Seq != 1 || first.Hash == "" {
		t.Errorf("the entry after AppendAudit = %+v", first)
	}

	// Several in one transaction, and one per transaction.
	appendAudit(t, s,
		&store.AuditEntry{At: day(1, 0), Actor: "u1", Org: "kr-knpa", Action: "read", RecordType: "report", RecordID: rid(1), Purpose: "investigation", Decision: "allow"},
		&store.AuditEntry{At: day(1, 1), Actor: "u2", Org: "kh-police", Action: "read", RecordType: "report", RecordID: rid(1), Decision: "deny"},
		&store.AuditEntry{At: day(2, 0), Actor: "u2", Org: "kh-police", Action: "export", RecordType: "network", RecordID: rid(7), Decision: "allow"},
	)
	appendAudit(t, s, &store.AuditEntry{At: day(3, 0), Action: "check", RecordType: "selector", RecordID: "sel-1", Decision: "allow"})
	before := time.Now().Add(-time.Second)
	noTime := &store.AuditEntry{Actor: "u1", Org: "kr-knpa", Action: "logout", Decision: "allow"}
	appendAudit(t, s, noTime)
	if noTime.At.Before(before) || noTime.At.After(time.Now().Add(time.Second)) || noTime.At.Location() != time.UTC {
		t.Errorf("an entry given no time got %v, want the time of the append", noTime.At)
	}

	all := auditEntries(t, s, store.AuditFilter{})
	wantEqual(t, "seqs", seqs(all), []int64{1, 2, 3, 4, 5, 6})
	checkChain(t, all)
	wantEqual(t, "first entry read back", *all[0], *first)

	// A rolled back append leaves no gap.
	boom := errors.New("boom")
	err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.AppendAudit(ctx, &store.AuditEntry{Action: "rolled back"}, testSeal); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want boom", err)
	}
	appendAudit(t, s, &store.AuditEntry{At: day(4, 0), Action: "read", Actor: "u1", Org: "kr-knpa", RecordID: rid(2), Decision: "allow"})
	all = auditEntries(t, s, store.AuditFilter{})
	wantEqual(t, "seqs after a rollback", seqs(all), []int64{1, 2, 3, 4, 5, 6, 7})
	checkChain(t, all)

	tests := []struct {
		name string
		f    store.AuditFilter
		want []int64
	}{
		{"actor", store.AuditFilter{Actor: "u2"}, []int64{3, 4}},
		{"an action of the public", store.AuditFilter{Action: "check"}, []int64{5}},
		{"org", store.AuditFilter{Org: "kr-knpa"}, []int64{1, 2, 6, 7}},
		{"action", store.AuditFilter{Action: "read"}, []int64{2, 3, 7}},
		{"record", store.AuditFilter{RecordID: rid(1)}, []int64{2, 3}},
		{"actor and action", store.AuditFilter{Actor: "u1", Action: "read"}, []int64{2, 7}},
		{"since (inclusive)", store.AuditFilter{Since: day(2, 0)}, []int64{4, 5, 6, 7}},
		{"until (exclusive)", store.AuditFilter{Until: day(2, 0)}, []int64{1, 2, 3}},
		{"period", store.AuditFilter{Since: day(1, 1), Until: day(3, 0).Add(time.Microsecond)}, []int64{3, 4, 5}},
		{"after", store.AuditFilter{AfterSeq: 5}, []int64{6, 7}},
		{"limit", store.AuditFilter{Limit: 2}, []int64{1, 2}},
		{"after and limit", store.AuditFilter{Action: "read", AfterSeq: 2, Limit: 1}, []int64{3}},
		{"nothing", store.AuditFilter{Actor: "nobody"}, nil},
	}
	for _, tt := range tests {
		wantEqual(t, tt.name, seqs(auditEntries(t, s, tt.f)), tt.want)
	}
	// Paging by AfterSeq walks the whole chain.
	var paged []int64
	for after := int64(0); ; {
		page := auditEntries(t, s, store.AuditFilter{AfterSeq: after, Limit: 3})
		if len(page) == 0 {
			break
		}
		paged = append(paged, seqs(page)...)
		after = page[len(page)-1].Seq
	}
	wantEqual(t, "paged", paged, []int64{1, 2, 3, 4, 5, 6, 7})

	// An error from fn stops the stream and comes back as it is.
	stop := errors.New("stop")
	n := 0
	err = s.AuditEntries(ctx, store.AuditFilter{}, func(*store.AuditEntry) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("AuditEntries with a failing fn: %v after %d entries", err, n)
	}
	// A seal that leaves no hash, or moves the entry, appends nothing.
	for name, seal := range map[string]func(*store.AuditEntry){
		"no hash":    func(*store.AuditEntry) {},
		"moved":      func(e *store.AuditEntry) { testSeal(e); e.Seq++ },
		"other prev": func(e *store.AuditEntry) { e.Prev = "x"; testSeal(e) },
		"nil":        nil,
	} {
		err := tryUpdate(t, s, func(ctx context.Context, w store.Writer) error {
			return w.AppendAudit(ctx, &store.AuditEntry{Action: "bad seal"}, seal)
		})
		if err == nil {
			t.Errorf("AppendAudit with a seal that %s: no error", name)
		}
	}
	if got := auditEntries(t, s, store.AuditFilter{}); len(got) != 7 {
		t.Errorf("%d entries after bad seals, want 7", len(got))
	}
}

// testAuditConcurrent appends from several goroutines at once: the chain
// stays whole, numbered without gaps or repeats.
func testAuditConcurrent(t *testing.T, s store.Store) {
	const workers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				err := s.Update(t.Context(), func(w store.Writer) error {
					return w.AppendAudit(t.Context(), &store.AuditEntry{Actor: fmt.Sprintf("worker-%d", g), Action: "read",
						RecordID: strconv.Itoa(i)}, testSeal)
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent AppendAudit: %v", err)
	}
	all := auditEntries(t, s, store.AuditFilter{})
	if len(all) != workers*each {
		t.Fatalf("%d entries, want %d", len(all), workers*each)
	}
	checkChain(t, all)
	for g := 0; g < workers; g++ {
		if n := len(auditEntries(t, s, store.AuditFilter{Actor: fmt.Sprintf("worker-%d", g)})); n != each {
			t.Errorf("worker %d: %d entries, want %d", g, n, each)
		}
	}
}
