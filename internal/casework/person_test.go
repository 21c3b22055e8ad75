package casework

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

func TestCreatePersonNormalises(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	if p.Origin != orgEmbassy || p.CreatedBy != "u-officer" || p.TLP != store.TLPAmberStrict {
		t.Errorf("marking = %s %s %s", p.Origin, p.CreatedBy, p.TLP)
	}
	var scripts []string
	for _, n := range p.Names {
		scripts = append(scripts, n.Kind+":"+n.Script)
	}
	if want := []string{"primary:Hang", "passport:Latn", "nickname:Hang"}; !reflect.DeepEqual(scripts, want) {
		t.Errorf("names = %v, want %v", scripts, want)
	}
	if p.Documents[0].Type != "passport" || p.Documents[0].Status != "held_by_captors" {
		t.Errorf("document = %+v", p.Documents[0])
	}
	// The phone is stored as the intelligence graph knows it.
	want, err := selector.Parse("+855 12 345 678", selector.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Selectors[0].SelectorID != want.ID().String() || p.Selectors[0].Value != "+85512345678" || p.Selectors[0].Role != "own" {
		t.Errorf("selector = %+v", p.Selectors[0])
	}
	if p.Selectors[1].Kind != "handle" || p.Selectors[1].Role != "used_in_compound" {
		t.Errorf("handle = %+v", p.Selectors[1])
	}
	got, err := f.svc.GetPerson(f.ctx, f.officer2, p.ID)
	if err != nil || !reflect.DeepEqual(got, p) {
		t.Fatalf("GetPerson = %+v, %v", got, err)
	}
}

func TestCreatePersonRefusesBadFields(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		name  string
		edit  func(*PersonInput)
		field string
	}{
		{"no name", func(in *PersonInput) { in.Names = nil }, "name"},
		{"empty name", func(in *PersonInput) { in.Names = []store.PersonName{{Text: " "}} }, "name"},
		{"name kind", func(in *PersonInput) { in.Names[0].Kind = "maiden" }, "name_kind"},
		{"no legal basis", func(in *PersonInput) { in.LegalBasis = "" }, "legal_basis"},
		{"no purpose", func(in *PersonInput) { in.Purpose = "" }, "purpose"},
		{"dob day", func(in *PersonInput) { in.DOB = "1998-02-30" }, "date_of_birth"},
		{"dob format", func(in *PersonInput) { in.DOB = "07/03/1998" }, "date_of_birth"},
		{"dob year", func(in *PersonInput) { in.DOB = "1850" }, "date_of_birth"},
		{"sex", func(in *PersonInput) { in.Sex = "yes" }, "sex"},
		{"nationality", func(in *PersonInput) { in.Nationalities = []string{"Korea"} }, "nationality"},
		{"document type", func(in *PersonInput) { in.Documents[0].Type = "visa" }, "document_type"},
		{"document status", func(in *PersonInput) { in.Documents[0].Status = "burnt" }, "document_status"},
		{"document number", func(in *PersonInput) { in.Documents[0].Number = "M-1" }, "passport_number"},
		{"selector", func(in *PersonInput) { in.Selectors = []SelectorInput{{Value: "12", Kind: "phone"}} }, "selectors"},
		{"language", func(in *PersonInput) { in.Languages = []string{"Korean language"} }, "languages"},
		{"kin relation", func(in *PersonInput) { in.NextOfKin[0].Relation = "boss" }, "next_of_kin_relation"},
		{"tlp", func(in *PersonInput) { in.TLP = "PURPLE" }, "tlp"},
		{"invalid utf-8", func(in *PersonInput) { in.Names[0].Text = "\xff" }, "name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := minho()
			tt.edit(in)
			_, err := f.svc.CreatePerson(f.ctx, f.officer, in)
			wantField(t, err, tt.field)
		})
	}
}

func TestPartialDatesOfBirth(t *testing.T) {
	for _, tt := range []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{"1998", 1998, 0, 0, true}, {"1998-03", 1998, 3, 0, true}, {"1998-03-07", 1998, 3, 7, true},
		{"2000-02-29", 2000, 2, 29, true}, {"", 0, 0, 0, true},
		{"1999-02-29", 0, 0, 0, false}, {"1998-3", 0, 0, 0, false}, {"98", 0, 0, 0, false},
		{"1998-13", 0, 0, 0, false}, {"1998-03-07-01", 0, 0, 0, false}, {"1998-0a", 0, 0, 0, false},
	} {
		d, err := ParseDOB(tt.in)
		if (err == nil) != tt.ok || tt.ok && (d.Year != tt.y || d.Month != tt.m || d.Day != tt.d) {
			t.Errorf("ParseDOB(%q) = %+v, %v", tt.in, d, err)
		}
	}
}

func TestPersonReadsAreScopedAndAudited(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	// Another organisation's officer: AMBER+STRICT is the embassy's only.
	_, err := f.svc.GetPerson(f.ctx, f.otherOfficer, p.ID)
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another organisation read an AMBER+STRICT person: %v", err)
	}
	// Roles that never read persons.
	for _, pr := range []trust.Principal{f.worker, f.partner, f.analyst, f.public} {
		if _, err := f.svc.GetPerson(f.ctx, pr, p.ID); !errors.Is(err, trust.ErrForbidden) {
			t.Errorf("%s read a person: %v", pr.Role, err)
		}
	}
	if _, err := f.svc.GetPerson(f.ctx, f.officer2, p.ID); err != nil {
		t.Fatal(err)
	}
	want := []string{"u-officer create person allow", "u-kh read person deny", "u-officer2 read person allow"}
	if got := f.auditOf(p.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("audit = %q, want %q", got, want)
	}
	// Writing is the case officers' (and admins').
	for _, pr := range []trust.Principal{f.worker, f.partner, f.analyst, f.prosecutor, f.public} {
		if _, err := f.svc.CreatePerson(f.ctx, pr, minho()); !errors.Is(err, trust.ErrForbidden) {
			t.Errorf("%s created a person: %v", pr.Role, err)
		}
	}
}

