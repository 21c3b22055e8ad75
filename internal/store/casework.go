package store

import "context"

// CaseReader reads casework records. Every read is the server's own and
// unscoped: the casework service checks role and marking before it shows
// anything, and audits every read of a person.
type CaseReader interface {
	GetPerson(ctx context.Context, id string) (*Person, error)
	// GetPersonByRef returns the person an origin stored under its own reference.
	GetPersonByRef(ctx context.Context, origin, externalRef string) (*Person, error)
	// ListPersons streams persons in ID order after f.After, or with
	// f.UpdatedSince in (UpdatedAt, ID) order; an error from fn stops it
	// and is returned as it is. In PostgreSQL, fn must not use the
	// transaction the persons are read in.
	ListPersons(ctx context.Context, f PersonFilter, fn func(*Person) error) error
	// ListPersonIndex streams what person matching reads of each person
	// (see PersonIndexEntry), selected and ordered as ListPersons does.
	ListPersonIndex(ctx context.Context, f PersonFilter, fn func(*PersonIndexEntry) error) error
	// PersonStamp says how many persons there are and when one last changed.
	PersonStamp(ctx context.Context) (PersonStamp, error)
	// PersonsByKeys streams, for each of keys, the persons stored under it
	// (see PutPerson), ordered by key then person ID.
	PersonsByKeys(ctx context.Context, keys []string, fn func(PersonKeyHit) error) error
	// ListRoles returns a person's roles, by From then ID.
	ListRoles(ctx context.Context, personID string) ([]*PersonRole, error)
	// CaseRoles returns the roles held in a case, by From then ID.
	CaseRoles(ctx context.Context, caseID string) ([]*PersonRole, error)
	// MatchDecisions streams every stored same/not-same decision.
	MatchDecisions(ctx context.Context, fn func(*MatchDecision) error) error

	GetCase(ctx context.Context, id string) (*Case, error)
	// ListCases returns cases in ID order after f.After.
	ListCases(ctx context.Context, f CaseFilter) ([]*Case, error)
	// CaseEvents returns a case's timeline in Seq order.
	CaseEvents(ctx context.Context, caseID string) ([]*CaseEvent, error)
	// ListDeadlines returns deadlines by DueAt then ID.
	ListDeadlines(ctx context.Context, f DeadlineFilter) ([]*Deadline, error)

	GetIntake(ctx context.Context, id string) (*Intake, error)
	// ListIntakes returns intakes: the triage queue (f.Untriaged: danger
	// now first, then by ReceivedAt, then ID) or all in ID order after f.After.
	ListIntakes(ctx context.Context, f IntakeFilter) ([]*Intake, error)

	GetCompound(ctx context.Context, id string) (*Compound, error)
	ListCompounds(ctx context.Context) ([]*Compound, error) // by ID
	// ListAdvisoryZones returns the zones by country, name, then From.
	ListAdvisoryZones(ctx context.Context) ([]*AdvisoryZone, error)

	GetScreening(ctx context.Context, id string) (*Screening, error)
	// ListScreenings returns a person's screenings, newest first (by ID).
	ListScreenings(ctx context.Context, personID string) ([]*Screening, error)
	// CurrentScreenings streams every screening not superseded, by person ID.
	CurrentScreenings(ctx context.Context, fn func(*Screening) error) error
	// ListChargeEvidence returns a person's charge evidence by ID.
	ListChargeEvidence(ctx context.Context, personID string) ([]*ChargeEvidence, error)

	GetFlight(ctx context.Context, id string) (*Flight, error)
	ListFlights(ctx context.Context) ([]*Flight, error) // by DepartAt then ID
	// ListPassengers returns a flight's manifest by AddedAt then person ID.
	ListPassengers(ctx context.Context, flightID string) ([]*Passenger, error)
	// PersonFlights returns the manifest rows naming a person, by AddedAt.
	PersonFlights(ctx context.Context, personID string) ([]*Passenger, error)

	GetReferral(ctx context.Context, id string) (*Referral, error)
	// ListReferrals returns referrals by ID.
	ListReferrals(ctx context.Context, f ReferralFilter) ([]*Referral, error)
}

// CaseWriter changes casework records inside a transaction. A record that
// names a missing person, case or flight is ErrNotFound.
type CaseWriter interface {
	// PutPerson inserts p or replaces the person with its ID, and files it
	// under keys (replacing the keys it had): the casework service's name
	// keys, document numbers and selector IDs. ErrConflict when another
	// person holds (Origin, ExternalRef).
	PutPerson(ctx context.Context, p *Person, keys []string) error
	PutRole(ctx context.Context, r *PersonRole) error // insert or replace by ID
	// PutMatchDecision stores a decision on (A, B), replacing an earlier one.
	PutMatchDecision(ctx context.Context, d *MatchDecision) error

	InsertCase(ctx context.Context, c *Case) error // ErrConflict on a taken ID
	// UpdateCase writes c if the stored case is still in state from
	// (ErrConflict otherwise, ErrNotFound if there is none) and appends ev
	// to its timeline, setting ev.Seq.
	UpdateCase(ctx context.Context, c *Case, from string, ev *CaseEvent) error
	// AddCaseEvent appends ev to its case's timeline, setting ev.Seq.
	AddCaseEvent(ctx context.Context, ev *CaseEvent) error
	PutDeadline(ctx context.Context, d *Deadline) error // insert or replace by ID

	PutIntake(ctx context.Context, in *Intake) error // insert or replace by ID

	PutCompound(ctx context.Context, c *Compound) error         // insert or replace by ID
	PutAdvisoryZone(ctx context.Context, z *AdvisoryZone) error // insert or replace by ID

	// InsertScreening stores s. With s.Supersedes set, that screening (of
	// the same person, still current) is marked superseded by s; a person
	// has at most one current screening, so inserting one beside a current
	// one, or superseding one already superseded, is ErrConflict.
	InsertScreening(ctx context.Context, s *Screening) error
	InsertChargeEvidence(ctx context.Context, e *ChargeEvidence) error

	PutFlight(ctx context.Context, f *Flight) error // insert or replace by ID
	// PutPassenger inserts or replaces the manifest row of (FlightID, PersonID).
	PutPassenger(ctx context.Context, p *Passenger) error
	// DeletePassenger takes a person off a manifest; ErrNotFound if not on it.
	DeletePassenger(ctx context.Context, flightID, personID string) error

	PutReferral(ctx context.Context, r *Referral) error // insert or replace by ID
}
