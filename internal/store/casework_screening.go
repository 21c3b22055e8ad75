package store

import "time"

// Screening is one screening interview of a person as a possible victim of
// trafficking, a suspect, or both, and the decision taken on it. A new
// screening supersedes the person's current one; the history stays. It is
// kept apart from the charge evidence (ChargeEvidence) and never shown to
// support workers or partners.
type Screening struct {
	ID        string    `json:"id"` // ULID
	PersonID  string    `json:"person_id"`
	CaseID    string    `json:"case_id,omitempty"`
	Origin    string    `json:"origin"`
	TLP       string    `json:"tlp"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`

	Kind           string    `json:"kind"` // victim, suspect, both
	InterviewedAt  time.Time `json:"interviewed_at"`
	Interviewer    string    `json:"interviewer"`
	Interpreter    string    `json:"interpreter,omitempty"`
	Language       string    `json:"language,omitempty"` // BCP 47, of the interview
	CounselPresent bool      `json:"counsel_present"`
	Setting        string    `json:"setting,omitempty"` // shelter, embassy, detention centre, police station, ...

	Recruitment Recruitment `json:"recruitment"`
	// Indicators are the ILO's 11 indicators of forced labour, each found
	// present or not, with its evidence.
	Indicators []IndicatorFinding `json:"indicators"`
	// Control are the HTCDS methods of control found, with evidence.
	Control []ControlFinding `json:"control"`

	CompoundID        string  `json:"compound_id,omitempty"`
	RoleInCompound    string  `json:"role_in_compound,omitempty"` // chatter, caller, translator, manager, guard, cook, ...
	DaysInCompound    int     `json:"days_in_compound"`
	PayReceived       []Money `json:"pay_received,omitempty"`
	RecruitedOthers   bool    `json:"recruited_others"`
	PromotedToManager bool    `json:"promoted_to_manager"`
	// ExitMode: rescued, escaped, self_reported, raid_arrest,
	// voluntary_departure, deported, still_inside.
	ExitMode string `json:"exit_mode,omitempty"`

	// Status is the trafficking status decided: possible, actual, not.
	Status         string    `json:"status"`
	DecidedBy      string    `json:"decided_by"`   // name or user ID of who decided
	DecidingOrg    string    `json:"deciding_org"` // organisation
	DecidedAt      time.Time `json:"decided_at"`
	DecisionReason string    `json:"decision_reason"`

	NonPunishment NonPunishment `json:"non_punishment"`

	Supersedes string `json:"supersedes,omitempty"` // the screening this one replaced
	// SupersededBy is set by the store when a later screening replaces
	// this one; it is not part of the stored JSON.
	SupersededBy string `json:"-"`
}

// Recruitment is how a person was recruited.
type Recruitment struct {
	Channel           string `json:"channel,omitempty"` // online_ad, social_media, messenger, friend, family, agency, other
	AdText            string `json:"ad_text,omitempty"`
	AdURL             string `json:"ad_url,omitempty"`
	PromisedJob       string `json:"promised_job,omitempty"`
	PromisedPay       *Money `json:"promised_pay,omitempty"`
	RecruiterHandle   string `json:"recruiter_handle,omitempty"`
	RecruiterPersonID string `json:"recruiter_person_id,omitempty"`
	KnewIllegal       string `json:"knew_illegal,omitempty"` // yes, no, unknown: knew before leaving that the work was illegal
}

// Money is an amount in integer minor units of an ISO 4217 currency.
type Money struct {
	AmountMinor int64  `json:"amount_minor"`
	Currency    string `json:"currency"`
}

// IndicatorFinding is one ILO indicator of forced labour.
type IndicatorFinding struct {
	Code     string     `json:"code"` // abuse_of_vulnerability, deception, ...
	Present  bool       `json:"present"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// ControlFinding is one HTCDS method of control that was used.
type ControlFinding struct {
	Code     string     `json:"code"` // the HTCDS field name, e.g. MethodsOfControlDebtBondage
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence supports a finding: testimony, a medical finding, a co-worker's
// statement, seized CCTV or chat logs, a passport-confiscation record.
type Evidence struct {
	Kind string `json:"kind"` // testimony, medical, co_worker_statement, cctv, chat_log, document_record, other
	Ref  string `json:"ref,omitempty"`
	Note string `json:"note,omitempty"`
}

// NonPunishment is the recommendation to the prosecutor on the
// non-punishment principle, with its rationale.
type NonPunishment struct {
	// Recommendation: recommend_no_prosecution, partial, not_applicable.
	Recommendation string `json:"recommendation"`
	Rationale      string `json:"rationale"`
}

// ChargeEvidence is an item of evidence for a charge against a person:
// a record of its own, apart from screenings.
type ChargeEvidence struct {
	ID          string    `json:"id"`
	PersonID    string    `json:"person_id"`
	CaseID      string    `json:"case_id,omitempty"`
	Origin      string    `json:"origin"`
	TLP         string    `json:"tlp"`
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	Charge      string    `json:"charge"` // fraud, criminal_group, money_laundering, ...
	Kind        string    `json:"kind"`   // statement, device, financial, chat, cctv, document, witness, other
	Description string    `json:"description"`
	Ref         string    `json:"ref,omitempty"` // exhibit number, hash, file reference
	CollectedAt time.Time `json:"collected_at,omitempty"`
	CollectedBy string    `json:"collected_by,omitempty"`
}
