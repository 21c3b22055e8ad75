package casework

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestSupportOrgsAndEndedReferrals: who may refer sees the support
// organisations only; after consent is withdrawn the receiving
// organisation learns that it ended and nothing else.
func TestSupportOrgsAndEndedReferrals(t *testing.T) {
	f := newFixture(t)
	orgs, err := f.svc.SupportOrgs(f.ctx, f.officer)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range orgs {
		names = append(names, o.Name)
	}
	if want := []string{orgNGO, orgNGO2}; !reflect.DeepEqual(names, want) {
		t.Errorf("support organisations = %v, want %v", names, want)
	}
	for _, p := range []trust.Principal{f.worker, f.analyst, f.partner, f.public} {
		if MayRefer(p) {
			t.Errorf("%s (%s) may refer", p.UserID, p.Role)
		}
		if _, err := f.svc.SupportOrgs(f.ctx, p); !errors.Is(err, trust.ErrForbidden) {
			t.Errorf("%s listed the support organisations: %v", p.UserID, err)
		}
	}
	if !MayRefer(f.officer) || !MayRefer(trust.Operator()) {
		t.Error("a case officer or the operator may not refer")
	}

	p := f.person(f.officer, minho())
	r, err := f.svc.ReferToSupport(f.ctx, f.officer, &ReferralInput{PersonID: p.ID, ToOrg: orgNGO, Fields: []string{"name"}, ConsentNote: "signed form"})
	if err != nil {
		t.Fatal(err)
	}
	if ended, err := f.svc.EndedReferrals(f.ctx, f.worker); err != nil || len(ended) != 0 {
		t.Errorf("before withdrawal: ended = %v, %v", ended, err)
	}
	if _, err := f.svc.EndedReferralOf(f.ctx, f.worker, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an active referral read as ended: %v", err)
	}
	w, err := f.svc.WithdrawConsent(f.ctx, f.officer, r.ID, "the survivor asked by phone")
	if err != nil {
		t.Fatal(err)
	}
	want := &EndedReferral{ID: r.ID, FromOrg: orgEmbassy, ReferredAt: r.CreatedAt, WithdrawnAt: w.WithdrawnAt}
	if got, err := f.svc.EndedReferralOf(f.ctx, f.worker, r.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ended referral = %+v, %v; want %+v", got, err, want)
	}
	if got, err := f.svc.EndedReferrals(f.ctx, f.worker); err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("ended referrals = %v, %v", got, err)
	}
	if _, err := f.svc.EndedReferralOf(f.ctx, f.otherWorker, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another NGO read the ended referral: %v", err)
	}
	if got, _ := f.svc.EndedReferrals(f.ctx, f.otherWorker); len(got) != 0 {
		t.Errorf("another NGO lists %d ended referrals", len(got))
	}
	if _, err := f.svc.EndedReferralOf(f.ctx, f.officer, r.ID); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("an officer read the receiving side's view: %v", err)
	}
}

// TestOperatorListsEveryEndedReferral: the operator reads any
// organisation's ended referral (EndedReferralOf), so the list holds
// every organisation's, whatever organisation the operator's principal
// names; a support worker's list holds their own organisation's only.
func TestOperatorListsEveryEndedReferral(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for i, org := range []string{orgNGO, orgNGO2} {
		in := minho()
		in.ExternalRef = fmt.Sprintf("EMB-010%d", i)
		p := f.person(f.officer, in)
		r, err := f.svc.ReferToSupport(f.ctx, f.officer, &ReferralInput{PersonID: p.ID, ToOrg: org, Fields: []string{"name"}, ConsentNote: "signed form"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.WithdrawConsent(f.ctx, f.officer, r.ID, "the survivor asked by phone"); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	named := trust.Operator()
	named.Org = orgNGO2
	listed := func(p trust.Principal) []string {
		t.Helper()
		rs, err := f.svc.EndedReferrals(f.ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return out
	}
	all := slices.Sorted(slices.Values(ids))
	for _, p := range []trust.Principal{f.op, named} {
		if got := listed(p); !reflect.DeepEqual(got, all) {
			t.Errorf("operator (org %q) lists %v, want %v", p.Org, got, all)
		}
		for _, id := range ids {
			if _, err := f.svc.EndedReferralOf(f.ctx, p, id); err != nil {
				t.Errorf("operator (org %q) reads %s: %v", p.Org, id, err)
			}
		}
	}
	if got := listed(f.worker); !reflect.DeepEqual(got, ids[:1]) {
		t.Errorf("%s lists %v, want %v", orgNGO, got, ids[:1])
	}
	if got := listed(f.otherWorker); !reflect.DeepEqual(got, ids[1:]) {
		t.Errorf("%s lists %v, want %v", orgNGO2, got, ids[1:])
	}
}
