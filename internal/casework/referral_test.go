package casework

import (
	"errors"
	"reflect"
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func TestReferralSharesOnlyConsentedFields(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	c := f.openCase(f.officer, p.ID, Rescued)
	r, err := f.svc.ReferToSupport(f.ctx, f.officer, &ReferralInput{PersonID: p.ID, CaseID: c.ID, ToOrg: orgNGO,
		Fields: []string{"name", "languages", "needs", "name"}, Needs: "medical check, trauma counselling",
		ConsentNote: "consent given orally, with an interpreter, recorded by consul K"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Fields, []string{"languages", "name", "needs"}) {
		t.Errorf("fields = %v", r.Fields)
	}
	got, err := f.svc.Referred(f.ctx, f.worker)
	if err != nil || len(got) != 1 {
		t.Fatalf("Referred = %v, %v", got, err)
	}
	want := &SharedPerson{ReferralID: r.ID, ReferredAt: r.CreatedAt, FromOrg: orgEmbassy, Name: "박민호",
		Languages: []string{"ko", "en"}, Needs: "medical check, trauma counselling"}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("shared view:\n got  %+v\n want %+v", got[0], want)
	}
	// Another NGO sees nothing; nor does the worker see the full person.
	if other, _ := f.svc.Referred(f.ctx, f.otherWorker); len(other) != 0 {
		t.Errorf("another NGO sees %d referrals", len(other))
	}
	if _, err := f.svc.SharedView(f.ctx, f.otherWorker, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another NGO read the referral: %v", err)
	}
	if _, err := f.svc.GetPerson(f.ctx, f.worker, p.ID); !errors.Is(err, trust.ErrForbidden) {
		t.Errorf("the support worker read the whole person: %v", err)
	}
	// The survivor withdraws consent through the NGO.
	if _, err := f.svc.WithdrawConsent(f.ctx, f.worker, r.ID, "the survivor withdrew consent"); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.svc.Referred(f.ctx, f.worker); len(got) != 0 {
		t.Errorf("after withdrawal the NGO still sees %d referrals", len(got))
	}
	if _, err := f.svc.SharedView(f.ctx, f.worker, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after withdrawal the NGO reads the referral: %v", err)
	}
	if _, err := f.svc.WithdrawConsent(f.ctx, f.worker, r.ID, ""); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after withdrawal the NGO still handles the referral: %v", err)
	}
	// The referring side keeps the record, marked withdrawn.
	rs, err := f.svc.Referrals(f.ctx, f.officer2, p.ID)
	if err != nil || len(rs) != 1 || rs[0].WithdrawnAt.IsZero() || rs[0].WithdrawnBy != "u-ngo" {
		t.Errorf("referrals after withdrawal = %+v, %v", rs, err)
	}
	got2 := f.auditOf(r.ID)
	if want := []string{"u-officer create referral allow", "u-ngo read referral allow", "u-ngo2 read referral deny",
		"u-ngo update referral allow", "u-ngo read referral deny"}; !reflect.DeepEqual(got2, want) {
		t.Errorf("audit of the referral = %q\nwant %q", got2, want)
	}
}

func TestReferralRefusals(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	q := minho()
	q.ExternalRef, q.Names[0].Text, q.DOB = "EMB-0002", "김철수", "1990-01-01"
	other := f.openCase(f.officer, f.person(f.officer, q).ID, Rescued)
	for _, tt := range []struct {
		name  string
		in    ReferralInput
		field string
	}{
		{"nothing consented", ReferralInput{PersonID: p.ID, ToOrg: orgNGO, ConsentNote: "x"}, "fields"},
		{"screening field", ReferralInput{PersonID: p.ID, ToOrg: orgNGO, Fields: []string{"trafficking_status"}, ConsentNote: "x"}, "fields"},
		{"no consent record", ReferralInput{PersonID: p.ID, ToOrg: orgNGO, Fields: []string{"name"}}, "consent_note"},
		{"not an NGO", ReferralInput{PersonID: p.ID, ToOrg: orgBank, Fields: []string{"name"}, ConsentNote: "x"}, "to_org"},
		{"no such org", ReferralInput{PersonID: p.ID, ToOrg: "nobody", Fields: []string{"name"}, ConsentNote: "x"}, "to_org"},
		{"another person's case", ReferralInput{PersonID: p.ID, CaseID: other.ID, ToOrg: orgNGO, Fields: []string{"location"}, ConsentNote: "x"}, "case_id"},
		{"no such case", ReferralInput{PersonID: p.ID, CaseID: "01JZ0000000000000000000000", ToOrg: orgNGO, Fields: []string{"location"}, ConsentNote: "x"}, "case_id"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.svc.ReferToSupport(f.ctx, f.officer, &tt.in)
			wantField(t, err, tt.field)
		})
	}
	if _, err := f.svc.ReferToSupport(f.ctx, f.otherOfficer, &ReferralInput{PersonID: p.ID, ToOrg: orgNGO, Fields: []string{"name"}, ConsentNote: "x"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another organisation referred the embassy's person: %v", err)
	}
}
