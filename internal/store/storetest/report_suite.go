package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

// normalise makes a report comparable with what a store returns: times in
// UTC, empty lists as nil.
func normalise(r store.Report) store.Report {
	r.ReceivedAt = r.ReceivedAt.UTC()
	if !r.OccurredAt.IsZero() {
		r.OccurredAt = r.OccurredAt.UTC()
	}
	r.CreatedAt = r.CreatedAt.UTC()
	if len(r.Losses) == 0 {
		r.Losses = nil
	}
	if len(r.Selectors) == 0 {
		r.Selectors = nil
	}
	if len(r.Recipients) == 0 {
		r.Recipients = nil
	}
	return r
}

func testReportRoundTrip(t *testing.T, s store.Store) {
	kst := time.FixedZone("KST", 9*3600)
	full := &store.Report{
		ID:            rid(1),
		Origin:        "kr-knpa",
		ExternalRef:   "ECRM-2025-000123",
		Channel:       "web",
		ReceivedAt:    time.Date(2025, 3, 14, 22, 5, 7, 123456000, kst),
		OccurredAt:    time.Date(2025, 2, 28, 1, 2, 3, 999999000, time.UTC),
		ScamType:      "crypto_investment",
		Narrative:     "투자 앱에서 출금이 막혔습니다. ការវិនិយោគ. 'quoted' \"text\" \\ %_",
		VictimRef:     "v-7f3a",
		VictimCountry: "KR",
		TLP:           store.TLPAmberStrict,
		Losses:        []store.Loss{{AmountMinor: 1500000, Currency: "KRW"}, {AmountMinor: 120050, Currency: "USDT"}, {AmountMinor: 1, Currency: "KRW"}},
		Selectors: []store.ReportSelector{
			{SelectorID: selID("phone", "+85512345678"), Kind: "phone", Value: "+85512345678", Display: "+855 12 345 678",
				Region: "KH", Subtype: "mobile", Role: "contacted_by", Source: "field", Raw: "012 345 678"},
			{SelectorID: selID("crypto", "TXyz"), Kind: "crypto", Value: "TXyz", Display: "TXyz", Subtype: "tron",
				Role: "paid_to", Source: "narrative", Raw: "TXyz"},
			{SelectorID: selID("phone", "+85512345678"), Kind: "phone", Value: "+85512345678", Display: "+855 12 345 678",
				Region: "KH", Subtype: "mobile", Role: "mentioned", Source: "narrative", Raw: "+855 12 345 678"},
		},
		NetworkID:  rid(1),
		CreatedAt:  time.Date(2025, 3, 14, 13, 5, 8, 1000, time.UTC),
		CreatedBy:  "01JH00000000000000000USER01",
		PAP:        "AMBER",
		LegalBasis: "KR Act on Special Cases Concerning Telecommunications Financial Fraud, art. 2-4",
		Purpose:    "investigation",
		Recipients: []string{"01JH00000000000000000USER02", "01JH00000000000000000USER03"},
	}
	// The same link twice is stored once; the same selector in another
	// role is another link.
	withRepeat := *full
	withRepeat.Selectors = append(append([]store.ReportSelector{}, full.Selectors...), full.Selectors[0])
	// Recipients come back sorted, once each.
	withRepeat.Recipients = []string{full.Recipients[1], full.Recipients[0], "", full.Recipients[1]}
	bare := &store.Report{ID: rid(2), Origin: "kh-police", ReceivedAt: time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC),
		CreatedAt: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}

	before := time.Now().Add(-time.Second)
	noCreated := &store.Report{ID: rid(3), Origin: "kh-police", ReceivedAt: base}
	if got := insert(t, s, &withRepeat, bare, noCreated); !got[0] || !got[1] || !got[2] {
		t.Fatalf("inserted = %v, want all true", got)
	}
	after := time.Now().Add(time.Second)

	wantEqual(t, "full report", *getReport(t, s, rid(1)), normalise(*full))
	r1 := getReport(t, s, rid(1))
	for _, tm := range []struct {
		name string
		v    time.Time
	}{{"ReceivedAt", r1.ReceivedAt}, {"OccurredAt", r1.OccurredAt}, {"CreatedAt", r1.CreatedAt}} {
		if tm.v.Location() != time.UTC {
			t.Errorf("%s is in %v, want UTC", tm.name, tm.v.Location())
		}
	}
	wantEqual(t, "bare report", *getReport(t, s, rid(2)), normalise(*bare))
	r3 := getReport(t, s, rid(3))
	if r3.CreatedAt.Before(before) || r3.CreatedAt.After(after) {
		t.Errorf("CreatedAt of a report given none = %v, want the time of the insert", r3.CreatedAt)
	}
	x := getSelector(t, s, selID("phone", "+85512345678"))
	if x.Reports != 1 {
		t.Errorf("a report naming a selector in two roles counts %d times, want once", x.Reports)
	}
}

