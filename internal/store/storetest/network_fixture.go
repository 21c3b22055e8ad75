package storetest

import (
	"context"
	"testing"

	"counterscam/internal/store"
)

// fixture is four networks of eight reports:
//
//	n1 = r1 r2 r3   (romance and crypto, KR and KH; phoneA, wallet, email, site)
//	n2 = r4 r5      (job lure, KH; handle, named twice by r4)
//	n3 = r6         (romance, KR; phoneB)
//	n4 = r7 r8      (gambling, TH; account, handle2)
//
// Each network's ID is the ID of its oldest report, as the intelligence
// service mints them.
type fixture struct {
	n1, n2, n3, n4                                                string
	phoneA, wallet, email, site, handle, phoneB, account, handle2 string
	reports                                                       []*store.Report
}

func networkFixture(t *testing.T, s store.Store) fixture {
	t.Helper()
	phoneA := sel("phone", "+85510000001", "contacted_by")
	wallet := sel("crypto", "TQ1111111111111111111111111111111", "paid_to")
	email := sel("email", "agent@example.com", "contacted_by")
	site := sel("url", "https://invest.example.net/", "website")
	handle := sel("handle", "telegram:recruiter_kh", "recruited_via")
	handleAgain := sel("handle", "telegram:recruiter_kh", "mentioned")
	phoneB := sel("phone", "+85510000002", "contacted_by")
	account := sel("bank_account", "KH:ABA:000000042", "paid_to")
	handle2 := sel("handle", "line:casino_th", "contacted_by")
	mk := func(n int, at int, scam, country, victim string, losses []store.Loss, sels ...store.ReportSelector) *store.Report {
		r := report(n, "kr-knpa", "", day(at, 0), sels...)
		r.ScamType, r.VictimCountry, r.VictimRef, r.Losses = scam, country, victim, losses
		return r
	}
	fx := fixture{
		n1: rid(1), n2: rid(4), n3: rid(6), n4: rid(7),
		phoneA: phoneA.SelectorID, wallet: wallet.SelectorID, email: email.SelectorID, site: site.SelectorID,
		handle: handle.SelectorID, phoneB: phoneB.SelectorID, account: account.SelectorID, handle2: handle2.SelectorID,
		reports: []*store.Report{
			mk(1, 0, "romance", "KR", "v1", []store.Loss{{AmountMinor: 1000, Currency: "USD"}}, phoneA, wallet),
			mk(2, 22, "crypto_investment", "KR", "v1", []store.Loss{{AmountMinor: 500, Currency: "USD"}, {AmountMinor: 2000000, Currency: "KRW"}}, phoneA, wallet, email),
			mk(3, 50, "crypto_investment", "KH", "", nil, wallet, site),
			mk(4, 10, "job_lure", "KH", "v4", nil, handle, handleAgain),
			mk(5, 11, "job_lure", "KH", "", nil, handle),
			mk(6, 81, "romance", "KR", "", nil, phoneB),
			mk(7, 111, "gambling", "TH", "", []store.Loss{{AmountMinor: 7000, Currency: "THB"}}, account, handle2),
			mk(8, 112, "gambling", "TH", "", nil, account),
		},
	}
	fx.reports[6].Origin = "partner-th"
	insert(t, s, fx.reports...)
	ids := []string{rid(1), rid(2), rid(3), rid(4), rid(5), rid(6), rid(7), rid(8)}
	nets := []string{fx.n1, fx.n1, fx.n1, fx.n2, fx.n2, fx.n3, fx.n4, fx.n4}
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetNetworks(ctx, ids, nets); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{fx.n1, fx.n2, fx.n3, fx.n4})
	})
	return fx
}

// edges are the fixture's distinct (report, selector) links, sorted,
// without those of the excluded selectors.
func (fx fixture) edges(exclude ...string) []store.Edge {
	skip := map[string]bool{}
	for _, id := range exclude {
		skip[id] = true
	}
	var out []store.Edge
	for _, r := range fx.reports {
		seen := map[string]bool{}
		for _, l := range r.Selectors {
			if !skip[l.SelectorID] && !seen[l.SelectorID] {
				seen[l.SelectorID] = true
				out = append(out, store.Edge{ReportID: r.ID, SelectorID: l.SelectorID, Kind: l.Kind, Value: l.Value, Subtype: l.Subtype})
			}
		}
	}
	sortEdges(out)
	return out
}

func listIDs(t *testing.T, s store.Reader, f store.NetworkFilter) []string {
	t.Helper()
	ns, err := s.ListNetworks(t.Context(), f)
	if err != nil {
		t.Fatalf("ListNetworks(%+v): %v", f, err)
	}
	var out []string
	for _, n := range ns {
		out = append(out, n.ID)
	}
	return out
}
