package intel_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func TestCheckText(t *testing.T) {
	svc, _ := newService(t, intel.Config{})
	ctx := context.Background()
	submit(t, svc, report("KNPA", "a", "+855 12 345 678"))
	submit(t, svc, report("CNP", "b", "+855 12 345 678"))
	cases := []struct {
		name, text string
		want       []string // query: status
	}{
		{"one value", "+855 12 345 678", []string{"+855 12 345 678: listed"}},
		{"one value, other spelling", "  +855-12-345-678 ", nil},
		{"a message", "Call +855 12 345 678 now, or +855 12 345 679.\nAgain: +855 12 345 678", []string{"+855 12 345 678: listed", "+855 12 345 679: not_listed"}},
		{"a hotline", "+855 97 911 7117", []string{"+855 97 911 7117: allowlisted"}},
		{"no identifier, short", "hello there", []string{"hello there: invalid"}},
		{"no identifier, long", "this message names nothing at all that could be checked, only words", []string{}},
		{"empty", "   ", []string{}},
	}
	for _, tc := range cases {
		res, err := svc.CheckText(ctx, tc.text, "")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, r := range res {
			got = append(got, r.Query+": "+r.Status)
		}
		if tc.want == nil {
			if len(got) != 1 || !strings.HasSuffix(got[0], ": listed") {
				t.Errorf("%s: %v, want one listed answer", tc.name, got)
			}
			continue
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	var fe *intel.FieldError
	if _, err := svc.CheckText(ctx, strings.Repeat("x ", intel.MaxCheckText), ""); !errors.As(err, &fe) {
		t.Errorf("an oversized text: %v, want a field error", err)
	}
}

// viewer is a signed-in analyst of org (not stored: the service trusts
// the Principal it is given).
func viewer(org string) trust.Principal {
	return trust.Principal{Viewer: auth.Viewer{UserID: "user-" + org, Org: org, Role: auth.RoleAnalyst}, Addr: "test"}
}

func TestNetworkGraphMatchesTheSummary(t *testing.T) {
	svc, _ := newService(t, intel.Config{})
	ctx := context.Background()
	a := submit(t, svc, report("KNPA", "a", "+855 12 345 678", "t.me/alpha_desk"))
	submit(t, svc, report("KNPA", "b", "+855 12 345 678", "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"))
	submit(t, svc, report("KNPA", "c", "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8", "binance.com"))
	strict := report("CNP", "d", "+855 12 345 678", "+855 11 222 333")
	strict.TLP = store.TLPAmberStrict
	submit(t, svc, strict)
	for _, who := range []trust.Principal{trust.Operator(), viewer("KNPA"), viewer("CNP")} {
		v, err := svc.Network(ctx, who, a.NetworkID)
		if err != nil {
			t.Fatal(err)
		}
		g, err := svc.NetworkGraph(ctx, who, a.NetworkID)
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Reports) != v.Reports || len(g.Selectors) != v.Selectors {
			t.Errorf("%s: graph %d reports, %d selectors; summary %d, %d", who.Org, len(g.Reports), len(g.Selectors), v.Reports, v.Selectors)
		}
		reports, sels := map[string]bool{}, map[string]bool{}
		for _, r := range g.Reports {
			reports[r.ID] = true
			if r.Origin == "CNP" && who.Org == "KNPA" {
				t.Error("KNPA's graph holds CNP's AMBER+STRICT report")
			}
		}
		for _, s := range g.Selectors {
			sels[s.ID] = true
		}
		for _, e := range g.Edges {
			if !reports[e.ReportID] || !sels[e.SelectorID] {
				t.Errorf("%s: an edge to a node not in the graph: %+v", who.Org, e)
			}
		}
		shared := 0
		for id := range g.Allowlisted {
			if sels[id] {
				shared++
			}
		}
		if who.Org == "KNPA" && shared != 1 {
			t.Errorf("KNPA's graph marks %d allow-listed selectors, want binance.com", shared)
		}
	}
	if _, err := svc.NetworkGraph(ctx, trust.Public("x"), a.NetworkID); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("the public drew a graph: %v", err)
	}
}

func TestDashboard(t *testing.T) {
	svc, _ := newService(t, intel.Config{})
	ctx := context.Background()
	before := time.Now().Add(-time.Minute)
	for _, in := range []*intel.ReportInput{
		report("KNPA", "a", "+855 12 345 678"),
		report("KNPA", "b", "+855 12 345 678", "binance.com"),
		func() *intel.ReportInput { // names the phone twice: in a field and in the story
			in := report("KNPA", "b2", "+855 12 345 678")
			in.Narrative = "They called from +855 12 345 678 again."
			return in
		}(),
		report("KNPA", "c", "+855 77 777 777"),
	} {
		in.TLP = store.TLPAmber
		submit(t, svc, in)
	}
	strict := report("CNP", "d", "+855 12 345 678")
	strict.TLP = store.TLPAmberStrict
	submit(t, svc, strict)

	d, err := svc.Dashboard(ctx, viewer("KNPA"), before)
	if err != nil {
		t.Fatal(err)
	}
	if d.NewReports != 4 || d.Counts.Reports != 4 || len(d.Latest) != 4 || d.Latest[0].ExternalRef != "c" {
		t.Errorf("new %d, total %d, latest %d (first %q)", d.NewReports, d.Counts.Reports, len(d.Latest), d.Latest[0].ExternalRef)
	}
	if len(d.Grown) != 2 || d.Grown[0].New != 3 || d.Grown[0].Reports != 3 {
		t.Errorf("grown networks %+v, want the three sharing a phone first, 3 new of 3", d.Grown)
	}
	if len(d.Infra) != 1 || d.Infra[0].Value != "+85512345678" || d.Infra[0].New != 3 || d.Infra[0].Reports != 3 {
		t.Errorf("infrastructure %+v, want the shared phone, counted over KNPA's reports", d.Infra)
	}
	d, err = svc.Dashboard(ctx, viewer("CNP"), before)
	if err != nil {
		t.Fatal(err)
	}
	if d.NewReports != 1 || len(d.Infra) != 0 {
		t.Errorf("CNP sees %d new reports and %d infrastructure, want 1 and none", d.NewReports, len(d.Infra))
	}
	d, err = svc.Dashboard(ctx, viewer("KNPA"), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if d.NewReports != 0 || len(d.Grown) != 0 || d.Counts.Reports != 4 {
		t.Errorf("a period after every report: %d new, %d grown", d.NewReports, len(d.Grown))
	}
	if _, err := svc.Dashboard(ctx, trust.Public("x"), before); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("the public opened the dashboard: %v", err)
	}
}
