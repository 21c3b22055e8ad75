package casework

import (
	"testing"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TestRolesInAHiddenCaseStayHidden: a role held in a case is part of that
// case, under the case's label. The Cambodian police open a case of their
// own (AMBER+STRICT) on a person the embassy shared as GREEN and name the
// person a suspect in it; the embassy's officer and its partner
// prosecutor read the person, but neither the suspect role, its note nor
// the hidden case's ID, on the person's roles or in the dossier.
func TestRolesInAHiddenCaseStayHidden(t *testing.T) {
	f := newFixture(t)
	in := minho()
	in.TLP = "GREEN"
	p := f.person(f.officer, in)
	own := f.openCase(f.officer, p.ID, Arrested)
	if _, err := f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: p.ID, CaseID: own.ID, Role: "possible_victim"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: p.ID, Role: "witness"}); err != nil {
		t.Fatal(err)
	}
	hidden, err := f.svc.OpenCase(f.ctx, f.otherOfficer, &CaseInput{PersonID: p.ID, State: Arrested, TLP: "AMBER+STRICT"})
	if err != nil {
		t.Fatal(err)
	}
	const note = "named by two co-workers as the floor manager"
	if _, err := f.svc.AssignRole(f.ctx, f.otherOfficer, &RoleInput{PersonID: p.ID, CaseID: hidden.ID, Role: "suspect", Note: note}); err != nil {
		t.Fatal(err)
	}
	kinds := func(rs []*store.PersonRole) map[string]string {
		out := map[string]string{}
		for _, r := range rs {
			out[r.Role] = r.CaseID + "|" + r.Note
		}
		return out
	}
	for _, pr := range []trust.Principal{f.officer, f.prosecutor} {
		rs, err := f.svc.PersonRoles(f.ctx, pr, p.ID)
		if err != nil {
			t.Fatalf("PersonRoles as %s: %v", pr.UserID, err)
		}
		got := kinds(rs)
		if len(got) != 2 || got["possible_victim"] != own.ID+"|" || got["witness"] != "|" {
			t.Errorf("PersonRoles as %s: %v, want the possible victim role in the embassy's case and the witness role only", pr.UserID, got)
		}
	}
	d, err := f.svc.GetDossier(f.ctx, f.prosecutor, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Roles {
		if r.Role == "suspect" || r.CaseID == hidden.ID || r.Note == note {
			t.Errorf("the prosecutor's dossier shows the role %+v of a case they may not read", r)
		}
	}
	// The police who opened the case see their role, and the operator all.
	for _, pr := range []trust.Principal{f.otherOfficer, f.op} {
		rs, err := f.svc.PersonRoles(f.ctx, pr, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := kinds(rs); got["suspect"] != hidden.ID+"|"+note {
			t.Errorf("PersonRoles as %s: %v, want the suspect role in case %s", pr.UserID, got, hidden.ID)
		}
	}
}
