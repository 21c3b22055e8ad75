package casework

import (
	"context"
	"errors"
	"time"

	"counterscam/internal/auth"
	"counterscam/internal/store"
	"counterscam/internal/trust"
)

// EvidenceInput is an item of charge evidence against a person.
type EvidenceInput struct {
	PersonID    string
	CaseID      string
	TLP         string // empty: AMBER+STRICT
	Charge      string
	Kind        string
	Description string
	Ref         string
	CollectedAt time.Time
	CollectedBy string
}

func evidenceMarking(e *store.ChargeEvidence) marking { return marking{e.Origin, e.TLP, e.CreatedBy} }

// AddChargeEvidence records an item of charge evidence against a person
// whose label reaches p: a record of its own, never mixed with the
// screening.
func (s *Service) AddChargeEvidence(ctx context.Context, p trust.Principal, in *EvidenceInput) (*store.ChargeEvidence, error) {
	if !canWrite(p, writeEvidence) {
		return nil, trust.ErrForbidden
	}
	e := &store.ChargeEvidence{PersonID: in.PersonID, CaseID: in.CaseID, Kind: in.Kind,
		CollectedAt: in.CollectedAt.UTC().Truncate(time.Microsecond)}
	var err error
	if e.Charge, err = checkText("charge", in.Charge, maxText, true); err != nil {
		return nil, err
	}
	if err := oneOf("kind", e.Kind, ChargeKinds, false); err != nil {
		return nil, err
	}
	if e.Description, err = checkText("description", in.Description, maxNotes, true); err != nil {
		return nil, err
	}
	if e.Ref, err = checkText("ref", in.Ref, 1000, false); err != nil {
		return nil, err
	}
	if e.CollectedBy, err = checkText("collected_by", in.CollectedBy, maxText, false); err != nil {
		return nil, err
	}
	if e.TLP, err = normTLP(in.TLP, store.TLPAmberStrict); err != nil {
		return nil, err
	}
	if in.CollectedAt.IsZero() {
		e.CollectedAt = time.Time{}
	}
	e.ID, e.Origin, e.CreatedAt = s.newID(), originOf(p, ""), s.now()
	if !p.IsOperator() {
		e.CreatedBy = p.UserID
	}
	err = s.update(ctx, p, "create", "charge_evidence", e.ID, func(w store.Writer) error {
		person, err := w.GetPerson(ctx, e.PersonID)
		if errors.Is(err, store.ErrNotFound) || err == nil && !mayRead(p, writeEvidence, personMarking(person)) {
			// A person whose label does not reach the caller answers
			// as one that does not exist: nothing is filed against them.
			return fieldErr("person", "no person %q", e.PersonID)
		}
		if err != nil {
			return err
		}
		return w.InsertChargeEvidence(ctx, e)
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// ChargeEvidence returns the charge evidence against a person that p may
// read, audited. Only roles with auth.ActionReadChargeEvidence read it.
func (s *Service) ChargeEvidence(ctx context.Context, p trust.Principal, personID string) ([]*store.ChargeEvidence, error) {
	if !mayReadAny(p, auth.ActionReadChargeEvidence) {
		return nil, trust.ErrForbidden
	}
	all, err := s.st.ListChargeEvidence(ctx, personID)
	if err != nil {
		return nil, err
	}
	var out []*store.ChargeEvidence
	for _, e := range all {
		if mayRead(p, auth.ActionReadChargeEvidence, evidenceMarking(e)) {
			out = append(out, e)
		}
	}
	if err := s.audit(ctx, p, "read", "charge_evidence", personID, "allow"); err != nil {
		return nil, err
	}
	return out, nil
}

// Dossier is what a prosecutor reads on a returnee: the screening (the
// current one and its history, with the trafficking-status decision and
// the non-punishment recommendation) beside, never mixed with, the charge
// evidence, and the roles the person holds.
type Dossier struct {
	Person    *store.Person
	Roles     []*store.PersonRole
	Screening *store.Screening   // current; nil when none
	History   []*store.Screening // superseded ones, newest first
	Evidence  []*store.ChargeEvidence
}

// GetDossier returns a person's dossier to those allowed both to read
// screenings and charge evidence (auth.ActionReadScreening and
// auth.ActionReadChargeEvidence), audited.
func (s *Service) GetDossier(ctx context.Context, p trust.Principal, personID string) (*Dossier, error) {
	if !mayReadAny(p, auth.ActionReadScreening) || !mayReadAny(p, auth.ActionReadChargeEvidence) {
		return nil, trust.ErrForbidden
	}
	d := &Dossier{}
	var err error
	if d.Person, err = s.GetPerson(ctx, p, personID); err != nil {
		return nil, err
	}
	if d.Roles, err = s.readableRoles(ctx, p, personID); err != nil {
		return nil, err
	}
	hist, err := s.Screenings(ctx, p, personID)
	if err != nil {
		return nil, err
	}
	for _, sc := range hist {
		if sc.SupersededBy == "" && d.Screening == nil {
			d.Screening = sc
		} else {
			d.History = append(d.History, sc)
		}
	}
	if d.Evidence, err = s.ChargeEvidence(ctx, p, personID); err != nil {
		return nil, err
	}
	return d, nil
}
