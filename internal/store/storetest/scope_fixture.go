package storetest

import (
	"context"
	"slices"
	"sort"
	"testing"
	"time"

	"counterscam/internal/store"
)

// The permission matrix's organisations: orgA names orgB as a partner (so
// orgB's members read orgA's AMBER), orgB names nobody, orgC is unrelated.
const (
	orgA = "kr-knpa"
	orgB = "kh-police"
	orgC = "th-dsi"
)

// The matrix's users.
const (
	userA1 = "01JHUSERA1000000000000000A" // orgA, creates the RED reports 5 and 11
	userA2 = "01JHUSERA2000000000000000A" // orgA
	userB1 = "01JHUSERB1000000000000000B" // orgB
	userB2 = "01JHUSERB2000000000000000B" // orgB, a named recipient of report 5
	userB3 = "01JHUSERB3000000000000000B" // orgB, creates the RED report 10
	userC1 = "01JHUSERC1000000000000000C" // orgC
)

// scopeReport is one report of the matrix, numbered n (its ID is rid(n),
// received on day n).
type scopeReport struct {
	n          int
	origin     string
	tlp        string
	createdBy  string
	recipients []string
	net        int // 1, 2 or 3
	scam       string
	sels       []string // keys of scopeSelectors
}

// scopeReports spread three networks over every label and both origins:
//
//	net 1: 1 CLEAR, 2 GREEN, 3 AMBER, 4 AMBER+STRICT, 5 RED (A) and 6 AMBER (B)
//	net 2: 7 CLEAR, 8 GREEN, 9 AMBER+STRICT, 10 RED, 13 AMBER, 14 AMBER+STRICT (B)
//	net 3: 11 RED (A, no recipient) and 12 with no label
//
// so that most viewers see part of a network, and a viewer of orgB sees
// net 2 larger than net 1 when, in all, they are as large.
var scopeReports = []scopeReport{
	{1, orgA, store.TLPClear, "", nil, 1, "romance", []string{"P1"}},
	{2, orgA, store.TLPGreen, "", nil, 1, "crypto_investment", []string{"P1", "X"}},
	{3, orgA, store.TLPAmber, "", nil, 1, "romance", []string{"P1"}},
	{4, orgA, store.TLPAmberStrict, "", nil, 1, "job_lure", []string{"P1", "X"}},
	{5, orgA, store.TLPRed, userA1, []string{userB2}, 1, "sextortion", []string{"P1", "R5"}},
	{6, orgB, store.TLPAmber, "", nil, 1, "romance", []string{"P1"}},
	{7, orgB, store.TLPClear, "", nil, 2, "gambling", []string{"W"}},
	{8, orgB, store.TLPGreen, "", nil, 2, "gambling", []string{"W"}},
	{9, orgB, store.TLPAmberStrict, "", nil, 2, "crypto_investment", []string{"W", "X"}},
	{10, orgB, store.TLPRed, userB3, nil, 2, "loan", []string{"W"}},
	{11, orgA, store.TLPRed, userA1, nil, 3, "romance", []string{"H"}},
	{12, orgA, "", "", nil, 3, "other", []string{"H"}},
	{13, orgB, store.TLPAmber, "", nil, 2, "gambling", []string{"W"}},
	{14, orgB, store.TLPAmberStrict, "", nil, 2, "job_lure", []string{"W"}},
}

// scopeSelectors are the matrix's selectors; X is marked "does not link".
var scopeSelectors = map[string]store.ReportSelector{
	"P1": sel("phone", "+85510100001", "contacted_by"),
	"W":  sel("crypto", "TW1111111111111111111111111111111", "paid_to"),
	"X":  sel("url", "https://bank.example.com/", "mentioned"),
	"H":  sel("handle", "telegram:scope_h", "contacted_by"),
	"R5": sel("email", "red@example.org", "contacted_by"),
}

// scopeNets are the networks' IDs: each its oldest report's.
var scopeNets = map[int]string{1: rid(1), 2: rid(7), 3: rid(11)}

