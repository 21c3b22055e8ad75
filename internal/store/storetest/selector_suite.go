package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"strings"
	"testing"

	"counterscam/internal/store"
)

func testSelectorCounts(t *testing.T, s store.Store) {
	phone := sel("phone", "+85544444444", "contacted_by")
	phone.Display, phone.Region, phone.Subtype = "", "", ""
	bank := sel("bank_account", "KH:ABA:000123456", "paid_to")
	// Batch 1: two reports from kr-knpa; the phone's display is not known yet.
	insert(t, s,
		report(1, "kr-knpa", "", day(3, 0), phone, bank),
		report(2, "kr-knpa", "", day(5, 0), phone),
	)
	x := getSelector(t, s, phone.SelectorID)
	if x.Reports != 2 || x.Sources != 1 {
		t.Errorf("after batch 1: reports %d sources %d, want 2 and 1", x.Reports, x.Sources)
	}
	// Batch 2: another origin, earlier and later reports, a report naming
	// the phone in two roles, and now the phone's display.
	known := sel("phone", "+85544444444", "mentioned")
	known.Display, known.Region, known.Subtype = "+855 44 444 444", "KH", "mobile"
	insert(t, s,
		report(3, "kh-police", "", day(1, 0), phone, known),
		report(4, "kh-police", "", day(9, 0), known),
		report(5, "kr-knpa", "", day(4, 0), known),
	)
	x = getSelector(t, s, phone.SelectorID)
	sum := sha256.Sum256([]byte("phone:+85544444444"))
	want := store.Selector{
		ID: phone.SelectorID, Kind: "phone", Value: "+85544444444", Display: "+855 44 444 444", Region: "KH",
		Subtype: "mobile", Hash: hex.EncodeToString(sum[:]), FirstSeen: day(1, 0), LastSeen: day(9, 0),
		Reports: 5, Sources: 2,
	}
	wantEqual(t, "phone", *x, want)
	wantTime(t, "phone first seen", x.FirstSeen, day(1, 0))
	b := getSelector(t, s, bank.SelectorID)
	if b.Reports != 1 || b.Sources != 1 || b.Kind != "bank_account" || b.Value != "KH:ABA:000123456" {
		t.Errorf("bank = %+v", b)
	}
	wantTime(t, "bank first seen", b.FirstSeen, day(3, 0))
	wantTime(t, "bank last seen", b.LastSeen, day(3, 0))
	// A third origin in a later batch counts once, however many reports.
	insert(t, s, report(6, "partner-th", "", day(2, 0), phone), report(7, "partner-th", "", day(2, 1), phone))
	x = getSelector(t, s, phone.SelectorID)
	if x.Reports != 7 || x.Sources != 3 {
		t.Errorf("after batch 3: reports %d sources %d, want 7 and 3", x.Reports, x.Sources)
	}
	wantTime(t, "phone first seen after batch 3", x.FirstSeen, day(1, 0))
	// Known origins only: the sources stay; two new origins at once: two
	// more. A display once known stays.
	other := sel("phone", "+85544444444", "contacted_by")
	other.Display = "044 444 444"
	insert(t, s, report(8, "kh-police", "", day(6, 0), other), report(9, "kr-knpa", "", day(6, 1), phone))
	if x = getSelector(t, s, phone.SelectorID); x.Reports != 9 || x.Sources != 3 {
		t.Errorf("after batch 4: reports %d sources %d, want 9 and 3", x.Reports, x.Sources)
	}
	insert(t, s, report(10, "vn-police", "", day(6, 0), phone), report(11, "ph-police", "", day(6, 1), phone),
		report(12, "kr-knpa", "", day(6, 2), phone))
	if x = getSelector(t, s, phone.SelectorID); x.Reports != 12 || x.Sources != 5 {
		t.Errorf("after batch 5: reports %d sources %d, want 12 and 5", x.Reports, x.Sources)
	}
	if x.Display != "+855 44 444 444" || x.Region != "KH" || x.Subtype != "mobile" {
		t.Errorf("display, region, subtype = %q, %q, %q; want those first known", x.Display, x.Region, x.Subtype)
	}
}