func testTimeRoundTrip(t *testing.T, s store.Store) {
	ict := time.FixedZone("ICT", 7*3600)
	times := []time.Time{
		time.Date(2025, 6, 1, 12, 0, 0, 1000, time.UTC),         // one microsecond
		time.Date(2025, 6, 1, 12, 0, 0, 999999000, ict),         // just under a second, in Phnom Penh
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),             // the Unix epoch
		time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC),             // past int64 nanoseconds' end
		time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.UTC), // nanoseconds: kept to the microsecond at least
	}
	var reports []*store.Report
	for i, tm := range times {
		reports = append(reports, &store.Report{ID: rid(i + 1), Origin: "o", ReceivedAt: tm, OccurredAt: tm, CreatedAt: tm})
	}
	insert(t, s, reports...)
	for i, tm := range times {
		r := getReport(t, s, rid(i+1))
		want := tm.UTC()
		for name, got := range map[string]time.Time{"ReceivedAt": r.ReceivedAt, "OccurredAt": r.OccurredAt, "CreatedAt": r.CreatedAt} {
			if got.Location() != time.UTC {
				t.Errorf("time %d %s: location %v, want UTC", i, name, got.Location())
			}
			if !got.Truncate(time.Microsecond).Equal(want.Truncate(time.Microsecond)) {
				t.Errorf("time %d %s = %v, want %v", i, name, got, want)
			}
			if got.After(want) {
				t.Errorf("time %d %s = %v is after %v: rounded up", i, name, got, want)
			}
		}
	}
}

func testDedupe(t *testing.T, s store.Store) {
	phone := sel("phone", "+85511111111", "contacted_by")
	wallet := sel("crypto", "0xabc", "paid_to")
	first := report(1, "kr-knpa", "A-1", day(0, 0), phone)
	first.Losses = []store.Loss{{AmountMinor: 100, Currency: "USD"}}
	if got := insert(t, s, first); !got[0] {
		t.Fatal("first insert not inserted")
	}
	// Same (origin, ref) under a new ID: skipped, with its losses, links and
	// selector counts.
	again := report(2, "kr-knpa", "A-1", day(5, 0), phone, wallet)
	again.Losses = []store.Loss{{AmountMinor: 999, Currency: "USD"}}
	other := report(3, "kr-knpa", "A-2", day(1, 0), phone)
	otherOrigin := report(4, "kh-police", "A-1", day(2, 0), phone)
	wantEqual(t, "inserted", insert(t, s, again, other, otherOrigin), []bool{false, true, true})
	// Repeats inside one batch: the first is kept.
	d1 := report(5, "partner", "X", day(3, 0), wallet)
	d2 := report(6, "partner", "X", day(4, 0), wallet)
	wantEqual(t, "inserted within a batch", insert(t, s, d1, d2), []bool{true, false})
	// And the whole batch again: nothing new.
	wantEqual(t, "inserted again", insert(t, s, first, other, otherOrigin, d1), []bool{false, false, false, false})

	_, err := s.GetReport(t.Context(), rid(2))
	wantNotFound(t, "GetReport of a skipped duplicate", err)
	_, err = s.GetReport(t.Context(), rid(6))
	wantNotFound(t, "GetReport of a duplicate within a batch", err)
	wantEqual(t, "first report's losses", getReport(t, s, rid(1)).Losses, first.Losses)
	if c := counts(t, s); c.Reports != 4 || c.Selectors != 2 {
		t.Errorf("counts = %+v, want 4 reports, 2 selectors", c)
	}
	p := getSelector(t, s, phone.SelectorID)
	if p.Reports != 3 || p.Sources != 2 {
		t.Errorf("phone: reports %d sources %d, want 3 and 2", p.Reports, p.Sources)
	}
	wantTime(t, "phone last seen", p.LastSeen, day(2, 0))
	w := getSelector(t, s, wallet.SelectorID)
	if w.Reports != 1 || w.Sources != 1 {
		t.Errorf("wallet: reports %d sources %d, want 1 and 1", w.Reports, w.Sources)
	}
	wantTime(t, "wallet first seen", w.FirstSeen, day(3, 0))
}