var scopeCurrency = map[int]string{1: "USD", 2: "KRW", 3: "THB"}

func (r scopeReport) country() string {
	if r.origin == orgA {
		return "KR"
	}
	return "KH"
}

func (r scopeReport) loss() int64 { return 1 << r.n }

func (r scopeReport) received() time.Time { return day(r.n, 0) }

func (r scopeReport) report() *store.Report {
	rep := &store.Report{
		ID: rid(r.n), Origin: r.origin, Channel: "web", ReceivedAt: r.received(),
		ScamType: r.scam, VictimCountry: r.country(), TLP: r.tlp, CreatedAt: r.received().Add(time.Minute),
		CreatedBy: r.createdBy, Recipients: r.recipients,
		Losses: []store.Loss{{AmountMinor: r.loss(), Currency: scopeCurrency[r.net]}},
	}
	if r.n == 2 || r.n == 3 {
		rep.VictimRef = "v-shared"
	}
	for _, k := range r.sels {
		rep.Selectors = append(rep.Selectors, scopeSelectors[k])
	}
	return rep
}

// scopeFixture stores the organisations, users and reports of the matrix,
// with X marked "does not link" and the networks summarised.
func scopeFixture(t *testing.T, s store.Store) {
	t.Helper()
	at := base.Add(-time.Hour)
	update(t, s, func(ctx context.Context, w store.Writer) error {
		for _, o := range []*store.Org{
			{ID: rid(901), Name: orgB, Country: "KH", Kind: "police", CreatedAt: at},
			{ID: rid(902), Name: orgC, Country: "TH", Kind: "police", CreatedAt: at},
			{ID: rid(903), Name: orgA, Country: "KR", Kind: "police", Partners: []string{orgB}, CreatedAt: at},
		} {
			if err := w.PutOrg(ctx, o); err != nil {
				return err
			}
		}
		for _, u := range []struct{ id, org string }{
			{userA1, orgA}, {userA2, orgA}, {userB1, orgB}, {userB2, orgB}, {userB3, orgB}, {userC1, orgC},
		} {
			if err := w.PutUser(ctx, &store.User{ID: u.id, Org: u.org, Email: u.id + "@example.org", Role: "analyst", CreatedAt: at}); err != nil {
				return err
			}
		}
		return nil
	})
	var reports []*store.Report
	ids := make([]string, len(scopeReports))
	nets := make([]string, len(scopeReports))
	for i, r := range scopeReports {
		reports = append(reports, r.report())
		ids[i], nets[i] = rid(r.n), scopeNets[r.net]
	}
	insert(t, s, reports...)
	yes := true
	update(t, s, func(ctx context.Context, w store.Writer) error {
		if err := w.SetSelectorFlags(ctx, scopeSelectors["X"].SelectorID, store.SelectorFlags{NoLink: &yes}); err != nil {
			return err
		}
		if err := w.SetNetworks(ctx, ids, nets); err != nil {
			return err
		}
		return w.RefreshNetworks(ctx, []string{scopeNets[1], scopeNets[2], scopeNets[3]})
	})
}

// viewerScope is the scope a service would build for a signed-in user.
func viewerScope(t *testing.T, s store.Reader, userID string) store.Scope {
	t.Helper()
	u, err := s.GetUser(t.Context(), userID)
	if err != nil {
		t.Fatalf("GetUser(%s): %v", userID, err)
	}
	partners, err := s.PartnersOf(t.Context(), u.Org)
	if err != nil {
		t.Fatalf("PartnersOf(%s): %v", u.Org, err)
	}
	return store.Scope{Member: true, Org: u.Org, PartnerOf: partners, UserID: u.ID}
}

// The model below recomputes, from scopeReports, what a viewer seeing the
// reports numbered sees should get; the suite checks the drivers against
// it, and against hand-counted values.

func visibleReports(sees []int) []scopeReport {
	var out []scopeReport
	for _, r := range scopeReports {
		if slices.Contains(sees, r.n) {
			out = append(out, r)
		}
	}
	return out
}

