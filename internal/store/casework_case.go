package store

import "time"

// Case is a consular case: one national followed from "reported" to
// "closed". Its state changes only through UpdateCase, each change with a
// CaseEvent.
type Case struct {
	ID         string    `json:"id"` // ULID
	PersonID   string    `json:"person_id"`
	Kind       string    `json:"kind"` // consular
	Origin     string    `json:"origin"`
	TLP        string    `json:"tlp"`
	State      string    `json:"state"`
	IntakeID   string    `json:"intake_id,omitempty"`   // the report that opened it
	CompoundID string    `json:"compound_id,omitempty"` // where the person is or was held
	Location   string    `json:"location,omitempty"`    // last known, as text
	HandedTo   string    `json:"handed_to,omitempty"`   // police, shelter or family, once handed over
	OpenedBy   string    `json:"opened_by"`
	OpenedAt   time.Time `json:"opened_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// CaseEvent is one entry of a case's timeline: a state change (Kind
// "transition", From and To set) or a consular action (visit,
// family_notice, lawyer_list, cost_advance, document_issued, note).
type CaseEvent struct {
	CaseID string    `json:"case_id"`
	Seq    int       `json:"seq"` // 1, 2, ... per case, set by the store
	At     time.Time `json:"at"`
	By     string    `json:"by"` // user ID
	Org    string    `json:"org"`
	Kind   string    `json:"kind"`
	From   string    `json:"from,omitempty"`
	To     string    `json:"to,omitempty"`
	Note   string    `json:"note,omitempty"`
}

// Deadline is a duty with a date, such as the first consular visit after
// an arrest notice. It is open until Met is set.
type Deadline struct {
	ID        string    `json:"id"`
	CaseID    string    `json:"case_id"`
	Kind      string    `json:"kind"` // first_consular_visit, hand_over, ...
	DueAt     time.Time `json:"due_at"`
	CreatedAt time.Time `json:"created_at"`
	MetAt     time.Time `json:"met_at,omitempty"`
	MetBy     string    `json:"met_by,omitempty"`
	Note      string    `json:"note,omitempty"`
}

// DeadlineFilter selects deadlines; zero fields do not filter.
type DeadlineFilter struct {
	CaseID    string
	Open      bool      // not met yet
	DueBefore time.Time // due strictly before
}

// CaseFilter selects cases; zero fields do not filter.
type CaseFilter struct {
	PersonID string
	State    string
	After    string // keyset cursor: case ID
	Limit    int
}

// Intake is a report of a missing or confined person, from the family, the
// person, an NGO or a hotline. It waits in the triage queue (danger now
// first, then the longest waiting) until triaged.
type Intake struct {
	ID         string    `json:"id"` // ULID
	Origin     string    `json:"origin"`
	TLP        string    `json:"tlp"`
	LegalBasis string    `json:"legal_basis"`
	Purpose    string    `json:"purpose"`
	CreatedBy  string    `json:"created_by"`
	Channel    string    `json:"channel"` // family, self, ngo, hotline, embassy, police
	ReceivedAt time.Time `json:"received_at"`

	Reporter        IntakeReporter `json:"reporter"`
	Subject         IntakeSubject  `json:"subject"`
	LastLocation    string         `json:"last_location"`
	Coordinates     *Coordinates   `json:"coordinates,omitempty"`
	LastContactAt   time.Time      `json:"last_contact_at,omitempty"`
	DangerNow       bool           `json:"danger_now"`
	Ransom          *Ransom        `json:"ransom,omitempty"`
	RecruiterHandle string         `json:"recruiter_handle,omitempty"`
	JobAd           string         `json:"job_ad,omitempty"`
	Narrative       string         `json:"narrative,omitempty"`
	// Selectors are the normalised phones, handles and accounts it names.
	Selectors []PersonSelector `json:"selectors"`

	ReportID   string    `json:"report_id,omitempty"` // the intelligence report made of it
	PersonID   string    `json:"person_id,omitempty"`
	CaseID     string    `json:"case_id,omitempty"`
	TriagedAt  time.Time `json:"triaged_at,omitempty"`
	TriagedBy  string    `json:"triaged_by,omitempty"`
	TriageNote string    `json:"triage_note,omitempty"`
}

// IntakeReporter is who reported: personal data, never shown to the public.
type IntakeReporter struct {
	Name     string `json:"name,omitempty"`
	Relation string `json:"relation,omitempty"` // mother, sibling, self, ngo worker, ...
	Phone    string `json:"phone,omitempty"`
	Email    string `json:"email,omitempty"`
	Language string `json:"language,omitempty"` // BCP 47
}

// IntakeSubject is the missing or confined person as the reporter knows them.
type IntakeSubject struct {
	Name           string   `json:"name,omitempty"`
	NameLatin      string   `json:"name_latin,omitempty"`
	DOB            string   `json:"dob,omitempty"`
	Sex            string   `json:"sex,omitempty"`
	Nationality    string   `json:"nationality,omitempty"`
	PassportNumber string   `json:"passport_number,omitempty"`
	Phones         []string `json:"phones,omitempty"`
	Handles        []string `json:"handles,omitempty"`
}

// Coordinates are a WGS 84 point.
type Coordinates struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Ransom is a demand for money, with the account it is to be paid to.
type Ransom struct {
	AmountMinor  int64  `json:"amount_minor"`
	Currency     string `json:"currency"`
	PayeeAccount string `json:"payee_account"` // as given
}

// IntakeFilter selects intakes; zero fields do not filter.
type IntakeFilter struct {
	// Untriaged lists the triage queue: not triaged yet, danger now first,
	// then the oldest. Otherwise intakes come in ID order after After.
	Untriaged bool
	After     string
	Limit     int
}

// Referral sends a survivor to a support organisation with only the fields
// the survivor agreed to share. Withdrawing consent ends it.
type Referral struct {
	ID          string    `json:"id"`
	PersonID    string    `json:"person_id"`
	CaseID      string    `json:"case_id,omitempty"`
	FromOrg     string    `json:"from_org"`
	ToOrg       string    `json:"to_org"`
	Fields      []string  `json:"fields"` // consented fields, sorted
	Needs       string    `json:"needs,omitempty"`
	ConsentAt   time.Time `json:"consent_at"`
	ConsentNote string    `json:"consent_note,omitempty"` // how consent was given
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	WithdrawnAt time.Time `json:"withdrawn_at,omitempty"`
	WithdrawnBy string    `json:"withdrawn_by,omitempty"`
	Reason      string    `json:"reason,omitempty"`
}

// ReferralFilter selects referrals; zero fields do not filter.
type ReferralFilter struct {
	PersonID string
	ToOrg    string
	Active   bool // consent not withdrawn
}