func testEmptyExternalRef(t *testing.T, s store.Store) {
	phone := sel("phone", "+85522222222", "contacted_by")
	a := report(1, "kr-knpa", "", day(0, 0), phone)
	b := report(2, "kr-knpa", "", day(0, 1), phone)
	c := report(3, "kr-knpa", "", day(0, 2), phone)
	wantEqual(t, "inserted", insert(t, s, a, b), []bool{true, true})
	wantEqual(t, "inserted", insert(t, s, c), []bool{true})
	if got := getSelector(t, s, phone.SelectorID).Reports; got != 3 {
		t.Errorf("phone reports = %d, want 3", got)
	}
	if c := counts(t, s); c.Reports != 3 {
		t.Errorf("reports = %d, want 3", c.Reports)
	}
}

// testLargeBatch writes batches bigger than any one statement of either
// driver holds, so that every chunk boundary is crossed.
func testLargeBatch(t *testing.T, s store.Store) {
	const n = 6000
	reports := SyntheticReports(1, 0, n)
	inserted := insert(t, s, reports...)
	for i, ok := range inserted {
		if !ok {
			t.Fatalf("report %d not inserted", i)
		}
	}
	// Count in Go what the store must have counted.
	want := map[string]int{}
	for _, r := range reports {
		seen := map[string]bool{}
		for _, l := range r.Selectors {
			if !seen[l.SelectorID] {
				seen[l.SelectorID] = true
				want[l.SelectorID]++
			}
		}
	}
	c := counts(t, s)
	if c.Reports != n || c.Selectors != len(want) {
		t.Fatalf("counts = %+v, want %d reports and %d selectors", c, n, len(want))
	}
	for _, i := range []int{0, 1, n / 2, n - 1} {
		r := reports[i]
		wantEqual(t, fmt.Sprintf("report %d", i), *getReport(t, s, r.ID), normalise(*r))
		for _, l := range r.Selectors {
			if got := getSelector(t, s, l.SelectorID).Reports; got != want[l.SelectorID] {
				t.Errorf("selector %s reports = %d, want %d", l.Value, got, want[l.SelectorID])
			}
		}
	}
	// The same batch again: all skipped, counts unchanged.
	for i, ok := range insert(t, s, reports...) {
		if ok {
			t.Fatalf("report %d inserted twice", i)
		}
	}
	if c2 := counts(t, s); c2 != c {
		t.Errorf("counts after repeat = %+v, want %+v", c2, c)
	}
	var edges int
	if err := s.Edges(t.Context(), func(store.Edge) error { edges++; return nil }); err != nil {
		t.Fatal(err)
	}
	if edges != 3*n {
		t.Errorf("edges = %d, want %d", edges, 3*n)
	}
}