func testSelectorFlags(t *testing.T, s store.Store) {
	phone := sel("phone", "+85555555555", "contacted_by")
	insert(t, s, report(1, "kr-knpa", "", base, phone))
	yes, no := true, false
	steps := []struct {
		f                            store.SelectorFlags
		noLink, confirmed, withdrawn bool
	}{
		{store.SelectorFlags{NoLink: &yes}, true, false, false},
		{store.SelectorFlags{Confirmed: &yes}, true, true, false},
		{store.SelectorFlags{Withdrawn: &yes, Confirmed: &no}, true, false, true},
		{store.SelectorFlags{}, true, false, true},
		{store.SelectorFlags{NoLink: &no, Confirmed: &yes, Withdrawn: &no}, false, true, false},
	}
	for i, st := range steps {
		update(t, s, func(ctx context.Context, w store.Writer) error {
			return w.SetSelectorFlags(ctx, phone.SelectorID, st.f)
		})
		x := getSelector(t, s, phone.SelectorID)
		if x.NoLink != st.noLink || x.Confirmed != st.confirmed || x.Withdrawn != st.withdrawn {
			t.Errorf("step %d: flags no_link=%v confirmed=%v withdrawn=%v, want %v %v %v", i,
				x.NoLink, x.Confirmed, x.Withdrawn, st.noLink, st.confirmed, st.withdrawn)
		}
		if x.Reports != 1 {
			t.Errorf("step %d: reports = %d, flags changed counts", i, x.Reports)
		}
	}
	err := s.Update(t.Context(), func(w store.Writer) error {
		return w.SetSelectorFlags(t.Context(), selID("phone", "+19999999999"), store.SelectorFlags{NoLink: &yes})
	})
	wantNotFound(t, "SetSelectorFlags of a missing selector", err)
}

func testHashPrefix(t *testing.T, s store.Store) {
	var reports []*store.Report
	var hashes []string
	byHash := map[string]string{}
	for i := 0; i < 300; i++ {
		v := "+8551" + strings.Repeat("0", 3) + string(rune('0'+i%10)) + string(rune('0'+i/10%10)) + string(rune('0'+i/100))
		l := sel("phone", v, "contacted_by")
		reports = append(reports, report(i+1, "o", "", base, l))
		h := sha256.Sum256([]byte("phone:" + v))
		hashes = append(hashes, hex.EncodeToString(h[:]))
		byHash[hex.EncodeToString(h[:])] = l.SelectorID
	}
	insert(t, s, reports...)
	sort.Strings(hashes)
	for _, n := range []int{1, 2, 3, 5, 64} {
		for _, h := range []string{hashes[0], hashes[150], hashes[299]} {
			prefix := h[:n]
			got, err := s.SelectorsByHashPrefix(t.Context(), prefix)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, x := range hashes {
				if strings.HasPrefix(x, prefix) {
					want = append(want, x)
				}
			}
			var gotHashes []string
			for _, x := range got {
				gotHashes = append(gotHashes, x.Hash)
				if byHash[x.Hash] != x.ID {
					t.Errorf("selector %s has hash %s", x.ID, x.Hash)
				}
			}
			sort.Strings(gotHashes)
			wantEqual(t, "prefix "+prefix, gotHashes, want)
		}
	}
	got, err := s.SelectorsByHashPrefix(t.Context(), strings.ToUpper(hashes[7][:6]))
	if err != nil || len(got) == 0 || got[0].Hash != hashes[7] {
		t.Errorf("upper-case prefix: %v, %v", got, err)
	}
	for _, bad := range []string{"zz", "12 4", hashes[0] + "0"} {
		got, err := s.SelectorsByHashPrefix(t.Context(), bad)
		if err != nil || len(got) != 0 {
			t.Errorf("prefix %q: %d selectors, err %v; want none", bad, len(got), err)
		}
	}
}

func testEdges(t *testing.T, s store.Store) {
	fx := networkFixture(t, s)
	yes := true
	update(t, s, func(ctx context.Context, w store.Writer) error {
		return w.SetSelectorFlags(ctx, fx.site, store.SelectorFlags{NoLink: &yes})
	})
	var got []store.Edge
	if err := s.Edges(t.Context(), func(e store.Edge) error { got = append(got, e); return nil }); err != nil {
		t.Fatal(err)
	}
	want := fx.edges(fx.site)
	sortEdges(got)
	wantEqual(t, "edges", got, want)
	stop := errors.New("stop")
	n := 0
	err := s.Edges(t.Context(), func(store.Edge) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Edges with a failing fn: err %v after %d calls, want stop after 1", err, n)
	}
}

