package demo

import (
	"bufio"
	"encoding/json"
	"io"
	"time"

	"counterscam/internal/intake"
)

// jsonRecord is a record in intake's JSON Lines layout.
type jsonRecord struct {
	ExternalRef    string         `json:"external_ref"`
	Origin         string         `json:"origin"`
	ReceivedAt     string         `json:"received_at"`
	OccurredAt     string         `json:"occurred_at,omitempty"`
	ScamType       string         `json:"scam_type"`
	Narrative      string         `json:"narrative,omitempty"`
	VictimRef      string         `json:"victim_ref,omitempty"`
	VictimCountry  string         `json:"victim_country,omitempty"`
	Losses         []jsonLoss     `json:"losses,omitempty"`
	Selectors      []jsonSelector `json:"selectors,omitempty"`
	TLP            string         `json:"tlp"`
	Channel        string         `json:"channel"`
	ContactName    string         `json:"contact_name,omitempty"`
	ContactEmail   string         `json:"contact_email,omitempty"`
	ContactPhone   string         `json:"contact_phone,omitempty"`
	ContactConsent *bool          `json:"contact_consent,omitempty"`
}

type jsonLoss struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

type jsonSelector struct {
	Value string `json:"value"`
	Role  string `json:"role,omitempty"`
	Kind  string `json:"kind,omitempty"`
}

// WriteJSONL writes records in intake's JSON Lines layout, which keeps
// every selector's role and kind: `counterscam import` reads it back into
// the same records.
func WriteJSONL(w io.Writer, records []intake.Record) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range records {
		r := &records[i]
		j := jsonRecord{
			ExternalRef: r.ExternalRef, Origin: r.Origin, ReceivedAt: r.ReceivedAt.Format(time.RFC3339),
			ScamType: r.ScamType, Narrative: r.Narrative, VictimRef: r.VictimRef, VictimCountry: r.VictimCountry,
			TLP: r.TLP, Channel: r.Channel,
		}
		if !r.OccurredAt.IsZero() {
			j.OccurredAt = r.OccurredAt.Format(time.RFC3339)
		}
		for _, l := range r.Losses {
			exp, _ := intake.CurrencyExponent(l.Currency)
			j.Losses = append(j.Losses, jsonLoss{Amount: decimal(l.AmountMinor, exp), Currency: l.Currency})
		}
		for _, s := range r.Selectors {
			j.Selectors = append(j.Selectors, jsonSelector(s))
		}
		if c := r.Contact; c != nil {
			j.ContactName, j.ContactEmail, j.ContactPhone = c.Name, c.Email, c.Phone
			consent := c.Consent
			j.ContactConsent = &consent
		}
		if err := enc.Encode(&j); err != nil {
			return err
		}
	}
	return bw.Flush()
}
