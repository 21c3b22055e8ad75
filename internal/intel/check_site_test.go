package intel_test

import (
	"context"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/intel"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestCheckWebsiteBySite: a scam website listed as the victims wrote it
// ("https://www.coin-tiger.net/") is listed whichever way the public types
// it (the bare domain, without "www.", over http, a page of it), with the
// listed spelling named; a page listed at a path does not list the whole
// site, an unrelated site stays unlisted, and the bulk check answers as
// the single one.
func TestCheckWebsiteBySite(t *testing.T) { bothWays(t, testCheckWebsiteBySite) }

func testCheckWebsiteBySite(t *testing.T, newService func(*testing.T, intel.Config) (*intel.Service, store.Store)) {
	ctx := context.Background()
	svc, _ := newService(t, intel.Config{PublicationThreshold: 2})
	submit(t, svc, report("KNPA", "k1", "https://www.coin-tiger.net/"))
	submit(t, svc, report("CNP", "c1", "https://www.coin-tiger.net"))
	submit(t, svc, report("KNPA", "k2", "https://shared-host.example.org/scam/page"))
	submit(t, svc, report("CNP", "c2", "https://shared-host.example.org/scam/page"))

	listed := []string{
		"https://www.coin-tiger.net/", // as listed
		"coin-tiger.net",
		"www.coin-tiger.net",
		"http://www.coin-tiger.net",
		"https://coin-tiger.net/login?ref=7",
		"coin-tiger[.]net",
	}
	for _, q := range listed {
		res, err := svc.Check(ctx, q, "")
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != intel.StatusListed || res.Reports != 2 || res.Sources != 2 {
			t.Errorf("%q: %s with %d reports, %d sources; want listed, 2, 2", q, res.Status, res.Reports, res.Sources)
		}
		wantAs := "https://www.coin-tiger.net/"
		if q == wantAs {
			wantAs = ""
		}
		if res.ListedAs != wantAs {
			t.Errorf("%q: listed as %q, want %q", q, res.ListedAs, wantAs)
		}
	}
	notListed := []string{
		"coin-tiger.com",                        // another site
		"example.org",                           // the host of a listed page: not the site
		"https://shared-host.example.org/other", // another page of it
	}
	for _, q := range notListed {
		res, err := svc.Check(ctx, q, "")
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != intel.StatusNotListed || res.Reports != 0 || res.ListedAs != "" {
			t.Errorf("%q: %+v, want not listed and no counts", q, res)
		}
	}
	partner := trust.Principal{Viewer: auth.Viewer{UserID: "u1", Org: "BANK", Role: auth.RolePartner}}
	all := append(listed, notListed...)
	got, err := svc.CheckBatch(ctx, partner, all, "")
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range all {
		want, _ := svc.Check(ctx, q, "")
		if got[i].Status != want.Status || got[i].Reports != want.Reports || got[i].ListedAs != want.ListedAs {
			t.Errorf("%q: batch %s %d %q, single %s %d %q", q, got[i].Status, got[i].Reports, got[i].ListedAs, want.Status, want.Reports, want.ListedAs)
		}
	}
}
