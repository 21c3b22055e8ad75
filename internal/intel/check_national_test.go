package intel_test

import (
	"context"
	"strings"
	"testing"

	"counterscam/internal/intel"
	"counterscam/internal/selector"
)

// TestCheckNamesTheCountriesOfANationalNumber: a number typed the national
// way without saying its country is no identifier, but the answer says in
// which countries it is a valid number and how to ask for one, instead of
// "not a phone number".
func TestCheckNamesTheCountriesOfANationalNumber(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t, intel.Config{PublicationThreshold: 2})
	cases := []struct {
		query   string
		regions []string // NationalReadings, in order
		reason  string   // in the answer's reason
	}{
		{"010-1234-5678", []string{"KR", "CN"}, "valid number in KR (+82 10-1234-5678) or CN (+86 10 1234 5678): send its country in region"},
		{"012 345 678", []string{"KH", "MM"}, "valid number in KH (+855 12 345 678) or MM"},
		{"095 756 407", []string{"KH"}, "valid number in KH (+855 95 756 407): send"},
		{"not a number", nil, "not a phone number, e-mail"},
		{"+855 95 756 4070", nil, ""},
	}
	for _, tc := range cases {
		var got []string
		for _, sel := range svc.NationalReadings(tc.query) {
			got = append(got, sel.Region)
		}
		if strings.Join(got, ",") != strings.Join(tc.regions, ",") {
			t.Errorf("%q: read in %v, want %v", tc.query, got, tc.regions)
		}
		res, err := svc.Check(ctx, tc.query, "")
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != intel.StatusInvalid || !strings.Contains(res.Reason, tc.reason) {
			t.Errorf("%q: %s, reason %q; want invalid with %q", tc.query, res.Status, res.Reason, tc.reason)
		}
		national := tc.regions != nil
		if got := res.Code == selector.CodePhoneNoRegion; got != national {
			t.Errorf("%q: code %q", tc.query, res.Code)
		}
		if national && (!strings.Contains(res.Advice, "without its country code") || res.Problem == nil || res.Problem.Accepted != strings.Join(tc.regions, ", ")) {
			t.Errorf("%q: advice %q, problem %+v", tc.query, res.Advice, res.Problem)
		}
		if !national && strings.Contains(res.Advice, "country code") {
			t.Errorf("%q: advice %q for a value that is no national number", tc.query, res.Advice)
		}
	}
	// Told the country, it is read as that country's number.
	if res, _ := svc.Check(ctx, "010-1234-5678", "KR"); res.Status != intel.StatusNotListed || res.Selector.Value != "+821012345678" {
		t.Errorf("with region KR: %+v", res)
	}
}

// TestCheckTextFindsListedForeignNationalNumbers: a Korean ad for a job in
// Cambodia gives the recruiter's Cambodian number the national way; read
// as Korean it is no number, but it is listed in Cambodia, so the check
// answers it. A Cambodian number nobody reported is not guessed at.
func TestCheckTextFindsListedForeignNationalNumbers(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t, intel.Config{PublicationThreshold: 2})
	submit(t, svc, report("KNPA", "k1", "+855 95 756 407"))
	submit(t, svc, report("CNP", "c1", "+855 95 756 407"))
	for _, region := range []string{"KR", ""} {
		res, err := svc.CheckText(ctx, "캄보디아 고수익 알바, 항공권 제공. 연락 095 756 407 또는 012 345 678 텔레그램 @job_kh", region)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res {
			if r.Selector != nil {
				got = append(got, r.Status+" "+r.Selector.Value)
			}
		}
		want := "not_listed telegram:job_kh,listed +85595756407"
		if strings.Join(got, ",") != want {
			t.Errorf("region %q: %v, want %s", region, got, want)
		}
	}
	// Typed alone on a page that reads numbers as Korean, it is found too.
	res, err := svc.CheckText(ctx, "095 756 407", "KR")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Status != intel.StatusListed {
		t.Errorf("alone: %+v", res)
	}
}
