package intake

import "counterscam/internal/intel"

// Input turns a record into the intelligence service's input: the service
// normalises the selectors (VictimCountry as the phone region) and stores it.
func (r *Record) Input() *intel.ReportInput {
	in := &intel.ReportInput{
		Origin: r.Origin, ExternalRef: r.ExternalRef, Channel: r.Channel,
		ReceivedAt: r.ReceivedAt, OccurredAt: r.OccurredAt, ScamType: r.ScamType,
		Narrative: r.Narrative, VictimRef: r.VictimRef, VictimCountry: r.VictimCountry,
		TLP: r.TLP, Losses: r.Losses, Contact: r.Contact,
		LegalBasis: r.LegalBasis, Purpose: r.Purpose, PAP: r.PAP, RecipientEmails: r.Recipients,
	}
	if len(r.Selectors) > 0 {
		in.Selectors = make([]intel.SelectorInput, 0, len(r.Selectors))
	}
	for _, s := range r.Selectors {
		in.Selectors = append(in.Selectors, intel.SelectorInput{Value: s.Value, Kind: s.Kind, Role: s.Role})
	}
	return in
}