func testListReports(t *testing.T, s store.Store) {
	fx := networkFixture(t, s)
	ids := func(rs []*store.Report) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    store.ReportFilter
		want []string
	}{
		{"all", store.ReportFilter{Scope: everything}, []string{rid(1), rid(2), rid(3), rid(4), rid(5), rid(6), rid(7), rid(8)}},
		{"limit", store.ReportFilter{Scope: everything, Limit: 3}, []string{rid(1), rid(2), rid(3)}},
		{"after", store.ReportFilter{Scope: everything, After: rid(3), Limit: 2}, []string{rid(4), rid(5)}},
		{"after the last", store.ReportFilter{Scope: everything, After: rid(8)}, nil},
		{"network", store.ReportFilter{Scope: everything, NetworkID: fx.n1}, []string{rid(1), rid(2), rid(3)}},
		{"network after", store.ReportFilter{Scope: everything, NetworkID: fx.n1, After: rid(1)}, []string{rid(2), rid(3)}},
		{"selector", store.ReportFilter{Scope: everything, SelectorID: fx.wallet}, []string{rid(1), rid(2), rid(3)}},
		{"selector named twice by a report", store.ReportFilter{Scope: everything, SelectorID: fx.handle}, []string{rid(4), rid(5)}},
		{"network and selector", store.ReportFilter{Scope: everything, NetworkID: fx.n1, SelectorID: fx.phoneA}, []string{rid(1), rid(2)}},
		{"network and another's selector", store.ReportFilter{Scope: everything, NetworkID: fx.n2, SelectorID: fx.phoneA}, nil},
		{"unknown selector", store.ReportFilter{Scope: everything, SelectorID: selID("phone", "+10000000000")}, nil},
		{"text in a handle", store.ReportFilter{Scope: everything, Text: "recruiter_kh"}, []string{rid(4), rid(5)}},
		{"text in any case", store.ReportFilter{Scope: everything, Text: "RECRUITER"}, []string{rid(4), rid(5)}},
		{"text in an e-mail and a site", store.ReportFilter{Scope: everything, Text: "example"}, []string{rid(2), rid(3)}},
		{"text with a literal underscore", store.ReportFilter{Scope: everything, Text: "r_k"}, []string{rid(4), rid(5)}},
		{"text with a literal percent", store.ReportFilter{Scope: everything, Text: "%"}, nil},
		{"text and network", store.ReportFilter{Scope: everything, Text: "ABA", NetworkID: fx.n4}, []string{rid(7), rid(8)}},
		{"text found nowhere", store.ReportFilter{Scope: everything, Text: "nothing like it"}, nil},
	}
	for _, sc := range fullScopes {
		for _, tt := range tests {
			tt.f.Scope = sc
			got, err := s.ListReports(t.Context(), tt.f)
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			wantEqual(t, fmt.Sprintf("%s in %+v", tt.name, sc), ids(got), tt.want)
		}
	}
	got, err := s.ListReports(t.Context(), store.ReportFilter{Scope: everything, NetworkID: fx.n1, Limit: 1})
	if err != nil || len(got) != 1 {
		t.Fatalf("ListReports = %v, %v", got, err)
	}
	wantEqual(t, "listed report", *got[0], *getReport(t, s, rid(1)))
}

func testContacts(t *testing.T, s store.Store) {
	insert(t, s, report(1, "kr-knpa", "C-1", base, sel("phone", "+85533333333", "contacted_by")))
	c := &store.Contact{ReportID: rid(1), Name: "Synthetic Person", Email: "person@example.org", Phone: "+821012345678", Consent: true}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.PutContact(ctx, c) })
	got, err := s.GetContact(t.Context(), rid(1))
	if err != nil {
		t.Fatal(err)
	}
	wantEqual(t, "contact", *got, *c)
	r := getReport(t, s, rid(1))
	if dump := fmt.Sprintf("%+v", *r); strings.Contains(dump, c.Name) || strings.Contains(dump, c.Email) || strings.Contains(dump, c.Phone) {
		t.Errorf("GetReport carries contact details: %s", dump)
	}
	// Replaced, not added.
	c2 := &store.Contact{ReportID: rid(1), Email: "other@example.org"}
	update(t, s, func(ctx context.Context, w store.Writer) error { return w.PutContact(ctx, c2) })
	got, _ = s.GetContact(t.Context(), rid(1))
	wantEqual(t, "replaced contact", *got, *c2)

	err = s.Update(t.Context(), func(w store.Writer) error {
		return w.PutContact(t.Context(), &store.Contact{ReportID: rid(99), Name: "x"})
	})
	wantNotFound(t, "PutContact for a missing report", err)
	_, err = s.GetContact(t.Context(), rid(99))
	wantNotFound(t, "GetContact for a missing report", err)
}