func sortEdges(es []store.Edge) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].ReportID != es[j].ReportID {
			return es[i].ReportID < es[j].ReportID
		}
		return es[i].SelectorID < es[j].SelectorID
	})
}

func testCounts(t *testing.T, s store.Store) {
	wantEqual(t, "empty store", counts(t, s), store.Counts{})
	networkFixture(t, s)
	wantEqual(t, "fixture", counts(t, s), store.Counts{Reports: 8, Selectors: 8, Networks: 4})
}

func testUpdateRollback(t *testing.T, s store.Store) {
	insert(t, s, report(1, "kr-knpa", "R-1", base, sel("phone", "+85566666666", "contacted_by")))
	boom := errors.New("boom")
	yes := true
	err := s.Update(t.Context(), func(w store.Writer) error {
		ctx := t.Context()
		if _, err := w.InsertReports(ctx, []*store.Report{
			report(2, "kr-knpa", "R-2", base, sel("phone", "+85566666666", "contacted_by"), sel("email", "x@example.org", "contacted_by")),
		}); err != nil {
			return err
		}
		if err := w.PutContact(ctx, &store.Contact{ReportID: rid(1), Name: "Synthetic"}); err != nil {
			return err
		}
		if err := w.SetSelectorFlags(ctx, selID("phone", "+85566666666"), store.SelectorFlags{Confirmed: &yes}); err != nil {
			return err
		}
		if err := w.SetNetworks(ctx, []string{rid(1), rid(2)}, []string{rid(1), rid(1)}); err != nil {
			return err
		}
		if err := w.RefreshNetworks(ctx, []string{rid(1)}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update err = %v, want fn's error", err)
	}
	wantEqual(t, "counts after rollback", counts(t, s), store.Counts{Reports: 1, Selectors: 1})
	_, err = s.GetReport(t.Context(), rid(2))
	wantNotFound(t, "report inserted in a rolled back Update", err)
	_, err = s.GetContact(t.Context(), rid(1))
	wantNotFound(t, "contact put in a rolled back Update", err)
	x := getSelector(t, s, selID("phone", "+85566666666"))
	if x.Reports != 1 || x.Confirmed {
		t.Errorf("selector after rollback = %+v", x)
	}
	if r := getReport(t, s, rid(1)); r.NetworkID != "" {
		t.Errorf("network after rollback = %q", r.NetworkID)
	}
	// The store still works after a rollback.
	wantEqual(t, "insert after rollback", insert(t, s, report(3, "kr-knpa", "R-3", base)), []bool{true})
}

func testReadsInsideUpdate(t *testing.T, s store.Store) {
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if _, err := w.InsertReports(ctx, []*store.Report{report(1, "o", "", base, sel("phone", "+85577777777", "contacted_by"))}); err != nil {
			return err
		}
		r, err := w.GetReport(ctx, rid(1))
		if err != nil {
			return err
		}
		if len(r.Selectors) != 1 {
			t.Errorf("report read inside Update has %d selectors", len(r.Selectors))
		}
		c, err := w.Counts(ctx, everything)
		if err != nil {
			return err
		}
		if c.Reports != 1 {
			t.Errorf("counts inside Update = %+v", c)
		}
		return nil
	})
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := t.Context()
	missing := rid(404)
	_, err := s.GetReport(ctx, missing)
	wantNotFound(t, "GetReport", err)
	_, err = s.GetContact(ctx, missing)
	wantNotFound(t, "GetContact", err)
	_, err = s.GetSelector(ctx, selID("phone", "+1"))
	wantNotFound(t, "GetSelector", err)
	_, err = s.GetNetwork(ctx, missing)
	wantNotFound(t, "GetNetwork", err)
	_, err = s.SummariseNetwork(ctx, missing, everything)
	wantNotFound(t, "SummariseNetwork", err)
	_, err = s.NetworkSelectors(ctx, missing, 10, everything)
	wantNotFound(t, "NetworkSelectors", err)
	_, err = s.ListNetworks(ctx, store.NetworkFilter{Scope: everything, After: missing})
	wantNotFound(t, "ListNetworks after a missing network", err)
	err = s.Update(ctx, func(w store.Writer) error { return w.SetNetworks(ctx, []string{missing}, []string{missing}) })
	wantNotFound(t, "SetNetworks of a missing report", err)
}