// modelNetwork is net as the reports in sees make it up (UpdatedAt is the
// latest CreatedAt); false when none is in net.
func modelNetwork(net int, sees []int) (store.Network, bool) {
	n := store.Network{ID: scopeNets[net]}
	linking := map[string]bool{}
	for _, r := range visibleReports(sees) {
		if r.net != net {
			continue
		}
		if n.Reports == 0 || r.received().Before(n.FirstSeen) {
			n.FirstSeen = r.received()
		}
		if r.received().After(n.LastSeen) {
			n.LastSeen = r.received()
		}
		if c := r.received().Add(time.Minute); c.After(n.UpdatedAt) {
			n.UpdatedAt = c
		}
		n.Reports++
		for _, k := range r.sels {
			if k != "X" {
				linking[k] = true
			}
		}
	}
	n.Selectors = len(linking)
	return n, n.Reports > 0
}

func modelSummary(net int, sees []int) *store.NetworkSummary {
	n, _ := modelNetwork(net, sees)
	s := &store.NetworkSummary{Network: n, Losses: map[string]int64{}, ScamTypes: map[string]int{},
		VictimCountries: map[string]int{}, SelectorsByKind: map[string]int{}}
	victims := map[string]bool{}
	kinds := map[string]map[string]bool{}
	for _, r := range visibleReports(sees) {
		if r.net != net {
			continue
		}
		rep := r.report()
		if rep.VictimRef == "" {
			s.Victims++
		} else if !victims[rep.VictimRef] {
			victims[rep.VictimRef] = true
			s.Victims++
		}
		s.Losses[scopeCurrency[net]] += r.loss()
		s.ScamTypes[r.scam]++
		s.VictimCountries[r.country()]++
		for _, k := range r.sels {
			if k == "X" {
				continue
			}
			kind := scopeSelectors[k].Kind
			if kinds[kind] == nil {
				kinds[kind] = map[string]bool{}
			}
			kinds[kind][k] = true
			s.SelectorsByKind[kind] = len(kinds[kind])
		}
	}
	return s
}

// modelStats is what the reports in sees say of the selector key; nil when
// none names it.
func modelStats(key string, sees []int) *store.SelectorStats {
	var st store.SelectorStats
	origins, types, nets := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range visibleReports(sees) {
		if !slices.Contains(r.sels, key) {
			continue
		}
		if st.Reports == 0 || r.received().Before(st.FirstSeen) {
			st.FirstSeen = r.received()
		}
		if r.received().After(st.LastSeen) {
			st.LastSeen = r.received()
		}
		st.Reports++
		if !origins[r.origin] {
			origins[r.origin] = true
			st.Sources++
		}
		if !types[r.scam] {
			types[r.scam] = true
			st.ScamTypes = append(st.ScamTypes, r.scam)
		}
		if id := scopeNets[r.net]; !nets[id] {
			nets[id] = true
			st.Networks = append(st.Networks, id)
		}
	}
	if st.Reports == 0 {
		return nil
	}
	sort.Strings(st.ScamTypes)
	sort.Strings(st.Networks)
	return &st
}

// modelSelectorCount is one row of NetworkSelectors.
type modelSelectorCount struct {
	key   string
	count int
	stats store.SelectorStats
}

// modelNetworkSelectors lists the selectors of net's reports in sees, most
// named first, then by ID, with their stats over every report in sees.
func modelNetworkSelectors(net int, sees []int) []modelSelectorCount {
	counts := map[string]int{}
	for _, r := range visibleReports(sees) {
		if r.net == net {
			for _, k := range r.sels {
				counts[k]++
			}
		}
	}
	var out []modelSelectorCount
	for k, c := range counts {
		out = append(out, modelSelectorCount{k, c, *modelStats(k, sees)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return scopeSelectors[out[i].key].SelectorID < scopeSelectors[out[j].key].SelectorID
	})
	return out
}
