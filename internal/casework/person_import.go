package casework

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// ImportOptions mark the persons of an import.
type ImportOptions struct {
	Origin     string // console operator only; others import as their organisation
	TLP        string // empty: AMBER+STRICT
	LegalBasis string
	Purpose    string
	// Update replaces what the file carries of a person already stored
	// under the same origin and reference (see keepRecorded); without it
	// such a row is left as it is.
	Update bool
}

// ImportResult counts what an import batch did.
type ImportResult struct {
	Inserted, Updated, Unchanged int
	Rejects                      []*RowError
}

// ImportPersons stores a batch of persons in one transaction, idempotent
// on (origin, external_ref): a row whose person is stored already is left
// as it is (or replaced, with Update). The origin must be an organisation
// on this server (or the console's own); otherwise nothing is stored and
// the answer is a *FieldError on "origin". A row the service refuses is
// returned as a *RowError, the others are stored. The batch is audited as
// one entry.
func (s *Service) ImportPersons(ctx context.Context, p trust.Principal, recs []*PersonRecord, o ImportOptions) (*ImportResult, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	res := &ImportResult{}
	origin := originOf(p, o.Origin)
	if origin != ConsoleOrigin {
		// A name that is no organisation here (a typo) would store the
		// persons where no member can ever read them.
		_, err := s.st.GetOrg(ctx, origin)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fieldErr("origin", "no organisation named %q (add it with counterscam org add)", origin)
		}
		if err != nil {
			return nil, err
		}
	}
	now := s.now()
	type item struct {
		rec *PersonRecord
		p   *store.Person
	}
	var items []item
	for _, r := range recs {
		in := r.Input
		in.TLP, in.LegalBasis, in.Purpose = o.TLP, o.LegalBasis, o.Purpose
		rec, err := s.buildPerson(&in)
		var fe *FieldError
		if errors.As(err, &fe) {
			res.Rejects = append(res.Rejects, &RowError{File: r.File, Line: r.Line, Field: fe.Field, Reason: fe.Reason})
			continue
		}
		if err != nil {
			return nil, err
		}
		rec.Origin, rec.CreatedAt, rec.UpdatedAt = origin, now, now
		if !p.IsOperator() {
			rec.CreatedBy = p.UserID
		}
		items = append(items, item{r, rec})
	}
	if len(items) == 0 {
		return res, nil
	}
	batchID := fmt.Sprintf("%s..%s (%d rows)", items[0].rec.Input.ExternalRef, items[len(items)-1].rec.Input.ExternalRef, len(items))
	var changed []string
	err := s.update(ctx, p, "import", "person_batch", batchID, func(w store.Writer) error {
		res.Inserted, res.Updated, res.Unchanged, changed = 0, 0, 0, changed[:0]
		for _, it := range items {
			old, err := w.GetPersonByRef(ctx, origin, it.p.ExternalRef)
			switch {
			case errors.Is(err, store.ErrNotFound):
				it.p.ID = s.newID()
				res.Inserted++
			case err != nil:
				return err
			case !o.Update:
				res.Unchanged++
				continue
			default:
				it.p.ID, it.p.CreatedBy, it.p.CreatedAt = old.ID, old.CreatedBy, old.CreatedAt
				keepRecorded(old, it.p)
				res.Updated++
				changed = append(changed, old.ID)
			}
			if err := w.PutPerson(ctx, it.p, personKeys(it.p)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.personChanged(changed...)
	return res, nil
}

// fileNameKinds are the kinds of name a persons file writes.
var fileNameKinds = []string{"primary", "passport", "alias"}

// keepRecorded puts into p, a person read again from a file to replace
// old, what casework recorded of them that the file does not carry, so
// that importing a corrected list loses none of it: names of other
// kinds (nicknames, other scripts), documents the file does not list
// (an emergency travel document issued since), the status of a listed
// document recorded since (given back, lost), phones, handles and
// accounts the file does not list, and the next of kin.
func keepRecorded(old, p *store.Person) {
	for _, n := range old.Names {
		if !slices.Contains(fileNameKinds, n.Kind) && !slices.Contains(p.Names, n) {
			p.Names = append(p.Names, n)
		}
	}
	for _, d := range old.Documents {
		i := slices.IndexFunc(p.Documents, func(x store.IdentityDocument) bool { return normDoc(x.Number) == normDoc(d.Number) })
		switch {
		case i < 0:
			p.Documents = append(p.Documents, d)
		case !d.ChangedAt.IsZero():
			p.Documents[i].Status, p.Documents[i].Note, p.Documents[i].ChangedAt = d.Status, d.Note, d.ChangedAt
		}
	}
	for _, sel := range old.Selectors {
		if !slices.ContainsFunc(p.Selectors, func(x store.PersonSelector) bool { return x.SelectorID == sel.SelectorID }) {
			p.Selectors = append(p.Selectors, sel)
		}
	}
	if len(p.NextOfKin) == 0 {
		p.NextOfKin = old.NextOfKin
	}
}
