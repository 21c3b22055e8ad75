package casework

import (
	"context"
	"errors"
	"slices"
	"strings"

	"counterscam/internal/auth"
	"counterscam/internal/match"
	"counterscam/internal/selector"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// buildPerson checks and normalises in into a record (without ID, origin
// or times).
func (s *Service) buildPerson(in *PersonInput) (*store.Person, error) {
	p := &store.Person{}
	var err error
	if p.ExternalRef, err = checkText("external_ref", in.ExternalRef, maxText, false); err != nil {
		return nil, err
	}
	if p.TLP, err = normTLP(in.TLP, store.TLPAmberStrict); err != nil {
		return nil, err
	}
	if p.LegalBasis, err = checkText("legal_basis", in.LegalBasis, maxText, true); err != nil {
		return nil, err
	}
	if p.Purpose, err = checkText("purpose", in.Purpose, maxText, true); err != nil {
		return nil, err
	}
	if len(in.Names) == 0 {
		return nil, fieldErr("name", "missing: a person needs at least one name")
	}
	if len(in.Names)+len(in.Documents)+len(in.Selectors)+len(in.NextOfKin) > 4*maxParts {
		return nil, fieldErr("name", "too many names, documents, selectors or kin")
	}
	for i, n := range in.Names {
		if n.Kind == "" {
			n.Kind = "primary"
			if i > 0 {
				n.Kind = "alias"
			}
		}
		if err := oneOf("name_kind", n.Kind, NameKinds, false); err != nil {
			return nil, err
		}
		for _, f := range []*string{&n.Text, &n.Family, &n.Given} {
			if *f, err = checkText("name", *f, maxText, false); err != nil {
				return nil, err
			}
		}
		if n.Text == "" {
			n.Text = strings.TrimSpace(n.Family + " " + n.Given)
		}
		if n.Text == "" {
			return nil, fieldErr("name", "empty")
		}
		n.Script = scriptOf(n)
		p.Names = append(p.Names, n)
	}
	if _, err := ParseDOB(in.DOB); err != nil {
		return nil, fieldErr("date_of_birth", "%v", err)
	}
	p.DOB = strings.TrimSpace(in.DOB)
	if p.Sex, err = normSex(in.Sex); err != nil {
		return nil, err
	}
	for _, c := range in.Nationalities {
		if strings.TrimSpace(c) == "" {
			continue
		}
		cc, err := normCountry("nationality", c)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(p.Nationalities, cc) {
			p.Nationalities = append(p.Nationalities, cc)
		}
	}
	for _, d := range in.Documents {
		if d, err = checkDocument(d); err != nil {
			return nil, err
		}
		p.Documents = append(p.Documents, d)
	}
	region := ""
	if len(p.Nationalities) > 0 {
		region = p.Nationalities[0]
	}
	for _, si := range in.Selectors {
		sel, err := s.normSelector("selectors", si, region)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(p.Selectors, func(x store.PersonSelector) bool { return x.SelectorID == sel.SelectorID }) {
			p.Selectors = append(p.Selectors, sel)
		}
	}
	for _, l := range in.Languages {
		tag, err := checkLanguage(l)
		if err != nil {
			return nil, err
		}
		p.Languages = append(p.Languages, tag)
	}
	for _, k := range in.NextOfKin {
		if k.Name, err = checkText("next_of_kin", k.Name, maxText, true); err != nil {
			return nil, err
		}
		if err := oneOf("next_of_kin_relation", k.Relation, KinRelations, true); err != nil {
			return nil, err
		}
		p.NextOfKin = append(p.NextOfKin, k)
	}
	if p.Notes, err = checkText("notes", in.Notes, maxNotes, false); err != nil {
		return nil, err
	}
	return p, nil
}

func checkDocument(d store.IdentityDocument) (store.IdentityDocument, error) {
	if d.Type == "" {
		d.Type = "passport"
	}
	if err := oneOf("document_type", d.Type, DocumentTypes, false); err != nil {
		return d, err
	}
	var err error
	if d.Number, err = checkText("passport_number", d.Number, 40, true); err != nil {
		return d, err
	}
	if len(normDoc(d.Number)) < 5 {
		return d, fieldErr("passport_number", "fewer than 5 letters and digits")
	}
	if d.Country != "" {
		if d.Country, err = normCountry("document_country", d.Country); err != nil {
			return d, err
		}
	}
	if d.Status == "" {
		d.Status = "held"
	}
	return d, oneOf("document_status", d.Status, DocumentStatuses, false)
}

// personKeys are the lookup keys a person is filed under: name keys of
// every written form, document numbers, selector IDs.
func personKeys(p *store.Person) []string {
	var keys []string
	for _, n := range p.Names {
		for _, k := range match.NameKeys(matchName(n)) {
			keys = append(keys, "name:"+k)
		}
	}
	for _, d := range p.Documents {
		if n := normDoc(d.Number); len(n) >= 5 {
			keys = append(keys, "doc:"+n)
		}
	}
	for _, sel := range p.Selectors {
		keys = append(keys, "sel:"+sel.SelectorID)
	}
	return keys
}

func matchName(n store.PersonName) match.Name {
	sc := match.Script(n.Script)
	switch sc {
	case match.ScriptLatin, match.ScriptHangul, match.ScriptHan, match.ScriptKhmer, match.ScriptThai:
	default:
		sc = match.ScriptAuto
	}
	return match.Name{Text: n.Text, Family: n.Family, Given: n.Given, Script: sc}
}

// matchPerson is what the matching engine compares of a person.
func matchPerson(p *store.Person) match.Person {
	mp := match.Person{ID: p.ID, Sex: p.Sex}
	for _, n := range p.Names {
		mp.Names = append(mp.Names, matchName(n))
	}
	mp.DOB, _ = ParseDOB(p.DOB)
	if len(p.Nationalities) > 0 {
		mp.Nationality = p.Nationalities[0]
	}
	for _, d := range p.Documents {
		mp.Documents = append(mp.Documents, match.Document{Type: d.Type, Number: d.Number, Country: d.Country})
	}
	return mp
}

func personMarking(p *store.Person) marking { return marking{p.Origin, p.TLP, p.CreatedBy} }

// CreatePerson checks, normalises and stores a person. A person already
// stored under the same origin and reference is ErrConflict.
func (s *Service) CreatePerson(ctx context.Context, p trust.Principal, in *PersonInput) (*store.Person, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	rec, err := s.buildPerson(in)
	if err != nil {
		return nil, err
	}
	now := s.now()
	rec.ID, rec.Origin, rec.CreatedAt, rec.UpdatedAt = s.newID(), originOf(p, in.Origin), now, now
	if !p.IsOperator() {
		rec.CreatedBy = p.UserID
	}
	err = s.update(ctx, p, "create", "person", rec.ID, func(w store.Writer) error {
		return w.PutPerson(ctx, rec, personKeys(rec))
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// GetPerson returns a person p may read, and audits the read. A person p
// may not read answers store.ErrNotFound, as one that does not exist.
func (s *Service) GetPerson(ctx context.Context, p trust.Principal, id string) (*store.Person, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	rec, err := s.st.GetPerson(ctx, id)
	if err != nil {
		return nil, err
	}
	if !mayRead(p, auth.ActionReadPerson, personMarking(rec)) {
		if err := s.audit(ctx, p, "read", "person", id, "deny"); err != nil {
			return nil, err
		}
		return nil, store.ErrNotFound
	}
	if err := s.audit(ctx, p, "read", "person", id, "allow"); err != nil {
		return nil, err
	}
	return rec, nil
}

// ReplacePerson replaces what is known of a person with in (keeping its
// ID, origin, creator and creation time).
func (s *Service) ReplacePerson(ctx context.Context, p trust.Principal, id string, in *PersonInput) (*store.Person, error) {
	return s.changePerson(ctx, p, id, func(old *store.Person) (*store.Person, error) {
		rec, err := s.buildPerson(in)
		if err != nil {
			return nil, err
		}
		rec.ID, rec.Origin, rec.CreatedBy, rec.CreatedAt = old.ID, old.Origin, old.CreatedBy, old.CreatedAt
		return rec, nil
	})
}

// SetDocumentStatus records what became of one of a person's documents
// (held by captors, lost, invalidated, replaced...).
func (s *Service) SetDocumentStatus(ctx context.Context, p trust.Principal, personID, number, status, note string) (*store.Person, error) {
	if err := oneOf("document_status", status, DocumentStatuses, false); err != nil {
		return nil, err
	}
	return s.changePerson(ctx, p, personID, func(old *store.Person) (*store.Person, error) {
		rec := *old
		rec.Documents = slices.Clone(old.Documents)
		for i := range rec.Documents {
			if normDoc(rec.Documents[i].Number) == normDoc(number) {
				rec.Documents[i].Status, rec.Documents[i].Note, rec.Documents[i].ChangedAt = status, note, s.now()
				return &rec, nil
			}
		}
		return nil, fieldErr("passport_number", "the person has no such document")
	})
}

// changePerson reads a person p may change, applies fn and stores the result.
func (s *Service) changePerson(ctx context.Context, p trust.Principal, id string, fn func(*store.Person) (*store.Person, error)) (*store.Person, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	var out *store.Person
	err := s.update(ctx, p, "update", "person", id, func(w store.Writer) error {
		old, err := w.GetPerson(ctx, id)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, personMarking(old)) {
			return store.ErrNotFound
		}
		rec, err := fn(old)
		if err != nil {
			return err
		}
		rec.UpdatedAt = s.now()
		out = rec
		return w.PutPerson(ctx, rec, personKeys(rec))
	})
	if err == nil {
		s.personChanged(id)
	}
	return out, err
}

// FindPersons finds the persons p may read whose name (in any script or
// spelling the matching engine reads alike), document number or selector
// is query, up to limit (default 50), and audits each one shown.
func (s *Service) FindPersons(ctx context.Context, p trust.Principal, query string, limit int) ([]*store.Person, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	if limit <= 0 {
		limit = 50
	}
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	var keys []string
	for _, k := range match.NameKeys(match.Name{Text: query}) {
		keys = append(keys, "name:"+k)
	}
	if n := normDoc(query); len(n) >= 5 {
		keys = append(keys, "doc:"+n)
	}
	if sel, err := s.norm.Parse(query, selector.Options{}); err == nil {
		keys = append(keys, "sel:"+sel.ID().String())
	}
	return s.personsUnder(ctx, p, keys, limit)
}

// PersonsBySelector returns the persons p may read who use a selector
// (by the intelligence graph's selector ID).
func (s *Service) PersonsBySelector(ctx context.Context, p trust.Principal, selectorID string) ([]*store.Person, error) {
	if !mayReadAny(p, auth.ActionReadPerson) {
		return nil, trust.ErrForbidden
	}
	return s.personsUnder(ctx, p, []string{"sel:" + selectorID}, 200)
}

func (s *Service) personsUnder(ctx context.Context, p trust.Principal, keys []string, limit int) ([]*store.Person, error) {
	var ids []string
	err := s.st.PersonsByKeys(ctx, keys, func(h store.PersonKeyHit) error {
		if !slices.Contains(ids, h.PersonID) {
			ids = append(ids, h.PersonID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(ids)
	var out []*store.Person
	for _, id := range ids {
		rec, err := s.GetPerson(ctx, p, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
		if len(out) == limit {
			break
		}
	}
	return out, nil
}
