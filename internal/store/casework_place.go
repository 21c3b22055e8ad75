package store

import "time"

// Compound is a scam compound or another place people are held.
type Compound struct {
	ID             string       `json:"id"`
	Names          []string     `json:"names"` // the first is the name shown; the rest aliases
	Country        string       `json:"country"`
	Province       string       `json:"province"`
	Coordinates    *Coordinates `json:"coordinates,omitempty"`
	Operators      []string     `json:"operators,omitempty"`
	Raids          []Raid       `json:"raids,omitempty"` // oldest first
	StillOperating bool         `json:"still_operating"`
	Note           string       `json:"note,omitempty"`
	Origin         string       `json:"origin"`
	TLP            string       `json:"tlp"`
	CreatedAt      time.Time    `json:"created_at"`
	UpdatedAt      time.Time    `json:"updated_at"`
}

// Raid is one raid on a compound.
type Raid struct {
	Date   string `json:"date"` // YYYY-MM-DD
	Agency string `json:"agency"`
	Result string `json:"result"` // e.g. "57 foreigners detained, 12 Korean"
	Note   string `json:"note,omitempty"`
}

// AdvisoryZone is an area under a travel advisory, with its level: 1, 2,
// 2.5 (special advisory), 3 or 4, from a date and, where set, until one.
type AdvisoryZone struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Country     string       `json:"country"`
	Province    string       `json:"province,omitempty"`
	Coordinates *Coordinates `json:"coordinates,omitempty"`
	Level       string       `json:"level"`
	From        string       `json:"from"`            // YYYY-MM-DD
	Until       string       `json:"until,omitempty"` // YYYY-MM-DD, "" while in force
	Source      string       `json:"source,omitempty"`
	Note        string       `json:"note,omitempty"`
	UpdatedAt   time.Time    `json:"updated_at"`
}

// Flight is a repatriation flight, charter or scheduled.
type Flight struct {
	ID        string    `json:"id"`
	Number    string    `json:"number"` // e.g. KE9688
	Carrier   string    `json:"carrier"`
	Charter   bool      `json:"charter"`
	From      string    `json:"from"` // IATA airport code
	To        string    `json:"to"`
	DepartAt  time.Time `json:"depart_at"`
	ArriveAt  time.Time `json:"arrive_at,omitempty"`
	Status    string    `json:"status"` // planned, departed, arrived, cancelled
	Origin    string    `json:"origin"`
	TLP       string    `json:"tlp"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
	Note      string    `json:"note,omitempty"`
	// Reschedules are the changes of the flight's times while it was
	// planned, oldest first.
	Reschedules []FlightReschedule `json:"reschedules,omitempty"`
}

// FlightReschedule is one move of a planned flight to new times: from
// what to what, when, by whom and why.
type FlightReschedule struct {
	At        time.Time `json:"at"`
	By        string    `json:"by"` // user ID
	Org       string    `json:"org"`
	DepartWas time.Time `json:"depart_was"`
	DepartAt  time.Time `json:"depart_at"`
	ArriveWas time.Time `json:"arrive_was,omitzero"`
	ArriveAt  time.Time `json:"arrive_at,omitzero"`
	Reason    string    `json:"reason"`
}

// Passenger is one person on a flight's manifest.
type Passenger struct {
	FlightID string `json:"flight_id"`
	PersonID string `json:"person_id"`
	CaseID   string `json:"case_id,omitempty"`
	Seat     string `json:"seat,omitempty"`
	// LegalStatus on departure: warrant_to_execute, red_notice, victim, voluntary.
	LegalStatus     string    `json:"legal_status"`
	FitToFly        string    `json:"fit_to_fly"` // fit, unfit, pending
	FitNote         string    `json:"fit_note,omitempty"`
	Escort          string    `json:"escort,omitempty"`
	ReceivingAgency string    `json:"receiving_agency,omitempty"`
	AddedAt         time.Time `json:"added_at"`
	AddedBy         string    `json:"added_by"`
	// Outcome on arrival: pending, warrant_executed, released,
	// referred_to_shelter, handed_to_family, hospital.
	Outcome     string    `json:"outcome"`
	OutcomeAt   time.Time `json:"outcome_at,omitempty"`
	OutcomeNote string    `json:"outcome_note,omitempty"`
}
