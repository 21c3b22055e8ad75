package intake

import (
	"time"

	"counterscam/internal/store"
)

// Record is one report as read from a file: validated, with its selectors
// still raw. The import pipeline parses the selectors (VictimCountry is the
// region hint for national phone numbers) and stores the report.
type Record struct {
	File string // the name given to NewReader
	Line int    // the line the record starts on (1-based)

	ExternalRef   string
	Origin        string
	Channel       string    // web, api, import (the default) or partner
	ReceivedAt    time.Time // UTC
	OccurredAt    time.Time // UTC; zero when not given
	ScamType      string    // canonical: romance, crypto_investment, ...
	Narrative     string
	VictimRef     string
	VictimCountry string // ISO 3166-1 alpha-2, upper case; "" when not given
	TLP           string // CLEAR, GREEN, AMBER (the default), AMBER+STRICT or RED
	Losses        []store.Loss
	Selectors     []RawSelector
	LegalBasis    string   // why the personal data in it may be held
	Purpose       string   // what it was collected for
	PAP           string   // FIRST PAP label, "" when not given
	Recipients    []string // TLP:RED: e-mail addresses of the users it is for
	// Contact is the reporter's contact details, nil when none were given.
	// Its ReportID is empty: the pipeline sets it.
	Contact *store.Contact
}

// RawSelector is a selector as written in a report, not yet parsed.
type RawSelector struct {
	Value string // trimmed, otherwise as written
	Role  string // contacted_by, paid_to, recruited_via, website, mentioned, ...; "" when not given
	Kind  string // a selector kind name (phone, crypto, ...); "" means detect it
}

// Report returns the store record for r, without ID, Selectors, NetworkID
// and CreatedAt, which the pipeline fills in.
func (r *Record) Report() *store.Report {
	return &store.Report{
		Origin:        r.Origin,
		ExternalRef:   r.ExternalRef,
		Channel:       r.Channel,
		ReceivedAt:    r.ReceivedAt,
		OccurredAt:    r.OccurredAt,
		ScamType:      r.ScamType,
		Narrative:     r.Narrative,
		VictimRef:     r.VictimRef,
		VictimCountry: r.VictimCountry,
		TLP:           r.TLP,
		Losses:        append([]store.Loss(nil), r.Losses...),
	}
}
