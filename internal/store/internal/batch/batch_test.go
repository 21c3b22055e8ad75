package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"counterscam/internal/store"
)

func TestCheck(t *testing.T) {
	ok := &store.Report{ID: "a", Selectors: []store.ReportSelector{{SelectorID: "s"}}}
	tests := []struct {
		name    string
		reports []*store.Report
		wantErr bool
	}{
		{"fine", []*store.Report{ok, {ID: "b"}}, false},
		{"empty batch", nil, false},
		{"nil report", []*store.Report{nil}, true},
		{"no id", []*store.Report{{}}, true},
		{"twice", []*store.Report{ok, ok}, true},
		{"selector without id", []*store.Report{{ID: "c", Selectors: []store.ReportSelector{{Kind: "phone"}}}}, true},
	}
	for _, tt := range tests {
		if err := Check(tt.reports); (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, want error %v", tt.name, err, tt.wantErr)
		}
	}
}

func TestLinks(t *testing.T) {
	r := &store.Report{Selectors: []store.ReportSelector{
		{SelectorID: "s1", Role: "paid_to", Raw: "first"},
		{SelectorID: "s2", Role: "paid_to"},
		{SelectorID: "s1", Role: "paid_to", Raw: "second"},
		{SelectorID: "s1", Role: "contacted_by"},
	}}
	got := Links(r)
	want := []store.ReportSelector{r.Selectors[0], r.Selectors[1], r.Selectors[3]}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Links = %+v, want %+v", got, want)
	}
}

func TestAggregate(t *testing.T) {
	t1 := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	t2 := t1.Add(48 * time.Hour)
	t0 := t1.Add(-time.Hour)
	s := func(id string) store.ReportSelector {
		return store.ReportSelector{SelectorID: id, Kind: "phone", Value: "+855" + id, Role: "contacted_by"}
	}
	reports := []*store.Report{
		{ID: "r1", Origin: "KR", ReceivedAt: t1, Selectors: []store.ReportSelector{s("b"), s("a"), {SelectorID: "a", Kind: "phone", Value: "+855a", Role: "paid_to", Display: "late"}}},
		{ID: "r2", Origin: "KR", ReceivedAt: t2, Selectors: []store.ReportSelector{s("a")}},
		{ID: "r3", Origin: "KH", ReceivedAt: t0.In(time.FixedZone("ICT", 7*3600)), Selectors: []store.ReportSelector{s("a")}},
	}
	sels, pairs := Aggregate(reports)
	if len(sels) != 2 || sels[0].ID != "a" || sels[1].ID != "b" {
		t.Fatalf("selectors = %+v", sels)
	}
	a := sels[0]
	if a.Reports != 3 || !a.FirstSeen.Equal(t0) || !a.LastSeen.Equal(t2) || a.FirstSeen.Location() != time.UTC {
		t.Errorf("a = %+v", a)
	}
	if a.Display != "late" {
		t.Errorf("a.Display = %q, want the first non-empty display", a.Display)
	}
	if want := sha256.Sum256([]byte("phone:+855a")); !reflect.DeepEqual(a.Hash, want[:]) {
		t.Errorf("a.Hash = %x", a.Hash)
	}
	if sels[1].Reports != 1 {
		t.Errorf("b.Reports = %d", sels[1].Reports)
	}
	wantPairs := []SourceDelta{{"a", "KH", 1}, {"a", "KR", 2}, {"b", "KR", 1}}
	if !reflect.DeepEqual(pairs, wantPairs) {
		t.Errorf("pairs = %+v, want %+v", pairs, wantPairs)
	}
	AddSources(sels, []string{"a", "a", "b", "zzz"})
	if sels[0].Sources != 2 || sels[1].Sources != 1 {
		t.Errorf("sources = %d, %d", sels[0].Sources, sels[1].Sources)
	}
}

func TestHashRange(t *testing.T) {
	full := sha256.Sum256([]byte("phone:+85512345678"))
	hexFull := hex.EncodeToString(full[:])
	tests := []struct {
		prefix string
		in     bool
	}{
		{hexFull[:1], true},
		{hexFull[:5], true},
		{hexFull[:6], true},
		{hexFull, true},
		{strings.ToUpper(hexFull[:4]), true},
	}
	for _, tt := range tests {
		lo, hi, err := HashRange(tt.prefix)
		if err != nil {
			t.Fatal(err)
		}
		in := string(full[:]) >= string(lo) && string(full[:]) <= string(hi)
		if in != tt.in {
			t.Errorf("prefix %q: in range = %v", tt.prefix, in)
		}
	}
	lo, hi, _ := HashRange("AB1")
	if hex.EncodeToString(lo) != "ab10"+zeros(60) || hex.EncodeToString(hi) != "ab1f"+fs(60) {
		t.Errorf("HashRange(AB1) = %x, %x", lo, hi)
	}
	for _, bad := range []string{"xyz", "12 3", hexFull + "0"} {
		if _, _, err := HashRange(bad); !errors.Is(err, ErrBadPrefix) {
			t.Errorf("HashRange(%q) err = %v", bad, err)
		}
	}
}

func zeros(n int) string { return strings.Repeat("0", n) }

func fs(n int) string { return strings.Repeat("f", n) }

func TestChunks(t *testing.T) {
	tests := []struct {
		n, size int
		want    [][2]int
	}{
		{0, 10, nil},
		{5, 10, [][2]int{{0, 5}}},
		{10, 10, [][2]int{{0, 10}}},
		{11, 10, [][2]int{{0, 6}, {6, 11}}},
		{5000, 2520, [][2]int{{0, 2500}, {2500, 5000}}},
		{3, 0, [][2]int{{0, 1}, {1, 2}, {2, 3}}},
	}
	for _, tt := range tests {
		var got [][2]int
		_ = Chunks(tt.n, tt.size, func(lo, hi int) error { got = append(got, [2]int{lo, hi}); return nil })
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Chunks(%d, %d) = %v, want %v", tt.n, tt.size, got, tt.want)
		}
	}
}

func TestRecipients(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{nil, nil},
		{[]string{}, nil},
		{[]string{""}, []string{}},
		{[]string{"u2", "u1"}, []string{"u1", "u2"}},
		{[]string{"u2", "", "u1", "u2", "u1"}, []string{"u1", "u2"}},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.in)
		got := Recipients(&store.Report{Recipients: in})
		if len(got) != len(tt.want) || (len(got) > 0 && !reflect.DeepEqual(got, tt.want)) {
			t.Errorf("Recipients(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !reflect.DeepEqual(in, tt.in) {
			t.Errorf("Recipients(%q) changed its input to %q", tt.in, in)
		}
	}
}
