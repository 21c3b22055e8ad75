package casework

import (
	"context"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// TriageInput is what an officer decides on an intake.
type TriageInput struct {
	// PersonID links the intake to a person already known; empty creates
	// the person from what the intake says of them.
	PersonID string
	// TLP, LegalBasis and Purpose mark a person created here (default
	// AMBER+STRICT, and the intake's legal basis and purpose) and the case.
	TLP        string
	LegalBasis string
	Purpose    string
	OpenCase   bool  // open a consular case
	State      State // the case's first state (default reported)
	Note       string
}

// Triage is what triage made.
type Triage struct {
	Intake *store.Intake
	Person *store.Person
	Case   *store.Case // nil unless a case was opened
}

// TriageIntake takes an intake off the queue: it links it to a person
// (creating one from the intake where asked) and may open a consular case,
// all in one transaction.
func (s *Service) TriageIntake(ctx context.Context, p trust.Principal, id string, in *TriageInput) (*Triage, error) {
	if !canWrite(p, writeCase) {
		return nil, trust.ErrForbidden
	}
	note, err := checkText("note", in.Note, maxNotes, false)
	if err != nil {
		return nil, err
	}
	out := &Triage{}
	err = s.update(ctx, p, "update", "intake", id, func(w store.Writer) error {
		rec, err := w.GetIntake(ctx, id)
		if err != nil {
			return err
		}
		if !mayRead(p, auth.ActionReadPerson, marking{rec.Origin, rec.TLP, rec.CreatedBy}) {
			return store.ErrNotFound
		}
		if !rec.TriagedAt.IsZero() {
			return fieldErr("intake", "already triaged")
		}
		now := s.now()
		if in.PersonID != "" {
			person, err := w.GetPerson(ctx, in.PersonID)
			if err != nil {
				return err
			}
			if !mayRead(p, auth.ActionReadPerson, personMarking(person)) {
				return store.ErrNotFound
			}
			out.Person = person
		} else {
			person, err := s.personFromIntake(p, rec, in)
			if err != nil {
				return err
			}
			person.ID, person.Origin, person.CreatedAt, person.UpdatedAt = s.newID(), originOf(p, rec.Origin), now, now
			if !p.IsOperator() {
				person.CreatedBy = p.UserID
			}
			if err := w.PutPerson(ctx, person, personKeys(person)); err != nil {
				return err
			}
			out.Person = person
		}
		rec.PersonID, rec.TriagedAt, rec.TriagedBy, rec.TriageNote = out.Person.ID, now, p.UserID, note
		if in.OpenCase {
			st := in.State
			if st == "" {
				st = Reported
			}
			c := &store.Case{ID: s.newID(), PersonID: out.Person.ID, Kind: "consular", State: string(st),
				IntakeID: rec.ID, Location: rec.LastLocation, OpenedAt: now, UpdatedAt: now}
			if !p.IsOperator() {
				c.OpenedBy = p.UserID
			}
			if err := checkOpening(st); err != nil {
				return err
			}
			if err := s.openCase(ctx, w, p, c, in.TLP, note); err != nil {
				return err
			}
			rec.CaseID, out.Case = c.ID, c
		}
		out.Intake = rec
		return w.PutIntake(ctx, rec)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func checkOpening(st State) error {
	for _, o := range openingStates {
		if o == st {
			return nil
		}
	}
	return fieldErr("state", "a case opens as one of %s", joinStates(openingStates))
}

// personFromIntake builds a person from what an intake says of them.
func (s *Service) personFromIntake(p trust.Principal, rec *store.Intake, in *TriageInput) (*store.Person, error) {
	pi := &PersonInput{TLP: in.TLP, LegalBasis: in.LegalBasis, Purpose: in.Purpose, Sex: rec.Subject.Sex}
	if pi.LegalBasis == "" {
		pi.LegalBasis = rec.LegalBasis
	}
	if pi.Purpose == "" {
		pi.Purpose = rec.Purpose
	}
	if rec.Subject.Name != "" {
		pi.Names = append(pi.Names, store.PersonName{Kind: "primary", Text: rec.Subject.Name})
	}
	if rec.Subject.NameLatin != "" {
		pi.Names = append(pi.Names, store.PersonName{Kind: "passport", Script: "Latn", Text: rec.Subject.NameLatin})
	}
	if d, err := ParseDOB(rec.Subject.DOB); err == nil && !d.IsZero() {
		pi.DOB = rec.Subject.DOB
	}
	if rec.Subject.Nationality != "" {
		pi.Nationalities = []string{rec.Subject.Nationality}
	}
	if rec.Subject.PassportNumber != "" && len(normDoc(rec.Subject.PassportNumber)) >= 5 {
		pi.Documents = []store.IdentityDocument{{Type: "passport", Number: rec.Subject.PassportNumber,
			Country: rec.Subject.Nationality, Status: "held", Note: "as reported in intake " + rec.ID}}
	}
	for _, sel := range rec.Selectors {
		if sel.Role == "mentioned" {
			pi.Selectors = append(pi.Selectors, SelectorInput{Value: sel.Value, Kind: sel.Kind, Role: "own"})
		}
	}
	if rec.Reporter.Name != "" {
		rel := rec.Reporter.Relation
		if !contains(KinRelations, rel) {
			rel = "other"
		}
		pi.NextOfKin = []store.Kin{{Name: rec.Reporter.Name, Relation: rel, Phone: rec.Reporter.Phone, Email: rec.Reporter.Email}}
	}
	return s.buildPerson(pi)
}

func contains(set []string, v string) bool {
	for _, x := range set {
		if x == v {
			return true
		}
	}
	return false
}
