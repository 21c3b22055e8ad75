package ui

import "counterscam/internal/casework"

// repatStates are the case states, as text.
func repatStates() []string {
	var out []string
	for _, s := range casework.States {
		out = append(out, string(s))
	}
	return out
}

// repatriationFamilies are the message families the repatriation pages
// compute keys of, with their members: the casework vocabularies.
func repatriationFamilies() map[string][]string {
	return map[string][]string{
		"repat.kind.":     casework.ScreeningKinds,
		"repat.channel.":  casework.RecruitmentChannels,
		"repat.knew.":     casework.KnewIllegal,
		"repat.ev.":       casework.EvidenceKinds,
		"repat.ind.":      casework.ILOIndicators,
		"repat.moc.":      casework.MethodsOfControl,
		"repat.exit.":     casework.ExitModes,
		"repat.status.":   casework.TraffickingStatuses,
		"repat.rec.":      casework.Recommendations,
		"repat.chg.":      casework.ChargeKinds,
		"repat.role.":     casework.Roles,
		"repat.reason.":   {casework.ReasonDocument, casework.ReasonNameAndBirth, casework.ReasonDecision, casework.ReasonDocumentName, casework.ReasonAmbiguous, casework.ReasonPossible, casework.ReasonDuplicateRow},
		"repat.flstatus.": {"planned", "departed", "arrived", "cancelled"},
		"repat.legal.":    casework.LegalStatuses,
		"repat.fit.":      casework.FitToFly,
		"repat.outcome.":  casework.ArrivalOutcomes,
		"repat.state.":    repatStates(),
	}
}
