package intel_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"counterscam/internal/auth"
	"counterscam/internal/intel"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestCheckBatchAnswersAsCheck: the bulk check, which looks its selectors
// up together, answers every value exactly as the single check does on a
// cold service (listed on two sources or by confirmation, unlisted,
// withdrawn, allow-listed, invalid, unknown, repeated), and in order.
func TestCheckBatchAnswersAsCheck(t *testing.T) { bothWays(t, testCheckBatchAnswersAsCheck) }

func testCheckBatchAnswersAsCheck(t *testing.T, newService func(*testing.T, intel.Config) (*intel.Service, store.Store)) {
	ctx := context.Background()
	svc, st := newService(t, intel.Config{PublicationThreshold: 2})
	submit(t, svc, report("KNPA", "k1", "010-9876-5432", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"))
	submit(t, svc, report("CNP", "c1", "+82 10-9876-5432", "@fast_money_kh"))
	submit(t, svc, report("CNP", "c2", "@fast_money_kh"))
	withdrawn := report("RTP", "r1", "+66 81 234 5678")
	submit(t, svc, withdrawn)
	submit(t, svc, report("KNPA", "k2", "+66 81 234 5678"))
	amber := report("MOFA", "m1", "+66 81 234 5678")
	amber.TLP = "AMBER"
	submit(t, svc, amber)
	yes := true
	mark := func(v string, f store.SelectorFlags) {
		sel, err := selector.Parse(v, selector.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.MarkSelector(ctx, trust.Operator(), sel.ID().String(), f); err != nil {
			t.Fatal(err)
		}
	}
	mark("TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", store.SelectorFlags{Confirmed: &yes})
	mark("+66812345678", store.SelectorFlags{Withdrawn: &yes})

	queries := []string{
		"01098765432",                        // listed: two CLEAR sources
		"TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", // listed: confirmed on one source
		"@fast_money_kh",                     // one source, two reports: not listed
		"+66 81 234 5678",                    // withdrawn
		"t.me",                               // allow-listed
		"this is not an identifier",          // invalid
		"010-1111-2222",                      // valid, never reported
		"+82 10 9876 5432",                   // the first again, written another way
		"01098765432",                        // and repeated as it was
	}
	partner := trust.Principal{Viewer: auth.Viewer{UserID: "u1", Org: "BANK", Role: auth.RolePartner}}
	got, err := svc.CheckBatch(ctx, partner, queries, "KR")
	if err != nil {
		t.Fatal(err)
	}
	cold, err := intel.New(ctx, st, intel.Config{PublicationThreshold: 2})
	if err != nil {
		t.Fatal(err)
	}
	wantStatus := []string{intel.StatusListed, intel.StatusListed, intel.StatusNotListed, intel.StatusNotListed,
		intel.StatusAllowlisted, intel.StatusInvalid, intel.StatusNotListed, intel.StatusListed, intel.StatusListed}
	if len(got) != len(queries) {
		t.Fatalf("%d answers for %d values", len(got), len(queries))
	}
	for i, q := range queries {
		want, err := cold.Check(ctx, q, "KR")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%q: batch %+v\n single %+v", q, got[i], want)
		}
		if got[i].Status != wantStatus[i] {
			t.Errorf("%q: %s, want %s", q, got[i].Status, wantStatus[i])
		}
	}
	if r := got[0]; r.Reports != 2 || r.Sources != 2 || r.NetworkSize != 3 || r.SelectorID() == "" {
		t.Errorf("listed answer %+v: want 2 reports, 2 sources, a public network of 3", r)
	}
	if _, err := svc.CheckBatch(ctx, trust.Public("192.0.2.1"), queries, ""); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("the public's bulk check: %v, want forbidden", err)
	}
}