func TestFindPersonsAcrossScripts(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	other := minho()
	other.ExternalRef, other.Names = "EMB-0002", []store.PersonName{{Text: "이준호"}, {Kind: "passport", Text: "LEE JUNHO"}}
	other.Documents, other.Selectors = nil, nil
	f.person(f.officer, other)
	for _, q := range []string{"박민호", "PAK MIN HO", "Bak Min-Ho", "Minho Park", "M12345678", "m 1234 5678", "+855 12 345 678", "@minho_kh"} {
		got, err := f.svc.FindPersons(f.ctx, f.officer2, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != p.ID {
			var ids []string
			for _, g := range got {
				ids = append(ids, g.ExternalRef)
			}
			t.Errorf("FindPersons(%q) = %v, want EMB-0001", q, ids)
		}
	}
	if got, _ := f.svc.FindPersons(f.ctx, f.otherOfficer, "박민호", 10); len(got) != 0 {
		t.Errorf("another organisation found %d persons", len(got))
	}
	sel, _ := selector.Parse("+85512345678", selector.Options{})
	got, err := f.svc.PersonsBySelector(f.ctx, f.officer, sel.ID().String())
	if err != nil || len(got) != 1 || got[0].ID != p.ID {
		t.Errorf("PersonsBySelector = %v, %v", got, err)
	}
}

func TestDocumentStatusAndReplace(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	f.advance(3600e9)
	got, err := f.svc.SetDocumentStatus(f.ctx, f.officer2, p.ID, "m12345678", "invalidated", "invalidated for an arrest warrant")
	if err != nil {
		t.Fatal(err)
	}
	if d := got.Documents[0]; d.Status != "invalidated" || !d.ChangedAt.Equal(f.clock) || !got.UpdatedAt.Equal(f.clock) {
		t.Errorf("document after status change = %+v (updated %v)", d, got.UpdatedAt)
	}
	_, err = f.svc.SetDocumentStatus(f.ctx, f.officer, p.ID, "X9999999", "lost", "")
	wantField(t, err, "passport_number")
	_, err = f.svc.SetDocumentStatus(f.ctx, f.otherOfficer, p.ID, "M12345678", "lost", "")
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another organisation changed the person: %v", err)
	}
	in := minho()
	in.DOB = "1998-03"
	in.Names = append(in.Names, store.PersonName{Kind: "alias", Text: "ប៉ាក មិនហូ"})
	got, err = f.svc.ReplacePerson(f.ctx, f.officer, p.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != p.ID || got.CreatedAt != p.CreatedAt || got.DOB != "1998-03" || got.Names[3].Script != "Khmr" {
		t.Errorf("after replace: %+v", got)
	}
	// The Khmer alias is searchable.
	found, _ := f.svc.FindPersons(f.ctx, f.officer, "ប៉ាក មិនហូ", 5)
	if !slices.ContainsFunc(found, func(x *store.Person) bool { return x.ID == p.ID }) {
		t.Error("the Khmer alias does not find the person")
	}
}

func TestRolesManyAtOnce(t *testing.T) {
	f := newFixture(t)
	p := f.person(f.officer, minho())
	c := f.openCase(f.officer, p.ID, Arrested)
	victim, err := f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: p.ID, CaseID: c.ID, Role: "possible_victim"})
	if err != nil {
		t.Fatal(err)
	}
	f.advance(3600e9)
	if _, err := f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: p.ID, CaseID: c.ID, Role: "suspect"}); err != nil {
		t.Fatal(err)
	}
	again, err := f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: p.ID, CaseID: c.ID, Role: "possible_victim"})
	if err != nil || again.ID != victim.ID {
		t.Errorf("assigning a held role again = %+v, %v; want the held one", again, err)
	}
	f.advance(3600e9)
	if _, err := f.svc.EndRole(f.ctx, f.officer, p.ID, victim.ID, f.clock, "identified"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: p.ID, CaseID: c.ID, Role: "identified_victim"}); err != nil {
		t.Fatal(err)
	}
	roles, err := f.svc.PersonRoles(f.ctx, f.officer, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var held []string
	for _, r := range roles {
		if HoldsRole(r, f.clock) {
			held = append(held, r.Role)
		}
	}
	if want := []string{"suspect", "identified_victim"}; !reflect.DeepEqual(held, want) || len(roles) != 3 {
		t.Errorf("roles held now = %v of %d, want %v of 3", held, len(roles), want)
	}
	_, err = f.svc.AssignRole(f.ctx, f.officer, &RoleInput{PersonID: p.ID, Role: "victim"})
	wantField(t, err, "role")
	if _, err := f.svc.EndRole(f.ctx, f.officer, p.ID, victim.ID, f.clock, ""); err == nil {
		t.Error("ending an ended role again was accepted")
	}
}
